package org.libvirt4j.jni;

import java.util.List;
import org.libvirt4j.spi.AdmClientContract;
import org.libvirt4j.spi.NativeHandle;
import org.libvirt4j.spi.ObjectKind;
import org.libvirt4j.spi.TypedParameter;

/** {@link org.libvirt4j.AdmClient} over a {@code virAdmClientPtr}, through {@code lv_admin.c}. */
final class JniAdmClient implements AdmClientContract {
    private final NativeHandle h;

    JniAdmClient(long client) {
        this.h = new NativeHandle(ObjectKind.ADM_CLIENT, client, p -> JniAdmNatives.free(JniAdmNatives.F_CLIENT, p));
    }

    @Override
    public void close() {
        h.close();
    }

    private long number(String fn, int which) {
        return h.call(fn, c -> JniAdmNatives.getNumber(which, c));
    }

    @Override
    public long rawGetID() {
        return number("virAdmClientGetID", JniAdmNatives.N_CLIENT_ID);
    }

    @Override
    public long rawGetTimestamp() {
        return number("virAdmClientGetTimestamp", JniAdmNatives.N_CLIENT_TIMESTAMP);
    }

    @Override
    public int rawGetTransport() {
        return (int) number("virAdmClientGetTransport", JniAdmNatives.N_CLIENT_TRANSPORT);
    }

    @Override
    public List<TypedParameter> rawGetInfo(int flags) {
        return h.call("virAdmClientGetInfo", c -> {
            return List.copyOf(Params.fromNative(JniAdmNatives.getParams(JniAdmNatives.P_CLIENT_INFO, c, flags)));
        });
    }

    @Override
    public void rawClose(int flags) {
        h.run("virAdmClientClose", c -> JniAdmNatives.intCall(JniAdmNatives.I_CLIENT_CLOSE, c, 0, flags));
    }
}

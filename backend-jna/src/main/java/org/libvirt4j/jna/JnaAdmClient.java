package org.libvirt4j.jna;

import java.util.List;
import org.libvirt4j.jna.internal.AdminNatives;
import org.libvirt4j.jna.internal.Errors;
import org.libvirt4j.spi.AdmClientContract;
import org.libvirt4j.spi.NativeHandle;
import org.libvirt4j.spi.ObjectKind;
import org.libvirt4j.spi.TypedParameter;

/** {@link org.libvirt4j.AdmClient} over a {@code virAdmClientPtr}. */
final class JnaAdmClient implements AdmClientContract {
    private final NativeHandle h;

    JnaAdmClient(long client) {
        this.h = new NativeHandle(ObjectKind.ADM_CLIENT, client, p -> AdminNatives.free("virAdmClientFree", p));
    }

    @Override
    public void close() {
        h.close();
    }

    /** Calls a getter that answers from the client object itself: -1 only for an invalid one. */
    private long field(String fn, boolean isInt) {
        return h.call(fn, c -> {
            Object[] args = {c};
            long v = isInt ? AdminNatives.function(fn).invokeInt(args) : AdminNatives.function(fn).invokeLong(args);
            if (v == -1 && Errors.pending()) {
                throw Errors.last(fn);
            }
            return v;
        });
    }

    @Override
    public long rawGetID() {
        return field("virAdmClientGetID", false);
    }

    @Override
    public long rawGetTimestamp() {
        return field("virAdmClientGetTimestamp", false);
    }

    @Override
    public int rawGetTransport() {
        return (int) field("virAdmClientGetTransport", true);
    }

    @Override
    public List<TypedParameter> rawGetInfo(int flags) {
        String fn = "virAdmClientGetInfo";
        return h.call(fn, c -> JnaAdmServer.readAllocated(fn, c, flags));
    }

    @Override
    public void rawClose(int flags) {
        String fn = "virAdmClientClose";
        h.run(fn, c -> AdminNatives.check(fn, c, flags));
    }
}

package org.libvirt4j.jni;

import java.util.ArrayList;
import java.util.List;
import org.libvirt4j.AdmClient;
import org.libvirt4j.spi.AdmServerContract;
import org.libvirt4j.spi.NativeHandle;
import org.libvirt4j.spi.ObjectKind;
import org.libvirt4j.spi.TypedParameter;

/** {@link org.libvirt4j.AdmServer} over a {@code virAdmServerPtr}, through {@code lv_admin.c}. */
final class JniAdmServer implements AdmServerContract {
    private final NativeHandle h;

    JniAdmServer(long srv) {
        this.h = new NativeHandle(ObjectKind.ADM_SERVER, srv, p -> JniAdmNatives.free(JniAdmNatives.F_SERVER, p));
    }

    @Override
    public void close() {
        h.close();
    }

    @Override
    public String rawGetName() {
        return h.call("virAdmServerGetName", s -> JniAdmNatives.getString(JniAdmNatives.S_SERVER_NAME, s, 0));
    }

    @Override
    public List<TypedParameter> rawGetParameters(Parameters which, int flags) {
        return h.call(which.getter(), s -> {
            return List.copyOf(Params.fromNative(JniAdmNatives.getParams(which == Parameters.THREAD_POOL
                    ? JniAdmNatives.P_THREAD_POOL : JniAdmNatives.P_CLIENT_LIMITS, s, flags)));
        });
    }

    @Override
    public void rawSetParameters(Parameters which, List<TypedParameter> params, int flags) {
        Params p = Params.toNative(params);
        h.run(which.setter(), s -> {
            JniAdmNatives.setParams(which == Parameters.THREAD_POOL ? JniAdmNatives.P_THREAD_POOL
                    : JniAdmNatives.P_CLIENT_LIMITS, s, p.fields(), p.types(), p.values(), p.strings(), flags);
        });
    }

    @Override
    public List<AdmClient> rawListClients(int flags) {
        return h.call("virAdmServerListClients", s -> {
            long[] ptrs = JniAdmNatives.list(JniAdmNatives.L_CLIENTS, s, flags);
            List<AdmClient> out = new ArrayList<>(ptrs.length);
            for (long p : ptrs) {
                out.add(new JniAdmClient(p));
            }
            return List.copyOf(out);
        });
    }

    @Override
    public AdmClient rawLookupClient(long id, int flags) {
        return h.call("virAdmServerLookupClient", s -> new JniAdmClient(JniAdmNatives.lookupClient(s, id, flags)));
    }

    @Override
    public void rawUpdateTlsFiles(int flags) {
        h.run("virAdmServerUpdateTlsFiles", s -> JniAdmNatives.intCall(JniAdmNatives.I_UPDATE_TLS_FILES, s, 0, flags));
    }
}

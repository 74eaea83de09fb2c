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
        long s = h.acquire("virAdmServerGetName");
        try {
            return JniAdmNatives.getString(JniAdmNatives.S_SERVER_NAME, s, 0);
        } finally {
            h.release();
        }
    }

    @Override
    public List<TypedParameter> rawGetParameters(Parameters which, int flags) {
        long s = h.acquire(which.getter());
        try {
            return List.copyOf(Params.fromNative(JniAdmNatives.getParams(which == Parameters.THREAD_POOL
                    ? JniAdmNatives.P_THREAD_POOL : JniAdmNatives.P_CLIENT_LIMITS, s, flags)));
        } finally {
            h.release();
        }
    }

    @Override
    public void rawSetParameters(Parameters which, List<TypedParameter> params, int flags) {
        Params p = Params.toNative(params);
        long s = h.acquire(which.setter());
        try {
            JniAdmNatives.setParams(which == Parameters.THREAD_POOL ? JniAdmNatives.P_THREAD_POOL
                    : JniAdmNatives.P_CLIENT_LIMITS, s, p.fields(), p.types(), p.values(), p.strings(), flags);
        } finally {
            h.release();
        }
    }

    @Override
    public List<AdmClient> rawListClients(int flags) {
        long s = h.acquire("virAdmServerListClients");
        try {
            long[] ptrs = JniAdmNatives.list(JniAdmNatives.L_CLIENTS, s, flags);
            List<AdmClient> out = new ArrayList<>(ptrs.length);
            for (long p : ptrs) {
                out.add(new JniAdmClient(p));
            }
            return List.copyOf(out);
        } finally {
            h.release();
        }
    }

    @Override
    public AdmClient rawLookupClient(long id, int flags) {
        long s = h.acquire("virAdmServerLookupClient");
        try {
            return new JniAdmClient(JniAdmNatives.lookupClient(s, id, flags));
        } finally {
            h.release();
        }
    }

    @Override
    public void rawUpdateTlsFiles(int flags) {
        long s = h.acquire("virAdmServerUpdateTlsFiles");
        try {
            JniAdmNatives.intCall(JniAdmNatives.I_UPDATE_TLS_FILES, s, 0, flags);
        } finally {
            h.release();
        }
    }
}

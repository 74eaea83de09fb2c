package org.libvirt4j.jni;

import java.util.ArrayList;
import java.util.List;
import org.libvirt4j.ConnectAuthCallback;
import org.libvirt4j.ConnectCredential;

/**
 * The hand-written natives of {@code lv_manual.c} and {@code lv_core.c}, registered by
 * {@code JNI_OnLoad}. The numbers below must match the tables there.
 */
final class JniNatives {
    // Handle kinds (lv_free_slots).
    static final int K_CONNECT = 0;
    static final int K_DOMAIN = 1;
    static final int K_NETWORK = 2;
    static final int K_NETWORK_PORT = 3;
    static final int K_STORAGE_POOL = 4;
    static final int K_STORAGE_VOL = 5;
    static final int K_INTERFACE = 6;
    static final int K_NODE_DEVICE = 7;
    static final int K_SECRET = 8;
    static final int K_NWFILTER = 9;
    static final int K_NWFILTER_BINDING = 10;
    static final int K_DOMAIN_SNAPSHOT = 11;
    static final int K_DOMAIN_CHECKPOINT = 12;
    static final int K_STREAM = 13;
    static final int KINDS = 14;

    // listAll kinds (lv_lists).
    static final int L_DOMAINS = 0;
    static final int L_NETWORKS = 1;
    static final int L_STORAGE_POOLS = 2;
    static final int L_INTERFACES = 3;
    static final int L_NODE_DEVICES = 4;
    static final int L_SECRETS = 5;
    static final int L_NWFILTERS = 6;
    static final int L_NWFILTER_BINDINGS = 7;
    static final int L_NETWORK_PORTS = 8;
    static final int L_POOL_VOLUMES = 9;
    static final int L_SNAPSHOTS = 10;
    static final int L_SNAPSHOT_CHILDREN = 11;
    static final int L_CHECKPOINTS = 12;
    static final int L_CHECKPOINT_CHILDREN = 13;

    // Typed-parameter calls (lv_get_params / lv_set_params).
    static final int P_MEMORY = 0;
    static final int P_SCHED = 1;
    static final int P_SCHED_FLAGS = 2;

    private JniNatives() {
    }

    /** @return why dlopen("libvirt.so.0") failed, or null */
    static native String libvirtLoadError();

    /** Frees a handle of the given kind; never throws. */
    static native void free(int kind, long pointer);

    /** virDomainGetInfo into out[5]: state, maxMem, memory, nrVirtCpu, cpuTime. */
    static native void domainGetInfo(long dom, long[] out);

    /** virDomainGetState into out[2]: state, reason. */
    static native void domainGetState(long dom, int flags, int[] out);

    /** virNodeGetInfo into out[7]; returns the model. */
    static native String nodeGetInfo(long conn, long[] out);

    /** virStoragePoolGetInfo into out[4]. */
    static native void storagePoolGetInfo(long pool, long[] out);

    /** virStorageVolGetInfo into out[3]. */
    static native void storageVolGetInfo(long vol, long[] out);

    /** virDomainBlockStats into out[5]. */
    static native void domainBlockStats(long dom, String disk, long[] out);

    /** virDomainInterfaceStats into out[8]. */
    static native void domainInterfaceStats(long dom, String device, long[] out);

    /** How many statistics the C side asks virDomainMemoryStats for (VIR_DOMAIN_MEMORY_STAT_NR). */
    static final int MEMORY_STAT_NR = 13;

    /** virDomainMemoryStats into out[2 * MEMORY_STAT_NR] as tag, value pairs; returns how many. */
    static native int domainMemoryStats(long dom, long[] out, int flags);

    /** One of the virXxxListAll* calls (L_*); the caller owns every returned pointer. */
    static native long[] listAll(int which, long parent, int flags);

    /** virNodeDeviceNumOfCaps + virNodeDeviceListCaps. */
    static native String[] nodeDeviceListCaps(long dev);

    /** Typed parameters (P_*): {schedulerType or null, String[] fields, int[] types, long[] values, String[] strings}. */
    static native Object[] getParams(int which, long dom, int flags);

    /** Sets typed parameters (P_*); doubles travel as raw long bits. */
    static native void setParams(int which, long dom, String[] fields, int[] types, long[] values,
            String[] strings, int flags);

    /** virConnectOpenAuth; a null callback passes a NULL auth. */
    static native long openAuth(String uri, int[] credTypes, ConnectAuthCallback callback, int flags);

    /** virStreamSend of a direct buffer's memory at [off, off+len), without a copy. */
    static native int streamSendDirect(long stream, java.nio.ByteBuffer direct, int off, int len);

    /** virStreamRecv into a direct buffer's memory at [off, off+len), without a copy. */
    static native int streamRecvDirect(long stream, java.nio.ByteBuffer direct, int off, int len);

    /** virStreamRecvFlags into data[off, off+len); returns -2 and -3 as libvirt does. */
    static native int streamRecvFlags(long stream, byte[] data, int off, int len, int flags);

    /** virStreamRecvHole's length. */
    static native long streamRecvHole(long stream, int flags);

    /** virStreamEventAddCallback of the glue's one stream callback, with {@code key} as opaque (see JniEvents). */
    static native void streamEventAdd(long stream, int events, long key);

    /** virSecretGetValue; the native copy is wiped. */
    static native byte[] secretGetValue(long secret, int flags);

    /** virSecretSetValue; the native copy is wiped. */
    static native void secretSetValue(long secret, byte[] value, int flags);

    /** virGetVersion's library version. */
    static native long getVersion();

    /**
     * Registers one event kind's C callback (generated, {@code lv_events.c}) with the family's
     * {@code virConnectXxxEventRegisterAny} and the kind's event id. The callback calls
     * {@link JniEvents#event} and the free callback {@link JniEvents#freed}, both with {@code key}
     * (the registration's opaque pointer).
     *
     * @param kind the {@code EventKind}'s ordinal
     * @param target the object to filter on, or 0 for every one
     * @return the callback id
     */
    static native int eventRegister(int kind, long conn, long target, long key);

    /**
     * {@code virConnectRegisterCloseCallback} with the one C close function every registration
     * passes. It calls {@link JniEvents#closed} and the free callback calls {@link JniEvents#freed},
     * both with {@code key} (the registration's opaque pointer).
     */
    static native void closeCallbackRegister(long conn, long key);

    /** {@code virConnectUnregisterCloseCallback} of that same C close function. */
    static native void closeCallbackUnregister(long conn);

    /**
     * {@code virConnectGetAllDomainStats} for an empty {@code doms}, else {@code virDomainListGetStats}
     * on them (each checked to belong to {@code conn} first, as {@code ERR_INVALID_ARG}); the
     * records are freed with {@code virDomainStatsRecordListFree}.
     *
     * @return {long[] domains, Object[] params}: one entry per record in libvirt's order; each
     *         domain pointer carries a reference the caller owns, each params element is what
     *         {@link #getParams} returns (with a null scheduler type)
     */
    static native Object[] getAllDomainStats(long conn, long[] doms, int stats, int flags);

    /**
     * Called from C inside virConnectOpenAuth: asks the application's callback.
     *
     * @return the answers, one per request (null for none), or null to refuse
     */
    static String[] authenticate(ConnectAuthCallback callback, int[] types, String[] prompts,
            String[] challenges, String[] defaults) {
        List<ConnectCredential> creds = new ArrayList<>(types.length);
        for (int i = 0; i < types.length; i++) {
            creds.add(new ConnectCredential(types[i], prompts[i], challenges[i], defaults[i]));
        }
        try {
            callback.authenticate(List.copyOf(creds));
        } catch (RuntimeException refused) {
            // The callback refuses by throwing: libvirt then fails the open with ERR_AUTH_FAILED.
            return null;
        }
        String[] answers = new String[types.length];
        for (int i = 0; i < answers.length; i++) {
            answers[i] = creds.get(i).result();
        }
        return answers;
    }
}

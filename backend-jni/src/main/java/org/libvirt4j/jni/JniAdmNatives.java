package org.libvirt4j.jni;

/**
 * The natives of {@code lv_admin.c}, registered by {@code JNI_OnLoad}: the admin API of
 * {@code libvirt-admin.so.0}, loaded on first use. Each throws {@link org.libvirt4j.LibvirtException}
 * with libvirt's error, or {@code ERR_NO_SUPPORT} naming the function when it is missing.
 */
final class JniAdmNatives {
    // list
    static final int L_SERVERS = 0;
    static final int L_CLIENTS = 1;
    // getString
    static final int S_LOGGING_OUTPUTS = 0;
    static final int S_LOGGING_FILTERS = 1;
    static final int S_URI = 2;
    static final int S_SERVER_NAME = 3;
    // getNumber
    static final int N_CLIENT_ID = 0;
    static final int N_CLIENT_TIMESTAMP = 1;
    static final int N_CLIENT_TRANSPORT = 2;
    static final int N_ALIVE = 3;
    static final int N_LIB_VERSION = 4;
    // intCall
    static final int I_DAEMON_TIMEOUT = 0;
    static final int I_UPDATE_TLS_FILES = 1;
    static final int I_CLIENT_CLOSE = 2;
    // getParams / setParams
    static final int P_THREAD_POOL = 0;
    static final int P_CLIENT_LIMITS = 1;
    static final int P_CLIENT_INFO = 2;
    // free
    static final int F_CONNECT = 0;
    static final int F_SERVER = 1;
    static final int F_CLIENT = 2;

    private JniAdmNatives() {
    }

    static native long open(String uri, int flags);

    static native long version();

    static native long[] list(int which, long object, int flags);

    static native long lookupServer(long conn, String name, int flags);

    static native long lookupClient(long srv, long id, int flags);

    static native String getString(int which, long object, int flags);

    static native void setString(int which, long conn, String value, int flags);

    static native long getNumber(int which, long object);

    static native void intCall(int which, long object, int arg, int flags);

    /** {@return the parameters as {@code JniNatives.getParams} gives them} */
    static native Object[] getParams(int which, long object, int flags);

    static native void setParams(int which, long srv, String[] fields, int[] types, long[] values, String[] strings,
            int flags);

    static native void free(int which, long object);

    /** Registers the one close function with {@code key} as its opaque; it calls {@code JniAdmConnect.closed}. */
    static native void closeCallbackRegister(long conn, long key);

    static native void closeCallbackUnregister(long conn);
}

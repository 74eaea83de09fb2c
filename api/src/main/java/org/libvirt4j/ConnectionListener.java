package org.libvirt4j;

/**
 * Hears a reconnecting connection go away and come back ({@link ConnectOption#CONNECTION_LISTENER},
 * given with {@link ConnectOption#RECONNECT}). Called on a backend thread, never while a call of
 * the application is blocked on it; keep it short. The calls alternate: each {@link #disconnected}
 * is followed by one {@link #reconnected} or {@link #gaveUp}, never overtaken by the next.
 */
public interface ConnectionListener {
    /**
     * The daemon went away; calls fail until {@link #reconnected}.
     *
     * @param conn the connection
     * @param cause the error that ended it
     */
    void disconnected(Connect conn, LibvirtException cause);

    /**
     * The connection is open again, its event callbacks registered anew (they may hear the new
     * daemon's events just before this is called).
     *
     * @param conn the connection
     * @param attempts the attempts it took
     */
    void reconnected(Connect conn, int attempts);

    /**
     * The policy's attempts ran out; the connection stays down for good (every call fails with
     * {@code ERR_NO_CONNECT}), and its handles still need closing.
     *
     * @param conn the connection
     * @param lastError the last attempt's error
     */
    default void gaveUp(Connect conn, LibvirtException lastError) {
    }
}

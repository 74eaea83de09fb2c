package org.libvirt4j;

/**
 * Hears a reconnecting connection go away and come back ({@link ConnectOption#CONNECTION_LISTENER}).
 * Called on a backend thread, never while a call of the application is blocked on it; keep it short.
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
     * The connection is open again, its event callbacks registered anew.
     *
     * @param conn the connection
     * @param attempts the attempts it took
     */
    void reconnected(Connect conn, int attempts);

    /**
     * The policy's attempts ran out; the connection is closed for good.
     *
     * @param conn the connection
     * @param lastError the last attempt's error
     */
    default void gaveUp(Connect conn, LibvirtException lastError) {
    }
}

package org.libvirt4j.spi;

import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;

/**
 * Runs close callbacks so that a backend can refuse what would hang: libvirt holds a
 * connection's close-callback lock while its callback runs, so registering or unregistering a
 * close callback of that connection from inside it waits forever in the native backends. Every
 * backend refuses it the same way instead.
 */
public final class CloseCallbacks {
    private static final ThreadLocal<Object> RUNNING = new ThreadLocal<>();

    private CloseCallbacks() {
    }

    /**
     * Runs {@code callback} as the close callback of {@code conn} on this thread.
     *
     * @param conn the connection handle whose callback this is
     * @param callback the call into the application
     */
    public static void run(Object conn, Runnable callback) {
        Object outer = RUNNING.get();
        RUNNING.set(conn);
        try {
            callback.run();
        } finally {
            RUNNING.set(outer);
        }
    }

    /**
     * @param conn the connection handle a close callback is being (un)registered on
     * @param function the C function, for the message
     * @throws LibvirtException {@code ERR_OPERATION_INVALID} when called from inside that connection's close callback
     */
    public static void refuseInside(Object conn, String function) {
        if (RUNNING.get() == conn) {
            throw LibvirtException.of(ErrorNumber.ERR_OPERATION_INVALID, ErrorDomain.NONE,
                    "Requested operation is not valid: " + function
                            + " cannot be called from inside the connection's own close callback");
        }
    }
}

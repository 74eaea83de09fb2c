package org.libvirt4j;

import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * An event callback registration that deregisters when closed, for try-with-resources beside Go's
 * callback ids:
 * {@code try (EventRegistration r = EventRegistration.of(conn.domainEventRebootRegister(null, cb), conn::domainEventDeregister)) { ... }}.
 *
 * <p>{@link #close()} deregisters once; closing again (which waits for a close in progress on
 * another thread), or after the connection was closed (which deregisters everything registered on
 * it), does nothing more.
 */
public final class EventRegistration implements AutoCloseable {
    private final int callbackId;
    private final IntConsumer deregister;
    /** Guarded by this: a second close() waits until the first has deregistered. */
    private boolean closed;

    private EventRegistration(int callbackId, IntConsumer deregister) {
        this.callbackId = callbackId;
        this.deregister = deregister;
    }

    /**
     * @param callbackId what a register method of {@link ConnectEvents} returned
     * @param deregister the matching family's deregister method ({@code conn::domainEventDeregister}, ...)
     * @return the registration
     */
    public static EventRegistration of(int callbackId, IntConsumer deregister) {
        return new EventRegistration(callbackId, Objects.requireNonNull(deregister, "deregister"));
    }

    /** {@return the callback id} */
    public int callbackId() {
        return callbackId;
    }

    /**
     * Deregisters the callback, the first time only.
     *
     * @throws LibvirtException what the deregister method throws, except for a connection already
     *         closed (its callbacks are gone with it)
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            deregister.accept(callbackId);
        } catch (LibvirtException e) {
            if (e.code() != ErrorNumber.ERR_INVALID_CONN) {
                throw e;
            }
        }
    }
}

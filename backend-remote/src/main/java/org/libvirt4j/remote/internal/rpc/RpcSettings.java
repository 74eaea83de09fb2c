package org.libvirt4j.remote.internal.rpc;

import io.netty.channel.EventLoopGroup;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * What one connection ({@link RpcConnection}) is told at its creation: how long a call waits, how
 * long a lone caller spins, and which event loops serve its socket. Built from the connection's
 * {@code ConnectOptions}; {@link #defaults()} reads the system properties that stand for the
 * options' defaults.
 *
 * @param timeoutNanos how long a call waits for its reply, also the time the whole open may take
 * @param spinNanos how long a caller that is the connection's only call in flight busy-waits for
 *        its reply before parking (0 parks at once)
 * @param group the event loops that read the socket: the application's, or {@code null} for the
 *        backend's shared ones, which {@link #group()} creates on first use (a {@code +unix}
 *        connection on epoll never needs the shared NIO loops, so it never pays for their selectors)
 */
public record RpcSettings(long timeoutNanos, long spinNanos, EventLoopGroup group) {
    /** System property: the default call timeout in seconds (default 60). */
    public static final String TIMEOUT_PROPERTY = "libvirt4j.remote.callTimeoutSeconds";
    /**
     * System property: microseconds a caller that is the connection's only call in flight
     * busy-waits for its reply before parking, at most (default 200, 0 to always park at once);
     * the window shrinks while replies miss it.
     */
    public static final String SPIN_PROPERTY = "libvirt4j.remote.spinMicros";

    /**
     * Checks the values.
     *
     * @param timeoutNanos the call timeout, positive
     * @param spinNanos the spin window, not negative
     * @param group the event loops, or {@code null} for the backend's shared ones
     */
    public RpcSettings {
        if (timeoutNanos <= 0) {
            throw new IllegalArgumentException("call timeout must be positive: " + timeoutNanos + " ns");
        }
        if (spinNanos < 0) {
            throw new IllegalArgumentException("spin window must not be negative: " + spinNanos + " ns");
        }
    }

    /** @return the defaults: the system properties' values, the backend's shared event loops */
    public static RpcSettings defaults() {
        return new RpcSettings(defaultTimeoutNanos(), DEFAULT_SPIN_NANOS, null);
    }

    /** {@return the event loops that read the socket: the application's, or the backend's shared NIO loops} */
    @Override
    public EventLoopGroup group() {
        return group != null ? group : EventLoops.group();
    }

    /** {@return whether the connection runs on the backend's shared loops rather than the application's} */
    boolean sharedGroup() {
        return group == null;
    }

    /**
     * @param timeoutNanos another call timeout
     * @return these settings with it
     */
    public RpcSettings withTimeoutNanos(long timeoutNanos) {
        return new RpcSettings(timeoutNanos, spinNanos, group);
    }

    /**
     * @param group other event loops
     * @return these settings with them
     */
    public RpcSettings withGroup(EventLoopGroup group) {
        return new RpcSettings(timeoutNanos, spinNanos, Objects.requireNonNull(group, "group"));
    }

    private static final long DEFAULT_SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(
            Math.max(0, Long.getLong(SPIN_PROPERTY, 200)));

    /** @return the call timeout from {@link #TIMEOUT_PROPERTY}, 60 s when unset or unreadable */
    private static long defaultTimeoutNanos() {
        String v = System.getProperty(TIMEOUT_PROPERTY);
        if (v != null) {
            try {
                double s = Double.parseDouble(v.trim());
                if (s > 0) {
                    return (long) (s * 1e9);
                }
            } catch (NumberFormatException e) {
                // fall through to the default: a typo must not make calls wait forever
            }
        }
        return TimeUnit.SECONDS.toNanos(60);
    }
}

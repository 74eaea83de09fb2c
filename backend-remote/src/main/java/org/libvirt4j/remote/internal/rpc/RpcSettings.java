package org.libvirt4j.remote.internal.rpc;

import io.netty.channel.EventLoopGroup;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * What setting up a connection takes besides its address: the call timeout (also the limit of the
 * whole open) and the event loops the connection reads on. One value handed to {@link Transports}
 * and down to every unit of the connection, so a per-connection setting is one more component
 * here, not one more parameter on every connector.
 *
 * @param timeoutNanos how long a call waits for its reply, and the whole open may take
 * @param group the event loops that read and decode the daemon's messages
 */
public record RpcSettings(long timeoutNanos, EventLoopGroup group) {
    /** System property: seconds a call waits for its reply (default 60). */
    public static final String TIMEOUT_PROPERTY = "libvirt4j.remote.callTimeoutSeconds";

    /**
     * Checks the components.
     *
     * @param timeoutNanos positive
     * @param group not null
     */
    public RpcSettings {
        if (timeoutNanos <= 0) {
            throw new IllegalArgumentException("timeout must be positive: " + timeoutNanos);
        }
        Objects.requireNonNull(group, "group");
    }

    /** {@return the call timeout of {@link #TIMEOUT_PROPERTY} on the shared event loops} */
    public static RpcSettings defaults() {
        return new RpcSettings(defaultTimeoutNanos(), EventLoops.group());
    }

    /** @return the call timeout from {@link #TIMEOUT_PROPERTY}, 60 s when unset or unreadable */
    public static long defaultTimeoutNanos() {
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

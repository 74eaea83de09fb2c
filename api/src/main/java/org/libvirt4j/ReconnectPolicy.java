package org.libvirt4j;

import java.time.Duration;
import java.util.Objects;

/**
 * When and how often a connection reopens after its daemon went away
 * ({@link ConnectOption#RECONNECT}). Between attempts the delay doubles from {@code initialDelay}
 * up to {@code maxDelay}; {@code maxAttempts} of 0 retries until the connection is closed.
 *
 * <p>While the connection is away, calls fail at once with {@code ERR_NO_CONNECT} ("reconnecting,
 * attempt N"); a call in flight when the daemon went away fails with the error that ended the
 * connection and is never sent again (it may or may not have taken effect). The close callback
 * hears every disconnect and stays registered. After a reconnect every event callback (with its
 * filter), QEMU monitor event callback and the close callback are registered again before calls
 * go through, and every handle obtained from the connection works again: the daemon looks each
 * object up anew by its UUID (or name or key, for kinds without one) on every call, so a handle
 * whose object is gone from the new daemon gives libvirt's {@code ERR_NO_DOMAIN},
 * {@code ERR_NO_NETWORK}, ... A callback whose filter object is gone is dropped. Streams open at
 * the disconnect fail and stay failed. After {@code maxAttempts} failed attempts the connection
 * stays down: every call fails with {@code ERR_NO_CONNECT}, and its handles still need closing.
 * Closing the connection's last handle stops reconnecting at once.
 *
 * @param initialDelay the delay before the first attempt
 * @param maxDelay the longest delay between attempts
 * @param maxAttempts attempts before giving up and closing the connection, 0 for no limit
 */
public record ReconnectPolicy(Duration initialDelay, Duration maxDelay, int maxAttempts) {
    /**
     * Checks the values.
     *
     * @param initialDelay the delay before the first attempt
     * @param maxDelay the longest delay between attempts
     * @param maxAttempts attempts before giving up, 0 for no limit
     */
    public ReconnectPolicy {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= initialDelay <= maxDelay: " + initialDelay + ", " + maxDelay);
        }
        if (maxAttempts < 0) {
            throw new IllegalArgumentException("maxAttempts must not be negative: " + maxAttempts);
        }
    }

    /**
     * @param initialDelay the delay before the first attempt
     * @param maxDelay the longest delay between attempts
     * @param maxAttempts attempts before giving up, 0 for no limit
     * @return the policy
     */
    public static ReconnectPolicy exponentialBackoff(Duration initialDelay, Duration maxDelay, int maxAttempts) {
        return new ReconnectPolicy(initialDelay, maxDelay, maxAttempts);
    }

    /**
     * @param attempt the attempt about to be made, from 1
     * @return the delay before it
     */
    public Duration delayBefore(int attempt) {
        Duration d = initialDelay;
        for (int i = 1; i < attempt && d.compareTo(maxDelay) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(maxDelay) > 0 ? maxDelay : d;
    }
}

package org.libvirt4j;

import java.time.Duration;
import java.util.Objects;

/**
 * When and how often a connection reopens after its daemon went away
 * ({@link ConnectOption#RECONNECT}). Between attempts the delay doubles from {@code initialDelay}
 * up to {@code maxDelay}; {@code maxAttempts} of 0 retries until the connection is closed.
 *
 * <p>While the connection is away, calls fail at once with {@code ERR_NO_CONNECT}; a call in
 * flight when the daemon went away fails with the error that ended the connection and is never
 * sent again (it may or may not have taken effect). After a reconnect every event callback and
 * the close callback are registered again and every handle obtained from the connection works
 * again, looked up anew by its UUID (or name, for kinds without one).
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

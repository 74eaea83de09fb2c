package org.libvirt4j;

/**
 * The guest's clock as its agent reports it through {@code virDomainGetTime} (Go returns the two
 * values as a pair).
 *
 * @param seconds seconds since the Unix epoch
 * @param nanoseconds the nanoseconds within that second
 */
public record DomainTime(long seconds, int nanoseconds) {
}

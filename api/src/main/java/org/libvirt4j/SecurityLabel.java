package org.libvirt4j;

/**
 * The security label of a domain's process, as {@code virDomainGetSecurityLabel} reports it
 * (Go's {@code SecurityLabel}).
 *
 * @param label the label, empty when the process has none
 * @param enforcing whether the security model enforces it
 */
public record SecurityLabel(String label, boolean enforcing) {
}

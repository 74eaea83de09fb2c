package org.libvirt4j;

/**
 * A disk of a domain with an I/O error, as {@code virDomainGetDiskErrors} reports it (Go's
 * {@code DomainDiskError}).
 *
 * @param disk the disk's target ({@code vda})
 * @param errorValue the raw {@code virDomainDiskErrorCode}
 */
public record DomainDiskError(String disk, int errorValue) {
    /** @return the decoded error, {@code UNRECOGNIZED} for a number newer than this binding */
    public DomainDiskErrorCode error() {
        return DomainDiskErrorCode.fromValue(errorValue);
    }
}

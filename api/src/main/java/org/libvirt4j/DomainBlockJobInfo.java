package org.libvirt4j;

/**
 * Progress of the block job running on a disk, as {@code virDomainGetBlockJobInfo} reports it
 * (Go's {@code DomainBlockJobInfo}).
 *
 * @param typeValue the raw {@code virDomainBlockJobType}
 * @param bandwidth the bandwidth limit, in MiB/s unless asked for in bytes
 * @param cur the progress so far, in units of {@code end}
 * @param end the progress at which the job is done
 */
public record DomainBlockJobInfo(int typeValue, long bandwidth, long cur, long end) {
    /** @return the decoded job type, {@code UNRECOGNIZED} for a number newer than this binding */
    public DomainBlockJobType type() {
        return DomainBlockJobType.fromValue(typeValue);
    }
}

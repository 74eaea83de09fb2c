package org.libvirt4j;

/**
 * Progress of a domain's background job, as {@code virDomainGetJobInfo} reports it (the fields of
 * C's {@code virDomainJobInfo}; Go reports the same through {@code DomainJobInfo}).
 *
 * @param typeValue the raw {@code virDomainJobType}
 * @param timeElapsed milliseconds since the job started
 * @param timeRemaining estimated milliseconds until it ends
 * @param dataTotal bytes to process in all
 * @param dataProcessed bytes processed so far
 * @param dataRemaining bytes left
 * @param memTotal memory bytes to process
 * @param memProcessed memory bytes processed
 * @param memRemaining memory bytes left
 * @param fileTotal file bytes to process
 * @param fileProcessed file bytes processed
 * @param fileRemaining file bytes left
 */
public record DomainJobInfo(int typeValue, long timeElapsed, long timeRemaining, long dataTotal, long dataProcessed,
        long dataRemaining, long memTotal, long memProcessed, long memRemaining, long fileTotal, long fileProcessed,
        long fileRemaining) {
    /** @return the decoded job type, {@code UNRECOGNIZED} for a number newer than this binding */
    public DomainJobType type() {
        return DomainJobType.fromValue(typeValue);
    }
}

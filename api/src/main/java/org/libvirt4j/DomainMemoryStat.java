package org.libvirt4j;

/**
 * One statistic of {@code virDomainMemoryStats} (Go's {@code DomainMemoryStat}).
 *
 * @param tagValue the raw {@code virDomainMemoryStatTags}
 * @param value the statistic, in KiB for sizes
 */
public record DomainMemoryStat(int tagValue, long value) {
    /** @return the decoded tag, {@code UNRECOGNIZED} for a number newer than this binding */
    public DomainMemoryStatTags tag() {
        return DomainMemoryStatTags.fromValue(tagValue);
    }
}

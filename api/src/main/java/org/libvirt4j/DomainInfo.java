package org.libvirt4j;

/**
 * What {@code virDomainGetInfo} returns (Go's {@code DomainInfo}).
 *
 * @param stateValue the raw {@code virDomainState}
 * @param maxMem the maximum memory in KiB
 * @param memory the memory in use in KiB
 * @param nrVirtCpu the number of virtual CPUs
 * @param cpuTime the CPU time used, in nanoseconds
 */
public record DomainInfo(int stateValue, long maxMem, long memory, int nrVirtCpu, long cpuTime) {
    /** @return the decoded state, {@code UNRECOGNIZED} for a number newer than this binding */
    public DomainState state() {
        return DomainState.fromValue(stateValue);
    }
}

package org.libvirt4j;

import java.util.BitSet;

/**
 * One vCPU of a running domain, as {@code virDomainGetVcpus} reports it (Go's
 * {@code DomainVcpuInfo}).
 *
 * @param number the vCPU's number
 * @param stateValue the raw {@code virVcpuState}
 * @param cpuTime the CPU time it used, in nanoseconds
 * @param cpu the host CPU it runs on now
 * @param cpuMap the host CPUs it may run on: bit {@code i} set for host CPU {@code i} (a copy)
 */
public record DomainVcpuInfo(int number, int stateValue, long cpuTime, int cpu, BitSet cpuMap) {
    /**
     * Keeps a copy of the map.
     *
     * @param number the vCPU's number
     * @param stateValue the raw {@code virVcpuState}
     * @param cpuTime the CPU time it used, in nanoseconds
     * @param cpu the host CPU it runs on now
     * @param cpuMap the host CPUs it may run on
     */
    public DomainVcpuInfo {
        cpuMap = (BitSet) cpuMap.clone();
    }

    /** @return the host CPUs it may run on: bit {@code i} set for host CPU {@code i} (a copy) */
    @Override
    public BitSet cpuMap() {
        return (BitSet) cpuMap.clone();
    }

    /** @return the decoded state, {@code UNRECOGNIZED} for a number newer than this binding */
    public VcpuState state() {
        return VcpuState.fromValue(stateValue);
    }
}

package org.libvirt4j;

import java.util.BitSet;

/**
 * One IOThread of a domain and the host CPUs it may run on, as {@code virDomainGetIOThreadInfo}
 * reports it (Go's {@code DomainIOThreadInfo}).
 *
 * @param iothreadId the IOThread's id
 * @param cpuMap the host CPUs it may run on: bit {@code i} set for host CPU {@code i} (a copy)
 */
public record DomainIOThreadInfo(int iothreadId, BitSet cpuMap) {
    /**
     * Keeps a copy of the map.
     *
     * @param iothreadId the IOThread's id
     * @param cpuMap the host CPUs it may run on
     */
    public DomainIOThreadInfo {
        cpuMap = (BitSet) cpuMap.clone();
    }

    /** @return the host CPUs it may run on: bit {@code i} set for host CPU {@code i} (a copy) */
    @Override
    public BitSet cpuMap() {
        return (BitSet) cpuMap.clone();
    }
}

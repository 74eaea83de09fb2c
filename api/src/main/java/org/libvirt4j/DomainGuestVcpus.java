package org.libvirt4j;

import java.util.BitSet;
import java.util.Optional;

/**
 * The vCPUs the guest's agent reports through {@code virDomainGetGuestVcpus} (Go's
 * {@code DomainGuestVcpus}): each map is empty when the agent did not send it.
 *
 * @param vcpus the vCPUs the guest knows
 * @param online those that are online
 * @param offlinable those the guest can take offline
 */
public record DomainGuestVcpus(Optional<BitSet> vcpus, Optional<BitSet> online, Optional<BitSet> offlinable) {
    /**
     * Keeps copies of the maps.
     *
     * @param vcpus the vCPUs the guest knows
     * @param online those that are online
     * @param offlinable those the guest can take offline
     */
    public DomainGuestVcpus {
        vcpus = vcpus.map(b -> (BitSet) b.clone());
        online = online.map(b -> (BitSet) b.clone());
        offlinable = offlinable.map(b -> (BitSet) b.clone());
    }

    /** @return the vCPUs the guest knows (a copy), empty when not reported */
    @Override
    public Optional<BitSet> vcpus() {
        return vcpus.map(b -> (BitSet) b.clone());
    }

    /** @return the online vCPUs (a copy), empty when not reported */
    @Override
    public Optional<BitSet> online() {
        return online.map(b -> (BitSet) b.clone());
    }

    /** @return the vCPUs the guest can take offline (a copy), empty when not reported */
    @Override
    public Optional<BitSet> offlinable() {
        return offlinable.map(b -> (BitSet) b.clone());
    }
}

package org.libvirt4j.spi;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.libvirt4j.NetworkDHCPLease;
import org.libvirt4j.NetworkManualMethods;
import org.libvirt4j.NetworkPort;

/** The backend contract of {@link NetworkManualMethods}, written once; the call is {@link #invokeManual}. */
public interface NetworkManualContract extends NetworkManualMethods, ManualInvocable {

    @Override
    default NetworkPort lookupNetworkPortByUUID(UUID uuid) {
        return (NetworkPort) invokeManual(ManualFn.virNetworkPortLookupByUUID,
                Uuids.toBytes(Objects.requireNonNull(uuid, "uuid")));
    }

    @Override
    @SuppressWarnings("unchecked")
    default List<NetworkDHCPLease> getDHCPLeases(String mac, int flags) {
        if (mac != null) {
            CStrings.requireNoNul(mac);
        }
        return List.copyOf((List<NetworkDHCPLease>) invokeManual(ManualFn.virNetworkGetDHCPLeases, mac, flags));
    }
}

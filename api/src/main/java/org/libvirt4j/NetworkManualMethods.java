package org.libvirt4j;

import java.util.List;
import java.util.UUID;

/**
 * The network's hand-written methods whose shapes the generated {@link NetworkMethods} do not
 * cover (raw UUIDs, arrays of structs).
 */
public interface NetworkManualMethods {
    /**
     * Looks up a port of this network by its UUID.
     *
     * @param uuid the port's UUID
     * @return the port
     * @throws LibvirtException {@code ERR_NO_NETWORK_PORT} if there is none
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-network.html#virNetworkPortLookupByUUID">virNetworkPortLookupByUUID</a>
     */
    NetworkPort lookupNetworkPortByUUID(UUID uuid);

    /**
     * Returns the DHCP leases the network handed out, all or those of one MAC address.
     *
     * @param mac a MAC address such as {@code "52:54:00:aa:bb:01"}, or {@code null} for every lease
     * @param flags reserved, 0
     * @return the leases, immutable
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-network.html#virNetworkGetDHCPLeases">virNetworkGetDHCPLeases</a>
     */
    List<NetworkDHCPLease> getDHCPLeases(String mac, int flags);
}

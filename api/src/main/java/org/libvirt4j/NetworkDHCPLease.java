package org.libvirt4j;

/**
 * One DHCP lease a virtual network handed out (Go's {@code NetworkDHCPLease}).
 *
 * @param iface the network interface the lease is on
 * @param expiryTime when the lease expires, in seconds since the epoch
 * @param typeValue the address family, a {@link IPAddrType} number
 * @param mac the client's MAC address, or {@code null}
 * @param iaid the DHCPv6 identity association id, or {@code null}
 * @param ipaddr the leased address
 * @param prefix the address's prefix length
 * @param hostname the client's host name, or {@code null}
 * @param clientid the client id or DUID, or {@code null}
 * @see <a href="https://libvirt.org/html/libvirt-libvirt-network.html#virNetworkGetDHCPLeases">virNetworkGetDHCPLeases</a>
 */
public record NetworkDHCPLease(String iface, long expiryTime, int typeValue, String mac, String iaid, String ipaddr,
        int prefix, String hostname, String clientid) {
    /** @return the decoded address family, {@code UNRECOGNIZED} for a number newer than this binding */
    public IPAddrType type() {
        return IPAddrType.fromValue(typeValue);
    }
}

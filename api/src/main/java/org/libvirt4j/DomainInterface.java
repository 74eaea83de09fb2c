package org.libvirt4j;

import java.util.List;

/**
 * A guest network interface and its addresses, as {@code virDomainInterfaceAddresses} reports
 * it (Go's {@code DomainInterface}).
 *
 * @param name the interface's name (in the guest for the agent source, on the host otherwise)
 * @param hwaddr its MAC address, or {@code null} when unknown
 * @param addrs its IP addresses
 */
public record DomainInterface(String name, String hwaddr, List<DomainIPAddress> addrs) {
    /**
     * Keeps an immutable copy of the list.
     *
     * @param name the interface's name
     * @param hwaddr its MAC address, or {@code null}
     * @param addrs its IP addresses
     */
    public DomainInterface {
        addrs = List.copyOf(addrs);
    }
}

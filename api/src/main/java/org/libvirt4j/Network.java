package org.libvirt4j;

import java.util.List;
import java.util.UUID;

/**
 * A virtual network ({@code virNetworkPtr}, Go's {@code Network}); {@link #close()} is
 * {@code virNetworkFree}. Throws {@code ERR_INVALID_NETWORK} once closed.
 *
 * @see <a href="https://libvirt.org/html/libvirt-libvirt-network.html#virNetworkFree">virNetworkFree</a>
 */
public interface Network extends LibvirtObject, NetworkMethods, NetworkManualMethods {
    /**
     * {@return the name}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-network.html#virNetworkGetName">virNetworkGetName</a>
     */
    String getName();

    /**
     * {@return the UUID}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-network.html#virNetworkGetUUID">virNetworkGetUUID</a>
     */
    UUID getUUID();

    /**
     * {@return the UUID string}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-network.html#virNetworkGetUUIDString">virNetworkGetUUIDString</a>
     */
    String getUUIDString();

    /**
     * {@return the ports of this network}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-network.html#virNetworkListAllPorts">virNetworkListAllPorts</a>
     */
    List<NetworkPort> listAllPorts();

    /**
     * Looks up a port of this network by its UUID in string form.
     *
     * @param uuid the port UUID string
     * @return the port
     * @throws LibvirtException {@code ERR_NO_NETWORK_PORT} if there is none
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-network.html#virNetworkPortLookupByUUIDString">virNetworkPortLookupByUUIDString</a>
     */
    NetworkPort lookupNetworkPortByUUIDString(String uuid);

}

package org.libvirt4j;

import java.util.List;
import java.util.UUID;

/**
 * A virtual network ({@code virNetworkPtr}, Go's {@code Network}); {@link #close()} is
 * {@code virNetworkFree}. Throws {@code ERR_INVALID_NETWORK} once closed.
 *
 * @see <a href="https://libvirt.org/html/libvirt-libvirt-network.html#virNetworkFree">virNetworkFree</a>
 */
public interface Network extends LibvirtObject, NetworkMethods {
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
     * {@return the network XML}
     *
     * @param flags what to include
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-network.html#virNetworkGetXMLDesc">virNetworkGetXMLDesc</a>
     */
    String getXMLDesc(NetworkXMLFlags... flags);

    /**
     * {@return the bridge device name}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-network.html#virNetworkGetBridgeName">virNetworkGetBridgeName</a>
     */
    String getBridgeName();

    /**
     * Starts a defined network.
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-network.html#virNetworkCreate">virNetworkCreate</a>
     */
    void create();

    /**
     * Stops the network.
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-network.html#virNetworkDestroy">virNetworkDestroy</a>
     */
    void destroy();

    /**
     * Removes the persistent definition.
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-network.html#virNetworkUndefine">virNetworkUndefine</a>
     */
    void undefine();

    /**
     * {@return whether it is running}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-network.html#virNetworkIsActive">virNetworkIsActive</a>
     */
    boolean isActive();

    /**
     * {@return whether it is persistent}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-network.html#virNetworkIsPersistent">virNetworkIsPersistent</a>
     */
    boolean isPersistent();

    /**
     * {@return whether it starts with the host}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-network.html#virNetworkGetAutostart">virNetworkGetAutostart</a>
     */
    boolean getAutostart();

    /**
     * Makes the network start, or not, when the host starts.
     *
     * @param autostart whether it starts with the host
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-network.html#virNetworkSetAutostart">virNetworkSetAutostart</a>
     */
    void setAutostart(boolean autostart);

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

    /**
     * Creates a port on this network from its XML description.
     *
     * @param xml the port XML
     * @param flags options
     * @return the port
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-network.html#virNetworkPortCreateXML">virNetworkPortCreateXML</a>
     */
    NetworkPort portCreateXML(String xml, NetworkPortCreateFlags... flags);
}

package org.libvirt4j;

import java.util.List;
import java.util.UUID;

/**
 * A virtual network ({@code virNetworkPtr}, Go's {@code Network}); {@link #close()} is
 * {@code virNetworkFree}. Throws {@code ERR_INVALID_NETWORK} once closed.
 */
public interface Network extends LibvirtObject, NetworkMethods {
    /** @return the name ({@code virNetworkGetName}) */
    String getName();

    /** @return the UUID ({@code virNetworkGetUUID}) */
    UUID getUUID();

    /** @return the UUID string ({@code virNetworkGetUUIDString}) */
    String getUUIDString();

    /** @param flags what to include @return the network XML ({@code virNetworkGetXMLDesc}) */
    String getXMLDesc(NetworkXMLFlags... flags);

    /** @return the bridge device name ({@code virNetworkGetBridgeName}) */
    String getBridgeName();

    /** Starts a defined network ({@code virNetworkCreate}). */
    void create();

    /** Stops the network ({@code virNetworkDestroy}). */
    void destroy();

    /** Removes the persistent definition ({@code virNetworkUndefine}). */
    void undefine();

    /** @return whether it is running ({@code virNetworkIsActive}) */
    boolean isActive();

    /** @return whether it is persistent ({@code virNetworkIsPersistent}) */
    boolean isPersistent();

    /** @return whether it starts with the host ({@code virNetworkGetAutostart}) */
    boolean getAutostart();

    /** @param autostart whether it starts with the host ({@code virNetworkSetAutostart}) */
    void setAutostart(boolean autostart);

    /** @return the ports of this network ({@code virNetworkListAllPorts}) */
    List<NetworkPort> listAllPorts();

    /** @param uuid the port UUID string @return the port ({@code virNetworkPortLookupByUUIDString}) @throws LibvirtException {@code ERR_NO_NETWORK_PORT} */
    NetworkPort lookupNetworkPortByUUIDString(String uuid);

    /** @param xml the port XML @param flags options @return the port ({@code virNetworkPortCreateXML}) */
    NetworkPort portCreateXML(String xml, NetworkPortCreateFlags... flags);
}

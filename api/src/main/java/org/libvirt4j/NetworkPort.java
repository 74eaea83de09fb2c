package org.libvirt4j;

import java.util.UUID;

/**
 * A port on a virtual network ({@code virNetworkPortPtr}); {@link #close()} is
 * {@code virNetworkPortFree}. Throws {@code ERR_INVALID_NETWORK_PORT} once closed.
 *
 * @see <a href="https://libvirt.org/html/libvirt-libvirt-network.html#virNetworkPortFree">virNetworkPortFree</a>
 */
public interface NetworkPort extends LibvirtObject, NetworkPortTypedMethods {
    /**
     * {@return the UUID}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-network.html#virNetworkPortGetUUID">virNetworkPortGetUUID</a>
     */
    UUID getUUID();

    /**
     * {@return the UUID string}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-network.html#virNetworkPortGetUUIDString">virNetworkPortGetUUIDString</a>
     */
    String getUUIDString();

    /**
     * {@return the port XML}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-network.html#virNetworkPortGetXMLDesc">virNetworkPortGetXMLDesc</a>
     */
    String getXMLDesc();

    /**
     * Deletes the port.
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-network.html#virNetworkPortDelete">virNetworkPortDelete</a>
     */
    void delete();
}

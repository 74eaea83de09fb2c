package org.libvirt4j;

import java.util.UUID;

/**
 * A port on a virtual network ({@code virNetworkPortPtr}); {@link #close()} is
 * {@code virNetworkPortFree}. Throws {@code ERR_INVALID_NETWORK_PORT} once closed.
 */
public interface NetworkPort extends LibvirtObject {
    /** @return the UUID ({@code virNetworkPortGetUUID}) */
    UUID getUUID();

    /** @return the UUID string ({@code virNetworkPortGetUUIDString}) */
    String getUUIDString();

    /** @return the port XML ({@code virNetworkPortGetXMLDesc}) */
    String getXMLDesc();

    /** Deletes the port ({@code virNetworkPortDelete}). */
    void delete();
}

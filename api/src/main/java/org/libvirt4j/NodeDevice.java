package org.libvirt4j;

import java.util.List;

/**
 * A host device ({@code virNodeDevicePtr}); {@link #close()} is {@code virNodeDeviceFree}.
 * Throws {@code ERR_INVALID_NODE_DEVICE} once closed.
 */
public interface NodeDevice extends LibvirtObject {
    /** @return the name ({@code virNodeDeviceGetName}) */
    String getName();

    /** @return the parent's name, or {@code null} for the root ({@code virNodeDeviceGetParent}) */
    String getParent();

    /** @return the device XML ({@code virNodeDeviceGetXMLDesc}) */
    String getXMLDesc();

    /** @return the capability names ({@code virNodeDeviceListCaps}) */
    List<String> listCaps();
}

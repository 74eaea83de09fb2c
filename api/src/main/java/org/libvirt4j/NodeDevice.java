package org.libvirt4j;

import java.util.List;

/**
 * A host device ({@code virNodeDevicePtr}); {@link #close()} is {@code virNodeDeviceFree}.
 * Throws {@code ERR_INVALID_NODE_DEVICE} once closed.
 */
public interface NodeDevice extends LibvirtObject, NodeDeviceMethods {
    /** @return the name ({@code virNodeDeviceGetName}) */
    String getName();

    /** @return the parent's name, or {@code null} for the root ({@code virNodeDeviceGetParent}) */
    String getParent();

    /** @return the device XML ({@code virNodeDeviceGetXMLDesc}) */
    String getXMLDesc();

    /** @return the capability names ({@code virNodeDeviceListCaps}) */
    List<String> listCaps();

    /**
     * Sets whether the host device starts when the host boots: Go's {@code SetAutostart(bool)},
     * and the same shape as {@link Network#setAutostart(boolean)}; the generated
     * {@link #setAutostart(int)} with 1 or 0.
     *
     * @param autostart whether it starts with the host
     * @throws LibvirtException libvirt's error when the call fails
     */
    default void setAutostart(boolean autostart) {
        setAutostart(autostart ? 1 : 0);
    }
}

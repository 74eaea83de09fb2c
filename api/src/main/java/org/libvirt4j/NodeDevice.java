package org.libvirt4j;

import java.util.List;

/**
 * A host device ({@code virNodeDevicePtr}); {@link #close()} is {@code virNodeDeviceFree}.
 * Throws {@code ERR_INVALID_NODE_DEVICE} once closed.
 *
 * @see <a href="https://libvirt.org/html/libvirt-libvirt-nodedev.html#virNodeDeviceFree">virNodeDeviceFree</a>
 */
public interface NodeDevice extends LibvirtObject, NodeDeviceMethods, NodeDeviceManualMethods {
    /**
     * {@return the name}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-nodedev.html#virNodeDeviceGetName">virNodeDeviceGetName</a>
     */
    String getName();

    /**
     * {@return the parent's name, or {@code null} for the root}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-nodedev.html#virNodeDeviceGetParent">virNodeDeviceGetParent</a>
     */
    String getParent();

    /**
     * {@return the device XML}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-nodedev.html#virNodeDeviceGetXMLDesc">virNodeDeviceGetXMLDesc</a>
     */
    String getXMLDesc();

    /**
     * {@return the capability names}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-nodedev.html#virNodeDeviceListCaps">virNodeDeviceListCaps</a>
     */
    List<String> listCaps();

}

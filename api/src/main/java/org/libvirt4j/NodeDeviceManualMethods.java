package org.libvirt4j;

/**
 * The host device's hand-written methods: libvirt's own remote client writes these procedures
 * by hand, so the generated {@link NodeDeviceMethods} do not cover them.
 */
public interface NodeDeviceManualMethods {
    /**
     * Detaches the PCI device from its host driver so that guests can be given it.
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-nodedev.html#virNodeDeviceDettach">virNodeDeviceDettach</a>
     */
    void detach();

    /**
     * Detaches the PCI device from its host driver, binding it to the given stub driver.
     *
     * @param driverName the stub driver, such as {@code "vfio"}, or {@code null} for the default
     * @param flags reserved, 0
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-nodedev.html#virNodeDeviceDetachFlags">virNodeDeviceDetachFlags</a>
     */
    void detachFlags(String driverName, int flags);

    /**
     * Gives the detached PCI device back to its host driver.
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-nodedev.html#virNodeDeviceReAttach">virNodeDeviceReAttach</a>
     */
    void reAttach();

    /**
     * Resets the PCI device.
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-nodedev.html#virNodeDeviceReset">virNodeDeviceReset</a>
     */
    void reset();
}

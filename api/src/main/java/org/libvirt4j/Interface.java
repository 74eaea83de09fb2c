package org.libvirt4j;

/**
 * A host network interface ({@code virInterfacePtr}); {@link #close()} is
 * {@code virInterfaceFree}. Throws {@code ERR_INVALID_INTERFACE} once closed.
 *
 * @see <a href="https://libvirt.org/html/libvirt-libvirt-interface.html#virInterfaceFree">virInterfaceFree</a>
 */
public interface Interface extends LibvirtObject, InterfaceMethods {
    /**
     * {@return the name}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-interface.html#virInterfaceGetName">virInterfaceGetName</a>
     */
    String getName();

    /**
     * {@return the MAC address}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-interface.html#virInterfaceGetMACString">virInterfaceGetMACString</a>
     */
    String getMACString();

}

package org.libvirt4j;

/**
 * A network filter bound to a port ({@code virNWFilterBindingPtr}); {@link #close()} is
 * {@code virNWFilterBindingFree}. Throws {@code ERR_INVALID_NWFILTER_BINDING} once closed.
 *
 * @see <a href="https://libvirt.org/html/libvirt-libvirt-nwfilter.html#virNWFilterBindingFree">virNWFilterBindingFree</a>
 */
public interface NWFilterBinding extends LibvirtObject, NWFilterBindingMethods {
    /**
     * {@return the port device}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-nwfilter.html#virNWFilterBindingGetPortDev">virNWFilterBindingGetPortDev</a>
     */
    String getPortDev();

    /**
     * {@return the filter name}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-nwfilter.html#virNWFilterBindingGetFilterName">virNWFilterBindingGetFilterName</a>
     */
    String getFilterName();

    /**
     * {@return the binding XML}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-nwfilter.html#virNWFilterBindingGetXMLDesc">virNWFilterBindingGetXMLDesc</a>
     */
    String getXMLDesc();

}

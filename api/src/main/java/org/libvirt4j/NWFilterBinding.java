package org.libvirt4j;

/**
 * A network filter bound to a port ({@code virNWFilterBindingPtr}); {@link #close()} is
 * {@code virNWFilterBindingFree}. Throws {@code ERR_INVALID_NWFILTER_BINDING} once closed.
 */
public interface NWFilterBinding extends LibvirtObject {
    /** @return the port device ({@code virNWFilterBindingGetPortDev}) */
    String getPortDev();

    /** @return the filter name ({@code virNWFilterBindingGetFilterName}) */
    String getFilterName();

    /** @return the binding XML ({@code virNWFilterBindingGetXMLDesc}) */
    String getXMLDesc();

    /** Removes the binding ({@code virNWFilterBindingDelete}). */
    void delete();
}

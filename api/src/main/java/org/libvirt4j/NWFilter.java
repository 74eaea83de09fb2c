package org.libvirt4j;

import java.util.UUID;

/**
 * A network filter ({@code virNWFilterPtr}); {@link #close()} is {@code virNWFilterFree}.
 * Throws {@code ERR_INVALID_NWFILTER} once closed.
 *
 * @see <a href="https://libvirt.org/html/libvirt-libvirt-nwfilter.html#virNWFilterFree">virNWFilterFree</a>
 */
public interface NWFilter extends LibvirtObject, NWFilterMethods {
    /**
     * {@return the name}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-nwfilter.html#virNWFilterGetName">virNWFilterGetName</a>
     */
    String getName();

    /**
     * {@return the UUID}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-nwfilter.html#virNWFilterGetUUID">virNWFilterGetUUID</a>
     */
    UUID getUUID();

    /**
     * {@return the UUID string}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-nwfilter.html#virNWFilterGetUUIDString">virNWFilterGetUUIDString</a>
     */
    String getUUIDString();

    /**
     * {@return the filter XML}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-nwfilter.html#virNWFilterGetXMLDesc">virNWFilterGetXMLDesc</a>
     */
    String getXMLDesc();

}

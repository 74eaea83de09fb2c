package org.libvirt4j;

import java.util.UUID;

/**
 * A network filter ({@code virNWFilterPtr}); {@link #close()} is {@code virNWFilterFree}.
 * Throws {@code ERR_INVALID_NWFILTER} once closed.
 */
public interface NWFilter extends LibvirtObject {
    /** @return the name ({@code virNWFilterGetName}) */
    String getName();

    /** @return the UUID ({@code virNWFilterGetUUID}) */
    UUID getUUID();

    /** @return the UUID string ({@code virNWFilterGetUUIDString}) */
    String getUUIDString();

    /** @return the filter XML ({@code virNWFilterGetXMLDesc}) */
    String getXMLDesc();

    /** Removes the filter ({@code virNWFilterUndefine}). */
    void undefine();
}

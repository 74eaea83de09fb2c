package org.libvirt4j;

/**
 * A host network interface ({@code virInterfacePtr}); {@link #close()} is
 * {@code virInterfaceFree}. Throws {@code ERR_INVALID_INTERFACE} once closed.
 */
public interface Interface extends LibvirtObject, InterfaceMethods {
    /** @return the name ({@code virInterfaceGetName}) */
    String getName();

    /** @return the MAC address ({@code virInterfaceGetMACString}) */
    String getMACString();

    /** @param flags what to include @return the interface XML ({@code virInterfaceGetXMLDesc}) */
    String getXMLDesc(InterfaceXMLFlags... flags);

    /** @return whether it is up ({@code virInterfaceIsActive}) */
    boolean isActive();
}

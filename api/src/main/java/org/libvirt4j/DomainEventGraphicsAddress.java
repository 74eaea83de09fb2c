package org.libvirt4j;

/**
 * One end of a graphics connection ({@code virDomainEventGraphicsAddress}, Go's
 * {@code DomainEventGraphicsAddress}), part of {@link DomainEventGraphics}.
 *
 * @param familyValue the raw {@code virDomainEventGraphicsAddressType}
 * @param node the host's address, {@code null} where libvirt gives none
 * @param service the port, {@code null} where libvirt gives none
 */
public record DomainEventGraphicsAddress(int familyValue, String node, String service) {
    /** {@return the decoded address family, {@code UNRECOGNIZED} for a number newer than this binding} */
    public DomainEventGraphicsAddressType family() {
        return DomainEventGraphicsAddressType.fromValue(familyValue);
    }
}

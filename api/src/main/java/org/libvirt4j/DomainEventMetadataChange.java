package org.libvirt4j;

/**
 * A change of a domain's metadata ({@code VIR_DOMAIN_EVENT_ID_METADATA_CHANGE}, Go's
 * {@code DomainEventMetadataChange}).
 *
 * @param typeValue the raw {@code virDomainMetadataType} of what changed
 * @param nsuri the namespace of a changed {@code ELEMENT}, {@code null} for title and description
 */
public record DomainEventMetadataChange(int typeValue, String nsuri) {
    /** @return the decoded type, {@code UNRECOGNIZED} for a number newer than this binding */
    public DomainMetadataType type() {
        return DomainMetadataType.fromValue(typeValue);
    }
}

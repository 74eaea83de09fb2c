package org.libvirt4j;

/**
 * Receives domain metadata changes ({@code virConnectDomainEventMetadataChangeCallback}, Go's
 * {@code DomainEventMetadataChangeCallback}), delivered as {@link DomainEventLifecycleCallback}
 * describes.
 */
@FunctionalInterface
public interface DomainEventMetadataChangeCallback {
    /**
     * @param conn the connection the callback was registered on
     * @param dom the domain, valid until this method returns
     * @param event what changed
     */
    void onEvent(Connect conn, Domain dom, DomainEventMetadataChange event);
}

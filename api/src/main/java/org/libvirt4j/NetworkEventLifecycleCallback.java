package org.libvirt4j;

/**
 * Receives network lifecycle events ({@code virConnectNetworkEventLifecycleCallback}, Go's
 * {@code NetworkEventLifecycleCallback}), delivered as {@link DomainEventLifecycleCallback}
 * describes.
 */
@FunctionalInterface
public interface NetworkEventLifecycleCallback {
    /**
     * @param conn the connection the callback was registered on
     * @param net the network, valid until this method returns
     * @param event what happened
     */
    void onEvent(Connect conn, Network net, NetworkEventLifecycle event);
}

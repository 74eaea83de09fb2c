package org.libvirt4j;

/**
 * Receives storage pool lifecycle events ({@code virConnectStoragePoolEventLifecycleCallback},
 * Go's {@code StoragePoolEventLifecycleCallback}), delivered as
 * {@link DomainEventLifecycleCallback} describes.
 */
@FunctionalInterface
public interface StoragePoolEventLifecycleCallback {
    /**
     * @param conn the connection the callback was registered on
     * @param pool the pool, valid until this method returns
     * @param event what happened
     */
    void onEvent(Connect conn, StoragePool pool, StoragePoolEventLifecycle event);
}

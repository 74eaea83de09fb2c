package org.libvirt4j;

/**
 * Told when a connection to a daemon closes under the application ({@code virConnectCloseFunc},
 * Go's {@code CloseCallback}): the daemon went away, keepalive gave up, or an error ended it.
 * Registered with {@link Connect#registerCloseCallback(CloseCallback)}; delivered as
 * {@link DomainEventLifecycleCallback} describes. Closing the connection yourself does not call it.
 */
@FunctionalInterface
public interface CloseCallback {
    /**
     * @param conn the connection that closed; every further call on it fails
     * @param reasonValue the raw {@code virConnectCloseReason}; decode with {@link ConnectCloseReason#fromValue(int)}
     */
    void onClose(Connect conn, int reasonValue);
}

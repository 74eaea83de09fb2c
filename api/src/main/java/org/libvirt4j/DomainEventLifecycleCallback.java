package org.libvirt4j;

/**
 * Receives domain lifecycle events ({@code virConnectDomainEventCallback}, Go's
 * {@code DomainEventLifecycleCallback}); registered with
 * {@link Connect#domainEventLifecycleRegister(Domain, DomainEventLifecycleCallback)}.
 *
 * <p>Events arrive one at a time, in the order libvirt sent them, on the backend's event thread,
 * which serves every connection of the process: a callback that blocks delays all other events
 * (as in libvirt's own event loop). It may call into libvirt, the same connection included.
 * What it throws is logged and dropped; the next event is still delivered.
 */
@FunctionalInterface
public interface DomainEventLifecycleCallback {
    /**
     * @param conn the connection the callback was registered on
     * @param dom the domain the event is about; valid until this method returns, closed after it
     *        (look the domain up again to keep it)
     * @param event what happened
     */
    void onEvent(Connect conn, Domain dom, DomainEventLifecycle event);
}

package org.libvirt4j;

/**
 * Receives QEMU monitor events ({@code virConnectDomainQemuMonitorEventCallback}, Go's
 * {@code DomainQemuMonitorEventCallback}); registered with
 * {@link ConnectQemuMethods#domainQemuMonitorEventRegister(Domain, String, DomainQemuMonitorEventCallback, int)}.
 *
 * <p>Events arrive one at a time, in the order libvirt sent them, on the backend's event thread
 * (see {@link ConnectEvents}).
 */
@FunctionalInterface
public interface DomainQemuMonitorEventCallback {
    /**
     * Called once per event.
     *
     * @param conn the connection the callback was registered on
     * @param dom the domain the event is about; valid until this method returns, closed after it
     * @param event the event
     */
    void onEvent(Connect conn, Domain dom, DomainQemuMonitorEvent event);
}

package org.libvirt4j;

/**
 * The QEMU-specific connection calls of {@code libvirt-qemu} (Go's {@code qemu.go}): attaching to
 * a QEMU process libvirt did not start, and QEMU monitor events.
 */
public interface ConnectQemuMethods {

    /**
     * Makes libvirt manage a QEMU process it did not start (libvirt 9 refuses this always).
     *
     * @param pid the QEMU process's id
     * @param flags reserved, 0
     * @return the domain
     * @throws LibvirtException {@code ERR_NO_SUPPORT} on drivers that do not attach
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-qemu.html#virDomainQemuAttach">virDomainQemuAttach</a>
     */
    Domain domainQemuAttach(int pid, int flags);

    /**
     * Registers a callback for the events of domains' QEMU monitors. With a name filter the
     * callback hears only the events so named ({@link DomainQemuMonitorEventFlags#REGEX}: matching
     * that POSIX regular expression; {@link DomainQemuMonitorEventFlags#NOCASE}: ignoring case).
     *
     * <p>Each callback has its own name filter, even beside another with the same {@code dom}
     * (through a daemon, libvirt's client gives each its own registration there, unlike the
     * other event kinds). Wrap the id in {@link EventRegistration#of} with
     * {@link #domainQemuEventDeregister} to deregister with try-with-resources.
     *
     * @param dom the domain whose events to deliver, or {@code null} for every domain's
     * @param event the event name or pattern, or {@code null} for every event
     * @param callback receives the events
     * @param flags a bitwise OR of {@link DomainQemuMonitorEventFlags} values
     * @return the callback id
     * @throws LibvirtException {@code ERR_INVALID_ARG} for a pattern that does not compile,
     *         {@code ERR_NO_SUPPORT} from drivers other than QEMU
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-qemu.html#virConnectDomainQemuMonitorEventRegister">virConnectDomainQemuMonitorEventRegister</a>
     */
    int domainQemuMonitorEventRegister(Domain dom, String event, DomainQemuMonitorEventCallback callback, int flags);

    /**
     * Enum form of {@link #domainQemuMonitorEventRegister(Domain, String, DomainQemuMonitorEventCallback, int)}.
     *
     * @param dom the domain, or {@code null} for every domain
     * @param event the event name or pattern, or {@code null} for every event
     * @param callback receives the events
     * @param flags the flags
     * @return the callback id
     * @throws LibvirtException as the raw form
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-qemu.html#virConnectDomainQemuMonitorEventRegister">virConnectDomainQemuMonitorEventRegister</a>
     */
    default int domainQemuMonitorEventRegister(Domain dom, String event, DomainQemuMonitorEventCallback callback,
            DomainQemuMonitorEventFlags... flags) {
        return domainQemuMonitorEventRegister(dom, event, callback, LibvirtEnum.mask(flags));
    }

    /**
     * Deregisters a QEMU monitor event callback (Go's {@code DomainQemuEventDeregister}).
     *
     * @param callbackId what {@link #domainQemuMonitorEventRegister} returned
     * @throws LibvirtException {@code ERR_INVALID_ARG} for an id not registered
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-qemu.html#virConnectDomainQemuMonitorEventDeregister">virConnectDomainQemuMonitorEventDeregister</a>
     */
    void domainQemuEventDeregister(int callbackId);
}

package org.libvirt4j.spi;

import java.util.Objects;
import org.libvirt4j.ConnectQemuMethods;
import org.libvirt4j.Domain;
import org.libvirt4j.DomainQemuMonitorEventCallback;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;

/**
 * The QEMU connection calls, written once for every backend: null and NUL checks, then one raw
 * operation each.
 */
public interface ConnectQemuContract extends ConnectQemuMethods {

    /**
     * {@code virDomainQemuAttach}.
     *
     * @param pid the process id
     * @param flags the flags
     * @return the domain
     */
    Domain rawDomainQemuAttach(int pid, int flags);

    /**
     * {@code virConnectDomainQemuMonitorEventRegister}.
     *
     * @param dom the domain filter, or {@code null}; not yet checked to be this backend's
     * @param event the name filter, or {@code null}; checked for NUL
     * @param callback the callback, not null
     * @param flags the flags
     * @return the callback id
     */
    int rawQemuMonitorEventRegister(Domain dom, String event, DomainQemuMonitorEventCallback callback, int flags);

    /**
     * {@code virConnectDomainQemuMonitorEventDeregister}.
     *
     * @param callbackId the id
     */
    void rawQemuMonitorEventDeregister(int callbackId);

    @Override
    default Domain domainQemuAttach(int pid, int flags) {
        return rawDomainQemuAttach(pid, flags);
    }

    @Override
    default int domainQemuMonitorEventRegister(Domain dom, String event, DomainQemuMonitorEventCallback callback,
            int flags) {
        Objects.requireNonNull(callback, "callback");
        if (event != null) {
            CStrings.requireNoNul(event);
        }
        return rawQemuMonitorEventRegister(dom, event, callback, flags);
    }

    @Override
    default void domainQemuEventDeregister(int callbackId) {
        if (callbackId < 0) {
            // libvirt-qemu.c's own check, before any driver
            throw LibvirtException.of(ErrorNumber.ERR_INVALID_ARG, ErrorDomain.NONE,
                    "callbackID in virConnectDomainQemuMonitorEventDeregister must be zero or greater");
        }
        rawQemuMonitorEventDeregister(callbackId);
    }
}

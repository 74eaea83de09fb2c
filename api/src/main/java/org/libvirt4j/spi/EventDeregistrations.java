package org.libvirt4j.spi;

import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;

/**
 * The native backends' rule for a second deregistration of one event callback id.
 *
 * <p>libvirt only marks a callback deleted while its event loop is dispatching, and finds the
 * marked callback again until the dispatch ends: a second deregistration racing a dispatch
 * succeeds, one after it fails. A backend that remembers what it registered answers the second
 * one itself, always with libvirt's in-process error, so the answer does not depend on timing.
 */
public final class EventDeregistrations {
    private EventDeregistrations() {
    }

    /**
     * @param callbackId the id that is not (or no longer) registered through this connection
     * @return libvirt's in-process error for it: {@code ERR_INVALID_ARG}, domain {@code NONE}
     */
    public static LibvirtException notRegistered(int callbackId) {
        return LibvirtException.of(ErrorNumber.ERR_INVALID_ARG, ErrorDomain.NONE,
                "invalid argument: could not find event callback " + callbackId + " for deletion");
    }
}

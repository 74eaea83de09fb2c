package org.libvirt4j.remote.internal.rpc;

import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorLevel;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.remote.generated.RemoteError;
import org.libvirt4j.remote.internal.xdr.XdrReader;

/** Turns the {@code remote_error} of a failed reply into the exception the C client raises. */
final class RemoteErrors {
    private RemoteErrors() {
    }

    /**
     * Reads {@code remote_error} (code, domain, message, level, dom, str1..3, int1, int2, net).
     * Like {@code virNetClientProgramDispatchError}: no message gives "Unknown error", and the
     * daemon's "unknown procedure" RPC error becomes {@code ERR_NO_SUPPORT}.
     */
    static LibvirtException decode(XdrReader r) {
        RemoteError e = RemoteError.decode(r);
        r.expectEnd("remote_error");
        int code = e.code();
        String message = e.message();
        if (e.domain() == ErrorDomain.REMOTE.value() && code == ErrorNumber.ERR_RPC.value()
                && e.level() == ErrorLevel.ERROR.value() && message != null && message.startsWith("unknown procedure")) {
            code = ErrorNumber.ERR_NO_SUPPORT.value();
        }
        return new LibvirtException(code, e.domain(), e.level(), message == null ? "Unknown error" : message);
    }

}

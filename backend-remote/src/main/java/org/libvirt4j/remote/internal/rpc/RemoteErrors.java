package org.libvirt4j.remote.internal.rpc;

import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorLevel;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;
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
        int code = r.readInt();
        int domain = r.readInt();
        String message = r.readOptional(x -> x.readString(Rpc.STRING_MAX, "message"));
        int level = r.readInt();
        r.readOptional(RemoteErrors::skipDomain);
        r.readOptional(x -> x.readString(Rpc.STRING_MAX, "str1"));
        r.readOptional(x -> x.readString(Rpc.STRING_MAX, "str2"));
        r.readOptional(x -> x.readString(Rpc.STRING_MAX, "str3"));
        r.readInt();
        r.readInt();
        r.readOptional(RemoteErrors::skipNetwork);
        r.expectEnd("remote_error");
        if (domain == ErrorDomain.REMOTE.value() && code == ErrorNumber.ERR_RPC.value()
                && level == ErrorLevel.ERROR.value() && message != null && message.startsWith("unknown procedure")) {
            code = ErrorNumber.ERR_NO_SUPPORT.value();
        }
        return new LibvirtException(code, domain, level, message == null ? "Unknown error" : message);
    }

    private static Object skipDomain(XdrReader r) {
        r.readString(Rpc.STRING_MAX, "dom.name");
        r.readFixedOpaque(Rpc.UUID_BUFLEN, "dom.uuid");
        r.readInt();
        return Boolean.TRUE;
    }

    private static Object skipNetwork(XdrReader r) {
        r.readString(Rpc.STRING_MAX, "net.name");
        r.readFixedOpaque(Rpc.UUID_BUFLEN, "net.uuid");
        return Boolean.TRUE;
    }
}

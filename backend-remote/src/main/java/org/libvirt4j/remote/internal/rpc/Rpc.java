package org.libvirt4j.remote.internal.rpc;

import org.libvirt4j.ConnectCloseReason;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorLevel;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;

/**
 * The RPC layer's errors, worded like libvirt's C client. The protocol's numbers are the generated
 * ones ({@code VirNetProtocol}, {@code VirNetMessageType}, {@code VirNetMessageStatus},
 * {@code VirKeepaliveProtocol}, {@code RemoteProtocol}), never copies.
 */
public final class Rpc {
    private Rpc() {
    }

    /**
     * An error of libvirt's RPC layer (domain {@code RPC}), worded like the C client's.
     *
     * @param code the code
     * @param message the message, with libvirt's prefix for the code
     * @param cause the Java cause, or null
     * @return the exception
     */
    public static LibvirtException error(ErrorNumber code, String message, Throwable cause) {
        return new LibvirtException(code.value(), ErrorDomain.RPC.value(), ErrorLevel.ERROR.value(), message, cause);
    }

    /** {@return the error for a daemon message that breaks the protocol: the connection is closed for it} */
    static LibvirtException bogus(String what) {
        return error(ErrorNumber.ERR_RPC, "RPC failure: the daemon sent a bogus " + what
                + "; the connection is closed", null);
    }

    /** {@return the error for a message whose decoding threw {@code e}} */
    static LibvirtException undecodable(Throwable e) {
        return error(ErrorNumber.ERR_RPC, "RPC failure: cannot decode a message from the daemon: " + describe(e), e);
    }

    /**
     * @return for a call or stream packet not sent because the connection is dead: libvirt's C
     *         client says "client socket is closed" whatever ended it; the reason stays readable as
     *         the cause
     */
    static LibvirtException notSent(LibvirtException gone) {
        return error(ErrorNumber.ERR_INTERNAL_ERROR, "internal error: client socket is closed", gone);
    }

    /** @return for a caller waiting when the connection died: a copy of why it died */
    static LibvirtException closedError(LibvirtException gone) {
        if (gone != null) {
            return new LibvirtException(gone.codeValue(), gone.domainValue(), gone.levelValue(), gone.getMessage(), gone);
        }
        return error(ErrorNumber.ERR_INTERNAL_ERROR, "internal error: client socket is closed", null);
    }

    /** @return a RuntimeException's message, or an Error's class and message (its name says most) */
    static String describe(Throwable e) {
        return e instanceof RuntimeException ? e.getMessage() : e.toString();
    }

    /**
     * @return the close reason for a socket that failed with {@code cause}: an I/O error is the
     *         peer hanging up (a dead daemon resets the socket, or the pipe breaks), which libvirt's
     *         C client sees as POLLHUP and reports as EOF; anything else is an error of ours
     */
    static ConnectCloseReason hangUpOr(Throwable cause) {
        return cause instanceof java.io.IOException ? ConnectCloseReason.EOF : ConnectCloseReason.ERROR;
    }

    /** @return the innermost cause's message in libvirt's words (no Netty decorations) */
    static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        String m = c.getMessage();
        if (m == null) {
            return c.getClass().getSimpleName();
        }
        // The native transport words a failed connect(2) "connect(..) failed: <strerror>"; libvirt
        // says only the strerror part.
        String native0 = "connect(..) failed: ";
        if (m.startsWith(native0)) {
            m = m.substring(native0.length());
        }
        // Netty adds ": /1.2.3.4:5" to connect errors; libvirt names the address once, itself.
        int colon = m.indexOf(": ");
        return colon > 0 && m.startsWith("Connection refused") ? m.substring(0, colon) : m;
    }
}

package org.libvirt4j.spi;

import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;

/** The rule every backend applies to a Java string on its way to libvirt's C strings. */
public final class CStrings {
    /** The message of the error for a string holding a NUL character. */
    public static final String NUL_MESSAGE = "invalid argument: a string passed to libvirt contains a NUL character";

    private CStrings() {
    }

    /**
     * Rejects a string that C would cut short: libvirt would act on the part before the NUL,
     * another name than the one given (natively, or in the daemon for the remote backend).
     *
     * @param s the string, or {@code null}
     * @return {@code s}
     * @throws LibvirtException {@code ERR_INVALID_ARG} ({@link #NUL_MESSAGE}) when {@code s} holds a NUL
     */
    public static String requireNoNul(String s) {
        if (s != null && s.indexOf('\0') >= 0) {
            throw LibvirtException.of(ErrorNumber.ERR_INVALID_ARG, ErrorDomain.NONE, NUL_MESSAGE);
        }
        return s;
    }
}

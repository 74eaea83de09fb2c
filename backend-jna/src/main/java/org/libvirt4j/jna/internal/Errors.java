package org.libvirt4j.jna.internal;

import com.sun.jna.Pointer;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorLevel;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;

/**
 * Turns libvirt's failure conventions (-1, {@code NULL}) into {@link LibvirtException}s from
 * {@code virGetLastError}, read on the calling thread right after the call, as libvirt keeps
 * the error per thread.
 */
public final class Errors {
    // Offsets in struct _virError on LP64: int code; int domain; char *message; virErrorLevel level.
    private static final long CODE = 0;
    private static final long DOMAIN = 4;
    private static final long MESSAGE = 8;
    private static final long LEVEL = 16;

    private Errors() {
    }

    /**
     * @param function the C function that failed
     * @return libvirt's last error on this thread, which is then reset; {@code ERR_INTERNAL_ERROR}
     *         naming the function when libvirt set none
     */
    public static LibvirtException last(String function) {
        return last(function, null);
    }

    /**
     * @param function the C function that failed
     * @param cause a Java failure that led to it (a throwing callback), or {@code null}
     * @return as {@link #last(String)}, with the cause attached
     */
    public static LibvirtException last(String function, Throwable cause) {
        long err = Virt.virGetLastError();
        if (err == 0) {
            return new LibvirtException(ErrorNumber.ERR_INTERNAL_ERROR.value(), ErrorDomain.NONE.value(),
                    ErrorLevel.ERROR.value(), "internal error: " + function + " failed without reporting an error", cause);
        }
        Pointer e = new Pointer(err);
        int code = e.getInt(CODE);
        int domain = e.getInt(DOMAIN);
        int level = e.getInt(LEVEL);
        String message = CStrings.read(e.getLong(MESSAGE));
        Virt.virResetLastError();
        return new LibvirtException(code, domain, level, message == null ? function + " failed" : message, cause);
    }

    /** @return whether libvirt has an error set on this thread (to tell a legitimate 0 or -1 from a failure) */
    public static boolean pending() {
        return Virt.virGetLastError() != 0;
    }

    /**
     * @param function the C function this libvirt lacks
     * @param cause the link failure
     * @return {@code ERR_NO_SUPPORT} naming the function
     */
    public static LibvirtException noSupport(String function, UnsatisfiedLinkError cause) {
        return new LibvirtException(ErrorNumber.ERR_NO_SUPPORT.value(), ErrorDomain.NONE.value(),
                ErrorLevel.ERROR.value(), "this function is not supported by the connection driver: " + function
                + " (the installed libvirt is too old)", cause);
    }

    /**
     * @param rc an int result
     * @param function the C function
     * @return rc when not negative
     */
    public static int check(int rc, String function) {
        if (rc < 0) {
            throw last(function);
        }
        return rc;
    }

    /**
     * @param rc a 0/1/-1 result
     * @param function the C function
     * @return rc == 1
     */
    public static boolean bool(int rc, String function) {
        return check(rc, function) != 0;
    }

    /**
     * @param p a pointer result
     * @param function the C function
     * @return p when not {@code NULL}
     */
    public static long ptr(long p, String function) {
        if (p == 0) {
            throw last(function);
        }
        return p;
    }

    /**
     * @param p a {@code const char *} result
     * @param function the C function
     * @return its copy
     */
    public static String constString(long p, String function) {
        return CStrings.read(ptr(p, function));
    }

    /**
     * @param p a {@code char *} result the caller frees
     * @param function the C function
     * @return its copy; p is freed
     */
    public static String ownedString(long p, String function) {
        return CStrings.take(ptr(p, function));
    }
}

package org.libvirt4j.spi;

import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;

/**
 * Keeps a process on one side of a crash in libvirt's native libraries. libvirt 9.0's
 * {@code libvirt-admin.so.0} carries a private copy of libvirt's object types ({@code virConnect},
 * {@code virDomain}, ...) and registers them in the process-wide GLib type system under the same
 * names as {@code libvirt.so.0}: whichever library creates its types second fails to and then
 * crashes the process ({@code virObjectNew}), in either order. So the native backends (which share
 * the process's libraries) let a JVM use one of the two: connections through {@code libvirt.so.0}
 * or the admin API through {@code libvirt-admin.so.0}, whichever comes first; the other is then
 * refused with {@code ERR_NO_SUPPORT}. The remote backend speaks both protocols itself and is not
 * concerned.
 */
public final class NativeLibraryUse {
    /** The two uses that cannot share a process. */
    public enum Use {
        /** Connections (and every object) of {@code libvirt.so.0}. */
        CONNECTIONS,
        /** The admin API of {@code libvirt-admin.so.0}. */
        ADMIN
    }

    private static Use chosen;

    private NativeLibraryUse() {
    }

    /**
     * Claims {@code use} for this process, before the call that would create libvirt objects.
     *
     * @param use what the caller is about to do
     * @param function the C function about to be called, named in the refusal
     * @throws LibvirtException {@code ERR_NO_SUPPORT} when the process already made the other use
     */
    public static synchronized void claim(Use use, String function) {
        if (chosen == null) {
            chosen = use;
        }
        if (chosen != use) {
            throw LibvirtException.of(ErrorNumber.ERR_NO_SUPPORT, ErrorDomain.NONE,
                    "this function is not supported by the connection driver: " + function + " (this JVM already "
                            + (chosen == Use.ADMIN ? "opened libvirt-admin.so.0's admin API" : "opened connections through libvirt.so.0")
                            + ", and libvirt 9.0's two libraries register the same object types, which crashes the process; "
                            + "use the remote backend (libvirt4j-backend-remote) for "
                            + (use == Use.ADMIN ? "the admin API" : "these connections") + ", or another JVM)");
        }
    }
}

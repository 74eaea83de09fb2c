package org.libvirt4j.jna.internal;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import java.util.List;
import java.util.Optional;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorLevel;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;

/**
 * Loads {@code libvirt.so.0} once, on first use, and registers the direct-mapped natives.
 * Any failure is kept as the cause, never thrown from here: the backend reports it through
 * {@code unavailabilityCause()}.
 */
public final class Natives {
    private static final List<String> LIBRARY_NAMES = List.of("libvirt.so.0", "virt");
    private static final List<Class<?>> OPTIONAL_GROUPS = List.of(VirtBindings.class, VirtPorts.class,
            VirtCheckpoints.class, VirtDefineFlags.class, VirtCreateFlags.class);

    private static volatile NativeLibrary library;

    private Natives() {
    }

    /**
     * {@return the loaded libvirt, for functions called through JNA's {@code Function}}
     *
     * @throws LibvirtException {@code ERR_NO_SUPPORT} when libvirt is not usable
     */
    public static NativeLibrary library() {
        ensureLoaded();
        return library;
    }

    /** Initialised by the JVM on first access only, so loading is lazy, once and thread-safe. */
    private static final class Holder {
        static final Throwable CAUSE = load();
    }

    /** @return why libvirt could not be loaded, or empty when it is usable */
    public static Optional<Throwable> unavailabilityCause() {
        return Optional.ofNullable(Holder.CAUSE);
    }

    /**
     * @throws LibvirtException {@code ERR_NO_SUPPORT} with the load failure as cause when
     *         libvirt is not usable
     */
    public static void ensureLoaded() {
        Throwable cause = Holder.CAUSE;
        if (cause != null) {
            throw new LibvirtException(ErrorNumber.ERR_NO_SUPPORT.value(), ErrorDomain.NONE.value(),
                    ErrorLevel.ERROR.value(), "the jna backend cannot use libvirt: " + cause
                    + " (install libvirt's client library, e.g. Debian's libvirt0, or pick another backend"
                    + " with -Dlibvirt4j.backend=remote)", cause);
        }
    }

    private static Throwable load() {
        try {
            if (Native.POINTER_SIZE != 8 || Native.LONG_SIZE != 8) {
                // Out parameters and structs are mapped with 64-bit longs and pointers.
                return new UnsupportedOperationException("the jna backend needs a 64-bit (LP64) platform, this one has "
                        + Native.POINTER_SIZE * 8 + "-bit pointers and " + Native.LONG_SIZE * 8 + "-bit longs");
            }
            NativeLibrary lib = open();
            library = lib;
            Native.register(Virt.class, lib);
            // libvirt's per-thread error state exists only after virInitialize: calls such as
            // virResetLastError or virTypedParams* crash the process before it.
            if (Virt.virInitialize() < 0) {
                return new IllegalStateException("virInitialize failed: libvirt could not set itself up");
            }
            Virt.virSetErrorFunc(null, SilentErrors.INSTANCE);
            for (Class<?> group : OPTIONAL_GROUPS) {
                try {
                    Native.register(group, lib);
                } catch (UnsatisfiedLinkError e) {
                    // An older libvirt: the group's calls throw UnsatisfiedLinkError, which the
                    // call sites turn into ERR_NO_SUPPORT naming the function.
                }
            }
            return null;
        } catch (LinkageError | RuntimeException e) {
            return e;
        }
    }

    private static NativeLibrary open() {
        UnsatisfiedLinkError failure = null;
        for (String name : LIBRARY_NAMES) {
            try {
                return NativeLibrary.getInstance(name);
            } catch (UnsatisfiedLinkError e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        throw failure;
    }
}

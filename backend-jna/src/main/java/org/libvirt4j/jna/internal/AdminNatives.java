package org.libvirt4j.jna.internal;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import java.util.concurrent.ConcurrentHashMap;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorLevel;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;

/**
 * {@code libvirt-admin.so.0}, loaded on first use of the admin API as libvirt.so is (its errors
 * are libvirt.so's, read by {@link Errors}); each function is looked up once by name. A missing
 * library or symbol is {@code ERR_NO_SUPPORT} naming the function.
 */
public final class AdminNatives {
    private static final String LIBRARY = "libvirt-admin.so.0";
    private static final ConcurrentHashMap<String, Function> FUNCTIONS = new ConcurrentHashMap<>();

    private AdminNatives() {
    }

    /** Loaded by the JVM on first access only: lazily, once and thread-safely. */
    private static final class Holder {
        static final Object LIBRARY_OR_CAUSE = load();
    }

    private static Object load() {
        try {
            Natives.ensureLoaded();
            NativeLibrary lib = NativeLibrary.getInstance(LIBRARY);
            // virAdmInitialize sets up the admin library's classes; every entry point also calls it,
            // but a failure here is better reported once, as the load failure
            Function init = lib.getFunction("virAdmInitialize");
            if (init.invokeInt(new Object[0]) < 0) {
                return new IllegalStateException("virAdmInitialize failed: " + Errors.last("virAdmInitialize").getMessage());
            }
            return lib;
        } catch (LinkageError | RuntimeException e) {
            return e;
        }
    }

    /**
     * @param name an admin C function
     * @return the function
     * @throws LibvirtException {@code ERR_NO_SUPPORT} naming it when the library or the symbol is missing
     */
    public static Function function(String name) {
        Function f = FUNCTIONS.get(name);
        if (f != null) {
            return f;
        }
        Object lib = Holder.LIBRARY_OR_CAUSE;
        if (lib instanceof Throwable cause) {
            throw new LibvirtException(ErrorNumber.ERR_NO_SUPPORT.value(), ErrorDomain.NONE.value(), ErrorLevel.ERROR.value(),
                    "this function is not supported by the connection driver: " + name + " (" + LIBRARY
                            + " cannot be used: " + cause + "; install Debian's libvirt-clients or libvirt0)", cause);
        }
        try {
            f = ((NativeLibrary) lib).getFunction(name);
        } catch (UnsatisfiedLinkError e) {
            throw Errors.noSupport(name, e);
        }
        FUNCTIONS.putIfAbsent(name, f);
        return f;
    }

    /**
     * Calls an {@code int} function, checked as libvirt's status (negative: the last error).
     *
     * @param name the C function
     * @param args its arguments
     * @return the result
     */
    public static int check(String name, Object... args) {
        return Errors.check(function(name).invokeInt(args), name);
    }

    /**
     * Calls a pointer-returning function, checked ({@code NULL}: the last error).
     *
     * @param name the C function
     * @param args its arguments
     * @return the pointer
     */
    public static long pointer(String name, Object... args) {
        return Errors.ptr(function(name).invokeLong(args), name);
    }

    /**
     * Frees an admin object on close or from the Cleaner; never throws.
     *
     * @param name {@code virAdmServerFree}, ...
     * @param p the object
     */
    public static void free(String name, long p) {
        try {
            function(name).invokeInt(new Object[] {p});
        } catch (RuntimeException e) {
            // nothing to report from a free on the Cleaner's thread
        }
    }
}

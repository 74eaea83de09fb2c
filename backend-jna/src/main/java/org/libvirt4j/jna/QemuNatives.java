package org.libvirt4j.jna;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.util.concurrent.ConcurrentHashMap;
import org.libvirt4j.FileDescriptors;
import org.libvirt4j.jna.internal.Natives;
import org.libvirt4j.spi.QemuChecks;

/**
 * The functions of {@code libvirt-qemu.so.0} and {@code libvirt-lxc.so.0}, loaded on first use
 * beside libvirt.so (whose error state they share); a missing library or symbol is
 * {@code ERR_NO_SUPPORT} naming the function.
 */
final class QemuNatives {
    /** The two client libraries. */
    enum Lib {
        QEMU("libvirt-qemu.so.0"),
        LXC("libvirt-lxc.so.0");

        final String file;
        private volatile Object loaded;

        Lib(String file) {
            this.file = file;
        }

        /** {@return the library, or the error that kept it from loading} */
        Object load() {
            Object l = loaded;
            if (l == null) {
                synchronized (this) {
                    l = loaded;
                    if (l == null) {
                        Natives.ensureLoaded();
                        try {
                            l = NativeLibrary.getInstance(file);
                        } catch (UnsatisfiedLinkError e) {
                            l = e;
                        }
                        loaded = l;
                    }
                }
            }
            return l;
        }
    }

    private static final ConcurrentHashMap<String, Function> FUNCTIONS = new ConcurrentHashMap<>();
    private static final Function CLOSE = NativeLibrary.getProcess().getFunction("close");

    private QemuNatives() {
    }

    /** {@return the function, looked up once} */
    static Function get(Lib lib, String name) {
        Function f = FUNCTIONS.get(name);
        if (f != null) {
            return f;
        }
        Object l = lib.load();
        if (l instanceof UnsatisfiedLinkError e) {
            throw QemuChecks.noSupport(name, lib.file + " cannot be loaded: " + e.getMessage());
        }
        try {
            f = ((NativeLibrary) l).getFunction(name);
        } catch (UnsatisfiedLinkError e) {
            throw QemuChecks.noSupport(name, "the installed " + lib.file + " lacks it");
        }
        FUNCTIONS.putIfAbsent(name, f);
        return f;
    }

    /** Closes a descriptor the caller owns; errors (a descriptor already closed) are ignored. */
    static void close(int fd) {
        CLOSE.invokeInt(new Object[] {fd});
    }

    /**
     * Takes over an {@code int *} array libvirt allocated.
     *
     * @param array the array, freed here
     * @param n its length
     * @return the holder of its descriptors
     */
    static FileDescriptors takeFds(long array, int n) {
        if (array == 0) {
            return FileDescriptors.none();
        }
        try {
            int[] fds = new Pointer(array).getIntArray(0, n);
            return FileDescriptors.of(fds, QemuNatives::close);
        } finally {
            Native.free(array);
        }
    }

    /** {@return the descriptors as a C {@code int} array, or {@code null} for none} */
    static Memory ints(int[] values) {
        if (values.length == 0) {
            return null;
        }
        Memory m = new Memory(4L * values.length);
        m.write(0, values, 0, values.length);
        return m;
    }
}

package org.libvirt4j.jna.internal;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import org.libvirt4j.LibvirtException;

/** C strings across the boundary: libvirt speaks UTF-8. */
public final class CStrings {
    /** {@code VIR_UUID_STRING_BUFLEN}: 36 characters and the NUL. */
    public static final int UUID_STRING_BUFLEN = 37;

    private CStrings() {
    }

    /**
     * @param s a Java string, or {@code null}
     * @return its UTF-8 bytes with a terminating NUL, or {@code null} (a C {@code NULL})
     * @throws LibvirtException {@code ERR_INVALID_ARG} when the string holds a NUL character:
     *         C would see only the part before it, and act on another name than the one given
     */
    public static byte[] of(String s) {
        if (s == null) {
            return null;
        }
        org.libvirt4j.spi.CStrings.requireNoNul(s);
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[utf8.length + 1];
        System.arraycopy(utf8, 0, out, 0, utf8.length);
        return out;
    }

    /**
     * @param p a {@code const char *}, not owned
     * @return its copy, or {@code null} for {@code NULL}
     */
    public static String read(long p) {
        return p == 0 ? null : new Pointer(p).getString(0, "UTF-8");
    }

    /**
     * @param p a {@code char *} the caller owns
     * @return its copy, or {@code null}; frees it either way
     */
    public static String take(long p) {
        if (p == 0) {
            return null;
        }
        try {
            return new Pointer(p).getString(0, "UTF-8");
        } finally {
            Native.free(p);
        }
    }

    /**
     * @param buf a NUL-terminated buffer filled by libvirt (a UUID string, say)
     * @return the text before the first NUL
     */
    public static String fromBuffer(byte[] buf) {
        int n = 0;
        while (n < buf.length && buf[n] != 0) {
            n++;
        }
        return new String(buf, 0, n, StandardCharsets.UTF_8);
    }

    /**
     * Copies a C string into memory from {@code malloc}, for libvirt to free.
     *
     * @param c the NUL-terminated bytes, as {@link #of(String)} makes them
     * @return the pointer
     * @throws OutOfMemoryError when {@code malloc} fails
     */
    public static long mallocCopy(byte[] c) {
        long p = Native.malloc(c.length);
        if (p == 0) {
            throw new OutOfMemoryError("malloc(" + c.length + ") failed");
        }
        new Pointer(p).write(0, c, 0, c.length);
        return p;
    }
}

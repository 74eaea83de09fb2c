package org.libvirt4j.jna;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import org.libvirt4j.jna.internal.CStrings;

/** C string arrays in both directions, for the hand-written calls. */
final class NativeArrays {
    private NativeArrays() {
    }

    /**
     * A {@code const char **} of UTF-8 copies, or {@code null} for an empty array; the memory
     * lives as long as the returned object is reachable, so callers keep it until the call returns.
     */
    static Memory strings(String[] values) {
        if (values.length == 0) {
            return null;
        }
        Memory array = new Memory(8L * values.length);
        Memory[] keep = new Memory[values.length];
        for (int i = 0; i < values.length; i++) {
            byte[] c = CStrings.of(values[i]);
            keep[i] = new Memory(c.length);
            keep[i].write(0, c, 0, c.length);
            array.setPointer(8L * i, keep[i]);
        }
        return new KeptMemory(array, keep);
    }

    /** The array memory, holding the strings' memory alive with it. */
    private static final class KeptMemory extends Memory {
        @SuppressWarnings("unused")
        private final Memory[] kept;

        KeptMemory(Memory array, Memory[] kept) {
            super(array.size());
            this.kept = kept;
            write(0, array.getByteArray(0, (int) array.size()), 0, (int) array.size());
        }
    }

    /** Reads and frees {@code n} strings of a caller-owned {@code char **}, then frees the array if asked. */
    static String[] takeStrings(long array, int n, boolean freeArray) {
        String[] out = new String[Math.max(n, 0)];
        if (array == 0) {
            return out;
        }
        Pointer a = new Pointer(array);
        try {
            for (int i = 0; i < out.length; i++) {
                out[i] = CStrings.take(a.getLong(8L * i));
            }
        } finally {
            if (freeArray) {
                Native.free(array);
            }
        }
        return out;
    }
}

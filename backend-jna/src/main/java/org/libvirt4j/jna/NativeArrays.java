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
     * A {@code const char **} of UTF-8 copies, or {@code null} for an empty array. Closing it
     * frees the array and every string at once; callers close it right after the call.
     */
    static Memory strings(String[] values) {
        if (values.length == 0) {
            return null;
        }
        Memory[] kept = new Memory[values.length];
        KeptMemory array = new KeptMemory(8L * values.length, kept);
        for (int i = 0; i < values.length; i++) {
            byte[] c = CStrings.of(values[i]);
            kept[i] = new Memory(c.length);
            kept[i].write(0, c, 0, c.length);
            array.setPointer(8L * i, kept[i]);
        }
        return array;
    }

    /** The array memory, which frees its strings' memory with it. */
    private static final class KeptMemory extends Memory {
        private final Memory[] kept;

        KeptMemory(long size, Memory[] kept) {
            super(size);
            this.kept = kept;
        }

        @Override
        public void close() {
            for (Memory m : kept) {
                if (m != null) {
                    m.close();
                }
            }
            super.close();
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

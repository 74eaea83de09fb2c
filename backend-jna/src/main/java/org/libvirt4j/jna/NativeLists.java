package org.libvirt4j.jna;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/** Wraps the pointer arrays that libvirt's {@code ...ListAll...} calls allocate. */
final class NativeLists {
    private NativeLists() {
    }

    /**
     * Wraps each element and frees the array itself (the elements now belong to their handles).
     *
     * @param array the array libvirt allocated, may be 0
     * @param n the element count libvirt returned
     * @param wrap makes a handle of one element
     * @param <T> the handle type
     * @return the handles, immutable
     */
    static <T> List<T> wrap(long array, int n, LongFunction<T> wrap) {
        if (array == 0) {
            return List.of();
        }
        try {
            Pointer p = new Pointer(array);
            List<T> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(wrap.apply(p.getLong(8L * i)));
            }
            return List.copyOf(out);
        } finally {
            Native.free(array);
        }
    }
}

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
            // One bulk copy instead of a native read per element.
            long[] elements = new long[n];
            new Pointer(array).read(0, elements, 0, n);
            List<T> out = new ArrayList<>(n);
            for (long element : elements) {
                out.add(wrap.apply(element));
            }
            return List.copyOf(out);
        } finally {
            Native.free(array);
        }
    }
}

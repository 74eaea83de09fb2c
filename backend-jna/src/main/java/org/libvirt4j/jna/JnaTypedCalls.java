package org.libvirt4j.jna;

import com.sun.jna.Function;
import com.sun.jna.Pointer;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.libvirt4j.jna.internal.CStrings;
import org.libvirt4j.jna.internal.Errors;
import org.libvirt4j.jna.internal.TypedParams;
import org.libvirt4j.spi.NativeHandle;
import org.libvirt4j.spi.TypedParameter;
import org.libvirt4j.spi.TypedReply;
import org.libvirt4j.spi.generated.TypedFn;

/**
 * Every generated typed-parameter function through one path, laid out from
 * {@link TypedFn#signature()}: a caller-allocated array ({@code A}) is sized by a first call
 * with a {@code NULL} array, a libvirt-allocated one ({@code a}) is freed with
 * {@code virTypedParamsFree}, a list to send ({@code T}) is packed by {@link TypedParams}.
 */
final class JnaTypedCalls {
    private static final AtomicReferenceArray<Function> FUNCTIONS = new AtomicReferenceArray<>(TypedFn.values().length);
    private static volatile Function free;

    private JnaTypedCalls() {
    }

    /**
     * Calls {@code fn} on the object behind {@code h}.
     *
     * @param h the object's handle, held for the duration of the call
     * @param fn the function
     * @param params the list to send, or {@code null}
     * @param args the other checked arguments, the flags last
     * @return the reply
     */
    static TypedReply invoke(NativeHandle h, TypedFn fn, List<TypedParameter> params, Object[] args) {
        Function f = function(fn);
        String sig = fn.signature();
        long self = h.acquire(fn.name());
        try (TypedParams.Packed packed = params == null ? null : TypedParams.pack(params)) {
            // C arguments: one per letter, two for each array and its count.
            Object[] c = new Object[sig.length() + 1];
            int[] type = null;
            int[] count = null;
            long[] allocated = null;
            int arrayAt = -1;
            int next = 0;
            int ci = 0;
            for (int i = 0; i < sig.length(); i++) {
                switch (sig.charAt(i)) {
                    case 'P' -> c[ci++] = new Pointer(self);
                    case 'I' -> c[ci++] = args[next++];
                    case 'S' -> c[ci++] = CStrings.of((String) args[next++]);
                    case 'i' -> c[ci++] = type = new int[1];
                    case 'A' -> {
                        arrayAt = ci;
                        c[ci++] = null;
                        c[ci++] = count = new int[1];
                    }
                    case 'a' -> {
                        c[ci++] = allocated = new long[1];
                        c[ci++] = count = new int[1];
                    }
                    case 'T' -> {
                        c[ci++] = new Pointer(packed.address());
                        c[ci++] = packed.count();
                    }
                    default -> throw new IllegalStateException(fn + ": signature " + sig);
                }
            }
            Errors.check(f.invokeInt(c), fn.name());
            if (arrayAt >= 0) {
                int n = count[0];
                int[] filled = count;
                int at = arrayAt;
                List<TypedParameter> out = TypedParams.fetch(n, (array, cap) -> {
                    c[at] = new Pointer(array);
                    filled[0] = cap[0];
                    int rc = f.invokeInt(c);
                    cap[0] = filled[0];
                    return rc;
                }, fn.name());
                return new TypedReply(0, out);
            }
            if (allocated != null) {
                long p = allocated[0];
                int n = count[0];
                try {
                    List<TypedParameter> out = p == 0 || n <= 0 ? List.of() : TypedParams.read(new Pointer(p), n);
                    return new TypedReply(type == null ? 0 : type[0], out);
                } finally {
                    if (p != 0) {
                        freeFunction().invokeVoid(new Object[] {new Pointer(p), n});
                    }
                }
            }
            return new TypedReply(0, List.of());
        } finally {
            h.release();
        }
    }

    private static Function function(TypedFn fn) {
        Function f = FUNCTIONS.get(fn.ordinal());
        if (f == null) {
            f = JnaCalls.symbol(fn.name());
            FUNCTIONS.set(fn.ordinal(), f);
        }
        return f;
    }

    private static Function freeFunction() {
        Function f = free;
        if (f == null) {
            f = JnaCalls.symbol("virTypedParamsFree");
            free = f;
        }
        return f;
    }
}

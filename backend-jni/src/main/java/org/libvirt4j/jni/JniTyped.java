package org.libvirt4j.jni;

import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.libvirt4j.spi.NativeHandle;
import org.libvirt4j.spi.TypedParameter;
import org.libvirt4j.spi.TypedReply;
import org.libvirt4j.spi.generated.TypedFn;

/**
 * Every generated typed-parameter function through two natives (lv_typed.c), one per direction,
 * laid out from {@link TypedFn#signature()}; parameters cross as {@link Params}' parallel arrays.
 */
final class JniTyped {
    /** libvirt symbol slot per function, {@code -2} until looked up. */
    private static final AtomicIntegerArray SLOTS = new AtomicIntegerArray(TypedFn.values().length);

    static {
        for (int i = 0; i < SLOTS.length(); i++) {
            SLOTS.set(i, -2);
        }
    }

    private JniTyped() {
    }

    /** @return the slot of {@code name} in lv_names, or -1 */
    static native int slot(String name);

    /** @return {@code {int-out-parameter as a decimal string or null, String[] fields, int[] types, long[] values, String[] strings}} */
    static native Object[] get(int slot, String signature, long self, String s, int flags);

    static native void set(int slot, String signature, long self, String s, int i, String[] fields, int[] types,
            long[] values, String[] strings, int flags);

    static TypedReply invoke(NativeHandle h, TypedFn fn, List<TypedParameter> params, Object[] args) {
        NativeLibrary.ensureLoaded();
        int slot = SLOTS.get(fn.ordinal());
        if (slot == -2) {
            slot = slot(fn.name());
            SLOTS.set(fn.ordinal(), slot);
        }
        if (slot < 0) {
            throw new IllegalStateException("the JNI glue has no slot for " + fn.name());
        }
        String sig = fn.signature();
        String s = null;
        int i = 0;
        int next = 0;
        for (int k = 1; k < sig.length(); k++) {
            char c = sig.charAt(k);
            if (c == 'S') {
                s = (String) args[next++];
            } else if (c == 'I' && k + 1 < sig.length()) {
                i = (Integer) args[next++];
            }
        }
        int flags = (Integer) args[args.length - 1];
        long p = h.acquire(fn.name());
        try {
            if (fn.reads()) {
                Object[] raw = get(slot, sig, p, s, flags);
                int value = raw[0] == null ? 0 : Integer.parseInt((String) raw[0]);
                return new TypedReply(value, Params.fromNative(raw));
            }
            Params packed = Params.toNative(params);
            set(slot, sig, p, s, i, packed.fields(), packed.types(), packed.values(), packed.strings(), flags);
            return new TypedReply(0, List.of());
        } finally {
            h.release();
        }
    }
}

package org.libvirt4j.jna.internal;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.libvirt4j.TypedParameterType;
import org.libvirt4j.spi.TypedParameter;

/**
 * Moves {@code virTypedParameter} arrays across the boundary. Layout on LP64 (checked against
 * libvirt's headers): {@code char field[80]} at 0, {@code int type} at 80, the value union at
 * 88, 96 bytes in all.
 */
public final class TypedParams {
    /** {@code sizeof(virTypedParameter)}. */
    public static final int SIZE = 96;
    /** {@code VIR_TYPED_PARAM_FIELD_LENGTH}, the NUL included. */
    public static final int FIELD_LENGTH = 80;
    private static final int TYPE = 80;
    private static final int VALUE = 88;

    private TypedParams() {
    }

    /**
     * Reads {@code n} parameters; values of a type this binding does not know are skipped.
     *
     * @param array the first element
     * @param n how many
     * @return the parameters, immutable
     */
    public static List<TypedParameter> read(Pointer array, int n) {
        List<TypedParameter> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long base = (long) i * SIZE;
            byte[] rawField = array.getByteArray(base, FIELD_LENGTH);
            String field = CStrings.fromBuffer(rawField);
            int type = array.getInt(base + TYPE);
            long v = base + VALUE;
            TypedParameter p = switch (TypedParameterType.fromValue(type)) {
                case INT -> TypedParameter.ofInt(field, array.getInt(v));
                case UINT -> TypedParameter.ofUInt(field, array.getInt(v));
                case LLONG -> TypedParameter.ofLLong(field, array.getLong(v));
                case ULLONG -> TypedParameter.ofULLong(field, array.getLong(v));
                case DOUBLE -> TypedParameter.ofDouble(field, array.getDouble(v));
                case BOOLEAN -> TypedParameter.ofBoolean(field, array.getByte(v) != 0);
                case STRING -> {
                    String s = CStrings.read(array.getLong(v));
                    yield s == null ? null : TypedParameter.ofString(field, s);
                }
                default -> null;
            };
            if (p != null) {
                out.add(p);
            }
        }
        return List.copyOf(out);
    }

    /**
     * A parameter array for libvirt to read, owned by Java (string values included): close it
     * after the call, and never hand it to {@code virTypedParamsClear}.
     */
    public static final class Packed implements AutoCloseable {
        private final Memory array;
        private final List<Memory> strings;
        private final int count;

        Packed(Memory array, List<Memory> strings, int count) {
            this.array = array;
            this.strings = strings;
            this.count = count;
        }

        /** @return the address of the first element (a zeroed dummy when empty, never {@code NULL}) */
        public long address() {
            return Pointer.nativeValue(array);
        }

        /** @return the number of parameters */
        public int count() {
            return count;
        }

        @Override
        public void close() {
            array.close();
            for (Memory m : strings) {
                m.close();
            }
        }
    }

    /**
     * @param params the parameters
     * @return their native array
     * @throws IllegalArgumentException for a field name longer than libvirt allows
     */
    public static Packed pack(List<TypedParameter> params) {
        int n = params.size();
        // An empty list still gets a valid pointer so that libvirt judges nparams == 0 itself.
        Memory array = new Memory((long) Math.max(n, 1) * SIZE);
        array.clear();
        List<Memory> strings = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            TypedParameter p = params.get(i);
            long base = (long) i * SIZE;
            byte[] field = p.field().getBytes(StandardCharsets.UTF_8);
            if (field.length >= FIELD_LENGTH) {
                array.close();
                strings.forEach(Memory::close);
                throw new IllegalArgumentException("typed parameter field name too long: " + p.field());
            }
            array.write(base, field, 0, field.length);
            array.setInt(base + TYPE, p.type().value());
            long v = base + VALUE;
            switch (p.type()) {
                case INT, UINT -> array.setInt(v, (Integer) p.value());
                case LLONG, ULLONG -> array.setLong(v, (Long) p.value());
                case DOUBLE -> array.setDouble(v, (Double) p.value());
                case BOOLEAN -> array.setByte(v, (byte) (((Boolean) p.value()) ? 1 : 0));
                case STRING -> {
                    byte[] s = CStrings.of((String) p.value());
                    Memory m = new Memory(s.length);
                    m.write(0, s, 0, s.length);
                    strings.add(m);
                    array.setPointer(v, m);
                }
                default -> throw new IllegalArgumentException("not a value type: " + p.type());
            }
        }
        return new Packed(array, strings, n);
    }

    /** A libvirt call that fills a caller-allocated parameter array. */
    @FunctionalInterface
    public interface Fill {
        /**
         * @param params the array's address
         * @param nparams in: its capacity; out: how many were filled
         * @return libvirt's result, negative on failure
         */
        int call(long params, int[] nparams);
    }

    /**
     * Allocates room for {@code count} parameters, lets libvirt fill it, copies the result out
     * and frees what libvirt allocated inside (string values) with {@code virTypedParamsClear}.
     *
     * @param count the count libvirt reported
     * @param fill the call
     * @param function the C function, for the error
     * @return the parameters, immutable
     */
    public static List<TypedParameter> fetch(int count, Fill fill, String function) {
        if (count <= 0) {
            return List.of();
        }
        Memory array = new Memory((long) count * SIZE);
        try {
            array.clear();
            long address = Pointer.nativeValue(array);
            int[] n = {count};
            Errors.check(fill.call(address, n), function);
            int filled = Math.max(0, Math.min(n[0], count));
            try {
                return read(array, filled);
            } finally {
                Virt.virTypedParamsClear(address, filled);
            }
        } finally {
            array.close();
        }
    }
}

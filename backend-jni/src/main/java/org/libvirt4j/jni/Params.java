package org.libvirt4j.jni;

import java.util.ArrayList;
import java.util.List;
import org.libvirt4j.TypedParameterType;
import org.libvirt4j.spi.TypedParameter;

/**
 * Moves {@link TypedParameter} lists across JNI as parallel arrays (fields, types, values as
 * long bits, strings), so that C builds or reads {@code virTypedParameter} arrays without
 * calling back into Java per element.
 */
record Params(String[] fields, int[] types, long[] values, String[] strings) {

    static Params toNative(List<TypedParameter> params) {
        int n = params.size();
        Params p = new Params(new String[n], new int[n], new long[n], new String[n]);
        for (int i = 0; i < n; i++) {
            TypedParameter t = params.get(i);
            p.fields[i] = t.field();
            p.types[i] = t.type().value();
            switch (t.type()) {
                case DOUBLE -> p.values[i] = Double.doubleToRawLongBits((Double) t.value());
                case STRING -> p.strings[i] = (String) t.value();
                default -> p.values[i] = t.asLong();
            }
        }
        return p;
    }

    /** @param raw what {@code JniNatives.getParams} returned */
    static List<TypedParameter> fromNative(Object[] raw) {
        String[] fields = (String[]) raw[1];
        int[] types = (int[]) raw[2];
        long[] values = (long[]) raw[3];
        String[] strings = (String[]) raw[4];
        List<TypedParameter> out = new ArrayList<>(fields.length);
        for (int i = 0; i < fields.length; i++) {
            TypedParameterType type = TypedParameterType.fromValue(types[i]);
            long v = values[i];
            switch (type) {
                case INT -> out.add(TypedParameter.ofInt(fields[i], (int) v));
                case UINT -> out.add(TypedParameter.ofUInt(fields[i], (int) v));
                case LLONG -> out.add(TypedParameter.ofLLong(fields[i], v));
                case ULLONG -> out.add(TypedParameter.ofULLong(fields[i], v));
                case DOUBLE -> out.add(TypedParameter.ofDouble(fields[i], Double.longBitsToDouble(v)));
                case BOOLEAN -> out.add(TypedParameter.ofBoolean(fields[i], v != 0));
                case STRING -> out.add(TypedParameter.ofString(fields[i], strings[i]));
                default -> {
                    // a type newer than this binding: skipped, as unknown fields are
                }
            }
        }
        return out;
    }
}

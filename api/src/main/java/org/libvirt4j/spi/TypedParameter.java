package org.libvirt4j.spi;

import java.util.Objects;
import org.libvirt4j.TypedParameterType;

/**
 * One {@code virTypedParameter}: a field name, its C type and its value, as backends move
 * them between libvirt and the typed records of the API. Unsigned C values are carried in
 * Java's signed types bit for bit.
 *
 * @param field the field name, e.g. {@code "hard_limit"}
 * @param type the C type
 * @param value an {@link Integer} (INT, UINT), {@link Long} (LLONG, ULLONG), {@link Double},
 *              {@link Boolean} or {@link String}
 */
public record TypedParameter(String field, TypedParameterType type, Object value) {

    /**
     * Checks that the value's Java class fits the type.
     *
     * @param field the field name
     * @param type the C type
     * @param value the value, of the Java class that fits {@code type}
     */
    public TypedParameter {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        Class<?> expected = switch (type) {
            case INT, UINT -> Integer.class;
            case LLONG, ULLONG -> Long.class;
            case DOUBLE -> Double.class;
            case BOOLEAN -> Boolean.class;
            case STRING -> String.class;
            default -> throw new IllegalArgumentException("not a value type: " + type);
        };
        if (!expected.isInstance(value)) {
            throw new IllegalArgumentException(field + ": " + type + " needs " + expected.getSimpleName());
        }
    }

    /**
     * @param field name
     * @param v value
     * @return an INT parameter
     */
    public static TypedParameter ofInt(String field, int v) {
        return new TypedParameter(field, TypedParameterType.INT, v);
    }

    /**
     * @param field name
     * @param v value, unsigned
     * @return a UINT parameter
     */
    public static TypedParameter ofUInt(String field, int v) {
        return new TypedParameter(field, TypedParameterType.UINT, v);
    }

    /**
     * @param field name
     * @param v value
     * @return an LLONG parameter
     */
    public static TypedParameter ofLLong(String field, long v) {
        return new TypedParameter(field, TypedParameterType.LLONG, v);
    }

    /**
     * @param field name
     * @param v value, unsigned
     * @return a ULLONG parameter
     */
    public static TypedParameter ofULLong(String field, long v) {
        return new TypedParameter(field, TypedParameterType.ULLONG, v);
    }

    /**
     * @param field name
     * @param v value
     * @return a DOUBLE parameter
     */
    public static TypedParameter ofDouble(String field, double v) {
        return new TypedParameter(field, TypedParameterType.DOUBLE, v);
    }

    /**
     * @param field name
     * @param v value
     * @return a BOOLEAN parameter
     */
    public static TypedParameter ofBoolean(String field, boolean v) {
        return new TypedParameter(field, TypedParameterType.BOOLEAN, v);
    }

    /**
     * @param field name
     * @param v value
     * @return a STRING parameter
     */
    public static TypedParameter ofString(String field, String v) {
        return new TypedParameter(field, TypedParameterType.STRING, v);
    }

    /** @return the value as a long: UINT zero-extended, BOOLEAN as 0 or 1 */
    public long asLong() {
        return switch (type) {
            case UINT -> Integer.toUnsignedLong((Integer) value);
            case INT -> (Integer) value;
            case LLONG, ULLONG -> (Long) value;
            case BOOLEAN -> ((Boolean) value) ? 1 : 0;
            case DOUBLE -> (long) (double) (Double) value;
            default -> throw new IllegalStateException(field + " is a " + type);
        };
    }
}

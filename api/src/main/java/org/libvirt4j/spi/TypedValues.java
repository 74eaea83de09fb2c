package org.libvirt4j.spi;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.libvirt4j.TypedParameterType;

/**
 * The conversions the generated typed-parameter packing ({@code spi.generated.TypedFamilies})
 * uses: reading a component out of what libvirt returned, and writing one with its C type.
 */
public final class TypedValues {
    private TypedValues() {
    }

    /**
     * @param params what libvirt returned
     * @return the parameters by field; the first of a repeated field wins
     */
    public static Map<String, TypedParameter> index(List<TypedParameter> params) {
        Map<String, TypedParameter> byField = new HashMap<>();
        for (TypedParameter p : params) {
            byField.putIfAbsent(p.field(), p);
        }
        return byField;
    }

    private static boolean numeric(TypedParameter p) {
        return p != null && p.type() != TypedParameterType.STRING;
    }

    /**
     * @param f the parameters by field
     * @param field the field
     * @return its value as an int (a number of another C type is converted), or empty
     */
    public static OptionalInt intOf(Map<String, TypedParameter> f, String field) {
        TypedParameter p = f.get(field);
        return numeric(p) ? OptionalInt.of((int) p.asLong()) : OptionalInt.empty();
    }

    /**
     * @param f the parameters by field
     * @param field the field
     * @return its value as a long (UINT zero-extended), or empty
     */
    public static OptionalLong longOf(Map<String, TypedParameter> f, String field) {
        TypedParameter p = f.get(field);
        return numeric(p) ? OptionalLong.of(p.asLong()) : OptionalLong.empty();
    }

    /**
     * @param f the parameters by field
     * @param field the field
     * @return its value as a double, or empty
     */
    public static OptionalDouble doubleOf(Map<String, TypedParameter> f, String field) {
        TypedParameter p = f.get(field);
        if (!numeric(p)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(p.type() == TypedParameterType.DOUBLE ? (Double) p.value() : p.asLong());
    }

    /**
     * @param f the parameters by field
     * @param field the field
     * @return its value as a boolean (a number: not 0), or empty
     */
    public static Optional<Boolean> booleanOf(Map<String, TypedParameter> f, String field) {
        TypedParameter p = f.get(field);
        return numeric(p) ? Optional.of(p.asLong() != 0) : Optional.empty();
    }

    /**
     * @param f the parameters by field
     * @param field the field
     * @return its value if it is a string, or empty
     */
    public static Optional<String> stringOf(Map<String, TypedParameter> f, String field) {
        TypedParameter p = f.get(field);
        return p != null && p.type() == TypedParameterType.STRING ? Optional.of((String) p.value()) : Optional.empty();
    }

    /**
     * @param params what libvirt returned
     * @param field the field
     * @return every string value of the field, in order (a field libvirt accepts several times)
     */
    public static List<String> stringsOf(List<TypedParameter> params, String field) {
        return params.stream().filter(p -> p.field().equals(field) && p.type() == TypedParameterType.STRING)
                .map(p -> (String) p.value()).toList();
    }

    /**
     * @param field name
     * @param v value, without NUL characters
     * @return a STRING parameter
     */
    public static TypedParameter ofString(String field, String v) {
        return TypedParameter.ofString(field, CStrings.requireNoNul(v));
    }

    /**
     * Appends the raw parameters of fields the record has no component for (newer than this
     * binding), after checking their strings as every other string is checked.
     *
     * @param out the packed parameters
     * @param raw the record's raw list
     * @param known the fields the record's components stand for
     */
    public static void addUnknown(List<TypedParameter> out, List<TypedParameter> raw, Set<String> known) {
        for (TypedParameter p : raw) {
            if (!known.contains(p.field())) {
                CStrings.requireNoNul(p.field());
                if (p.type() == TypedParameterType.STRING) {
                    CStrings.requireNoNul((String) p.value());
                }
                out.add(p);
            }
        }
    }
}

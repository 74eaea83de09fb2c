package org.libvirt4j;

/**
 * A Java constant that stands for one of libvirt's C enum values.
 *
 * <p>Every generated enum implements it: flag enums are passed as varargs and OR-ed into
 * libvirt's {@code unsigned int flags}; value enums (states, reasons, error codes) are decoded
 * from the numbers libvirt returns. A value enum decodes every number: one this binding does
 * not know (a newer libvirt) becomes its {@code UNRECOGNIZED} constant, and the record that
 * carried it keeps the raw number readable.
 */
public interface LibvirtEnum {
    /**
     * Returns libvirt's number for this constant.
     *
     * @return the C enum value
     * @throws IllegalStateException on an {@code UNRECOGNIZED} constant, which has no number
     */
    int value();

    /**
     * ORs the values of the given flags into the mask libvirt expects.
     *
     * <p>An {@code UNRECOGNIZED} constant stands for a number this binding could not decode, not
     * for a bit, so it cannot be sent: it is refused rather than dropped, so that
     * {@code EnumSet.allOf(...)} or a decoded value passed back never asks libvirt for something
     * other than what the caller wrote.
     *
     * @param flags the flags, none {@code null}; no flags gives 0
     * @param <E> the enum
     * @return the bitwise OR of their values
     * @throws NullPointerException for a null array or element
     * @throws LibvirtException {@code ERR_INVALID_ARG} for an {@code UNRECOGNIZED} constant, naming
     *     the parameter {@code flags}
     */
    @SafeVarargs
    static <E extends LibvirtEnum> int mask(E... flags) {
        int mask = 0;
        for (E flag : flags) {
            mask |= valueIn(java.util.Objects.requireNonNull(flag, "flag"), "flags");
        }
        return mask;
    }

    /**
     * ORs the values of a collection of constants, as {@link #mask(LibvirtEnum...)} does for
     * varargs, naming the parameter {@code flags} in errors.
     *
     * @param flags constants to OR together, as a set or list (typed parameter groups, ...)
     * @param <E> the enum
     * @return their values OR-ed
     * @throws NullPointerException for a null collection or element
     * @throws LibvirtException {@code ERR_INVALID_ARG} for an {@code UNRECOGNIZED} constant
     */
    static <E extends LibvirtEnum> int mask(java.util.Collection<E> flags) {
        return mask("flags", flags);
    }

    /**
     * ORs the values of a collection of constants, as {@link #mask(LibvirtEnum...)} does for
     * varargs.
     *
     * @param parameter the name of the API parameter the collection was passed as, for errors
     * @param values constants to OR together, as a set or list ({@code statsTypes}, ...)
     * @param <E> the enum
     * @return their values OR-ed
     * @throws NullPointerException for a null collection or element
     * @throws LibvirtException {@code ERR_INVALID_ARG} for an {@code UNRECOGNIZED} constant,
     *     naming {@code parameter}
     */
    static <E extends LibvirtEnum> int mask(String parameter, java.util.Collection<E> values) {
        int mask = 0;
        for (E value : java.util.Objects.requireNonNull(values, parameter)) {
            mask |= valueIn(java.util.Objects.requireNonNull(value, parameter + " element"), parameter);
        }
        return mask;
    }

    /**
     * {@return the value of a constant passed in {@code parameter}}
     *
     * @param constant the constant
     * @param parameter the API parameter's name, for the error
     * @throws LibvirtException {@code ERR_INVALID_ARG} for an {@code UNRECOGNIZED} constant
     */
    private static int valueIn(LibvirtEnum constant, String parameter) {
        if (constant instanceof Enum<?> e && e.name().equals("UNRECOGNIZED")) {
            throw LibvirtException.of(ErrorNumber.ERR_INVALID_ARG, ErrorDomain.NONE, "invalid argument: "
                    + e.getDeclaringClass().getSimpleName() + ".UNRECOGNIZED in '" + parameter + "' stands for a"
                    + " number this binding could not decode and has no value to send; leave it out");
        }
        return constant.value();
    }
}

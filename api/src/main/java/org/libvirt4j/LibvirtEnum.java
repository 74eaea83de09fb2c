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
     * @param <E> the flag enum
     * @param flags the flags, none {@code null}; no flags gives 0
     * @return the bitwise OR of their values
     */
    @SafeVarargs
    static <E extends LibvirtEnum> int mask(E... flags) {
        int mask = 0;
        for (E flag : flags) {
            mask |= java.util.Objects.requireNonNull(flag, "flag").value();
        }
        return mask;
    }

    /**
     * @param flags constants to OR together, as a set or list (typed parameter groups, ...)
     * @param <E> the enum
     * @return their values OR-ed
     * @throws NullPointerException for a null collection or element
     */
    static <E extends LibvirtEnum> int mask(java.util.Collection<E> flags) {
        int mask = 0;
        for (E flag : java.util.Objects.requireNonNull(flags, "flags")) {
            mask |= java.util.Objects.requireNonNull(flag, "flag").value();
        }
        return mask;
    }
}

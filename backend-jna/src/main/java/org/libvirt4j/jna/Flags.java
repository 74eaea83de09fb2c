package org.libvirt4j.jna;

import java.util.Objects;
import org.libvirt4j.LibvirtEnum;

/** The null checks and OR-ing every flag varargs parameter gets. */
final class Flags {
    private Flags() {
    }

    /**
     * @param flags the varargs array
     * @return the mask
     * @throws NullPointerException for a {@code null} array or element, before libvirt is touched
     */
    static int mask(LibvirtEnum[] flags) {
        return LibvirtEnum.mask(Objects.requireNonNull(flags, "flags"));
    }
}

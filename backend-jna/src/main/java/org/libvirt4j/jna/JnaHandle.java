package org.libvirt4j.jna;

import org.libvirt4j.spi.NativeHandle;
import org.libvirt4j.spi.ObjectKind;

/** A handle class of this backend, for the calls that take one object as an argument of another's. */
interface JnaHandle {
    /** @return the native handle */
    NativeHandle handle();

    /**
     * @return the handle of {@code object}, which must be this backend's {@code type}
     * @throws NullPointerException for {@code null}
     * @throws org.libvirt4j.LibvirtException {@code kind}'s invalid-object error naming {@code fn}
     *         for an object of another backend
     */
    static NativeHandle of(Object object, Class<? extends JnaHandle> type, ObjectKind kind, String fn) {
        java.util.Objects.requireNonNull(object, kind.name().toLowerCase(java.util.Locale.ROOT));
        if (!type.isInstance(object)) {
            throw kind.invalid(fn);
        }
        return type.cast(object).handle();
    }
}

package org.libvirt4j.spi;

import org.libvirt4j.spi.generated.Fn;

/**
 * The one operation a backend implements for every generated function: the generated contract
 * ({@code org.libvirt4j.spi.generated.*Contract}) has checked the arguments and calls this.
 */
public interface Invocable {
    /**
     * Calls a generated function on this object.
     *
     * @param fn the function; {@link Fn#signature()} and {@link Fn#result()} say how to call it
     * @param args the arguments after the object, boxed ({@code Integer}, {@code Long}, {@code String}
     *        or {@code null} for a string C accepts as {@code NULL}), already checked
     * @return the result, boxed: {@code null} for a status, an {@code Integer} for an {@code int}
     *         or 0/1 answer, a {@code Long} for a 64-bit out-parameter, a {@code String}, or a
     *         handle of this backend for an object
     * @throws org.libvirt4j.LibvirtException libvirt's error, or the invalid-object error on a closed handle
     */
    Object invoke(Fn fn, Object... args);
}

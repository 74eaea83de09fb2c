package org.libvirt4j.spi;

import java.util.List;
import org.libvirt4j.spi.generated.TypedFn;

/**
 * The one typed-parameter operation a backend implements, once, for every generated
 * typed-parameter function: the generated contract ({@code org.libvirt4j.spi.generated.*TypedContract})
 * has checked the arguments and packed the record, and calls this.
 */
public interface TypedInvocable {
    /**
     * Calls a typed-parameter function on this object.
     *
     * @param fn the function; {@link TypedFn#signature()} says how to call it
     * @param params for a function that sets parameters ({@code T}), the list to send; else {@code null}
     * @param args the other arguments after the object, in C order, boxed ({@code String}, {@code Integer}),
     *        the flags last; already checked
     * @return for a function that reads parameters, what libvirt returned (and the int out-parameter, if
     *         any); else an empty reply
     * @throws org.libvirt4j.LibvirtException libvirt's error, or the invalid-object error on a closed handle
     */
    TypedReply invokeTyped(TypedFn fn, List<TypedParameter> params, Object... args);
}

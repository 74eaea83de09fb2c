package org.libvirt4j.jna.internal;

/**
 * The {@code ...DefineXMLFlags} variants of libvirt 7.7.0, registered apart from {@link Virt}
 * as {@link VirtBindings} explains.
 */
public final class VirtDefineFlags {
    private VirtDefineFlags() {
    }

}

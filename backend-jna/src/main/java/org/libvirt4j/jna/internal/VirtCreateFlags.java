package org.libvirt4j.jna.internal;

/** {@code virNetworkCreateXMLFlags} (libvirt 7.8.0), registered apart from {@link Virt} as {@link VirtBindings} explains. */
public final class VirtCreateFlags {
    private VirtCreateFlags() {
    }

}

package org.libvirt4j.jna.internal;

/**
 * Network filter bindings (libvirt 4.5.0), registered apart from {@link Virt} so that an older
 * libvirt still loads: a call into an unregistered method throws {@link UnsatisfiedLinkError},
 * which the caller turns into {@code ERR_NO_SUPPORT}.
 */
public final class VirtBindings {
    private VirtBindings() {
    }

    public static native int virConnectListAllNWFilterBindings(long conn, long[] bindings, int flags);
    public static native int virNWFilterBindingFree(long binding);
    public static native long virNWFilterBindingGetPortDev(long binding);
    public static native long virNWFilterBindingGetFilterName(long binding);
    public static native long virNWFilterBindingGetXMLDesc(long binding, int flags);
}

package org.libvirt4j.tck;

/**
 * Optional behaviours a backend may declare it lacks, with a reason, in
 * {@link LibvirtTck#unsupported()}. Tests that need one are then skipped with that reason,
 * never silently.
 */
public enum TckCapability {
    /** Connecting to the private root {@code libvirtd}'s QEMU, secret and nwfilter drivers ({@link PrivateLibvirtd}). */
    PRIVATE_DAEMON,
    /** Booting a real QEMU/TCG guest on that daemon. */
    QEMU_GUEST,
    /** {@code virConnectOpenAuth} with a credential callback. */
    AUTH_CALLBACK,
    /** Freeing forgotten handles with a {@code Cleaner} (native backends). */
    CLEANER
}

package org.libvirt4j.jna.internal;

/** Domain checkpoints (libvirt 5.6.0), registered apart from {@link Virt} as {@link VirtBindings} explains. */
public final class VirtCheckpoints {
    private VirtCheckpoints() {
    }

    public static native int virDomainListAllCheckpoints(long dom, long[] checkpoints, int flags);
    public static native long virDomainCheckpointLookupByName(long dom, byte[] name, int flags);
    public static native int virDomainCheckpointFree(long cp);
    public static native long virDomainCheckpointGetName(long cp);
    public static native long virDomainCheckpointGetParent(long cp, int flags);
    public static native int virDomainCheckpointListAllChildren(long cp, long[] children, int flags);
}

package org.libvirt4j.jna.internal;

/** Network ports (libvirt 5.5.0), registered apart from {@link Virt} as {@link VirtBindings} explains. */
public final class VirtPorts {
    private VirtPorts() {
    }

    public static native int virNetworkListAllPorts(long net, long[] ports, int flags);
    public static native long virNetworkPortLookupByUUIDString(long net, byte[] uuid);
    public static native int virNetworkPortFree(long port);
    public static native int virNetworkPortGetUUID(long port, byte[] uuid);
    public static native int virNetworkPortGetUUIDString(long port, byte[] buf);
    public static native long virNetworkPortGetXMLDesc(long port, int flags);
    public static native int virNetworkPortDelete(long port, int flags);
}

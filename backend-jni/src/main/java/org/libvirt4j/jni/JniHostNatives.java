package org.libvirt4j.jni;

/**
 * The hand-written natives of {@code lv_host.c}, registered by {@code JNI_OnLoad}: the calls of
 * {@link org.libvirt4j.spi.ManualFn} whose arrays and structs need C. Each throws
 * {@link org.libvirt4j.LibvirtException} with libvirt's error on failure.
 */
final class JniHostNatives {
    // Legacy list calls (lv_name_lists).
    static final int N_NETWORKS = 0;
    static final int N_DEFINED_NETWORKS = 1;
    static final int N_INTERFACES = 2;
    static final int N_DEFINED_INTERFACES = 3;
    static final int N_STORAGE_POOLS = 4;
    static final int N_DEFINED_STORAGE_POOLS = 5;
    static final int N_NWFILTERS = 6;
    static final int N_SECRETS = 7;
    static final int N_POOL_VOLUMES = 8;
    static final int N_NODE_DEVICES = 9;

    private JniHostNatives() {
    }

    /** {@code virConnectList*}, {@code virStoragePoolListVolumes} or (with {@code cap} and {@code flags}) {@code virNodeListDevices}. */
    static native String[] listNames(int which, long obj, String cap, int max, int flags);

    /** {@code virConnectGetCPUModelNames}. */
    static native String[] cpuModelNames(long conn, String arch, int flags);

    /** {@code virConnectBaselineCPU}, or {@code virConnectBaselineHypervisorCPU} with the four strings of {@code named}. */
    static native String baseline(long conn, String[] named, String[] xmlCPUs, int flags, boolean hypervisor);

    /** {@code virNodeGetCPUMap}: the bitmap; {@code out} receives the online count and the number of CPUs. */
    static native byte[] cpuMap(long conn, int flags, int[] out);

    /** {@code virNodeGetCellsFreeMemory}. */
    static native long[] cellsFreeMemory(long conn, int startCell, int maxCells);

    /** {@code virNodeGetFreePages}: {@code pages.length * cellCount} counts. */
    static native long[] freePages(long conn, int[] pages, int startCell, int cellCount, int flags);

    /** {@code virNodeAllocPages}. */
    static native int allocPages(long conn, int[] sizes, long[] counts, int startCell, int cellCount, int flags);

    /** {@code virNodeGetCPUStats} (0) or {@code virNodeGetMemoryStats} (1): {@code {String[] fields, long[] values}}. */
    static native Object[] nodeStats(int which, long conn, int num, int flags);

    /** {@code virNodeGetSecurityModel}: {@code {model, doi}}. */
    static native String[] securityModel(long conn);

    /** {@code virStorageVolGetInfoFlags}: {@code {type, capacity, allocation}}. */
    static native long[] volInfoFlags(long vol, int flags);

    /** {@code virNetworkGetDHCPLeases}: {@code {String[6n], long[3n]}}, see lv_host.c. */
    static native Object[] dhcpLeases(long net, String mac, int flags);
}

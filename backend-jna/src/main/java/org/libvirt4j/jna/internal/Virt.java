package org.libvirt4j.jna.internal;

/**
 * libvirt's C functions present since before 4.5 (the oldest libvirt this backend loads on),
 * bound with JNA's direct mapping by {@link Natives}: pointers travel as {@code long},
 * C strings as NUL-terminated UTF-8 {@code byte[]} (see {@link CStrings}), out parameters as
 * one-element arrays. Returned strings come back as raw pointers so that the caller decides
 * whether to free them.
 *
 * <p>This binding assumes an LP64 platform ({@code unsigned long} and pointers are 64 bits);
 * {@link Natives} refuses to load elsewhere.
 */
public final class Virt {
    private Virt() {
    }

    // --- library, errors, memory -------------------------------------------------------------
    public static native int virInitialize();
    public static native int virGetVersion(long[] libVer, byte[] type, long[] typeVer);
    public static native long virGetLastError();
    public static native void virResetLastError();
    public static native void virSetErrorFunc(com.sun.jna.Pointer userData, SilentErrors handler);
    public static native void virTypedParamsClear(long params, int nparams);

    // --- event loop, events, keepalive ----------------------------------------------------------
    public static native int virEventRegisterDefaultImpl();
    public static native int virEventRunDefaultImpl();
    public static native int virConnectDomainEventRegisterAny(long conn, long dom, int eventID, long cb, long opaque,
            long freecb);
    public static native int virConnectDomainEventDeregisterAny(long conn, int callbackID);
    public static native int virConnectSetKeepAlive(long conn, int interval, int count);
    public static native int virConnectRegisterCloseCallback(long conn, long cb, long opaque, long freecb);
    public static native int virConnectUnregisterCloseCallback(long conn, long cb);
    public static native int virConnectNetworkEventRegisterAny(long conn, long net, int eventID, long cb, long opaque,
            long freecb);
    public static native int virConnectNetworkEventDeregisterAny(long conn, int callbackID);
    public static native int virConnectStoragePoolEventRegisterAny(long conn, long pool, int eventID, long cb,
            long opaque, long freecb);
    public static native int virConnectStoragePoolEventDeregisterAny(long conn, int callbackID);

    // --- connections -------------------------------------------------------------------------
    public static native long virConnectOpen(byte[] name);
    public static native long virConnectOpenReadOnly(byte[] name);
    public static native long virConnectOpenAuth(byte[] name, long auth, int flags);
    public static native int virConnectClose(long conn);
    public static native int virConnectIsAlive(long conn);
    public static native int virConnectIsEncrypted(long conn);
    public static native int virConnectIsSecure(long conn);
    public static native long virConnectGetType(long conn);
    public static native long virConnectGetURI(long conn);
    public static native long virConnectGetSysinfo(long conn, int flags);
    public static native int virNodeGetInfo(long conn, byte[] info);
    public static native long virNodeGetFreeMemory(long conn);

    public static native int virConnectListAllDomains(long conn, long[] domains, int flags);
    public static native long virDomainLookupByName(long conn, byte[] name);
    public static native long virDomainLookupByUUID(long conn, byte[] uuid);
    public static native long virDomainLookupByUUIDString(long conn, byte[] uuid);

    public static native int virConnectListAllNetworks(long conn, long[] nets, int flags);
    public static native long virNetworkLookupByUUID(long conn, byte[] uuid);
    public static native long virNetworkLookupByUUIDString(long conn, byte[] uuid);

    public static native int virConnectListAllStoragePools(long conn, long[] pools, int flags);
    public static native long virStoragePoolLookupByUUID(long conn, byte[] uuid);
    public static native long virStoragePoolLookupByUUIDString(long conn, byte[] uuid);

    public static native int virConnectListAllInterfaces(long conn, long[] ifaces, int flags);
    public static native int virConnectListAllNodeDevices(long conn, long[] devices, int flags);
    public static native int virConnectListAllSecrets(long conn, long[] secrets, int flags);
    public static native long virSecretLookupByUUIDString(long conn, byte[] uuid);
    public static native long virSecretLookupByUsage(long conn, int usageType, byte[] usageID);
    public static native int virConnectListAllNWFilters(long conn, long[] filters, int flags);
    public static native long virNWFilterLookupByUUIDString(long conn, byte[] uuid);
    public static native long virStreamNew(long conn, int flags);

    // --- domains -----------------------------------------------------------------------------
    public static native int virDomainFree(long dom);
    public static native int virDomainRef(long dom);
    public static native long virDomainGetConnect(long dom);
    public static native int virConnectGetAllDomainStats(long conn, int stats, long[] retStats, int flags);
    public static native int virDomainListGetStats(long[] doms, int stats, long[] retStats, int flags);
    public static native void virDomainStatsRecordListFree(long stats);
    public static native long virDomainGetName(long dom);
    public static native int virDomainGetUUID(long dom, byte[] uuid);
    public static native int virDomainGetUUIDString(long dom, byte[] buf);
    public static native int virDomainGetID(long dom);
    /** @param info the address of a {@code virDomainInfo} (40 bytes) to fill */
    public static native int virDomainGetInfo(long dom, long info);
    public static native int virDomainGetState(long dom, int[] state, int[] reason, int flags);
    public static native int virDomainCreate(long dom);
    public static native int virDomainCreateWithFlags(long dom, int flags);
    public static native int virDomainDestroy(long dom);
    public static native int virDomainDestroyFlags(long dom, int flags);
    public static native long virDomainGetMaxMemory(long dom);
    public static native int virDomainGetMemoryParameters(long dom, long params, int[] nparams, int flags);
    public static native int virDomainSetMemoryParameters(long dom, long params, int nparams, int flags);
    public static native long virDomainGetSchedulerType(long dom, int[] nparams);
    public static native int virDomainGetSchedulerParameters(long dom, long params, int[] nparams);
    public static native int virDomainGetSchedulerParametersFlags(long dom, long params, int[] nparams, int flags);
    public static native int virDomainSetSchedulerParameters(long dom, long params, int nparams);
    public static native int virDomainSetSchedulerParametersFlags(long dom, long params, int nparams, int flags);
    public static native long virDomainScreenshot(long dom, long stream, int screen, int flags);
    public static native int virDomainSetMetadata(long dom, int type, byte[] metadata, byte[] key, byte[] uri, int flags);
    public static native long virDomainGetMetadata(long dom, int type, byte[] uri, int flags);
    public static native int virDomainHasManagedSaveImage(long dom, int flags);
    public static native int virDomainManagedSaveRemove(long dom, int flags);
    public static native int virDomainReset(long dom, int flags);
    public static native int virDomainBlockStats(long dom, byte[] disk, long[] stats, long size);
    public static native int virDomainInterfaceStats(long dom, byte[] device, long[] stats, long size);
    public static native int virDomainMemoryStats(long dom, long[] stats, int nrStats, int flags);
    public static native int virDomainListAllSnapshots(long dom, long[] snaps, int flags);
    public static native long virDomainSnapshotLookupByName(long dom, byte[] name, int flags);

    // --- networks ----------------------------------------------------------------------------
    public static native int virNetworkFree(long net);
    public static native int virNetworkRef(long net);
    public static native long virNetworkGetName(long net);
    public static native int virNetworkGetUUID(long net, byte[] uuid);
    public static native int virNetworkGetUUIDString(long net, byte[] buf);

    // --- storage -----------------------------------------------------------------------------
    public static native int virStoragePoolFree(long pool);
    public static native int virStoragePoolRef(long pool);
    public static native long virStoragePoolGetName(long pool);
    public static native int virStoragePoolGetUUID(long pool, byte[] uuid);
    public static native int virStoragePoolGetUUIDString(long pool, byte[] buf);
    public static native int virStoragePoolGetInfo(long pool, long[] info);
    public static native int virStoragePoolRefresh(long pool, int flags);
    public static native int virStoragePoolListAllVolumes(long pool, long[] vols, int flags);

    public static native int virStorageVolFree(long vol);
    public static native long virStorageVolGetName(long vol);
    public static native long virStorageVolGetKey(long vol);
    public static native long virStorageVolGetXMLDesc(long vol, int flags);
    public static native int virStorageVolGetInfo(long vol, long[] info);
    public static native int virStorageVolUpload(long vol, long stream, long offset, long length, int flags);
    public static native int virStorageVolDownload(long vol, long stream, long offset, long length, int flags);

    // --- interfaces, node devices, secrets, filters ------------------------------------------
    public static native int virInterfaceFree(long iface);
    public static native long virInterfaceGetName(long iface);
    public static native long virInterfaceGetMACString(long iface);

    public static native int virNodeDeviceFree(long dev);
    public static native long virNodeDeviceGetName(long dev);
    public static native long virNodeDeviceGetParent(long dev);
    public static native long virNodeDeviceGetXMLDesc(long dev, int flags);
    public static native int virNodeDeviceNumOfCaps(long dev);
    public static native int virNodeDeviceListCaps(long dev, long[] names, int maxnames);

    public static native int virSecretFree(long secret);
    public static native int virSecretGetUUID(long secret, byte[] uuid);
    public static native int virSecretGetUUIDString(long secret, byte[] buf);
    public static native int virSecretGetUsageType(long secret);
    public static native long virSecretGetUsageID(long secret);
    public static native long virSecretGetXMLDesc(long secret, int flags);
    public static native long virSecretGetValue(long secret, long[] size, int flags);
    public static native int virSecretSetValue(long secret, byte[] value, long size, int flags);

    public static native int virNWFilterFree(long filter);
    public static native long virNWFilterGetName(long filter);
    public static native int virNWFilterGetUUID(long filter, byte[] uuid);
    public static native int virNWFilterGetUUIDString(long filter, byte[] buf);
    public static native long virNWFilterGetXMLDesc(long filter, int flags);

    // --- snapshots ---------------------------------------------------------------------------
    public static native int virDomainSnapshotFree(long snap);
    public static native long virDomainSnapshotGetName(long snap);
    public static native long virDomainSnapshotGetParent(long snap, int flags);
    public static native int virDomainSnapshotIsCurrent(long snap, int flags);
    public static native int virDomainSnapshotListAllChildren(long snap, long[] snaps, int flags);

    // --- streams -----------------------------------------------------------------------------
    public static native int virStreamFree(long stream);
    // data by address (a direct buffer's memory): a byte[] here would be copied in and out per call
    public static native int virStreamSend(long stream, long data, long nbytes);
    public static native int virStreamRecv(long stream, long data, long nbytes);
    public static native int virStreamFinish(long stream);
    public static native int virStreamAbort(long stream);
}

package org.libvirt4j.spi;

/**
 * The hand-written functions whose shapes the generated binding does not cover (arrays, structs,
 * raw UUIDs, a second object, procedures libvirt's remote client writes by hand). The
 * {@code *ManualContract} interfaces check the arguments once and call
 * {@link ManualInvocable#invokeManual}; each backend implements that one operation in a file of
 * its own. The arguments and result of each constant are listed with it.
 */
public enum ManualFn {
    /** {@code virConnectListNetworks}: {@code Integer maxnames}; {@code String[]}. */
    virConnectListNetworks(ObjectKind.CONNECT),
    /** {@code virConnectListDefinedNetworks}: {@code Integer maxnames}; {@code String[]}. */
    virConnectListDefinedNetworks(ObjectKind.CONNECT),
    /** {@code virConnectListInterfaces}: {@code Integer maxnames}; {@code String[]}. */
    virConnectListInterfaces(ObjectKind.CONNECT),
    /** {@code virConnectListDefinedInterfaces}: {@code Integer maxnames}; {@code String[]}. */
    virConnectListDefinedInterfaces(ObjectKind.CONNECT),
    /** {@code virConnectListStoragePools}: {@code Integer maxnames}; {@code String[]}. */
    virConnectListStoragePools(ObjectKind.CONNECT),
    /** {@code virConnectListDefinedStoragePools}: {@code Integer maxnames}; {@code String[]}. */
    virConnectListDefinedStoragePools(ObjectKind.CONNECT),
    /** {@code virConnectListNWFilters}: {@code Integer maxnames}; {@code String[]}. */
    virConnectListNWFilters(ObjectKind.CONNECT),
    /** {@code virConnectListSecrets}: {@code Integer maxuuids}; {@code String[]}. */
    virConnectListSecrets(ObjectKind.CONNECT),
    /** {@code virNodeListDevices}: {@code String cap} (nullable), {@code Integer maxnames}, {@code Integer flags}; {@code String[]}. */
    virNodeListDevices(ObjectKind.CONNECT),
    /** {@code virStoragePoolListVolumes}: {@code Integer maxnames}; {@code String[]}. */
    virStoragePoolListVolumes(ObjectKind.STORAGE_POOL),
    /** {@code virNWFilterLookupByUUID}: {@code byte[16]}; a handle. */
    virNWFilterLookupByUUID(ObjectKind.CONNECT),
    /** {@code virSecretLookupByUUID}: {@code byte[16]}; a handle. */
    virSecretLookupByUUID(ObjectKind.CONNECT),
    /** {@code virNetworkPortLookupByUUID}: {@code byte[16]}; a handle. */
    virNetworkPortLookupByUUID(ObjectKind.NETWORK),
    /** {@code virConnectGetCPUModelNames}: {@code String arch}, {@code Integer flags}; {@code String[]}. */
    virConnectGetCPUModelNames(ObjectKind.CONNECT),
    /** {@code virConnectBaselineCPU}: {@code String[] xmlCPUs}, {@code Integer flags}; {@code String}. */
    virConnectBaselineCPU(ObjectKind.CONNECT),
    /**
     * {@code virConnectBaselineHypervisorCPU}: {@code String emulator, arch, machine, virttype}
     * (nullable), {@code String[] xmlCPUs}, {@code Integer flags}; {@code String}.
     */
    virConnectBaselineHypervisorCPU(ObjectKind.CONNECT),
    /** {@code virNodeGetCPUMap}: {@code Integer flags}; {@code Object[] {byte[] map, Integer online, Integer cpus}}. */
    virNodeGetCPUMap(ObjectKind.CONNECT),
    /** {@code virNodeGetCellsFreeMemory}: {@code Integer startCell}, {@code Integer maxCells}; {@code long[]}. */
    virNodeGetCellsFreeMemory(ObjectKind.CONNECT),
    /**
     * {@code virNodeGetFreePages}: {@code int[] pages}, {@code Integer startCell}, {@code Integer cellCount},
     * {@code Integer flags}; {@code long[]} of {@code pages.length * cellCount} counts.
     */
    virNodeGetFreePages(ObjectKind.CONNECT),
    /**
     * {@code virNodeAllocPages}: {@code int[] pageSizes}, {@code long[] pageCounts}, {@code Integer startCell},
     * {@code Integer cellCount}, {@code Integer flags}; {@code Integer}.
     */
    virNodeAllocPages(ObjectKind.CONNECT),
    /** {@code virNodeGetCPUStats}: {@code Integer cpuNum}, {@code Integer flags}; {@code Object[] {String[] fields, long[] values}}. */
    virNodeGetCPUStats(ObjectKind.CONNECT),
    /** {@code virNodeGetMemoryStats}: {@code Integer cellNum}, {@code Integer flags}; {@code Object[] {String[] fields, long[] values}}. */
    virNodeGetMemoryStats(ObjectKind.CONNECT),
    /** {@code virNodeGetSecurityModel}: none; {@code String[] {model, doi}}. */
    virNodeGetSecurityModel(ObjectKind.CONNECT),
    /** {@code virConnectFindStoragePoolSources}: {@code String type}, {@code String srcSpec} (nullable), {@code Integer flags}; {@code String}. */
    virConnectFindStoragePoolSources(ObjectKind.CONNECT),
    /** {@code virStorageVolCreateXMLFrom}: {@code String xml}, {@code StorageVol clonevol}, {@code Integer flags}; a handle. */
    virStorageVolCreateXMLFrom(ObjectKind.STORAGE_POOL),
    /** {@code virStorageVolGetInfoFlags}: {@code Integer flags}; {@code long[] {type, capacity, allocation}}. */
    virStorageVolGetInfoFlags(ObjectKind.STORAGE_VOL),
    /**
     * {@code virNetworkGetDHCPLeases}: {@code String mac} (nullable), {@code Integer flags};
     * {@code List<NetworkDHCPLease>}.
     */
    virNetworkGetDHCPLeases(ObjectKind.NETWORK),
    /** {@code virNodeDeviceDettach}: none; {@code null}. */
    virNodeDeviceDettach(ObjectKind.NODE_DEVICE),
    /** {@code virNodeDeviceDetachFlags}: {@code String driverName} (nullable), {@code Integer flags}; {@code null}. */
    virNodeDeviceDetachFlags(ObjectKind.NODE_DEVICE),
    /** {@code virNodeDeviceReAttach}: none; {@code null}. */
    virNodeDeviceReAttach(ObjectKind.NODE_DEVICE),
    /** {@code virNodeDeviceReset}: none; {@code null}. */
    virNodeDeviceReset(ObjectKind.NODE_DEVICE),
    /** {@code virStreamRecvFlags}: {@code byte[] buffer}, {@code Integer flags}; {@code Integer}. */
    virStreamRecvFlags(ObjectKind.STREAM),
    /** {@code virStreamSendHole}: {@code Long length}, {@code Integer flags}; {@code null}. */
    virStreamSendHole(ObjectKind.STREAM),
    /** {@code virStreamRecvHole}: {@code Integer flags}; {@code Long}. */
    virStreamRecvHole(ObjectKind.STREAM),
    /** {@code virStreamEventAddCallback}: {@code Integer events}, {@code StreamEventCallback callback}; {@code null}. */
    virStreamEventAddCallback(ObjectKind.STREAM),
    /** {@code virStreamEventUpdateCallback}: {@code Integer events}; {@code null}. */
    virStreamEventUpdateCallback(ObjectKind.STREAM),
    /** {@code virStreamEventRemoveCallback}: none; {@code null}. */
    virStreamEventRemoveCallback(ObjectKind.STREAM);

    private final ObjectKind kind;

    ManualFn(ObjectKind kind) {
        this.kind = kind;
    }

    /** @return the kind of object the function is called on */
    public ObjectKind kind() {
        return kind;
    }
}

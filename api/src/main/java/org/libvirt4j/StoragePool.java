package org.libvirt4j;

import java.util.List;
import java.util.UUID;

/**
 * A storage pool ({@code virStoragePoolPtr}, Go's {@code StoragePool}); {@link #close()} is
 * {@code virStoragePoolFree}. Throws {@code ERR_INVALID_STORAGE_POOL} once closed.
 */
public interface StoragePool extends LibvirtObject, StoragePoolMethods {
    /** @return the name ({@code virStoragePoolGetName}) */
    String getName();

    /** @return the UUID ({@code virStoragePoolGetUUID}) */
    UUID getUUID();

    /** @return the UUID string ({@code virStoragePoolGetUUIDString}) */
    String getUUIDString();

    /** @param flags what to include @return the pool XML ({@code virStoragePoolGetXMLDesc}) */
    String getXMLDesc(StorageXMLFlags... flags);

    /** @return state, capacity, allocation and free space ({@code virStoragePoolGetInfo}) */
    StoragePoolInfo getInfo();

    /** @param flags build options ({@code virStoragePoolBuild}) */
    void build(StoragePoolBuildFlags... flags);

    /** @param flags start options; starts a defined pool ({@code virStoragePoolCreate}) */
    void create(StoragePoolCreateFlags... flags);

    /** Stops the pool ({@code virStoragePoolDestroy}). */
    void destroy();

    /** @param flags how to delete; removes the pool's underlying storage ({@code virStoragePoolDelete}) */
    void delete(StoragePoolDeleteFlags... flags);

    /** Removes the persistent definition ({@code virStoragePoolUndefine}). */
    void undefine();

    /** Rescans the pool's volumes ({@code virStoragePoolRefresh}). */
    void refresh();

    /** @return whether it is running ({@code virStoragePoolIsActive}) */
    boolean isActive();

    /** @return whether it is persistent ({@code virStoragePoolIsPersistent}) */
    boolean isPersistent();

    /** @return whether it starts with the host ({@code virStoragePoolGetAutostart}) */
    boolean getAutostart();

    /** @param autostart whether it starts with the host ({@code virStoragePoolSetAutostart}) */
    void setAutostart(boolean autostart);

    /** @return the volumes in this pool ({@code virStoragePoolListAllVolumes}) */
    List<StorageVol> listAllStorageVolumes();

    /** @param name the volume name @return the volume ({@code virStorageVolLookupByName}) @throws LibvirtException {@code ERR_NO_STORAGE_VOL} */
    StorageVol lookupStorageVolByName(String name);

    /** @param xml the volume XML @param flags options @return the new volume ({@code virStorageVolCreateXML}) */
    StorageVol storageVolCreateXML(String xml, StorageVolCreateFlags... flags);
}

package org.libvirt4j;

/**
 * A storage volume ({@code virStorageVolPtr}, Go's {@code StorageVol}); {@link #close()} is
 * {@code virStorageVolFree}. Throws {@code ERR_INVALID_STORAGE_VOL} once closed.
 */
public interface StorageVol extends LibvirtObject {
    /** @return the name ({@code virStorageVolGetName}) */
    String getName();

    /** @return the key ({@code virStorageVolGetKey}) */
    String getKey();

    /** @return the path ({@code virStorageVolGetPath}) */
    String getPath();

    /** @return the volume XML ({@code virStorageVolGetXMLDesc}) */
    String getXMLDesc();

    /** @return type, capacity and allocation ({@code virStorageVolGetInfo}) */
    StorageVolInfo getInfo();

    /** @param flags how to delete ({@code virStorageVolDelete}) */
    void delete(StorageVolDeleteFlags... flags);

    /** @return the pool holding this volume ({@code virStoragePoolLookupByVolume}) */
    StoragePool lookupPoolByVolume();
}

package org.libvirt4j;

import java.util.List;
import java.util.UUID;

/**
 * A storage pool ({@code virStoragePoolPtr}, Go's {@code StoragePool}); {@link #close()} is
 * {@code virStoragePoolFree}. Throws {@code ERR_INVALID_STORAGE_POOL} once closed.
 *
 * @see <a href="https://libvirt.org/html/libvirt-libvirt-storage.html#virStoragePoolFree">virStoragePoolFree</a>
 */
public interface StoragePool extends LibvirtObject, StoragePoolMethods, StoragePoolManualMethods {
    /**
     * {@return the name}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-storage.html#virStoragePoolGetName">virStoragePoolGetName</a>
     */
    String getName();

    /**
     * {@return the UUID}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-storage.html#virStoragePoolGetUUID">virStoragePoolGetUUID</a>
     */
    UUID getUUID();

    /**
     * {@return the UUID string}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-storage.html#virStoragePoolGetUUIDString">virStoragePoolGetUUIDString</a>
     */
    String getUUIDString();

    /**
     * {@return state, capacity, allocation and free space}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-storage.html#virStoragePoolGetInfo">virStoragePoolGetInfo</a>
     */
    StoragePoolInfo getInfo();

    /**
     * Rescans the pool's volumes.
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-storage.html#virStoragePoolRefresh">virStoragePoolRefresh</a>
     */
    void refresh();

    /**
     * {@return the volumes in this pool}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-storage.html#virStoragePoolListAllVolumes">virStoragePoolListAllVolumes</a>
     */
    List<StorageVol> listAllStorageVolumes();

}

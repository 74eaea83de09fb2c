package org.libvirt4j;

import java.util.List;
import java.util.UUID;

/**
 * A storage pool ({@code virStoragePoolPtr}, Go's {@code StoragePool}); {@link #close()} is
 * {@code virStoragePoolFree}. Throws {@code ERR_INVALID_STORAGE_POOL} once closed.
 *
 * @see <a href="https://libvirt.org/html/libvirt-libvirt-storage.html#virStoragePoolFree">virStoragePoolFree</a>
 */
public interface StoragePool extends LibvirtObject, StoragePoolMethods {
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
     * {@return the pool XML}
     *
     * @param flags what to include
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-storage.html#virStoragePoolGetXMLDesc">virStoragePoolGetXMLDesc</a>
     */
    String getXMLDesc(StorageXMLFlags... flags);

    /**
     * {@return state, capacity, allocation and free space}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-storage.html#virStoragePoolGetInfo">virStoragePoolGetInfo</a>
     */
    StoragePoolInfo getInfo();

    /**
     * Builds the pool's underlying storage, such as a directory or a file system.
     *
     * @param flags build options
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-storage.html#virStoragePoolBuild">virStoragePoolBuild</a>
     */
    void build(StoragePoolBuildFlags... flags);

    /**
     * Starts a defined pool.
     *
     * @param flags start options
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-storage.html#virStoragePoolCreate">virStoragePoolCreate</a>
     */
    void create(StoragePoolCreateFlags... flags);

    /**
     * Stops the pool.
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-storage.html#virStoragePoolDestroy">virStoragePoolDestroy</a>
     */
    void destroy();

    /**
     * Removes the pool's underlying storage; the pool must be inactive.
     *
     * @param flags how to delete
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-storage.html#virStoragePoolDelete">virStoragePoolDelete</a>
     */
    void delete(StoragePoolDeleteFlags... flags);

    /**
     * Removes the persistent definition.
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-storage.html#virStoragePoolUndefine">virStoragePoolUndefine</a>
     */
    void undefine();

    /**
     * Rescans the pool's volumes.
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-storage.html#virStoragePoolRefresh">virStoragePoolRefresh</a>
     */
    void refresh();

    /**
     * {@return whether it is running}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-storage.html#virStoragePoolIsActive">virStoragePoolIsActive</a>
     */
    boolean isActive();

    /**
     * {@return whether it is persistent}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-storage.html#virStoragePoolIsPersistent">virStoragePoolIsPersistent</a>
     */
    boolean isPersistent();

    /**
     * {@return whether it starts with the host}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-storage.html#virStoragePoolGetAutostart">virStoragePoolGetAutostart</a>
     */
    boolean getAutostart();

    /**
     * Makes the pool start, or not, when the host starts.
     *
     * @param autostart whether it starts with the host
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-storage.html#virStoragePoolSetAutostart">virStoragePoolSetAutostart</a>
     */
    void setAutostart(boolean autostart);

    /**
     * {@return the volumes in this pool}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-storage.html#virStoragePoolListAllVolumes">virStoragePoolListAllVolumes</a>
     */
    List<StorageVol> listAllStorageVolumes();

    /**
     * Looks up a volume of this pool by its name.
     *
     * @param name the volume name
     * @return the volume
     * @throws LibvirtException {@code ERR_NO_STORAGE_VOL} if there is none
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-storage.html#virStorageVolLookupByName">virStorageVolLookupByName</a>
     */
    StorageVol lookupStorageVolByName(String name);

    /**
     * Creates a volume in this pool from its XML description.
     *
     * @param xml the volume XML
     * @param flags options
     * @return the new volume
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-storage.html#virStorageVolCreateXML">virStorageVolCreateXML</a>
     */
    StorageVol storageVolCreateXML(String xml, StorageVolCreateFlags... flags);
}

package org.libvirt4j;

import java.util.List;

/**
 * The storage pool's hand-written methods whose shapes the generated {@link StoragePoolMethods}
 * do not cover (arrays, a second object argument).
 */
public interface StoragePoolManualMethods {
    /**
     * Lists the names of this pool's volumes with libvirt's legacy call, sized by
     * {@code virStoragePoolNumOfVolumes} first (as Go does). Prefer {@code listAllStorageVolumes}.
     *
     * @return the names, immutable
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-storage.html#virStoragePoolListVolumes">virStoragePoolListVolumes</a>
     */
    List<String> listStorageVolumes();

    /**
     * Creates a volume in this pool, described by its XML, filled with a copy of another volume.
     *
     * @param xml the new volume's XML
     * @param clonevol the volume to copy, of this backend (of any pool of the same connection)
     * @param flags a bitwise OR of {@link StorageVolCreateFlags} values
     * @return the new volume
     * @throws LibvirtException {@code ERR_INVALID_STORAGE_VOL} for a closed {@code clonevol} or one
     *         of another backend
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-storage.html#virStorageVolCreateXMLFrom">virStorageVolCreateXMLFrom</a>
     */
    StorageVol storageVolCreateXMLFrom(String xml, StorageVol clonevol, int flags);

    /**
     * Creates a volume in this pool, described by its XML, filled with a copy of another volume.
     *
     * @param xml the new volume's XML
     * @param clonevol the volume to copy
     * @param flags the flags as enum constants
     * @return the new volume
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-storage.html#virStorageVolCreateXMLFrom">virStorageVolCreateXMLFrom</a>
     */
    default StorageVol storageVolCreateXMLFrom(String xml, StorageVol clonevol, StorageVolCreateFlags... flags) {
        return storageVolCreateXMLFrom(xml, clonevol, LibvirtEnum.mask(flags));
    }
}

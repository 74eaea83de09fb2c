package org.libvirt4j;

/**
 * The storage volume's hand-written methods whose shapes the generated {@link StorageVolMethods}
 * do not cover (a struct result).
 */
public interface StorageVolManualMethods {
    /**
     * Returns the volume's type, capacity and allocation, with options.
     *
     * @param flags a {@link StorageVolInfoFlags} value: {@code GET_PHYSICAL} gives the host
     *        file's size as the allocation
     * @return the information
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-storage.html#virStorageVolGetInfoFlags">virStorageVolGetInfoFlags</a>
     */
    StorageVolInfo getInfoFlags(int flags);

    /**
     * Returns the volume's type, capacity and allocation, with options.
     *
     * @param flags the flags as enum constants
     * @return the information
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-storage.html#virStorageVolGetInfoFlags">virStorageVolGetInfoFlags</a>
     */
    default StorageVolInfo getInfoFlags(StorageVolInfoFlags... flags) {
        return getInfoFlags(LibvirtEnum.mask(flags));
    }
}

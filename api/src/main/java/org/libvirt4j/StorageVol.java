package org.libvirt4j;

/**
 * A storage volume ({@code virStorageVolPtr}, Go's {@code StorageVol}); {@link #close()} is
 * {@code virStorageVolFree}. Throws {@code ERR_INVALID_STORAGE_VOL} once closed.
 *
 * @see <a href="https://libvirt.org/html/libvirt-libvirt-storage.html#virStorageVolFree">virStorageVolFree</a>
 */
public interface StorageVol extends LibvirtObject, StorageVolMethods, StorageVolManualMethods {
    /**
     * {@return the name}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-storage.html#virStorageVolGetName">virStorageVolGetName</a>
     */
    String getName();

    /**
     * {@return the key}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-storage.html#virStorageVolGetKey">virStorageVolGetKey</a>
     */
    String getKey();

    /**
     * {@return the volume XML}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-storage.html#virStorageVolGetXMLDesc">virStorageVolGetXMLDesc</a>
     */
    String getXMLDesc();

    /**
     * {@return type, capacity and allocation}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-storage.html#virStorageVolGetInfo">virStorageVolGetInfo</a>
     */
    StorageVolInfo getInfo();

    /**
     * Starts writing {@code length} bytes at {@code offset} into the volume through
     * {@code stream}: then {@link Stream#send(byte[])} the bytes
     * and {@link Stream#finish()}, which returns once the daemon has stored them.
     *
     * @param stream a new stream of the volume's connection
     * @param offset where to start writing
     * @param length how many bytes to write, 0 for up to the end of the volume
     * @param flags a bitwise OR of {@link StorageVolUploadFlags} values (raw, so bits newer than this binding pass too); options
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-storage.html#virStorageVolUpload">virStorageVolUpload</a>
     */
    void upload(Stream stream, long offset, long length, int flags);

    /**
     * Starts writing {@code length} bytes at {@code offset} into the volume through
     * {@code stream}: then {@link Stream#send(byte[])} the bytes
     * and {@link Stream#finish()}, which returns once the daemon has stored them.
     *
     * @param stream a new stream of the volume's connection
     * @param offset where to start writing
     * @param length how many bytes to write, 0 for up to the end of the volume
     * @param flags the flags as enum constants; none gives 0
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-storage.html#virStorageVolUpload">virStorageVolUpload</a>
     */
    default void upload(Stream stream, long offset, long length, StorageVolUploadFlags... flags) {
        upload(stream, offset, length, LibvirtEnum.mask(flags));
    }

    /**
     * Starts reading {@code length} bytes at {@code offset} from the volume through
     * {@code stream}: then {@link Stream#recv(byte[])} until it
     * returns 0, and {@link Stream#finish()}.
     *
     * @param stream a new stream of the volume's connection
     * @param offset where to start reading
     * @param length how many bytes to read, 0 for up to the end of the volume
     * @param flags a bitwise OR of {@link StorageVolDownloadFlags} values (raw, so bits newer than this binding pass too); options
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-storage.html#virStorageVolDownload">virStorageVolDownload</a>
     */
    void download(Stream stream, long offset, long length, int flags);

    /**
     * Starts reading {@code length} bytes at {@code offset} from the volume through
     * {@code stream}: then {@link Stream#recv(byte[])} until it
     * returns 0, and {@link Stream#finish()}.
     *
     * @param stream a new stream of the volume's connection
     * @param offset where to start reading
     * @param length how many bytes to read, 0 for up to the end of the volume
     * @param flags the flags as enum constants; none gives 0
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-storage.html#virStorageVolDownload">virStorageVolDownload</a>
     */
    default void download(Stream stream, long offset, long length, StorageVolDownloadFlags... flags) {
        download(stream, offset, length, LibvirtEnum.mask(flags));
    }
}

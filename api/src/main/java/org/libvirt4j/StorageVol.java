package org.libvirt4j;

/**
 * A storage volume ({@code virStorageVolPtr}, Go's {@code StorageVol}); {@link #close()} is
 * {@code virStorageVolFree}. Throws {@code ERR_INVALID_STORAGE_VOL} once closed.
 */
public interface StorageVol extends LibvirtObject, StorageVolMethods {
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

    /**
     * Starts writing {@code length} bytes at {@code offset} into the volume through
     * {@code stream} ({@code virStorageVolUpload}): then {@link Stream#send(byte[])} the bytes
     * and {@link Stream#finish()}, which returns once the daemon has stored them.
     *
     * @param stream a new stream of the volume's connection
     * @param offset where to start writing
     * @param length how many bytes to write, 0 for up to the end of the volume
     * @param flags options
     */
    void upload(Stream stream, long offset, long length, StorageVolUploadFlags... flags);

    /**
     * Starts reading {@code length} bytes at {@code offset} from the volume through
     * {@code stream} ({@code virStorageVolDownload}): then {@link Stream#recv(byte[])} until it
     * returns 0, and {@link Stream#finish()}.
     *
     * @param stream a new stream of the volume's connection
     * @param offset where to start reading
     * @param length how many bytes to read, 0 for up to the end of the volume
     * @param flags options
     */
    void download(Stream stream, long offset, long length, StorageVolDownloadFlags... flags);
}

package org.libvirt4j;

/**
 * What {@code virStorageVolGetInfo} returns (Go's {@code StorageVolInfo}).
 *
 * @param typeValue the raw {@code virStorageVolType}
 * @param capacity the logical size in bytes
 * @param allocation the current allocation in bytes
 */
public record StorageVolInfo(int typeValue, long capacity, long allocation) {
    /** @return the decoded type, {@code UNRECOGNIZED} for a number newer than this binding */
    public StorageVolType type() {
        return StorageVolType.fromValue(typeValue);
    }
}

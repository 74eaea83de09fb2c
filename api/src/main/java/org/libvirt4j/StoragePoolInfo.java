package org.libvirt4j;

/**
 * What {@code virStoragePoolGetInfo} returns (Go's {@code StoragePoolInfo}).
 *
 * @param stateValue the raw {@code virStoragePoolState}
 * @param capacity the logical size in bytes
 * @param allocation the current allocation in bytes
 * @param available the remaining free space in bytes
 */
public record StoragePoolInfo(int stateValue, long capacity, long allocation, long available) {
    /** @return the decoded state, {@code UNRECOGNIZED} for a number newer than this binding */
    public StoragePoolState state() {
        return StoragePoolState.fromValue(stateValue);
    }
}

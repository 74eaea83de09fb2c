package org.libvirt4j;

/**
 * A storage pool lifecycle event ({@code VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE}, Go's
 * {@code StoragePoolEventLifecycle}).
 *
 * @param eventValue the raw {@code virStoragePoolEventLifecycleType}
 * @param detail the raw detail (libvirt defines none yet)
 */
public record StoragePoolEventLifecycle(int eventValue, int detail) {
    /** @return the decoded event, {@code UNRECOGNIZED} for a number newer than this binding */
    public StoragePoolEventLifecycleType event() {
        return StoragePoolEventLifecycleType.fromValue(eventValue);
    }
}

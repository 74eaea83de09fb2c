package org.libvirt4j.spi;

import org.libvirt4j.StorageVolInfo;
import org.libvirt4j.StorageVolManualMethods;

/** The backend contract of {@link StorageVolManualMethods}, written once; the call is {@link #invokeManual}. */
public interface StorageVolManualContract extends StorageVolManualMethods, ManualInvocable {

    @Override
    default StorageVolInfo getInfoFlags(int flags) {
        long[] r = (long[]) invokeManual(ManualFn.virStorageVolGetInfoFlags, flags);
        return new StorageVolInfo((int) r[0], r[1], r[2]);
    }
}

package org.libvirt4j.spi;

import java.util.List;
import java.util.Objects;
import org.libvirt4j.StoragePoolManualMethods;
import org.libvirt4j.StoragePoolMethods;
import org.libvirt4j.StorageVol;

/** The backend contract of {@link StoragePoolManualMethods}, written once; the call is {@link #invokeManual}. */
public interface StoragePoolManualContract extends StoragePoolManualMethods, StoragePoolMethods, ManualInvocable {

    @Override
    default List<String> listStorageVolumes() {
        return List.of((String[]) invokeManual(ManualFn.virStoragePoolListVolumes, numOfStorageVolumes()));
    }

    /**
     * {@inheritDoc}
     *
     * <p>The backend receives {@code clonevol} as given and refuses one of another backend with
     * {@code ObjectKind.STORAGE_VOL.invalid("virStorageVolCreateXMLFrom")}.
     */
    @Override
    default StorageVol storageVolCreateXMLFrom(String xml, StorageVol clonevol, int flags) {
        CStrings.requireNoNul(Objects.requireNonNull(xml, "xml"));
        Objects.requireNonNull(clonevol, "clonevol");
        return (StorageVol) invokeManual(ManualFn.virStorageVolCreateXMLFrom, xml, clonevol, flags);
    }
}

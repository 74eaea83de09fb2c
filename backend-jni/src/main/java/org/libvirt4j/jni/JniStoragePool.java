package org.libvirt4j.jni;

import static org.libvirt4j.jni.LibvirtNatives.*;

import java.util.List;
import java.util.UUID;
import org.libvirt4j.StoragePool;
import org.libvirt4j.StoragePoolInfo;
import org.libvirt4j.StorageVol;
import org.libvirt4j.spi.ObjectKind;
import org.libvirt4j.spi.Uuids;

/** {@link StoragePool} over a {@code virStoragePoolPtr}; {@link #close()} is {@code virStoragePoolFree}. */
final class JniStoragePool extends JniObject implements StoragePool, org.libvirt4j.spi.generated.StoragePoolContract,
        org.libvirt4j.spi.StoragePoolManualContract {

    JniStoragePool(long pool) {
        super(ObjectKind.STORAGE_POOL, JniNatives.K_STORAGE_POOL, pool);
    }

    @Override
    public String getName() {
        return str("virStoragePoolGetName", p -> virStoragePoolGetName(p));
    }

    @Override
    public UUID getUUID() {
        return Uuids.fromBytes(obj("virStoragePoolGetUUID", p -> virStoragePoolGetUUID(p)));
    }

    @Override
    public String getUUIDString() {
        return str("virStoragePoolGetUUIDString", p -> virStoragePoolGetUUIDString(p));
    }

    @Override
    public StoragePoolInfo getInfo() {
        long[] v = new long[4];
        run("virStoragePoolGetInfo", p -> JniNatives.storagePoolGetInfo(p, v));
        return new StoragePoolInfo((int) v[0], v[1], v[2], v[3]);
    }

    @Override
    public void refresh() {
        run("virStoragePoolRefresh", p -> virStoragePoolRefresh(p, 0));
    }

    @Override
    public List<StorageVol> listAllStorageVolumes() {
        return wrap(obj("virStoragePoolListAllVolumes", p -> JniNatives.listAll(JniNatives.L_POOL_VOLUMES, p, 0)),
                JniStorageVol::new);
    }


    @Override
    public Object invokeManual(org.libvirt4j.spi.ManualFn fn, Object... args) {
        return JniManual.invoke(this, fn, args);
    }
}

package org.libvirt4j.remote.internal;

import java.util.List;
import java.util.UUID;
import org.libvirt4j.StoragePool;
import org.libvirt4j.StoragePoolInfo;
import org.libvirt4j.StorageVol;
import org.libvirt4j.remote.generated.RemoteNonnullStoragePool;
import org.libvirt4j.remote.generated.RemoteProcedure;
import org.libvirt4j.remote.generated.RemoteStoragePoolGetInfoArgs;
import org.libvirt4j.remote.generated.RemoteStoragePoolGetInfoRet;
import org.libvirt4j.remote.generated.RemoteStoragePoolListAllVolumesArgs;
import org.libvirt4j.remote.generated.RemoteStoragePoolListAllVolumesRet;
import org.libvirt4j.remote.generated.RemoteStoragePoolRefreshArgs;
import org.libvirt4j.spi.ObjectKind;
import org.libvirt4j.spi.Uuids;

/** {@link StoragePool} over RPC; name and UUID live in the handle. */
final class RemoteStoragePool extends RemoteObject implements StoragePool, org.libvirt4j.spi.generated.StoragePoolContract,
        org.libvirt4j.spi.StoragePoolManualContract {
    private final RemoteNonnullStoragePool ref;

    RemoteStoragePool(Session session, RemoteNonnullStoragePool ref) {
        super(session, ObjectKind.STORAGE_POOL);
        this.ref = ref;
    }

    RemoteNonnullStoragePool ref() {
        return ref;
    }

    @Override
    public String getName() {
        check("virStoragePoolGetName");
        return ref.name();
    }

    @Override
    public UUID getUUID() {
        check("virStoragePoolGetUUID");
        return Uuids.fromBytes(ref.uuid());
    }

    @Override
    public String getUUIDString() {
        check("virStoragePoolGetUUIDString");
        return Uuids.fromBytes(ref.uuid()).toString();
    }

    @Override
    public StoragePoolInfo getInfo() {
        return call("virStoragePoolGetInfo", RemoteProcedure.REMOTE_PROC_STORAGE_POOL_GET_INFO,
                new RemoteStoragePoolGetInfoArgs(ref)::encode,
                r -> {
                    RemoteStoragePoolGetInfoRet i = RemoteStoragePoolGetInfoRet.decode(r);
                    return new StoragePoolInfo(i.state(), i.capacity(), i.allocation(), i.available());
                });
    }

    @Override
    public void refresh() {
        call("virStoragePoolRefresh", RemoteProcedure.REMOTE_PROC_STORAGE_POOL_REFRESH,
                new RemoteStoragePoolRefreshArgs(ref, 0)::encode, null);
    }

    @Override
    public List<StorageVol> listAllStorageVolumes() {
        return wrap(call("virStoragePoolListAllVolumes", RemoteProcedure.REMOTE_PROC_STORAGE_POOL_LIST_ALL_VOLUMES,
                new RemoteStoragePoolListAllVolumesArgs(ref, 1, 0)::encode,
                r -> RemoteStoragePoolListAllVolumesRet.decode(r).vols()), v -> new RemoteStorageVol(session,
                v));
    }

    @Override
    Object wireRef() {
        return ref;
    }

    @Override
    public Object invokeManual(org.libvirt4j.spi.ManualFn fn, Object... args) {
        return RemoteManual.invoke(this, fn, args);
    }
}

package org.libvirt4j.remote.internal;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.libvirt4j.LibvirtEnum;
import org.libvirt4j.StoragePool;
import org.libvirt4j.StoragePoolBuildFlags;
import org.libvirt4j.StoragePoolCreateFlags;
import org.libvirt4j.StoragePoolDeleteFlags;
import org.libvirt4j.StoragePoolInfo;
import org.libvirt4j.StorageVol;
import org.libvirt4j.StorageVolCreateFlags;
import org.libvirt4j.StorageXMLFlags;
import org.libvirt4j.remote.generated.RemoteNonnullStoragePool;
import org.libvirt4j.remote.generated.RemoteNonnullStorageVol;
import org.libvirt4j.remote.generated.RemoteProcedure;
import org.libvirt4j.remote.generated.RemoteStoragePoolBuildArgs;
import org.libvirt4j.remote.generated.RemoteStoragePoolCreateArgs;
import org.libvirt4j.remote.generated.RemoteStoragePoolDeleteArgs;
import org.libvirt4j.remote.generated.RemoteStoragePoolDestroyArgs;
import org.libvirt4j.remote.generated.RemoteStoragePoolGetAutostartArgs;
import org.libvirt4j.remote.generated.RemoteStoragePoolGetAutostartRet;
import org.libvirt4j.remote.generated.RemoteStoragePoolGetInfoArgs;
import org.libvirt4j.remote.generated.RemoteStoragePoolGetInfoRet;
import org.libvirt4j.remote.generated.RemoteStoragePoolGetXmlDescArgs;
import org.libvirt4j.remote.generated.RemoteStoragePoolGetXmlDescRet;
import org.libvirt4j.remote.generated.RemoteStoragePoolIsActiveArgs;
import org.libvirt4j.remote.generated.RemoteStoragePoolIsActiveRet;
import org.libvirt4j.remote.generated.RemoteStoragePoolIsPersistentArgs;
import org.libvirt4j.remote.generated.RemoteStoragePoolIsPersistentRet;
import org.libvirt4j.remote.generated.RemoteStoragePoolListAllVolumesArgs;
import org.libvirt4j.remote.generated.RemoteStoragePoolListAllVolumesRet;
import org.libvirt4j.remote.generated.RemoteStoragePoolRefreshArgs;
import org.libvirt4j.remote.generated.RemoteStoragePoolSetAutostartArgs;
import org.libvirt4j.remote.generated.RemoteStoragePoolUndefineArgs;
import org.libvirt4j.remote.generated.RemoteStorageVolCreateXmlArgs;
import org.libvirt4j.remote.generated.RemoteStorageVolLookupByNameArgs;
import org.libvirt4j.spi.ObjectKind;
import org.libvirt4j.spi.Uuids;

/** {@link StoragePool} over RPC; name and UUID live in the handle. */
final class RemoteStoragePool extends RemoteObject implements StoragePool, org.libvirt4j.spi.generated.StoragePoolContract {
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
    public String getXMLDesc(StorageXMLFlags... flags) {
        int mask = LibvirtEnum.mask(flags);
        return call("virStoragePoolGetXMLDesc", RemoteProcedure.REMOTE_PROC_STORAGE_POOL_GET_XML_DESC,
                new RemoteStoragePoolGetXmlDescArgs(ref, mask)::encode, RemoteStoragePoolGetXmlDescRet::decode).xml();
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
    public void build(StoragePoolBuildFlags... flags) {
        call("virStoragePoolBuild", RemoteProcedure.REMOTE_PROC_STORAGE_POOL_BUILD,
                new RemoteStoragePoolBuildArgs(ref, LibvirtEnum.mask(flags))::encode, null);
    }

    @Override
    public void create(StoragePoolCreateFlags... flags) {
        call("virStoragePoolCreate", RemoteProcedure.REMOTE_PROC_STORAGE_POOL_CREATE,
                new RemoteStoragePoolCreateArgs(ref, LibvirtEnum.mask(flags))::encode, null);
    }

    @Override
    public void destroy() {
        call("virStoragePoolDestroy", RemoteProcedure.REMOTE_PROC_STORAGE_POOL_DESTROY,
                new RemoteStoragePoolDestroyArgs(ref)::encode, null);
    }

    @Override
    public void delete(StoragePoolDeleteFlags... flags) {
        call("virStoragePoolDelete", RemoteProcedure.REMOTE_PROC_STORAGE_POOL_DELETE,
                new RemoteStoragePoolDeleteArgs(ref, LibvirtEnum.mask(flags))::encode, null);
    }

    @Override
    public void undefine() {
        call("virStoragePoolUndefine", RemoteProcedure.REMOTE_PROC_STORAGE_POOL_UNDEFINE,
                new RemoteStoragePoolUndefineArgs(ref)::encode, null);
    }

    @Override
    public void refresh() {
        call("virStoragePoolRefresh", RemoteProcedure.REMOTE_PROC_STORAGE_POOL_REFRESH,
                new RemoteStoragePoolRefreshArgs(ref, 0)::encode, null);
    }

    @Override
    public boolean isActive() {
        return call("virStoragePoolIsActive", RemoteProcedure.REMOTE_PROC_STORAGE_POOL_IS_ACTIVE,
                new RemoteStoragePoolIsActiveArgs(ref)::encode, RemoteStoragePoolIsActiveRet::decode).active() != 0;
    }

    @Override
    public boolean isPersistent() {
        return call("virStoragePoolIsPersistent", RemoteProcedure.REMOTE_PROC_STORAGE_POOL_IS_PERSISTENT,
                new RemoteStoragePoolIsPersistentArgs(ref)::encode,
                RemoteStoragePoolIsPersistentRet::decode).persistent() != 0;
    }

    @Override
    public boolean getAutostart() {
        return call("virStoragePoolGetAutostart", RemoteProcedure.REMOTE_PROC_STORAGE_POOL_GET_AUTOSTART,
                new RemoteStoragePoolGetAutostartArgs(ref)::encode,
                RemoteStoragePoolGetAutostartRet::decode).autostart() != 0;
    }

    @Override
    public void setAutostart(boolean autostart) {
        call("virStoragePoolSetAutostart", RemoteProcedure.REMOTE_PROC_STORAGE_POOL_SET_AUTOSTART,
                new RemoteStoragePoolSetAutostartArgs(ref, autostart ? 1 : 0)::encode, null);
    }

    @Override
    public List<StorageVol> listAllStorageVolumes() {
        return wrap(call("virStoragePoolListAllVolumes", RemoteProcedure.REMOTE_PROC_STORAGE_POOL_LIST_ALL_VOLUMES,
                new RemoteStoragePoolListAllVolumesArgs(ref, 1, 0)::encode,
                r -> RemoteStoragePoolListAllVolumesRet.decode(r).vols()), v -> new RemoteStorageVol(session,
                v));
    }

    @Override
    public StorageVol lookupStorageVolByName(String name) {
        Objects.requireNonNull(name, "name");
        return new RemoteStorageVol(session, call("virStorageVolLookupByName",
                RemoteProcedure.REMOTE_PROC_STORAGE_VOL_LOOKUP_BY_NAME,
                new RemoteStorageVolLookupByNameArgs(ref, name)::encode, RemoteNonnullStorageVol::decode));
    }

    @Override
    public StorageVol storageVolCreateXML(String xml, StorageVolCreateFlags... flags) {
        Objects.requireNonNull(xml, "xml");
        int mask = LibvirtEnum.mask(flags);
        return new RemoteStorageVol(session, call("virStorageVolCreateXML",
                RemoteProcedure.REMOTE_PROC_STORAGE_VOL_CREATE_XML,
                new RemoteStorageVolCreateXmlArgs(ref, xml, mask)::encode, RemoteNonnullStorageVol::decode));
    }

    @Override
    Object wireRef() {
        return ref;
    }
}

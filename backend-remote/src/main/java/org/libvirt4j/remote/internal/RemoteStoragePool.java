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
import org.libvirt4j.remote.internal.xdr.XdrWriter;
import org.libvirt4j.spi.ObjectKind;
import org.libvirt4j.spi.Uuids;

/** {@link StoragePool} over RPC; name and UUID live in the handle. */
final class RemoteStoragePool extends RemoteObject implements StoragePool {
    private final Wire.Named ref;

    RemoteStoragePool(Session session, Wire.Named ref) {
        super(session, ObjectKind.STORAGE_POOL);
        this.ref = ref;
    }

    private void p(XdrWriter w) {
        Wire.named(w, ref);
    }

    private void flagsCall(String fn, int proc, int mask) {
        call(fn, proc, w -> {
            p(w);
            w.writeInt(mask);
        }, null);
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
        return call("virStoragePoolGetXMLDesc", Proc.STORAGE_POOL_GET_XML_DESC, w -> {
            p(w);
            w.writeInt(mask);
        }, Wire::str);
    }

    @Override
    public StoragePoolInfo getInfo() {
        return call("virStoragePoolGetInfo", Proc.STORAGE_POOL_GET_INFO, this::p,
                r -> new StoragePoolInfo(r.readUnsignedChar(), r.readHyper(), r.readHyper(), r.readHyper()));
    }

    @Override
    public void build(StoragePoolBuildFlags... flags) {
        flagsCall("virStoragePoolBuild", Proc.STORAGE_POOL_BUILD, LibvirtEnum.mask(flags));
    }

    @Override
    public void create(StoragePoolCreateFlags... flags) {
        flagsCall("virStoragePoolCreate", Proc.STORAGE_POOL_CREATE, LibvirtEnum.mask(flags));
    }

    @Override
    public void destroy() {
        call("virStoragePoolDestroy", Proc.STORAGE_POOL_DESTROY, this::p, null);
    }

    @Override
    public void delete(StoragePoolDeleteFlags... flags) {
        flagsCall("virStoragePoolDelete", Proc.STORAGE_POOL_DELETE, LibvirtEnum.mask(flags));
    }

    @Override
    public void undefine() {
        call("virStoragePoolUndefine", Proc.STORAGE_POOL_UNDEFINE, this::p, null);
    }

    @Override
    public void refresh() {
        flagsCall("virStoragePoolRefresh", Proc.STORAGE_POOL_REFRESH, 0);
    }

    @Override
    public boolean isActive() {
        return call("virStoragePoolIsActive", Proc.STORAGE_POOL_IS_ACTIVE, this::p, r -> r.readInt()) != 0;
    }

    @Override
    public boolean isPersistent() {
        return call("virStoragePoolIsPersistent", Proc.STORAGE_POOL_IS_PERSISTENT, this::p, r -> r.readInt()) != 0;
    }

    @Override
    public boolean getAutostart() {
        return call("virStoragePoolGetAutostart", Proc.STORAGE_POOL_GET_AUTOSTART, this::p, r -> r.readInt()) != 0;
    }

    @Override
    public void setAutostart(boolean autostart) {
        call("virStoragePoolSetAutostart", Proc.STORAGE_POOL_SET_AUTOSTART, w -> {
            p(w);
            w.writeInt(autostart ? 1 : 0);
        }, null);
    }

    @Override
    public List<StorageVol> listAllStorageVolumes() {
        return wrap(call("virStoragePoolListAllVolumes", Proc.STORAGE_POOL_LIST_ALL_VOLUMES, w -> {
            p(w);
            w.writeInt(1);
            w.writeInt(0);
        }, r -> Wire.list(r, Wire.LIST_MAX, Wire::vol)), v -> new RemoteStorageVol(session, v));
    }

    @Override
    public StorageVol lookupStorageVolByName(String name) {
        Objects.requireNonNull(name, "name");
        return new RemoteStorageVol(session, call("virStorageVolLookupByName", Proc.STORAGE_VOL_LOOKUP_BY_NAME, w -> {
            p(w);
            Wire.str(w, name);
        }, Wire::vol));
    }

    @Override
    public StorageVol storageVolCreateXML(String xml, StorageVolCreateFlags... flags) {
        Objects.requireNonNull(xml, "xml");
        int mask = LibvirtEnum.mask(flags);
        return new RemoteStorageVol(session, call("virStorageVolCreateXML", Proc.STORAGE_VOL_CREATE_XML, w -> {
            p(w);
            Wire.str(w, xml);
            w.writeInt(mask);
        }, Wire::vol));
    }
}

package org.libvirt4j.jni;

import static org.libvirt4j.jni.LibvirtNatives.*;

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
import org.libvirt4j.spi.ObjectKind;
import org.libvirt4j.spi.Uuids;

/** {@link StoragePool} over a {@code virStoragePoolPtr}; {@link #close()} is {@code virStoragePoolFree}. */
final class JniStoragePool extends JniObject implements StoragePool, org.libvirt4j.spi.generated.StoragePoolContract {

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
    public String getXMLDesc(StorageXMLFlags... flags) {
        int mask = LibvirtEnum.mask(flags);
        return str("virStoragePoolGetXMLDesc", p -> virStoragePoolGetXMLDesc(p, mask));
    }

    @Override
    public StoragePoolInfo getInfo() {
        long[] v = new long[4];
        run("virStoragePoolGetInfo", p -> JniNatives.storagePoolGetInfo(p, v));
        return new StoragePoolInfo((int) v[0], v[1], v[2], v[3]);
    }

    @Override
    public void build(StoragePoolBuildFlags... flags) {
        int mask = LibvirtEnum.mask(flags);
        run("virStoragePoolBuild", p -> virStoragePoolBuild(p, mask));
    }

    @Override
    public void create(StoragePoolCreateFlags... flags) {
        int mask = LibvirtEnum.mask(flags);
        run("virStoragePoolCreate", p -> virStoragePoolCreate(p, mask));
    }

    @Override
    public void destroy() {
        run("virStoragePoolDestroy", p -> virStoragePoolDestroy(p));
    }

    @Override
    public void delete(StoragePoolDeleteFlags... flags) {
        int mask = LibvirtEnum.mask(flags);
        run("virStoragePoolDelete", p -> virStoragePoolDelete(p, mask));
    }

    @Override
    public void undefine() {
        run("virStoragePoolUndefine", p -> virStoragePoolUndefine(p));
    }

    @Override
    public void refresh() {
        run("virStoragePoolRefresh", p -> virStoragePoolRefresh(p, 0));
    }

    @Override
    public boolean isActive() {
        return bool("virStoragePoolIsActive", p -> virStoragePoolIsActive(p));
    }

    @Override
    public boolean isPersistent() {
        return bool("virStoragePoolIsPersistent", p -> virStoragePoolIsPersistent(p));
    }

    @Override
    public boolean getAutostart() {
        return num("virStoragePoolGetAutostart", p -> virStoragePoolGetAutostart(p)) != 0;
    }

    @Override
    public void setAutostart(boolean autostart) {
        run("virStoragePoolSetAutostart", p -> virStoragePoolSetAutostart(p, autostart ? 1 : 0));
    }

    @Override
    public List<StorageVol> listAllStorageVolumes() {
        return wrap(obj("virStoragePoolListAllVolumes", p -> JniNatives.listAll(JniNatives.L_POOL_VOLUMES, p, 0)),
                JniStorageVol::new);
    }

    @Override
    public StorageVol lookupStorageVolByName(String name) {
        Objects.requireNonNull(name, "name");
        return obj("virStorageVolLookupByName",
                p -> new JniStorageVol(ptr(virStorageVolLookupByName(p, name), "virStorageVolLookupByName")));
    }

    @Override
    public StorageVol storageVolCreateXML(String xml, StorageVolCreateFlags... flags) {
        Objects.requireNonNull(xml, "xml");
        int mask = LibvirtEnum.mask(flags);
        return obj("virStorageVolCreateXML",
                p -> new JniStorageVol(ptr(virStorageVolCreateXML(p, xml, mask), "virStorageVolCreateXML")));
    }
}

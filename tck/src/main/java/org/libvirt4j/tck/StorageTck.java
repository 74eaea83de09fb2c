package org.libvirt4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libvirt4j.tck.NodeFixture.*;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.libvirt4j.Connect;
import org.libvirt4j.ConnectListAllStoragePoolsFlags;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.StoragePool;
import org.libvirt4j.StoragePoolInfo;
import org.libvirt4j.StoragePoolState;
import org.libvirt4j.StorageVol;
import org.libvirt4j.StorageVolInfo;
import org.libvirt4j.StorageVolType;

/** Storage pools and volumes on the test driver. */
public abstract class StorageTck extends TckArea {
    StorageTck() {
    }

    static String poolXml(String name, UUID uuid) {
        return "<pool type='dir'><name>" + name + "</name><uuid>" + uuid + "</uuid>"
                + "<target><path>/" + name + "</path></target></pool>";
    }

    static String volXml(String name, long capacityBytes) {
        return "<volume><name>" + name + "</name><capacity unit='bytes'>" + capacityBytes + "</capacity>"
                + "<allocation unit='bytes'>0</allocation><target><format type='raw'/></target></volume>";
    }

    static List<String> poolNames(List<StoragePool> pools) {
        List<String> out = new ArrayList<>();
        for (StoragePool p : pools) {
            try (p) {
                out.add(p.getName());
            }
        }
        return out;
    }

    static List<String> volNames(List<StorageVol> vols) {
        List<String> out = new ArrayList<>();
        for (StorageVol v : vols) {
            try (v) {
                out.add(v.getName());
            }
        }
        return out;
    }

    /** Fails when listAllStoragePools loses the fixture pool or ignores the filter flags. */
    @Test
    @DisplayName("listAllStoragePools returns the fixture pool and filters by ACTIVE and INACTIVE")
    void listAll() {
        try (Connect c = open()) {
            assertThat(poolNames(c.listAllStoragePools())).contains(POOL);
            assertThat(poolNames(c.listAllStoragePools(ConnectListAllStoragePoolsFlags.ACTIVE))).contains(POOL);
            assertThat(poolNames(c.listAllStoragePools(ConnectListAllStoragePoolsFlags.INACTIVE))).doesNotContain(POOL);
        }
    }

    /** Fails when pool lookups disagree on identity. */
    @Test
    @DisplayName("Pool lookups by name, UUID and UUID string agree")
    void lookups() {
        try (Connect c = open(); StoragePool a = c.lookupStoragePoolByName(POOL);
                StoragePool b = c.lookupStoragePoolByUUID(POOL_UUID);
                StoragePool s = c.lookupStoragePoolByUUIDString(POOL_UUID.toString())) {
            assertThat(a.getUUID()).isEqualTo(POOL_UUID);
            assertThat(a.getUUIDString()).isEqualTo(POOL_UUID.toString());
            assertThat(b.getName()).isEqualTo(POOL);
            assertThat(s.getName()).isEqualTo(POOL);
            assertThat(a.isActive()).isTrue();
            assertThat(a.isPersistent()).isTrue();
        }
    }

    /** Fails when virStoragePoolInfo is mapped wrongly: 100 GiB capacity, allocation summed from the 16 MiB volume. */
    @Test
    @DisplayName("Pool getInfo reports RUNNING, the fixture's capacity, and the volumes' allocation")
    void poolInfo() {
        try (Connect c = open(); StoragePool p = c.lookupStoragePoolByName(POOL)) {
            StoragePoolInfo info = p.getInfo();
            assertThat(info.state()).isEqualTo(StoragePoolState.RUNNING);
            assertThat(info.capacity()).isEqualTo(100L << 30);
            assertThat(info.allocation()).isEqualTo(16L << 20);
            assertThat(info.available()).isEqualTo((100L << 30) - (16L << 20));
        }
    }

    /** Fails when pool XML is mangled. */
    @Test
    @DisplayName("Pool getXMLDesc names the pool and its target path")
    void poolXmlDesc() {
        try (Connect c = open(); StoragePool p = c.lookupStoragePoolByName(POOL)) {
            String xml = p.getXMLDesc();
            assertThat(xpath(xml, "/pool/name")).isEqualTo(POOL);
            assertThat(xpath(xml, "/pool/target/path")).isEqualTo("/tck-pool");
            assertThat(xpath(xml, "/pool/@type")).isEqualTo("dir");
        }
    }

    /** Fails when the pool's volumes are not listed or looked up by name, key and path alike. */
    @Test
    @DisplayName("The fixture volume is listed and found by name, key and path")
    void volumeLookups() {
        try (Connect c = open(); StoragePool p = c.lookupStoragePoolByName(POOL)) {
            assertThat(volNames(p.listAllStorageVolumes())).containsExactly(VOLUME);
            try (StorageVol byName = p.lookupStorageVolByName(VOLUME);
                    StorageVol byKey = c.lookupStorageVolByKey(byName.getKey());
                    StorageVol byPath = c.lookupStorageVolByPath(VOLUME_PATH)) {
                assertThat(byName.getPath()).isEqualTo(VOLUME_PATH);
                assertThat(byKey.getName()).isEqualTo(VOLUME);
                assertThat(byPath.getName()).isEqualTo(VOLUME);
            }
        }
    }

    /** Fails when virStorageVolInfo or the volume XML are decoded wrongly. */
    @Test
    @DisplayName("Volume getInfo and getXMLDesc report the fixture's 64 MiB file volume")
    void volumeInfo() {
        try (Connect c = open(); StorageVol v = c.lookupStorageVolByPath(VOLUME_PATH)) {
            StorageVolInfo info = v.getInfo();
            assertThat(info.type()).isEqualTo(StorageVolType.FILE);
            assertThat(info.capacity()).isEqualTo(64L << 20);
            assertThat(info.allocation()).isEqualTo(16L << 20);
            assertThat(xpath(v.getXMLDesc(), "/volume/name")).isEqualTo(VOLUME);
        }
    }

    /** Fails when lookupPoolByVolume does not return the volume's own pool. */
    @Test
    @DisplayName("lookupPoolByVolume returns the pool that holds the volume")
    void poolByVolume() {
        try (Connect c = open(); StorageVol v = c.lookupStorageVolByPath(VOLUME_PATH);
                StoragePool p = v.lookupPoolByVolume()) {
            assertThat(p.getName()).isEqualTo(POOL);
        }
    }

    /** Fails when a created volume does not appear, or delete does not remove it. */
    @Test
    @DisplayName("storageVolCreateXML creates a volume that delete removes")
    void volumeCreateDelete() {
        String name = unique("vol") + ".raw";
        try (Connect c = open(); StoragePool p = c.lookupStoragePoolByName(POOL)) {
            try (StorageVol v = p.storageVolCreateXML(volXml(name, 1L << 20))) {
                assertThat(v.getName()).isEqualTo(name);
                assertThat(v.getInfo().capacity()).isEqualTo(1L << 20);
                assertThat(volNames(p.listAllStorageVolumes())).contains(name);
                v.delete();
            }
            assertThat(volNames(p.listAllStorageVolumes())).doesNotContain(name);
            expectError(ErrorNumber.ERR_NO_STORAGE_VOL, () -> p.lookupStorageVolByName(name));
        }
    }

    /** Fails when the pool lifecycle (define, build, create, refresh, destroy, delete, undefine) is broken. */
    @Test
    @DisplayName("A defined pool goes through build, create, refresh, destroy, delete and undefine")
    void poolLifecycle() {
        String name = unique("pool");
        UUID uuid = UUID.randomUUID();
        try (Connect c = open()) {
            try (StoragePool p = c.storagePoolDefineXML(poolXml(name, uuid))) {
                assertThat(p.getUUID()).isEqualTo(uuid);
                assertThat(p.isActive()).isFalse();
                assertThat(p.getInfo().state()).isEqualTo(StoragePoolState.INACTIVE);
                p.build();
                p.create();
                assertThat(p.isActive()).isTrue();
                p.refresh();
                p.destroy();
                assertThat(p.isActive()).isFalse();
                p.delete();
                p.undefine();
            }
            expectError(ErrorNumber.ERR_NO_STORAGE_POOL, () -> c.lookupStoragePoolByName(name));
        }
    }

    /** Fails when storagePoolCreateXML does not start a transient pool. */
    @Test
    @DisplayName("storagePoolCreateXML starts a transient, active pool")
    void poolCreateTransient() {
        String name = unique("tpool");
        try (Connect c = open(); StoragePool p = c.storagePoolCreateXML(poolXml(name, UUID.randomUUID()))) {
            assertThat(p.isActive()).isTrue();
            assertThat(p.isPersistent()).isFalse();
            p.destroy();
        }
    }

    /** Fails when pool autostart is not written or read back. */
    @Test
    @DisplayName("Pool setAutostart is read back by getAutostart")
    void autostart() {
        try (Connect c = open(); StoragePool p = c.lookupStoragePoolByName(POOL)) {
            assertThat(p.getAutostart()).isFalse();
            p.setAutostart(true);
            assertThat(p.getAutostart()).isTrue();
        }
    }

    /** Fails when a volume on an inactive pool is reachable, or the error code is not ERR_OPERATION_INVALID. */
    @Test
    @DisplayName("Listing volumes of an inactive pool fails with ERR_OPERATION_INVALID")
    void inactivePoolVolumes() {
        try (Connect c = open(); StoragePool p = c.lookupStoragePoolByName(POOL)) {
            p.destroy();
            expectError(ErrorNumber.ERR_OPERATION_INVALID, p::listAllStorageVolumes);
        }
    }
}

package org.libvirt4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libvirt4j.tck.NodeFixture.FC_HOST;
import static org.libvirt4j.tck.NodeFixture.INTERFACE;
import static org.libvirt4j.tck.NodeFixture.NETWORK;
import static org.libvirt4j.tck.NodeFixture.NODE_DEVICE;
import static org.libvirt4j.tck.NodeFixture.NODE_DEVICES;
import static org.libvirt4j.tck.NodeFixture.POOL;
import static org.libvirt4j.tck.NodeFixture.VOLUME;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.libvirt4j.ConnectBaselineCPUFlags;
import org.libvirt4j.Connect;
import org.libvirt4j.ConnectListAllInterfacesFlags;
import org.libvirt4j.ConnectListAllNetworksFlags;
import org.libvirt4j.ConnectListAllStoragePoolsFlags;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.LibvirtObject;
import org.libvirt4j.NWFilter;
import org.libvirt4j.Network;
import org.libvirt4j.NodeCPUMap;
import org.libvirt4j.NodeCPUStats;
import org.libvirt4j.NodeDevice;
import org.libvirt4j.NodeSecurityModel;
import org.libvirt4j.Secret;
import org.libvirt4j.StoragePool;
import org.libvirt4j.StorageVol;
import org.libvirt4j.StorageVolInfo;
import org.libvirt4j.StorageVolInfoFlags;

/**
 * The hand-written host, list, lookup and device functions of issue 10 ({@code spi.ManualFn}):
 * values on the test driver where it implements them, libvirt's refusal naming the C function
 * where it does not, and the argument checks written once in the contract.
 */
public abstract class HostApiTck extends TckArea {
    HostApiTck() {
    }

    static final String CPU_XML = "<cpu><arch>x86_64</arch><model>core2duo</model></cpu>";

    private static <T extends LibvirtObject> List<String> names(List<T> objects, Function<T, String> name) {
        List<String> out = new ArrayList<>();
        for (T o : objects) {
            try (o) {
                out.add(name.apply(o));
            }
        }
        return out;
    }

    /** Fails when a legacy list reaches another C function, drops names or does not size itself by its count. */
    @Test
    @DisplayName("listNetworks, listInterfaces, listStoragePools and their Defined forms name what listAll* finds")
    void legacyListsMatchListAll() {
        try (Connect c = open()) {
            assertThat(c.listNetworks()).containsExactly(NETWORK)
                    .isEqualTo(names(c.listAllNetworks(ConnectListAllNetworksFlags.ACTIVE), Network::getName));
            assertThat(c.listDefinedNetworks()).isEmpty();
            assertThat(c.listInterfaces()).containsExactly(INTERFACE)
                    .isEqualTo(names(c.listAllInterfaces(ConnectListAllInterfacesFlags.ACTIVE),
                            org.libvirt4j.Interface::getName));
            assertThat(c.listDefinedInterfaces()).isEmpty();
            assertThat(c.listStoragePools()).containsExactly(POOL)
                    .isEqualTo(names(c.listAllStoragePools(ConnectListAllStoragePoolsFlags.ACTIVE),
                            StoragePool::getName));
            assertThat(c.listDefinedStoragePools()).isEmpty();
            String net = unique("tck-legacy");
            try (Network n = c.networkDefineXML(NetworkTck.networkXml(net, UUID.randomUUID(), 91));
                    StoragePool p = c.storagePoolDefineXML(StorageTck.poolXml(unique("tck-legacy"), UUID.randomUUID()))) {
                assertThat(c.listDefinedNetworks()).containsExactly(net);
                assertThat(c.listDefinedStoragePools()).containsExactly(p.getName());
                n.undefine();
                p.undefine();
            }
            assertThat(c.listDefinedNetworks()).isEmpty();
        }
    }

    /** Fails when listDevices ignores the capability filter, or listStorageVolumes reaches another pool's volumes. */
    @Test
    @DisplayName("listDevices names all or one capability's devices; listStorageVolumes names the pool's volumes")
    void deviceAndVolumeNames() {
        try (Connect c = open(); StoragePool pool = c.lookupStoragePoolByName(POOL)) {
            assertThat(c.listDevices(null, 0)).hasSize(NODE_DEVICES).contains(NODE_DEVICE, FC_HOST)
                    .containsExactlyInAnyOrderElementsOf(names(c.listAllNodeDevices(), NodeDevice::getName));
            assertThat(c.listDevices("pci", 0)).containsExactly(NODE_DEVICE);
            assertThat(c.listDevices("net", 0)).isEmpty();
            assertThat(pool.listStorageVolumes()).containsExactly(VOLUME);
            expectNpe(() -> pool.storageVolCreateXMLFrom(null, null, 0));
        }
    }

    /** Fails when the daemon's secret or nwfilter list is not decoded, or a raw-UUID lookup sends another UUID. */
    @Test
    @DisplayName("listSecrets, listNWFilters and the lookups by raw UUID find a defined secret and filter")
    void secretsAndFiltersByRawUuid() {
        UUID uuid = UUID.randomUUID();
        String filter = unique("tck-filter");
        UUID filterUuid = UUID.randomUUID();
        try (Connect c = tck().openQemu()) {
            try (Secret s = c.secretDefineXML("<secret ephemeral='no' private='no'><uuid>" + uuid + "</uuid>"
                    + "<usage type='ceph'><name>tck-" + uuid + "</name></usage></secret>");
                    NWFilter f = c.nwfilterDefineXML("<filter name='" + filter + "' chain='ipv4'><uuid>" + filterUuid
                            + "</uuid><rule action='accept' direction='out' priority='500'><ip/></rule></filter>")) {
                try {
                    assertThat(c.listSecrets()).contains(uuid.toString()).hasSize(c.numOfSecrets());
                    assertThat(c.listNWFilters()).contains(filter).hasSize(c.numOfNWFilters());
                    try (Secret byUuid = c.lookupSecretByUUID(uuid); NWFilter fByUuid = c.lookupNWFilterByUUID(filterUuid)) {
                        assertThat(byUuid.getUUID()).isEqualTo(uuid);
                        assertThat(fByUuid.getName()).isEqualTo(filter);
                    }
                } finally {
                    s.undefine();
                    f.undefine();
                }
            }
            assertThat(c.listSecrets()).doesNotContain(uuid.toString());
            assertThat(expectError(ErrorNumber.ERR_NO_SECRET, () -> c.lookupSecretByUUID(uuid)).getMessage())
                    .contains(uuid.toString());
            expectError(ErrorNumber.ERR_NO_NWFILTER, () -> c.lookupNWFilterByUUID(filterUuid));
            expectNpe(() -> c.lookupSecretByUUID(null));
            expectNpe(() -> c.lookupNWFilterByUUID(null));
        }
    }

    /** Fails when a CPU model list, a baseline or its argument checks differ from libvirt's. */
    @Test
    @DisplayName("getCPUModelNames lists the driver's models and baselineCPU computes a baseline; bad input is refused")
    void cpuModelsAndBaseline() {
        try (Connect c = open()) {
            List<String> models = c.getCPUModelNames("x86_64", 0);
            assertThat(models).isNotEmpty().contains("core2duo").doesNotHaveDuplicates();
            assertThat(expectError(ErrorNumber.ERR_INVALID_ARG, () -> c.getCPUModelNames("bogus", 0)).getMessage())
                    .contains("bogus");
            String baseline = c.baselineCPU(List.of(CPU_XML, CPU_XML));
            assertThat(xpath(baseline, "/cpu/model")).isEqualTo("core2duo");
            assertThat(c.baselineCPU(List.of(CPU_XML), ConnectBaselineCPUFlags.EXPAND_FEATURES)).contains("core2duo");
            LibvirtException empty = expectError(ErrorNumber.ERR_INVALID_ARG, () -> c.baselineCPU(List.of(), 0));
            assertThat(empty.getMessage()).isEqualTo("xmlCPUs in virConnectBaselineCPU must not be NULL");
            expectNoSupportNamingEach(Map.of("virConnectBaselineHypervisorCPU",
                    () -> c.baselineHypervisorCPU(null, "x86_64", null, null, List.of(CPU_XML), 0)));
            expectNpe(() -> c.getCPUModelNames(null, 0));
            expectNpe(() -> c.baselineCPU(null, 0));
            expectNpe(() -> c.baselineCPU(java.util.Arrays.asList(CPU_XML, null), 0));
        }
    }

    /**
     * @return a connection to the test driver's built-in host ({@code test:///default}, through
     *         the daemon for a remote backend): unlike a fixture file it has NUMA cells
     */
    final Connect openDefault() {
        return tck().connector().newConnect(tck().fixtureUri(java.nio.file.Path.of("/default")));
    }

    /** Fails when the CPU map's bits, the cells' free memory or the free page counts are decoded wrongly. */
    @Test
    @DisplayName("getCPUMap, getCellsFreeMemory and getFreePages give the test driver's fixed host")
    void cpuMapCellsAndPages() {
        try (Connect c = open(); Connect def = openDefault()) {
            NodeCPUMap map = c.getCPUMap(0);
            assertThat(map.cpus()).hasSize(8);
            assertThat(map.cpus().stream().filter(b -> b).count()).isEqualTo(map.online()).isEqualTo(3);
            assertThat(def.getCellsFreeMemory(0, 2)).containsExactly(2097152L, 4194304L);
            assertThat(def.getCellsFreeMemory(1, 1)).containsExactly(4194304L);
            assertThat(expectError(ErrorNumber.ERR_INVALID_ARG, () -> def.getCellsFreeMemory(5, 2)).getMessage())
                    .isEqualTo("invalid argument: Range exceeds available cells");
            // a fixture file's host has no cells
            expectError(ErrorNumber.ERR_INVALID_ARG, () -> c.getCellsFreeMemory(0, 1));
            if (viaDaemon()) {
                // The test driver answers 0 where libvirt documents the number of counts, and
                // libvirtd's dispatcher takes 0 for a failure: libvirt's own client gets this too.
                LibvirtException e = expectError(ErrorNumber.ERR_INTERNAL_ERROR,
                        () -> c.getFreePages(List.of(4, 2048), 0, 2, 0));
                assertThat(e.getMessage()).isEqualTo("Library function returned error but did not set virError");
            } else {
                assertThat(c.getFreePages(List.of(4, 2048), 0, 2, 0)).containsExactly(19L, 45L, 97L, 201L);
                assertThat(c.getFreePages(List.of(2048), 0, 1, 0)).containsExactly(19L);
            }
        }
    }

    /** Fails when an argument libvirt's C library refuses before the driver reaches a backend, or is worded otherwise. */
    @Test
    @DisplayName("The host calls refuse a bad cell range, page list or CPU number with libvirt's own words")
    void hostArgumentChecks() {
        try (Connect c = open()) {
            Map<String, ThrowingCallable> calls = new LinkedHashMap<>();
            calls.put("maxCells in virNodeGetCellsFreeMemory must be greater than zero", () -> c.getCellsFreeMemory(0, 0));
            calls.put("startCell in virNodeGetCellsFreeMemory must be zero or greater", () -> c.getCellsFreeMemory(-1, 1));
            calls.put("npages in virNodeGetFreePages must not be zero", () -> c.getFreePages(List.of(), 0, 1, 0));
            calls.put("cellCount in virNodeGetFreePages must not be zero", () -> c.getFreePages(List.of(4), 0, 0, 0));
            calls.put("npages in virNodeAllocPages must not be zero", () -> c.allocPages(Map.of(), 0, 1, 0));
            calls.put("cellCount in virNodeAllocPages must not be zero", () -> c.allocPages(Map.of(4, 1L), 0, 0, 0));
            calls.put("cpuNum in virNodeGetCPUStats only accepts -1 as a negative value", () -> c.getCPUStats(-2, 0));
            calls.put("cellNum in virNodeGetMemoryStats only accepts -1 as a negative value", () -> c.getMemoryStats(-2, 0));
            for (Map.Entry<String, ThrowingCallable> e : calls.entrySet()) {
                LibvirtException x = expectError(ErrorNumber.ERR_INVALID_ARG, e.getValue());
                assertThat(x.getMessage()).isEqualTo(e.getKey());
                assertThat(x.domain()).isEqualTo(ErrorDomain.DOMAIN);
            }
            // the remote protocol's cap on per-cell arrays bounds what is allocated, on every backend
            LibvirtException big = expectError(ErrorNumber.ERR_RPC, () -> c.getCellsFreeMemory(0, Integer.MAX_VALUE));
            assertThat(big.getMessage()).isEqualTo("too many NUMA cells: 2147483647 > 1024");
            expectError(ErrorNumber.ERR_RPC, () -> c.getFreePages(List.of(4, 2048), 0, -1, 0));
            expectNpe(() -> c.getFreePages(null, 0, 1, 0));
            expectNpe(() -> c.allocPages(null, 0, 1, 0));
        }
    }

    /** Fails when the stats are fetched in one step, fields are mismatched, or a refusal names another function. */
    @Test
    @DisplayName("getCPUStats and getSecurityModel give the test driver's values; allocPages and getMemoryStats are refused")
    void statsAndSecurityModel() {
        try (Connect c = open()) {
            NodeCPUStats all = c.getCPUStats(-1, 0);
            assertThat(all.kernel()).isPresent();
            assertThat(all.user()).isPresent();
            assertThat(all.idle()).isPresent();
            assertThat(all.iowait()).isPresent();
            assertThat(all.utilization()).isEmpty();
            NodeSecurityModel model = c.getSecurityModel();
            assertThat(model.model()).isEqualTo("testSecurity");
            assertThat(model.doi()).isNotNull();
            expectNoSupportNamingEach(Map.of(
                    "virNodeAllocPages", () -> c.allocPages(Map.of(2048, 1L), 0, 1, 0),
                    "virNodeGetMemoryStats", () -> c.getMemoryStats(-1, 0)));
        }
    }

    /** Fails when the pool type or the nullable source spec is not passed on. */
    @Test
    @DisplayName("findStoragePoolSources lists the test driver's logical volume groups")
    void findStoragePoolSources() {
        try (Connect c = open()) {
            String sources = c.findStoragePoolSources("logical", null, 0);
            assertThat(xpath(sources, "count(/sources/source)")).isEqualTo("2");
            assertThat(xpath(sources, "/sources/source[1]/name")).isEqualTo("testvg1");
            expectNpe(() -> c.findStoragePoolSources(null, null, 0));
        }
    }

    /** Fails when the clone's source is not sent, getInfoFlags reaches another function, or a closed source is accepted. */
    @Test
    @DisplayName("storageVolCreateXMLFrom clones a volume; getInfoFlags is refused by the test driver; a closed source is refused")
    void cloneAndInfoFlags() {
        String name = unique("tck-clone") + ".img";
        try (Connect c = open(); StoragePool pool = c.lookupStoragePoolByName(POOL);
                StorageVol source = pool.lookupStorageVolByName(VOLUME)) {
            StorageVolInfo info = source.getInfo();
            expectNoSupportNamingEach(Map.of("virStorageVolGetInfoFlags",
                    () -> source.getInfoFlags(StorageVolInfoFlags.GET_PHYSICAL)));
            try (StorageVol clone = pool.storageVolCreateXMLFrom(StorageTck.volXml(name, info.capacity()), source)) {
                assertThat(clone.getName()).isEqualTo(name);
                assertThat(pool.listStorageVolumes()).contains(name, VOLUME);
                assertThat(clone.getInfo().capacity()).isEqualTo(info.capacity());
                clone.delete(0);
            }
            StorageVol closed = pool.lookupStorageVolByName(VOLUME);
            closed.close();
            LibvirtException e = expectError(ErrorNumber.ERR_INVALID_STORAGE_VOL,
                    () -> pool.storageVolCreateXMLFrom(StorageTck.volXml(unique("tck-clone"), 1024), closed, 0));
            assertThat(e.getMessage()).isEqualTo("invalid storage volume pointer in virStorageVolCreateXMLFrom");
        }
    }

    /** Fails when a refusal names another C function than the one called. */
    @Test
    @DisplayName("getDHCPLeases, lookupNetworkPortByUUID and the node device detach calls are refused by the test driver")
    void driverRefusals() {
        try (Connect c = open(); Network n = c.lookupNetworkByName(NETWORK); NodeDevice d = c.lookupNodeDeviceByName(NODE_DEVICE)) {
            Map<String, ThrowingCallable> calls = new LinkedHashMap<>();
            calls.put("virNetworkGetDHCPLeases", () -> n.getDHCPLeases(null, 0));
            calls.put("virNetworkPortLookupByUUID", () -> n.lookupNetworkPortByUUID(UUID.randomUUID()));
            calls.put("virNodeDeviceDettach", d::detach);
            calls.put("virNodeDeviceDetachFlags", () -> d.detachFlags(null, 0));
            calls.put("virNodeDeviceReAttach", d::reAttach);
            calls.put("virNodeDeviceReset", d::reset);
            expectNoSupportNamingEach(calls);
            expectNpe(() -> n.lookupNetworkPortByUUID(null));
        }
    }

    /** Fails when the count is not virConnectClose's, or a second close is not ERR_INVALID_CONN. */
    @Test
    @DisplayName("closeAndCount answers 1 while objects still hold the connection, and 0 once none does")
    void closeAndCount() {
        Connect c = open();
        Network n = c.lookupNetworkByName(NETWORK);
        StoragePool p = c.lookupStoragePoolByName(POOL);
        assertThat(c.closeAndCount()).as("libvirt answers 1 while references remain, not their number").isEqualTo(1);
        assertThat(n.getName()).as("an object keeps its connection usable").isEqualTo(NETWORK);
        expectError(ErrorNumber.ERR_INVALID_CONN, c::getType);
        LibvirtException again = expectError(ErrorNumber.ERR_INVALID_CONN, c::closeAndCount);
        assertThat(again.getMessage()).isEqualTo("invalid connection pointer in virConnectClose");
        c.close();
        n.close();
        p.close();
        Connect alone = open();
        assertThat(alone.closeAndCount()).isZero();
    }

    /** Fails when a null auth is refused where C and Go accept it. */
    @Test
    @DisplayName("newConnectWithAuth accepts a null auth, as C and Go do, with or without flags")
    void nullAuth() {
        String uri = tck().fixtureUri(Fixtures.path(Fixtures.NODE));
        try (Connect c = tck().connector().newConnectWithAuth(uri, null)) {
            assertThat(c.getType()).isEqualTo("TEST");
        }
        try (Connect ro = tck().connector().newConnectWithAuth(uri, null, org.libvirt4j.ConnectFlags.RO)) {
            expectError(ErrorNumber.ERR_OPERATION_DENIED, () -> ro.networkDefineXML(
                    NetworkTck.networkXml(unique("tck-ro"), UUID.randomUUID(), 92)));
        }
    }

    /** Fails when recvAll drops, repeats or reorders bytes, ignores a partial consumption, or does not abort on a throw. */
    @Test
    @DisplayName("recvAll hands a screenshot's bytes to the sink in order, and a throwing sink aborts the stream")
    void recvAll() {
        try (Connect c = open(); org.libvirt4j.Domain d = c.lookupDomainByName(NodeFixture.RUNNING);
                org.libvirt4j.Stream ref = c.newStream(); org.libvirt4j.Stream s = c.newStream()) {
            d.screenshot(ref, 0);
            byte[] expected = StreamTck.drain(ref);
            ref.finish();
            d.screenshot(s, 0);
            java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
            s.recvAll((st, data) -> {
                int take = Math.min(data.length, 1000); // less than offered: the rest must come again
                got.write(data, 0, take);
                return take;
            });
            s.finish();
            assertThat(got.toByteArray()).hasSizeGreaterThan(100).isEqualTo(expected);
        }
        try (Connect c = open(); org.libvirt4j.Domain d = c.lookupDomainByName(NodeFixture.RUNNING);
                org.libvirt4j.Stream s = c.newStream()) {
            d.screenshot(s, 0);
            IllegalArgumentException boom = new IllegalArgumentException("sink failed");
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> s.recvAll((st, data) -> {
                throw boom;
            }))).isSameAs(boom);
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> s.recv(new byte[16])))
                    .as("the stream is aborted").isInstanceOf(LibvirtException.class);
            expectNpe(() -> s.recvAll(null));
            expectNpe(() -> s.sendAll(null));
        }
    }

    /** Fails when sendAll loses or reorders the source's bytes, or does not abort when the source throws. */
    @Test
    @org.junit.jupiter.api.Timeout(120)
    @DisplayName("sendAll uploads a source's 1 MiB into a directory-pool volume, and a throwing source aborts the upload")
    void sendAll() throws java.io.IOException {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("libvirt4j-tck-pool-");
        byte[] data = new byte[1 << 20];
        new java.util.Random(7).nextBytes(data);
        String poolXml = "<pool type='dir'><name>" + unique("tck-pool") + "</name><target><path>" + dir
                + "</path></target></pool>";
        String volXml = "<volume><name>v.img</name><capacity unit='bytes'>" + data.length
                + "</capacity><allocation>0</allocation><target><format type='raw'/></target></volume>";
        try (Connect c = tck().openQemu(); StoragePool pool = c.storagePoolCreateXML(poolXml, 0)) {
            try (StorageVol vol = pool.storageVolCreateXML(volXml)) {
                try (org.libvirt4j.Stream up = c.newStream()) {
                    vol.upload(up, 0, data.length);
                    int[] offset = {0};
                    up.sendAll((st, nbytes) -> {
                        assertThat(nbytes).isPositive();
                        int n = Math.min(Math.min(nbytes, 100_003), data.length - offset[0]);
                        byte[] piece = java.util.Arrays.copyOfRange(data, offset[0], offset[0] + n);
                        offset[0] += n;
                        return piece;
                    });
                    up.finish();
                }
                assertThat(java.nio.file.Files.readAllBytes(java.nio.file.Path.of(vol.getPath()))).isEqualTo(data);
                try (org.libvirt4j.Stream up = c.newStream()) {
                    vol.upload(up, 0, data.length);
                    IllegalStateException boom = new IllegalStateException("source failed");
                    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> up.sendAll((st, nbytes) -> {
                        throw boom;
                    }))).isSameAs(boom);
                    assertThat(org.assertj.core.api.Assertions.catchThrowable(up::finish))
                            .as("the upload is aborted").isInstanceOf(LibvirtException.class);
                }
                vol.delete();
            } finally {
                pool.destroy();
            }
        } finally {
            java.nio.file.Files.deleteIfExists(dir);
        }
    }
}

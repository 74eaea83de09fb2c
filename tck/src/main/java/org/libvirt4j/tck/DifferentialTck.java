package org.libvirt4j.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.libvirt4j.Connect;
import org.libvirt4j.Domain;
import org.libvirt4j.DomainSnapshot;
import org.libvirt4j.Libvirt;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.Network;
import org.libvirt4j.StoragePool;
import org.libvirt4j.StorageVol;

/**
 * The differential run: the same scenarios driven through two or more backends on fresh
 * copies of the same fixture, with every observation (XML, states, numbers, error codes)
 * compared field by field against the first backend's. A backend module whose test class
 * path holds several backends extends this in a few lines:
 *
 * <pre>{@code
 * class RemoteVsJnaTest extends DifferentialTck {
 *     protected List<String> backendNames() { return List.of("jna", "remote"); }
 *     protected String fixtureUri(String backend, Path xml) { ... }
 * }
 * }</pre>
 *
 * <p>Values that legitimately vary between runs (CPU time, snapshot creation times) are left
 * out. Errors are compared whole: libvirt's code, domain, level and message.
 */
public abstract class DifferentialTck {

    /** For subclasses. */
    protected DifferentialTck() {
    }

    /** @return the backends to compare, at least two; the first is the reference */
    protected abstract List<String> backendNames();

    /**
     * @param backendName one of {@link #backendNames()}
     * @param fixtureXml the absolute path of a test-driver fixture
     * @return the URI under which that backend opens the fixture
     */
    protected abstract String fixtureUri(String backendName, Path fixtureXml);

    /** Records what a scenario observes, by field name; failures become their error numbers. */
    protected static final class Observations {
        private final Map<String, String> fields = new LinkedHashMap<>();

        Observations() {
        }

        /**
         * Records {@code value}'s result, or the libvirt error it threw.
         *
         * @param field a name unique within the scenario
         * @param value the call to observe
         */
        public void record(String field, Supplier<?> value) {
            String text;
            try {
                text = String.valueOf(value.get());
            } catch (LibvirtException e) {
                text = "LibvirtException[code=" + e.codeValue() + ", domain=" + e.domainValue()
                        + ", level=" + e.levelValue() + ", message=" + e.getMessage() + "]";
            }
            if (fields.putIfAbsent(field, text) != null) {
                throw new IllegalArgumentException("field recorded twice: " + field);
            }
        }

        /** @return the fields in the order recorded */
        public Map<String, String> fields() {
            return fields;
        }
    }

    private record Scenario(String name, Consumer<Scenario.Run> body) {
        /** @param another opens a second connection of the same backend to a fresh copy of the fixture */
        record Run(Connect connect, Observations seen, java.util.function.Supplier<Connect> another) {
        }
    }

    private static final List<Scenario> SCENARIOS = List.of(
            new Scenario("connection facts", r -> {
                Connect c = r.connect();
                r.seen().record("type", c::getType);
                r.seen().record("version", c::getVersion);
                r.seen().record("nodeInfo", c::getNodeInfo);
                r.seen().record("maxVcpus", () -> c.getMaxVcpus(null));
                r.seen().record("sysinfo", c::getSysinfo);
                r.seen().record("alive", c::isAlive);
                r.seen().record("encrypted", c::isEncrypted);
            }),
            new Scenario("every domain, field by field", r -> {
                Connect c = r.connect();
                for (String name : List.of(NodeFixture.RUNNING, NodeFixture.SHUTOFF)) {
                    try (Domain d = c.lookupDomainByName(name)) {
                        r.seen().record(name + ".uuid", d::getUUID);
                        r.seen().record(name + ".id", d::getID);
                        r.seen().record(name + ".osType", d::getOSType);
                        r.seen().record(name + ".state", d::getState);
                        r.seen().record(name + ".info", () -> {
                            var i = d.getInfo();
                            return List.of(i.stateValue(), i.maxMem(), i.memory(), i.nrVirtCpu());
                        });
                        r.seen().record(name + ".xml", d::getXMLDesc);
                        r.seen().record(name + ".persistent", d::isPersistent);
                        r.seen().record(name + ".autostart", d::getAutostart);
                        r.seen().record(name + ".maxMemory", d::getMaxMemory);
                        r.seen().record(name + ".memoryParameters", d::getMemoryParameters);
                        r.seen().record(name + ".schedulerParameters", d::getSchedulerParameters);
                    }
                }
            }),
            new Scenario("a domain's lifecycle, with its refusals", r -> {
                Connect c = r.connect();
                UUID uuid = UUID.fromString("99999999-8888-7777-6666-555555555501");
                try (Domain d = c.domainDefineXML(TckArea.testDomainXml("diff-lifecycle", uuid))) {
                    r.seen().record("defined.xml", d::getXMLDesc);
                    r.seen().record("destroyInactive", () -> run(d::destroy));
                    r.seen().record("create", () -> run(d::create));
                    r.seen().record("createAgain", () -> run(d::create));
                    r.seen().record("running", d::getState);
                    r.seen().record("suspend", () -> run(d::suspend));
                    r.seen().record("paused", d::getState);
                    r.seen().record("resume", () -> run(d::resume));
                    r.seen().record("resumeAgain", () -> run(d::resume));
                    r.seen().record("setMemoryTooMuch", () -> run(() -> d.setMemory(1L << 40)));
                    r.seen().record("destroy", () -> run(d::destroy));
                    r.seen().record("undefine", () -> run(d::undefine));
                    r.seen().record("lookupGone", () -> c.lookupDomainByUUID(uuid));
                }
            }),
            new Scenario("lookup errors", r -> {
                Connect c = r.connect();
                r.seen().record("noDomain", () -> c.lookupDomainByName("nope"));
                r.seen().record("emptyName", () -> c.lookupDomainByName(""));
                r.seen().record("badUuid", () -> c.lookupDomainByUUIDString("not-a-uuid"));
                r.seen().record("noId", () -> c.lookupDomainById(4242));
                r.seen().record("noNetwork", () -> c.lookupNetworkByName("nope"));
                r.seen().record("noPool", () -> c.lookupStoragePoolByName("nope"));
                r.seen().record("noVolume", () -> c.lookupStorageVolByPath("/nope"));
                r.seen().record("noInterface", () -> c.lookupInterfaceByName("nope"));
                r.seen().record("noNodeDevice", () -> c.lookupNodeDeviceByName("nope"));
                r.seen().record("malformedXml", () -> c.domainDefineXML("<domain"));
                r.seen().record("wrongRoot", () -> c.domainDefineXML("<network/>"));
                r.seen().record("noSecrets", c::listAllSecrets);
            }),
            new Scenario("networks and storage", r -> {
                Connect c = r.connect();
                try (Network n = c.lookupNetworkByName(NodeFixture.NETWORK);
                        StoragePool p = c.lookupStoragePoolByName(NodeFixture.POOL);
                        StorageVol v = c.lookupStorageVolByPath(NodeFixture.VOLUME_PATH)) {
                    r.seen().record("network.xml", n::getXMLDesc);
                    r.seen().record("network.bridge", n::getBridgeName);
                    r.seen().record("network.ports", n::listAllPorts);
                    r.seen().record("pool.xml", p::getXMLDesc);
                    r.seen().record("pool.info", p::getInfo);
                    r.seen().record("vol.xml", v::getXMLDesc);
                    r.seen().record("vol.info", v::getInfo);
                    r.seen().record("vol.key", v::getKey);
                    try (StorageVol made = p.storageVolCreateXML(StorageTck.volXml("diff.raw", 1L << 20))) {
                        r.seen().record("made.xml", made::getXMLDesc);
                        r.seen().record("made.delete", () -> run(made::delete));
                    }
                    r.seen().record("pool.volumes", () -> StorageTck.volNames(p.listAllStorageVolumes()));
                }
            }),
            new Scenario("snapshots", r -> {
                Connect c = r.connect();
                try (Domain d = c.lookupDomainByName(NodeFixture.RUNNING);
                        DomainSnapshot s1 = d.snapshotCreateXML(SnapshotTck.snapshotXml("d1"));
                        DomainSnapshot s2 = d.snapshotCreateXML(SnapshotTck.snapshotXml("d2"))) {
                    r.seen().record("s2.xml", () -> s2.getXMLDesc().replaceAll("<creationTime>\\d+</creationTime>", ""));
                    r.seen().record("s1.parent", () -> s1.getParent());
                    r.seen().record("s1.current", s1::isCurrent);
                    r.seen().record("s2.current", s2::isCurrent);
                    r.seen().record("names", () -> SnapshotTck.names(d.listAllSnapshots(), DomainSnapshot::getName));
                }
            }),
            new Scenario("domain tuning at its edges", r -> {
                Connect c = r.connect();
                UUID uuid = UUID.fromString("99999999-8888-7777-6666-555555555502");
                try (Domain d = c.domainDefineXML(TckArea.testDomainXml("diff-tuning", uuid))) {
                    r.seen().record("setMaxMemoryZero", () -> run(() -> d.setMaxMemory(0)));
                    r.seen().record("setMaxMemory", () -> run(() -> d.setMaxMemory(512 * 1024)));
                    r.seen().record("maxMemory", d::getMaxMemory);
                    r.seen().record("setMemoryZero", () -> run(() -> d.setMemory(0)));
                    r.seen().record("setMemoryInactive", () -> run(() -> d.setMemory(256 * 1024)));
                    r.seen().record("setVcpusZero", () -> run(() -> d.setVcpus(0)));
                    r.seen().record("setVcpusInactive", () -> run(() -> d.setVcpus(1)));
                    r.seen().record("vcpusConfig", () -> d.getVcpusFlags(org.libvirt4j.DomainVcpuFlags.CONFIG));
                    r.seen().record("vcpusLive", () -> d.getVcpusFlags(org.libvirt4j.DomainVcpuFlags.LIVE));
                    r.seen().record("setAutostart", () -> run(() -> d.setAutostart(true)));
                    r.seen().record("autostart", d::getAutostart);
                    r.seen().record("create", () -> run(d::create));
                    r.seen().record("setVcpusTooMany", () -> run(() -> d.setVcpus(4096)));
                    r.seen().record("setMemoryLive", () -> run(() -> d.setMemory(128 * 1024)));
                    r.seen().record("info", () -> {
                        var i = d.getInfo();
                        return List.of(i.stateValue(), i.maxMem(), i.memory(), i.nrVirtCpu());
                    });
                    r.seen().record("memoryParameters", d::getMemoryParameters);
                    r.seen().record("shutdown", () -> run(d::shutdown));
                    r.seen().record("stateAfterShutdown", d::getState);
                    r.seen().record("reboot", () -> run(d::reboot));
                    r.seen().record("undefine", () -> run(d::undefine));
                    r.seen().record("gone", () -> c.lookupDomainByUUID(uuid));
                }
            }),
            new Scenario("transient objects and refusals", r -> {
                Connect c = r.connect();
                UUID uuid = UUID.fromString("99999999-8888-7777-6666-555555555503");
                try (Domain d = c.domainCreateXML(TckArea.testDomainXml("diff-transient", uuid))) {
                    r.seen().record("persistent", d::isPersistent);
                    r.seen().record("active", d::isActive);
                    r.seen().record("setAutostart", () -> run(() -> d.setAutostart(true)));
                    r.seen().record("undefine", () -> run(d::undefine));
                    r.seen().record("duplicate", () -> c.domainCreateXML(TckArea.testDomainXml("diff-transient", uuid)));
                    r.seen().record("destroy", () -> run(d::destroy));
                    r.seen().record("afterDestroy", d::getState);
                }
                UUID netUuid = UUID.fromString("99999999-8888-7777-6666-555555555504");
                try (Network n = c.networkCreateXML(NetworkTck.networkXml("diff-net", netUuid, 77))) {
                    r.seen().record("net.persistent", n::isPersistent);
                    r.seen().record("net.xml", n::getXMLDesc);
                    r.seen().record("net.undefine", () -> run(n::undefine));
                    r.seen().record("net.create", () -> run(n::create));
                    r.seen().record("net.destroy", () -> run(n::destroy));
                    r.seen().record("net.destroyAgain", () -> run(n::destroy));
                }
            }),
            new Scenario("pools, interfaces, node devices", r -> {
                Connect c = r.connect();
                UUID uuid = UUID.fromString("99999999-8888-7777-6666-555555555505");
                try (StoragePool p = c.storagePoolDefineXML(StorageTck.poolXml("diff-pool", uuid))) {
                    r.seen().record("pool.active", p::isActive);
                    r.seen().record("pool.refreshInactive", () -> run(p::refresh));
                    r.seen().record("pool.volumesInactive", () -> StorageTck.volNames(p.listAllStorageVolumes()));
                    r.seen().record("pool.build", () -> run(p::build));
                    r.seen().record("pool.create", () -> run(p::create));
                    r.seen().record("pool.createAgain", () -> run(p::create));
                    r.seen().record("pool.info", p::getInfo);
                    r.seen().record("pool.noVolume", () -> p.lookupStorageVolByName("nope"));
                    r.seen().record("pool.badVolume", () -> p.storageVolCreateXML("<volume/>"));
                    r.seen().record("pool.undefineActive", () -> run(p::undefine));
                    r.seen().record("pool.destroy", () -> run(p::destroy));
                    r.seen().record("pool.delete", () -> run(p::delete));
                    r.seen().record("pool.undefine", () -> run(p::undefine));
                }
                try (org.libvirt4j.Interface i = c.lookupInterfaceByName(NodeFixture.INTERFACE)) {
                    r.seen().record("iface.mac", i::getMACString);
                    r.seen().record("iface.xml", i::getXMLDesc);
                    r.seen().record("iface.active", i::isActive);
                }
                r.seen().record("iface.byMac", () -> c.lookupInterfaceByMACString(NodeFixture.INTERFACE_MAC).getName());
                r.seen().record("iface.noMac", () -> c.lookupInterfaceByMACString("00:00:00:00:00:00"));
                try (org.libvirt4j.NodeDevice nd = c.lookupNodeDeviceByName(NodeFixture.NODE_DEVICE)) {
                    r.seen().record("dev.parent", nd::getParent);
                    r.seen().record("dev.xml", nd::getXMLDesc);
                    r.seen().record("dev.caps", nd::listCaps);
                }
                r.seen().record("devices", () -> c.listAllNodeDevices().stream().map(d -> {
                    try (d) {
                        return d.getName();
                    }
                }).sorted().toList());
            }),
            new Scenario("drivers the test driver lacks, and snapshot refusals", r -> {
                Connect c = r.connect();
                r.seen().record("secretDefine", () -> c.secretDefineXML("<secret ephemeral='no' private='no'/>"));
                r.seen().record("secretLookup", () -> c.lookupSecretByUUIDString("11111111-2222-3333-4444-555555555599"));
                r.seen().record("nwfilters", c::listAllNWFilters);
                r.seen().record("nwfilterLookup", () -> c.lookupNWFilterByName("nope"));
                r.seen().record("bindings", c::listAllNWFilterBindings);
                try (Domain d = c.lookupDomainByName(NodeFixture.SHUTOFF)) {
                    r.seen().record("noSnapshot", () -> d.snapshotLookupByName("nope"));
                    r.seen().record("badSnapshotXml", () -> d.snapshotCreateXML("<domainsnapshot"));
                    r.seen().record("snapshots", () -> SnapshotTck.names(d.listAllSnapshots(), DomainSnapshot::getName));
                    r.seen().record("checkpoints", () -> d.listAllCheckpoints().size());
                    r.seen().record("noCheckpoint", () -> d.checkpointLookupByName("nope"));
                }
            }),
            new Scenario("metadata and managed save, with their argument checks", r -> {
                Connect c = r.connect();
                String uri = "http://libvirt4j.org/diff/1";
                org.libvirt4j.DomainMetadataType title = org.libvirt4j.DomainMetadataType.TITLE;
                org.libvirt4j.DomainMetadataType element = org.libvirt4j.DomainMetadataType.ELEMENT;
                try (Domain d = c.lookupDomainByName(NodeFixture.RUNNING)) {
                    r.seen().record("noTitle", () -> d.getMetadata(title, null));
                    r.seen().record("setTitle", () -> run(() -> d.setMetadata(title, "t", null, null)));
                    r.seen().record("title", () -> d.getMetadata(title, null));
                    r.seen().record("titleNewline", () -> run(() -> d.setMetadata(title, "a\nb", null, null)));
                    r.seen().record("titleWithUri", () -> run(() -> d.setMetadata(title, "t", null, uri)));
                    r.seen().record("titleGetWithUri", () -> d.getMetadata(title, uri));
                    r.seen().record("elementNoUri", () -> run(() -> d.setMetadata(element, "<a/>", "k", null)));
                    r.seen().record("elementNoKey", () -> run(() -> d.setMetadata(element, "<a/>", null, uri)));
                    r.seen().record("elementBadXml", () -> run(() -> d.setMetadata(element, "<a", "k", uri)));
                    r.seen().record("setElement", () -> run(() -> d.setMetadata(element, "<a b='1'/>", "k", uri)));
                    r.seen().record("element", () -> d.getMetadata(element, uri));
                    r.seen().record("elementGetNoUri", () -> d.getMetadata(element, null));
                    r.seen().record("liveAndConfig", () -> d.getMetadata(title, null,
                            org.libvirt4j.DomainModificationImpact.LIVE, org.libvirt4j.DomainModificationImpact.CONFIG));
                    r.seen().record("xml", d::getXMLDesc);
                    r.seen().record("reset", () -> run(d::reset));
                    r.seen().record("managedSave", () -> run(d::managedSave));
                    r.seen().record("hasImage", d::hasManagedSaveImage);
                    r.seen().record("saved", d::getState);
                    r.seen().record("removeImage", () -> run(d::managedSaveRemove));
                    r.seen().record("hasImageAfter", d::hasManagedSaveImage);
                    r.seen().record("memoryStats", () -> d.memoryStats().stream()
                            .filter(m -> m.tag() != org.libvirt4j.DomainMemoryStatTags.LAST_UPDATE).toList());
                    r.seen().record("blockStatsUnknown", () -> d.blockStats("vdz"));
                    r.seen().record("blockStatsEmpty", () -> d.blockStats(""));
                    r.seen().record("interfaceStatsUnknown", () -> d.interfaceStats("vnet0"));
                    String cdrom = "<disk type='file' device='cdrom'><target dev='hdc' bus='ide'/></disk>";
                    r.seen().record("attachDevice", () -> run(() -> d.attachDevice(cdrom)));
                    r.seen().record("attachDeviceConfig", () -> run(() -> d.attachDeviceFlags(cdrom,
                            org.libvirt4j.DomainDeviceModifyFlags.CONFIG)));
                    r.seen().record("detachDevice", () -> run(() -> d.detachDevice(cdrom)));
                    r.seen().record("updateDevice", () -> run(() -> d.updateDeviceFlags(cdrom)));
                    r.seen().record("resetShutoff", () -> run(d::reset));
                    r.seen().record("managedSaveShutoff", () -> run(d::managedSave));
                }
            }),
            new Scenario("volume transfers the test driver lacks, and their argument checks", r -> {
                Connect c = r.connect();
                try (StorageVol v = c.lookupStorageVolByPath(NodeFixture.VOLUME_PATH);
                        org.libvirt4j.Stream up = c.newStream(); org.libvirt4j.Stream down = c.newStream()) {
                    r.seen().record("upload", () -> run(() -> v.upload(up, 0, 1)));
                    r.seen().record("download", () -> run(() -> v.download(down, 0, 1)));
                    // a stream whose transfer could not start has no driver, as if never used
                    r.seen().record("sendAfterFailedUpload", () -> up.send(new byte[] {1}));
                    r.seen().record("finishAfterFailedUpload", () -> run(up::finish));
                    r.seen().record("recvAfterFailedDownload", () -> down.recv(new byte[1]));
                }
                r.seen().record("nulInName", () -> c.lookupDomainByName("a\0b"));
                r.seen().record("badNetworkUuid", () -> c.lookupNetworkByUUIDString("1234"));
            }),
            new Scenario("events and keepalive, with their argument checks", r -> {
                Connect c = r.connect();
                java.util.concurrent.BlockingQueue<String> events = new java.util.concurrent.LinkedBlockingQueue<>();
                try (Domain d = c.lookupDomainByName(NodeFixture.RUNNING)) {
                    r.seen().record("register", () -> c.domainEventLifecycleRegister(null,
                            (conn, dom, e) -> events.add(dom.getName() + " " + e.event() + " " + e.detail())));
                    r.seen().record("registerAgain", () -> c.domainEventLifecycleRegister(null, (conn, dom, e) -> { }));
                    r.seen().record("registerDomain", () -> c.domainEventLifecycleRegister(d, (conn, dom, e) -> { }));
                    r.seen().record("registerDomainAgain", () -> c.domainEventLifecycleRegister(d, (conn, dom, e) -> { }));
                    // deregistration while libvirt is still dispatching an event only marks the
                    // callback, and a second deregistration then succeeds: check them before any event
                    r.seen().record("deregisterUnknown", () -> run(() -> c.domainEventDeregister(4242)));
                    r.seen().record("deregisterNegative", () -> run(() -> c.domainEventDeregister(-1)));
                    r.seen().record("deregister", () -> run(() -> c.domainEventDeregister(1)));
                    r.seen().record("deregisterTwice", () -> run(() -> c.domainEventDeregister(1)));
                    r.seen().record("registerAfter", () -> c.domainEventLifecycleRegister(d, (conn, dom, e) -> { }));
                    r.seen().record("suspend", () -> run(d::suspend));
                    r.seen().record("resume", () -> run(d::resume));
                    r.seen().record("events", () -> List.of(poll(events), poll(events)));
                }
                r.seen().record("closeCallback", () -> run(() -> c.registerCloseCallback((conn, reason) -> { })));
                r.seen().record("closeCallbackAgain", () -> run(() -> c.registerCloseCallback((conn, reason) -> { })));
                r.seen().record("closeUnregister", () -> run(c::unregisterCloseCallback));
                r.seen().record("closeUnregisterAgain", () -> run(c::unregisterCloseCallback));
                r.seen().record("keepAliveStop", () -> run(() -> c.setKeepAlive(0, 0)));
                r.seen().record("keepAlive", () -> run(() -> c.setKeepAlive(5, 3)));
                r.seen().record("keepAliveAgain", () -> run(() -> c.setKeepAlive(7, 1)));
                r.seen().record("keepAliveOff", () -> run(() -> c.setKeepAlive(-1, 0)));
                r.seen().record("keepAliveRestart", () -> run(() -> c.setKeepAlive(5, 3)));
            }),
            new Scenario("metadata, network and pool events, with their argument checks", r -> {
                Connect c = r.connect();
                java.util.concurrent.BlockingQueue<String> events = new java.util.concurrent.LinkedBlockingQueue<>();
                try (Connect other = r.another().get(); Domain d = c.lookupDomainByName(NodeFixture.RUNNING);
                        org.libvirt4j.Network n = c.lookupNetworkByName(NodeFixture.NETWORK);
                        StoragePool p = c.lookupStoragePoolByName(NodeFixture.POOL);
                        Domain foreignDomain = other.lookupDomainByName(NodeFixture.RUNNING);
                        org.libvirt4j.Network foreignNetwork = other.lookupNetworkByName(NodeFixture.NETWORK);
                        StoragePool foreignPool = other.lookupStoragePoolByName(NodeFixture.POOL)) {
                    r.seen().record("metadata", () -> c.domainEventMetadataChangeRegister(d,
                            (conn, dom, e) -> events.add(dom.getName() + " " + e.type() + " " + e.nsuri())));
                    r.seen().record("metadataAgain", () -> c.domainEventMetadataChangeRegister(d, (conn, dom, e) -> { }));
                    r.seen().record("metadataForeign", () -> c.domainEventMetadataChangeRegister(foreignDomain,
                            (conn, dom, e) -> { }));
                    r.seen().record("network", () -> c.networkEventLifecycleRegister(null,
                            (conn, net, e) -> events.add(net.getName() + " " + e.event() + " " + e.detail())));
                    r.seen().record("networkAgain", () -> c.networkEventLifecycleRegister(null, (conn, net, e) -> { }));
                    r.seen().record("networkFiltered", () -> c.networkEventLifecycleRegister(n, (conn, net, e) -> { }));
                    r.seen().record("networkForeign", () -> c.networkEventLifecycleRegister(foreignNetwork,
                            (conn, net, e) -> { }));
                    r.seen().record("pool", () -> c.storagePoolEventLifecycleRegister(null,
                            (conn, pool, e) -> events.add(pool.getName() + " " + e.event() + " " + e.detail())));
                    r.seen().record("poolAgain", () -> c.storagePoolEventLifecycleRegister(null, (conn, pool, e) -> { }));
                    r.seen().record("poolForeign", () -> c.storagePoolEventLifecycleRegister(foreignPool,
                            (conn, pool, e) -> { }));
                    r.seen().record("lifecycleForeign", () -> c.domainEventLifecycleRegister(foreignDomain,
                            (conn, dom, e) -> { }));
                    r.seen().record("networkDeregisterUnknown", () -> run(() -> c.networkEventDeregister(4242)));
                    r.seen().record("networkDeregisterNegative", () -> run(() -> c.networkEventDeregister(-1)));
                    r.seen().record("poolDeregisterUnknown", () -> run(() -> c.storagePoolEventDeregister(4242)));
                    r.seen().record("poolDeregisterNegative", () -> run(() -> c.storagePoolEventDeregister(-1)));
                    r.seen().record("setTitle", () -> run(() -> d.setMetadata(org.libvirt4j.DomainMetadataType.TITLE,
                            "t", null, null)));
                    r.seen().record("titleEvent", () -> poll(events));
                    r.seen().record("networkDestroy", () -> run(n::destroy));
                    r.seen().record("networkEvent", () -> poll(events));
                    r.seen().record("poolDestroy", () -> run(p::destroy));
                    r.seen().record("poolEvent", () -> poll(events));
                }
            }),
            new Scenario("bulk statistics, with their argument checks", r -> {
                Connect c = r.connect();
                try (Connect other = r.another().get(); Domain d = c.lookupDomainByName(NodeFixture.SHUTOFF);
                        Domain foreign = other.lookupDomainByName(NodeFixture.SHUTOFF)) {
                    r.seen().record("all", () -> statsSummary(c.getAllDomainStats(List.of(), java.util.Set.of())));
                    r.seen().record("active", () -> statsSummary(c.getAllDomainStats(List.of(),
                            java.util.Set.of(org.libvirt4j.DomainStatsTypes.STATE),
                            org.libvirt4j.ConnectGetAllDomainStatsFlags.ACTIVE)));
                    r.seen().record("listed", () -> statsSummary(c.getAllDomainStats(List.of(d), java.util.Set.of())));
                    r.seen().record("enforced", () -> statsSummary(c.getAllDomainStats(List.of(),
                            java.util.Set.of(org.libvirt4j.DomainStatsTypes.PERF),
                            org.libvirt4j.ConnectGetAllDomainStatsFlags.ENFORCE_STATS)));
                    r.seen().record("foreign", () -> c.getAllDomainStats(List.of(foreign), java.util.Set.of()));
                    r.seen().record("mixed", () -> c.getAllDomainStats(List.of(d, foreign), java.util.Set.of()));
                }
            }),
            new Scenario("the hand-written host, list and device functions: values, refusals and checks",
                    r -> HostApiDifferential.observe(r.connect(), r.seen(), r.another())),
            new Scenario("the generated functions: values, refusals and argument checks", r -> {
                Connect c = r.connect();
                try (Domain d = c.lookupDomainByName(NodeFixture.RUNNING);
                        Domain off = c.lookupDomainByName(NodeFixture.SHUTOFF)) {
                    Observations o = r.seen();
                    o.record("hostname", d::getHostname);
                    o.record("maxVcpus", d::getMaxVcpus);
                    o.record("isUpdated", d::isUpdated);
                    o.record("hasCurrentSnapshot", () -> d.hasCurrentSnapshot(0));
                    o.record("snapshotNum", () -> d.snapshotNum());
                    o.record("snapshotCurrent", () -> d.snapshotCurrent(0));
                    o.record("abortJob", () -> run(d::abortJob));
                    o.record("abortJobFlags", () -> run(() -> d.abortJobFlags(1)));
                    o.record("migrateGetMaxDowntime", () -> d.migrateGetMaxDowntime(0));
                    o.record("migrateSetMaxSpeed", () -> run(() -> d.migrateSetMaxSpeed(10)));
                    o.record("migrateGetCompressionCache", () -> d.migrateGetCompressionCache(0));
                    o.record("blockCommit", () -> run(() -> d.blockCommit("vda", null, null, 0)));
                    o.record("blockJobAbort", () -> run(() -> d.blockJobAbort("vda")));
                    o.record("blockResize", () -> run(() -> d.blockResize("vda", 1024)));
                    o.record("blockResizeNul", () -> run(() -> d.blockResize("v\0da", 1024)));
                    o.record("setBlockThreshold", () -> run(() -> d.setBlockThreshold("vda", 1, 0)));
                    o.record("backupGetXMLDesc", () -> d.backupGetXMLDesc(0));
                    o.record("managedSaveGetXMLDesc", () -> d.managedSaveGetXMLDesc());
                    o.record("injectNMI", () -> run(() -> d.injectNMI(0)));
                    o.record("injectNMIOff", () -> run(() -> off.injectNMI(0)));
                    o.record("setTime", () -> run(() -> d.setTime(1_700_000_000L, 0)));
                    o.record("setUserPasswordOff", () -> run(() -> off.setUserPassword("root", "pw")));
                    o.record("fsTrim", () -> run(() -> d.fsTrim(null, 0, 0)));
                    o.record("pmWakeup", () -> run(() -> d.pmWakeup(0)));
                    o.record("agentSetResponseTimeout", () -> run(() -> d.agentSetResponseTimeout(5, 0)));
                    o.record("setVcpu", () -> run(() -> d.setVcpu("1", 0)));
                    o.record("setMemoryStatsPeriod", () -> run(() -> d.setMemoryStatsPeriod(5)));
                    o.record("rawFlag", () -> d.getHostname(1 << 30));
                    o.record("xmlRawFlag", () -> d.getXMLDesc(1 << 30));
                    o.record("addIOThread", () -> run(() -> off.addIOThread(9, org.libvirt4j.DomainModificationImpact.CONFIG)));
                    o.record("iothreadXml", () -> off.getXMLDesc().contains("<iothread id='9'/>"));
                    o.record("numOfDomains", c::numOfDomains);
                    o.record("numOfDefinedDomains", c::numOfDefinedDomains);
                    o.record("numOfNetworks", c::numOfNetworks);
                    o.record("numOfStoragePools", c::numOfStoragePools);
                    o.record("compareCPU", () -> c.compareCPU("<cpu/>", 0));
                    o.record("domainCapabilities", () -> c.getDomainCapabilities(null, null, null, null, 0));
                    o.record("saveImageGetXMLDesc", () -> c.domainSaveImageGetXMLDesc("/nonexistent/tck.save"));
                    o.record("lookupByIdMissing", () -> c.lookupDomainById(999));
                }
            }),
            new Scenario("the hand-written domain shapes: values, refusals and argument checks",
                    r -> IrregularScenario.observe(r.connect(), r.seen())),
            new Scenario("screenshot bytes", r -> {
                Connect c = r.connect();
                try (Domain d = c.lookupDomainByName(NodeFixture.RUNNING); org.libvirt4j.Stream s = c.newStream()) {
                    r.seen().record("mime", () -> d.screenshot(s, 0));
                    r.seen().record("sha256", () -> sha256(StreamTck.drain(s)));
                    r.seen().record("finish", () -> run(s::finish));
                }
            }),
            new Scenario("typed parameters, with their refusals", r -> TypedParametersTck.observe(r.connect(), r.seen())),
            new Scenario("migration calls on the test driver: every refusal",
                    r -> MigrationTck.observe(r.connect(), r.seen(), r.another())));

    private static String run(Runnable call) {
        call.run();
        return "ok";
    }

    /** Domain names and every statistic, then closes the records. */
    private static List<String> statsSummary(List<org.libvirt4j.DomainStats> stats) {
        try {
            return stats.stream().map(st -> st.domain().getName() + " " + st.params()).toList();
        } finally {
            stats.forEach(org.libvirt4j.DomainStats::close);
        }
    }

    private static String poll(java.util.concurrent.BlockingQueue<String> events) {
        try {
            return String.valueOf(events.poll(20, java.util.concurrent.TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> observe(String backend, Scenario scenario) {
        Observations seen = new Observations();
        String uri = fixtureUri(backend, Fixtures.path(Fixtures.NODE));
        // events and keepalive need the event loop before the connection opens
        Libvirt.using(backend).eventRegisterDefaultImpl();
        try (Connect c = Libvirt.using(backend).newConnect(uri)) {
            scenario.body().accept(new Scenario.Run(c, seen, () -> Libvirt.using(backend).newConnect(uri)));
        }
        return seen.fields();
    }

    /**
     * One dynamic test per scenario: fails naming the first field where a backend differs from
     * the reference, with both values.
     *
     * @return the scenarios as tests
     */
    @TestFactory
    Stream<DynamicTest> differential() {
        List<String> backends = List.copyOf(Objects.requireNonNull(backendNames(), "backendNames()"));
        assertThat(backends).as("backends to compare").hasSizeGreaterThanOrEqualTo(2).doesNotHaveDuplicates();
        return SCENARIOS.stream().map(s -> DynamicTest.dynamicTest(s.name() + " agrees across " + backends, () -> {
            Map<String, String> reference = observe(backends.get(0), s);
            for (String other : backends.subList(1, backends.size())) {
                Map<String, String> seen = observe(other, s);
                List<String> diffs = new ArrayList<>();
                for (String field : reference.keySet()) {
                    if (!Objects.equals(reference.get(field), seen.get(field))) {
                        diffs.add(field + ": " + backends.get(0) + "=" + reference.get(field) + " but " + other + "=" + seen.get(field));
                    }
                }
                assertThat(seen.keySet()).as("fields observed through %s", other).containsExactlyElementsOf(reference.keySet());
                assertThat(diffs).as("fields where %s differs from %s", other, backends.get(0)).isEmpty();
            }
        }));
    }
}

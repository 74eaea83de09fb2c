package org.libvirt4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libvirt4j.tck.NodeFixture.RUNNING;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.libvirt4j.Connect;
import org.libvirt4j.ConnectIdentity;
import org.libvirt4j.Domain;
import org.libvirt4j.DomainBlkioParameters;
import org.libvirt4j.DomainBlockIoTuneParameters;
import org.libvirt4j.DomainInterfaceParameters;
import org.libvirt4j.DomainLaunchSecurityStateParameters;
import org.libvirt4j.DomainMigrateParameters;
import org.libvirt4j.DomainModificationImpact;
import org.libvirt4j.DomainNumaParameters;
import org.libvirt4j.DomainPerfEvents;
import org.libvirt4j.DomainSetIOThreadParams;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.NodeMemoryParameters;
import org.libvirt4j.TypedParameterFields;
import org.libvirt4j.spi.TypedParameter;

/**
 * The generated typed-parameter functions (records from libvirt's macros, the raw list kept
 * alongside) on the test driver: set-then-get round trips where it implements the call, and
 * its refusal, naming the C function, where it does not. Tagged, so that one runner runs just this
 * area: {@code -Dtest=JnaTckTest -Dgroups=typed-parameters}.
 */
@Tag("typed-parameters")
public abstract class TypedParametersTck extends TckArea {
    TypedParametersTck() {
    }

    /** A running test-driver domain with a network interface ({@code tckvnet0}) and two IOThreads. */
    static final String NIC_DOMAIN_XML = "<domain type='test'><name>%s</name><uuid>%s</uuid>"
            + "<memory unit='KiB'>65536</memory><vcpu>1</vcpu><iothreads>2</iothreads>"
            + "<os><type arch='x86_64'>hvm</type></os><devices>"
            + "<disk type='file' device='disk'><source file='/tck-pool/tck-vol.img'/><target dev='vda' bus='virtio'/></disk>"
            + "<interface type='network'><source network='" + NodeFixture.NETWORK + "'/>"
            + "<mac address='52:54:00:12:34:56'/><target dev='tckvnet0'/></interface>"
            + "</devices></domain>";

    /** Fails when a set field is packed under the wrong name or type, or the reply is unpacked into the wrong component. */
    @Test
    @DisplayName("setBlkioParameters' weight reads back from getBlkioParameters, with every field also in raw()")
    void typedBlkioRoundTrip() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING)) {
            d.setBlkioParameters(DomainBlkioParameters.builder().weight(321).build(), DomainModificationImpact.LIVE);
            DomainBlkioParameters p = d.getBlkioParameters(DomainModificationImpact.LIVE);
            assertThat(p.weight()).hasValue(321);
            assertThat(p.deviceWeight()).hasValue("");
            assertThat(p.raw()).extracting(TypedParameter::field).contains(TypedParameterFields.DOMAIN_BLKIO_WEIGHT,
                    TypedParameterFields.DOMAIN_BLKIO_DEVICE_WEIGHT, TypedParameterFields.DOMAIN_BLKIO_DEVICE_READ_IOPS);
            assertThat(p.raw()).contains(TypedParameter.ofUInt(TypedParameterFields.DOMAIN_BLKIO_WEIGHT, 321));
        }
    }

    /** Fails when raw entries of fields the record does not know are dropped instead of sent. */
    @Test
    @DisplayName("A raw parameter of a field newer than the record is sent: the test driver refuses the unknown field")
    void typedRawFieldsAreSent() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING)) {
            LibvirtException e = expectError(ErrorNumber.ERR_ARGUMENT_UNSUPPORTED, () -> d.setBlkioParameters(
                    DomainBlkioParameters.builder().weight(300).raw(TypedParameter.ofUInt("tck_newer_field", 1)).build(),
                    DomainModificationImpact.LIVE));
            assertThat(e.getMessage()).contains("tck_newer_field");
            // a raw entry for a field the record knows is not sent twice: the component wins
            d.setBlkioParameters(DomainBlkioParameters.builder().weight(301)
                    .raw(TypedParameter.ofUInt(TypedParameterFields.DOMAIN_BLKIO_WEIGHT, 999)).build(), 0);
            assertThat(d.getBlkioParameters(0).weight()).hasValue(301);
        }
    }

    /** Fails when a string parameter is not carried (JNI/JNA packing, the remote STRING_OKAY flag). */
    @Test
    @DisplayName("setNumaParameters' nodeset string reads back, and the mode stays reported")
    void typedNumaRoundTrip() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING)) {
            d.setNumaParameters(DomainNumaParameters.builder().nodeset("0").build(), DomainModificationImpact.LIVE);
            DomainNumaParameters p = d.getNumaParameters(DomainModificationImpact.LIVE);
            assertThat(p.nodeset()).hasValue("0");
            assertThat(p.mode()).isPresent();
        }
    }

    /** Fails when the device argument or the uint bandwidth fields are lost or misplaced. */
    @Test
    @DisplayName("setInterfaceParameters' inbound limits read back on that interface; unset outbound ones stay 0")
    void typedInterfaceRoundTrip() {
        try (Connect c = open(); Domain d = c.domainDefineXML(NIC_DOMAIN_XML.formatted(unique("tck-typed"),
                UUID.randomUUID()))) {
            d.create();
            d.setInterfaceParameters("tckvnet0", DomainInterfaceParameters.builder().bandwidthInAverage(100)
                    .bandwidthInPeak(200).bandwidthInBurst(300).build(), DomainModificationImpact.LIVE);
            DomainInterfaceParameters p = d.getInterfaceParameters("tckvnet0", DomainModificationImpact.LIVE);
            assertThat(p.bandwidthInAverage()).hasValue(100);
            assertThat(p.bandwidthInPeak()).hasValue(200);
            assertThat(p.bandwidthInBurst()).hasValue(300);
            assertThat(p.bandwidthOutAverage()).hasValue(0);
            LibvirtException e = expectError(ErrorNumber.ERR_INVALID_ARG, () -> d.getInterfaceParameters("tck-no-nic", 0));
            assertThat(e.getMessage()).contains("tck-no-nic");
        }
    }

    /** Fails when the disk argument or the ullong throttle fields are lost or misplaced. */
    @Test
    @DisplayName("setBlockIoTune's byte and IOPS limits read back on that disk")
    void typedBlockIoTuneRoundTrip() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING)) {
            d.setBlockIoTune("vda", DomainBlockIoTuneParameters.builder().totalBytesSec(1_000_000L)
                    .totalBytesSecMax(2_000_000L).readIopsSec(500L).readIopsSecMax(800L).build(), DomainModificationImpact.LIVE);
            DomainBlockIoTuneParameters p = d.getBlockIoTune("vda", DomainModificationImpact.LIVE);
            assertThat(p.totalBytesSec()).hasValue(1_000_000L);
            assertThat(p.totalBytesSecMax()).hasValue(2_000_000L);
            assertThat(p.readIopsSec()).hasValue(500L);
            assertThat(p.writeIopsSec()).hasValue(0L);
            assertThat(p.raw()).hasSizeGreaterThanOrEqualTo(6);
        }
    }

    /** Fails when boolean parameters (perf events) are not packed or read as booleans. */
    @Test
    @DisplayName("setPerfEvents enables cmt, which getPerfEvents then reports enabled while others stay disabled")
    void typedPerfEventsRoundTrip() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING)) {
            assertThat(d.getPerfEvents(0).cmt()).hasValue(false);
            d.setPerfEvents(DomainPerfEvents.builder().cmt(true).build(), DomainModificationImpact.LIVE);
            DomainPerfEvents p = d.getPerfEvents(DomainModificationImpact.LIVE);
            assertThat(p.cmt()).hasValue(true);
            assertThat(p.mbmt()).hasValue(false);
            assertThat(p.raw()).allSatisfy(t -> assertThat(t.value()).isInstanceOf(Boolean.class));
        }
    }

    /**
     * Fails when the string-parameter flag libvirt's public API adds to this call is lost: the test
     * driver refuses it, and libvirt's C client reports that on every path.
     */
    @Test
    @DisplayName("getLaunchSecurityInfo on the test driver is refused for the VIR_TYPED_PARAM_STRING_OKAY flag libvirt adds")
    void typedLaunchSecurityInfoRefusal() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING)) {
            LibvirtException e = expectError(ErrorNumber.ERR_INVALID_ARG, () -> d.getLaunchSecurityInfo(0));
            assertThat(e.getMessage()).isEqualTo("unsupported flags (0x4) in function testDomainGetLaunchSecurityInfo");
        }
    }

    /** Fails when a typed-parameter function reaches another C function (or procedure) than its own. */
    @Test
    @DisplayName("Functions the test driver lacks give ERR_NO_SUPPORT naming each one")
    void typedRefusalsNameTheirFunction() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING)) {
            Map<String, ThrowingCallable> calls = new LinkedHashMap<>();
            calls.put("virDomainGetJobStats", () -> d.getJobStats(0));
            calls.put("virDomainBlockStatsFlags", () -> d.blockStatsFlags("vda", 0));
            calls.put("virDomainSetLaunchSecurityState", () -> d.setLaunchSecurityState(
                    DomainLaunchSecurityStateParameters.builder().sevSecret("c2VjcmV0").build(), 0));
            calls.put("virNodeGetMemoryParameters", () -> c.getMemoryParameters(0));
            calls.put("virNodeSetMemoryParameters", () -> c.setMemoryParameters(
                    NodeMemoryParameters.builder().sharedPagesToScan(100).build(), 0));
            calls.put("virNodeGetSEVInfo", () -> c.getSEVInfo(0));
            expectNoSupportNamingEach(calls);
        }
    }

    /** Fails when the API's null checks are skipped on a backend. */
    @Test
    @DisplayName("null records and names give NullPointerException before libvirt is called")
    void typedNulls() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING)) {
            expectNpe(() -> d.setBlkioParameters(null, 0));
            expectNpe(() -> d.getInterfaceParameters(null, 0));
            expectNpe(() -> d.setBlockIoTune(null, DomainBlockIoTuneParameters.builder().build(), 0));
            expectNpe(() -> c.setIdentity(null, 0));
            expectNpe(() -> d.setIOThreadParams(1, null, 0));
            expectNpe(() -> DomainBlkioParameters.builder().raw(null));
        }
    }

    /** Fails when a NUL in a string argument or parameter reaches C, where it would cut the string short. */
    @Test
    @DisplayName("A NUL in a disk name or a string parameter is refused with ERR_INVALID_ARG")
    void typedNulCharacters() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING)) {
            expectError(ErrorNumber.ERR_INVALID_ARG, () -> d.getBlockIoTune("vda\0x", 0));
            expectError(ErrorNumber.ERR_INVALID_ARG, () -> d.setNumaParameters(
                    DomainNumaParameters.builder().nodeset("0\0" + "1").build(), 0));
        }
    }

    /** Fails when a record's raw list can be changed after construction, or the builders lose a value. */
    @Test
    @DisplayName("The records' raw() lists are immutable copies")
    void typedRawIsImmutable() {
        List<TypedParameter> raw = new java.util.ArrayList<>(List.of(TypedParameter.ofUInt("weight", 1)));
        DomainBlkioParameters p = new DomainBlkioParameters(java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.OptionalInt.empty(), raw);
        raw.clear();
        assertThat(p.raw()).hasSize(1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> p.raw().clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(DomainSetIOThreadParams.builder().pollMaxNs(5L).build().pollMaxNs()).hasValue(5L);
        assertThat(ConnectIdentity.builder().userName("x").build().userName()).hasValue("x");
    }

    /**
     * Fails when the host's KSM parameters are not read or written with libvirt's field types; the
     * write puts back the value read, so the host is left as it was.
     */
    @Test
    @DisplayName("On the QEMU driver, getMemoryParameters reads the host's KSM tunables and setMemoryParameters "
            + "writes one back")
    void typedNodeMemoryParameters() {
        require(TckCapability.PRIVATE_DAEMON);
        try (Connect c = tck().openQemu()) {
            NodeMemoryParameters p = c.getMemoryParameters(0);
            assertThat(p.sharedPagesToScan()).isPresent();
            assertThat(p.sharedSleepMillisecs()).isPresent();
            assertThat(p.sharedFullScans()).isPresent();
            int pages = p.sharedPagesToScan().getAsInt();
            c.setMemoryParameters(NodeMemoryParameters.builder().sharedPagesToScan(pages).build(), 0);
            assertThat(c.getMemoryParameters(0).sharedPagesToScan()).hasValue(pages);
            // a raw field the record does not know is sent, and libvirt's own check names it
            LibvirtException e = expectError(ErrorNumber.ERR_ARGUMENT_UNSUPPORTED, () -> c.setMemoryParameters(
                    NodeMemoryParameters.builder().raw(TypedParameter.ofString("shm_tck_unknown", "x")).build(), 0));
            assertThat(e.getMessage()).contains("shm_tck_unknown");
        }
    }

    /**
     * Fails when a call on a real guest is refused or its reply misread: IOThread polling read back
     * from the domain statistics, job statistics with their job type, and a save and restore
     * through the parameter forms.
     */
    @Test
    @org.junit.jupiter.api.Timeout(240)
    @DisplayName("On a tiny TCG guest: setIOThreadParams shows in the IOThread statistics, getJobStats reports no job, "
            + "and saveParams then domainRestoreParams bring it back running")
    void typedQemuGuest() throws java.io.IOException {
        require(TckCapability.QEMU_GUEST);
        String name = unique("tck-typed");
        UUID uuid = UUID.randomUUID();
        String xml = "<domain type='qemu'><name>" + name + "</name><uuid>" + uuid + "</uuid>"
                + "<memory unit='MiB'>64</memory><vcpu>1</vcpu><iothreads>1</iothreads>"
                + "<os><type arch='x86_64' machine='pc'>hvm</type></os>"
                + "<devices><video><model type='none'/></video></devices></domain>";
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("libvirt4j-tck-typed-");
        java.nio.file.Path image = dir.resolve("guest.save");
        try (Connect c = tck().openQemu(); Domain d = c.domainDefineXML(xml)) {
            try {
                d.create();
                d.setIOThreadParams(1, DomainSetIOThreadParams.builder().pollMaxNs(32_768L).pollGrow(4).build(),
                        DomainModificationImpact.LIVE);
                List<org.libvirt4j.DomainStats> stats = c.getAllDomainStats(List.of(d),
                        java.util.Set.of(org.libvirt4j.DomainStatsTypes.IOTHREAD));
                try (org.libvirt4j.DomainStats st = stats.get(0)) {
                    assertThat(st.params()).contains(TypedParameter.ofULLong("iothread.1.poll-max-ns", 32_768L));
                }
                expectError(ErrorNumber.ERR_INVALID_ARG, () -> d.setIOThreadParams(99,
                        DomainSetIOThreadParams.builder().pollMaxNs(1L).build(), DomainModificationImpact.LIVE));

                org.libvirt4j.DomainJobStats job = d.getJobStats(0);
                assertThat(job.jobType()).isEqualTo(org.libvirt4j.DomainJobType.NONE);

                java.nio.file.Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
                d.saveParams(org.libvirt4j.DomainSaveRestoreParams.builder().file(image.toString()).build(), 0);
                assertThat(d.getState().state()).isEqualTo(org.libvirt4j.DomainState.SHUTOFF);
                assertThat(image).exists();
                org.libvirt4j.DomainJobStats done = d.getJobStats(org.libvirt4j.DomainGetJobStatsFlags.COMPLETED);
                assertThat(done.jobType()).isEqualTo(org.libvirt4j.DomainJobType.COMPLETED);
                assertThat(done.operation()).hasValue(org.libvirt4j.DomainJobOperationType.SAVE.value());
                assertThat(done.timeElapsed()).isPresent();

                c.domainRestoreParams(org.libvirt4j.DomainSaveRestoreParams.builder().file(image.toString()).build(), 0);
                assertThat(d.getState().state()).isEqualTo(org.libvirt4j.DomainState.RUNNING);
                expectError(ErrorNumber.ERR_SYSTEM_ERROR, () -> c.domainRestoreParams(
                        org.libvirt4j.DomainSaveRestoreParams.builder().file(dir.resolve("none.save").toString()).build(), 0));
            } finally {
                if (d.isActive()) {
                    d.destroy();
                }
                d.undefine();
                java.nio.file.Files.deleteIfExists(image);
                java.nio.file.Files.deleteIfExists(dir);
            }
        }
    }

    /** Fails when a network port's bandwidth is not read or written through the network driver. */
    @Test
    @DisplayName("A network port created without bandwidth reports none; set averages read back")
    void typedNetworkPortParameters() {
        require(TckCapability.PRIVATE_DAEMON);
        String name = unique("tck-bwnet");
        String bridge = "tckw" + name.substring(name.length() - 8);
        UUID portUuid = UUID.randomUUID();
        try (Connect c = tck().openQemu();
                org.libvirt4j.Network n = c.networkDefineXML("<network><name>" + name + "</name><forward mode='bridge'/>"
                        + "<bridge name='" + bridge + "'/></network>")) {
            try {
                n.create();
                try (org.libvirt4j.NetworkPort p = n.portCreateXML("<networkport><uuid>" + portUuid + "</uuid>"
                        + "<owner><name>tck-vm</name><uuid>" + UUID.randomUUID() + "</uuid></owner>"
                        + "<mac address='52:54:00:12:34:57'/></networkport>", 0)) {
                    org.libvirt4j.NetworkPortParameters before = p.getParameters(0);
                    // a port created without bandwidth has none to report
                    assertThat(before.bandwidthInAverage()).isEmpty();
                    p.setParameters(org.libvirt4j.NetworkPortParameters.builder().bandwidthInAverage(1000)
                            .bandwidthOutAverage(2000).build(), 0);
                    org.libvirt4j.NetworkPortParameters after = p.getParameters(0);
                    assertThat(after.bandwidthInAverage()).hasValue(1000);
                    assertThat(after.bandwidthOutAverage()).hasValue(2000);
                    p.delete();
                }
            } finally {
                if (n.isActive()) {
                    n.destroy();
                }
                n.undefine();
            }
        }
    }

    /**
     * Fails when virDomainMigrateToURI3's client-side rules (which the remote backend repeats) or
     * its parameters on the wire differ from libvirt's: the same-host refusal for local URIs, and a
     * peer-to-peer call that reaches the daemon, which refuses an inactive domain.
     */
    @Test
    @DisplayName("migrateToURI3 peer to peer refuses local destinations, and an inactive domain is refused by the daemon")
    void typedMigrateToURI3() {
        require(TckCapability.PRIVATE_DAEMON);
        try (Connect c = tck().openQemu();
                Domain d = c.domainDefineXML(DaemonTck.tinyGuestXml(unique("tck-migrate"), UUID.randomUUID()))) {
            try {
                DomainMigrateParameters p = DomainMigrateParameters.builder().bandwidth(10L).migrateDisks(List.of("vda"))
                        .compression(List.of("xbzrle", "mt")).build();
                for (String local : List.of("qemu:///system", "qemu+tcp://localhost/system")) {
                    LibvirtException e = expectError(ErrorNumber.ERR_INVALID_ARG, () -> d.migrateToURI3(local, p,
                            org.libvirt4j.DomainMigrateFlags.PEER2PEER));
                    assertThat(e.getMessage()).isEqualTo("Attempt to migrate guest to the same host");
                    assertThat(e.domain()).isEqualTo(org.libvirt4j.ErrorDomain.DOMAIN);
                }
                LibvirtException e = expectError(ErrorNumber.ERR_OPERATION_INVALID, () -> d.migrateToURI3(
                        "qemu+unix:///system?socket=/nonexistent/tck.sock", p, org.libvirt4j.DomainMigrateFlags.PEER2PEER,
                        org.libvirt4j.DomainMigrateFlags.LIVE));
                assertThat(e.getMessage()).contains("not running");
                assertThat(p.compression()).containsExactly("xbzrle", "mt");
            } finally {
                d.undefine();
            }
        }
    }

    /**
     * The differential run's typed-parameter scenario: every generated function on the test
     * driver, its refusals included, each observation compared field by field across backends.
     *
     * @param c a connection to a fresh copy of {@link Fixtures#NODE}
     * @param o where the observations go
     */
    static void observe(Connect c, DifferentialTck.Observations o) {
        int liveAndConfig = DomainModificationImpact.LIVE.value() | DomainModificationImpact.CONFIG.value();
        try (Domain d = c.lookupDomainByName(RUNNING)) {
            o.record("blkio", () -> d.getBlkioParameters(0));
            o.record("setBlkio", () -> run(() -> d.setBlkioParameters(DomainBlkioParameters.builder().weight(400).build(), 0)));
            o.record("blkioAfter", () -> d.getBlkioParameters(0));
            o.record("setBlkioEmpty", () -> run(() -> d.setBlkioParameters(DomainBlkioParameters.builder().build(), 0)));
            o.record("setBlkioUnknown", () -> run(() -> d.setBlkioParameters(DomainBlkioParameters.builder()
                    .raw(TypedParameter.ofUInt("tck_newer_field", 1)).build(), 0)));
            // a raw entry of a field a component stands for is not sent: this is the empty list again
            o.record("setBlkioRawKnownOnly", () -> run(() -> d.setBlkioParameters(DomainBlkioParameters.builder()
                    .raw(TypedParameter.ofString(TypedParameterFields.DOMAIN_BLKIO_WEIGHT, "x")).build(), 0)));
            o.record("blkioLiveAndConfig", () -> d.getBlkioParameters(liveAndConfig));
            o.record("setBlkioLiveAndConfig", () -> run(() -> d.setBlkioParameters(
                    DomainBlkioParameters.builder().weight(400).build(), liveAndConfig)));
            o.record("blkioBadFlag", () -> d.getBlkioParameters(1 << 30));
            o.record("numa", () -> d.getNumaParameters(0));
            o.record("setNuma", () -> run(() -> d.setNumaParameters(DomainNumaParameters.builder().nodeset("0").build(), 0)));
            o.record("numaAfter", () -> d.getNumaParameters(0));
            o.record("perf", () -> d.getPerfEvents(0));
            o.record("setPerf", () -> run(() -> d.setPerfEvents(DomainPerfEvents.builder().cmt(true).build(), 0)));
            o.record("perfAfter", () -> d.getPerfEvents(0));
            o.record("ioTune", () -> d.getBlockIoTune("vda", 0));
            o.record("ioTuneNoDisk", () -> d.getBlockIoTune("tck-no-disk", 0));
            o.record("setIoTuneTooHigh", () -> run(() -> d.setBlockIoTune("vda",
                    DomainBlockIoTuneParameters.builder().totalBytesSec(10L).build(), 0)));
            o.record("interfaceNoNic", () -> d.getInterfaceParameters("tck-no-nic", 0));
            o.record("setInterfaceNoNic", () -> run(() -> d.setInterfaceParameters("tck-no-nic",
                    DomainInterfaceParameters.builder().bandwidthInAverage(1).build(), 0)));
            o.record("blockStatsFlags", () -> d.blockStatsFlags("vda", 0));
            o.record("jobStats", () -> d.getJobStats(0));
            o.record("launchSecurityInfo", () -> d.getLaunchSecurityInfo(0));
            o.record("setLaunchSecurityState", () -> run(() -> d.setLaunchSecurityState(
                    DomainLaunchSecurityStateParameters.builder().sevSecret("c2VjcmV0").build(), 0)));
            o.record("setIOThreadParams", () -> run(() -> d.setIOThreadParams(1,
                    DomainSetIOThreadParams.builder().pollMaxNs(100L).build(), 0)));
            DomainMigrateParameters mp = DomainMigrateParameters.builder().bandwidth(10L)
                    .migrateDisks(List.of("vda")).build();
            o.record("migrateDirect", () -> run(() -> d.migrateToURI3(null, mp, 0)));
            o.record("migrateP2P", () -> run(() -> d.migrateToURI3("test:///default", mp,
                    org.libvirt4j.DomainMigrateFlags.PEER2PEER)));
            o.record("migrateDiskAndInc", () -> run(() -> d.migrateToURI3("test:///default", mp,
                    org.libvirt4j.DomainMigrateFlags.PEER2PEER, org.libvirt4j.DomainMigrateFlags.NON_SHARED_DISK,
                    org.libvirt4j.DomainMigrateFlags.NON_SHARED_INC)));
            o.record("saveParamsNoFile", () -> run(() -> d.saveParams(
                    org.libvirt4j.DomainSaveRestoreParams.builder().build(), 0)));
        }
        o.record("nodeMemory", () -> c.getMemoryParameters(0));
        o.record("setNodeMemory", () -> run(() -> c.setMemoryParameters(
                NodeMemoryParameters.builder().sharedPagesToScan(100).build(), 0)));
        o.record("sevInfo", () -> c.getSEVInfo(0));
        o.record("setIdentity", () -> run(() -> c.setIdentity(ConnectIdentity.builder().userName("tck").build(), 0)));
        o.record("restoreParamsMissing", () -> run(() -> c.domainRestoreParams(
                org.libvirt4j.DomainSaveRestoreParams.builder().file("/nonexistent/tck.save").build(), 0)));
    }

    private static String run(Runnable call) {
        call.run();
        return "ok";
    }
}

package org.libvirt4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libvirt4j.tck.NodeFixture.RUNNING;
import static org.libvirt4j.tck.NodeFixture.SHUTOFF;

import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.libvirt4j.Connect;
import org.libvirt4j.Domain;
import org.libvirt4j.DomainBlockInfo;
import org.libvirt4j.DomainControlState;
import org.libvirt4j.DomainDiskError;
import org.libvirt4j.DomainDiskErrorCode;
import org.libvirt4j.DomainFSInfo;
import org.libvirt4j.DomainInterface;
import org.libvirt4j.DomainInterfaceAddressesSource;
import org.libvirt4j.DomainMemoryFlags;
import org.libvirt4j.DomainSnapshot;
import org.libvirt4j.DomainSnapshotListFlags;
import org.libvirt4j.IPAddrType;
import org.libvirt4j.SecurityLabel;
import org.libvirt4j.DomainIOThreadInfo;
import org.libvirt4j.DomainModificationImpact;
import org.libvirt4j.DomainVcpuInfo;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.KeycodeSet;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.VcpuState;

/**
 * The hand-written domain functions of irregular shape (struct results, CPU maps, key codes,
 * IOThread lists) on the test driver, which implements most of them: values read back, the
 * driver's refusals, and the shared argument contract. Tagged {@code irregular} so a runner can
 * pick this area alone ({@code -Dgroups=irregular}).
 */
@Tag("irregular")
public abstract class DomainIrregularTck extends TckArea {
    DomainIrregularTck() {
    }

    private static BitSet cpus(int... cpus) {
        BitSet s = new BitSet();
        for (int c : cpus) {
            s.set(c);
        }
        return s;
    }

    /** Fails when a string result with an out-parameter, or a struct result, is misread. */
    @Test
    @DisplayName("getSchedulerType, getBlockInfo, getControlInfo and getTime report the test driver's values")
    void structGetters() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING)) {
            assertThat(d.getSchedulerType()).isEqualTo("fair");
            assertThat(d.getBlockInfo("vda", 0))
                    .isEqualTo(new DomainBlockInfo(1099506450432L, 1099511627776L, 1099511627776L));
            assertThat(d.getControlInfo(0).state()).isEqualTo(DomainControlState.OK);
            assertThat(d.getControlInfo(0).details()).isZero();
            assertThat(d.getTime(0).seconds()).isEqualTo(627319920L);
            assertThat(d.getTime(0).nanoseconds()).isZero();
        }
    }

    /** Fails when a disk argument is not sent, or a failing struct call does not raise libvirt's error. */
    @Test
    @DisplayName("getBlockInfo of an unknown disk fails with ERR_INVALID_ARG; null and NUL are refused before libvirt")
    void blockInfoRefusals() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING)) {
            LibvirtException e = expectError(ErrorNumber.ERR_INVALID_ARG, () -> d.getBlockInfo("vdz", 0));
            assertThat(e.getMessage()).contains("vdz");
            expectNpe(() -> d.getBlockInfo(null, 0));
            expectNpe(() -> d.getBlockJobInfo(null, 0));
            expectError(ErrorNumber.ERR_INVALID_ARG, () -> d.getBlockInfo("vda\0x", 0));
        }
    }

    /** Fails when a binding reaches another C function or procedure than its own. */
    @Test
    @DisplayName("getJobInfo, getBlockJobInfo and getGuestVcpus fail with ERR_NO_SUPPORT naming their C function on the test driver")
    void noSupport() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING)) {
            Map<String, ThrowingCallable> calls = new LinkedHashMap<>();
            calls.put("virDomainGetJobInfo", d::getJobInfo);
            calls.put("virDomainGetBlockJobInfo", () -> d.getBlockJobInfo("vda", 0));
            calls.put("virDomainGetGuestVcpus", () -> d.getGuestVcpus(0));
            expectNoSupportNamingEach(calls);
        }
    }

    /** Fails when rename does not reach libvirt or sends the wrong name. */
    @Test
    @DisplayName("rename renames an inactive domain, found by its new name only; a running one is refused")
    void rename() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(SHUTOFF); Domain r = c.lookupDomainByName(RUNNING)) {
            d.rename("tck-renamed", 0);
            try (Domain again = c.lookupDomainByName("tck-renamed")) {
                assertThat(again.getUUID()).isEqualTo(d.getUUID());
            }
            expectError(ErrorNumber.ERR_NO_DOMAIN, () -> c.lookupDomainByName(SHUTOFF));
            expectError(ErrorNumber.ERR_OPERATION_INVALID, () -> r.rename("tck-other", 0));
            expectNpe(() -> r.rename(null, 0));
        }
    }

    /** Fails when vCPU structs or their CPU maps are misread (layout, map length, bit order). */
    @Test
    @DisplayName("getVcpus reports the running vCPU on the fixture's 8 host CPUs; pinVcpu narrows its map, read back "
            + "by getVcpus and getVcpuPinInfo")
    void vcpusAndPinning() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING)) {
            List<DomainVcpuInfo> v = d.getVcpus();
            assertThat(v).hasSize(1);
            assertThat(v.get(0).number()).isZero();
            assertThat(v.get(0).state()).isEqualTo(VcpuState.RUNNING);
            assertThat(v.get(0).cpuMap()).isEqualTo(cpus(0, 1, 2, 3, 4, 5, 6, 7));
            assertThat(d.getVcpuPinInfo(0)).containsExactly(cpus(0, 1, 2, 3, 4, 5, 6, 7));

            d.pinVcpu(0, cpus(1, 3));
            assertThat(d.getVcpus().get(0).cpuMap()).isEqualTo(cpus(1, 3));
            assertThat(d.getVcpus().get(0).cpu()).isIn(1, 3);
            assertThat(d.getVcpuPinInfo(DomainModificationImpact.LIVE)).containsExactly(cpus(1, 3));

            d.pinVcpuFlags(0, cpus(6), DomainModificationImpact.CURRENT);
            assertThat(d.getVcpuPinInfo(0)).containsExactly(cpus(6));
            expectNpe(() -> d.pinVcpu(0, null));
        }
    }

    /** Fails when an empty map (maplen 0) or a vCPU out of range is not refused as libvirt refuses it. */
    @Test
    @DisplayName("pinVcpu with an empty map fails with ERR_INVALID_ARG, with a vCPU out of range with ERR_INVALID_ARG")
    void pinRefusals() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING)) {
            expectError(ErrorNumber.ERR_INVALID_ARG, () -> d.pinVcpu(0, new BitSet()));
            expectError(ErrorNumber.ERR_INVALID_ARG, () -> d.pinVcpu(7, cpus(0)));
        }
    }

    /** Fails when the emulator's map is not sent or not read back. */
    @Test
    @DisplayName("getEmulatorPinInfo reports all 8 host CPUs; pinEmulator is accepted")
    void emulatorPinning() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING)) {
            assertThat(d.getEmulatorPinInfo(0)).isEqualTo(cpus(0, 1, 2, 3, 4, 5, 6, 7));
            d.pinEmulator(cpus(2), DomainModificationImpact.LIVE);
            expectNpe(() -> d.pinEmulator(null, 0));
        }
    }

    /** Fails when the IOThread list is misread or not freed, or pinIOThread sends the wrong id or map. */
    @Test
    @DisplayName("getIOThreadInfo lists an added IOThread and pinIOThread changes its map")
    void iothreads() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING)) {
            assertThat(d.getIOThreadInfo(0)).isEmpty();
            d.addIOThread(5, DomainModificationImpact.LIVE);
            List<DomainIOThreadInfo> t = d.getIOThreadInfo(DomainModificationImpact.LIVE);
            assertThat(t).extracting(DomainIOThreadInfo::iothreadId).containsExactly(5);
            d.pinIOThread(5, cpus(4), DomainModificationImpact.LIVE);
            assertThat(d.getIOThreadInfo(0)).containsExactly(new DomainIOThreadInfo(5, cpus(4)));
            expectError(ErrorNumber.ERR_INVALID_ARG, () -> d.pinIOThread(9, cpus(4), 0));
        }
    }

    /** Fails when key codes are not sent, or the count limits libvirt checks are not applied alike. */
    @Test
    @DisplayName("sendKey sends up to 16 key codes; none, or more than 16, fail with ERR_INVALID_ARG")
    void sendKey() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING)) {
            d.sendKey(KeycodeSet.LINUX.value(), 0, new int[] {1, 2, 3}, 0);
            d.sendKey(KeycodeSet.LINUX.value(), 10, new int[16], 0);
            expectError(ErrorNumber.ERR_INVALID_ARG, () -> d.sendKey(KeycodeSet.LINUX.value(), 0, new int[0], 0));
            expectError(ErrorNumber.ERR_INVALID_ARG, () -> d.sendKey(KeycodeSet.LINUX.value(), 0, new int[17], 0));
            expectNpe(() -> d.sendKey(0, 0, null, 0));
        }
    }

    /** Fails when a call on a closed handle reaches libvirt instead of failing as libvirt does. */
    @Test
    @DisplayName("Every hand-written call on a closed domain fails with ERR_INVALID_DOMAIN")
    void closedHandle() {
        try (Connect c = open()) {
            Domain d = c.lookupDomainByName(RUNNING);
            d.close();
            List<ThrowingCallable> calls = List.of(d::getSchedulerType, () -> d.getBlockInfo("vda", 0),
                    () -> d.getControlInfo(0), d::getJobInfo, () -> d.getTime(0), () -> d.rename("x", 0),
                    () -> d.sendKey(0, 0, new int[] {1}, 0), d::getVcpus, () -> d.pinVcpu(0, cpus(1)),
                    () -> d.getVcpuPinInfo(0), () -> d.getEmulatorPinInfo(0), () -> d.pinEmulator(cpus(1), 0),
                    () -> d.getIOThreadInfo(0), () -> d.pinIOThread(1, cpus(1), 0));
            for (ThrowingCallable call : calls) {
                expectError(ErrorNumber.ERR_INVALID_DOMAIN, call);
            }
        }
    }

    /** Fails when an array of structs with strings is misread or its strings not freed. */
    @Test
    @DisplayName("getDiskErrors reports vda's unspecified error; getFSInfo the test driver's two filesystems on vda")
    void diskErrorsAndFilesystems() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING)) {
            assertThat(d.getDiskErrors(0)).containsExactly(new DomainDiskError("vda", DomainDiskErrorCode.UNSPEC.value()));
            assertThat(d.getFSInfo(0)).containsExactly(new DomainFSInfo("/", "vda1", "ext4", List.of("vda")),
                    new DomainFSInfo("/boot", "vda2", "ext4", List.of("vda")));
        }
    }

    /** Fails when the mount points are not sent as a C string array (count and order). */
    @Test
    @DisplayName("fsFreeze of one mount point freezes one filesystem, fsThaw of all thaws it; null elements are refused")
    void freezeThaw() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING)) {
            assertThat(d.fsFreeze(List.of("/"), 0)).isEqualTo(1);
            assertThat(d.fsThaw(List.of(), 0)).isEqualTo(1);
            assertThat(d.fsFreeze(List.of(), 0)).isEqualTo(2);
            expectNpe(() -> d.fsFreeze(null, 0));
            expectNpe(() -> d.fsThaw(java.util.Arrays.asList("/", null), 0));
        }
    }

    /** Fails when nested arrays (interfaces, their addresses) are misread. */
    @Test
    @DisplayName("listAllInterfaceAddresses reports a guest interface's MAC and an IPv4 address")
    void interfaceAddresses() {
        try (Connect c = open(); Domain d = c.domainCreateXML("<domain type='test'><name>tck-ifaddr</name>"
                + "<memory unit='KiB'>65536</memory><os><type arch='x86_64'>hvm</type></os><devices>"
                + "<interface type='network'><source network='" + NodeFixture.NETWORK + "'/>"
                + "<mac address='52:54:00:11:22:33'/></interface></devices></domain>", 0)) {
            List<DomainInterface> ifaces = d.listAllInterfaceAddresses(DomainInterfaceAddressesSource.AGENT);
            assertThat(ifaces).hasSize(1);
            assertThat(ifaces.get(0).hwaddr()).isEqualTo("52:54:00:11:22:33");
            assertThat(ifaces.get(0).addrs()).isNotEmpty().allSatisfy(a -> {
                assertThat(a.type()).isEqualTo(IPAddrType.IPV4);
                assertThat(a.addr()).startsWith("192.168.");
                assertThat(a.prefix()).isEqualTo(24);
            });
            try (Domain r = c.lookupDomainByName(RUNNING)) {
                assertThat(r.listAllInterfaceAddresses(DomainInterfaceAddressesSource.LEASE)).isEmpty();
            }
        }
    }

    /** Fails when the fixed-size label buffer, the message array or the peek buffer is misread. */
    @Test
    @DisplayName("getSecurityLabel reports the test driver's label; getMessages no messages; memoryPeek its byte pattern")
    void securityLabels() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING)) {
            assertThat(d.getMessages(0)).isEmpty();
            // the test driver fills memory with the low byte of each address
            assertThat(new String(d.memoryPeek(100, 16, DomainMemoryFlags.VIRTUAL.value()),
                    java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("defghijklmnopqrs");
            SecurityLabel l = d.getSecurityLabel();
            assertThat(l.label()).isEqualTo("libvirt-test");
        }
    }

    /** Fails when the caller-sized name arrays are misread, or a name is freed twice or never. */
    @Test
    @DisplayName("listDomains, listDefinedDomains, snapshotListNames and listChildrenNames list the fixture's objects")
    void names() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING)) {
            assertThat(c.listDomains()).containsExactly(d.getID());
            assertThat(c.listDefinedDomains()).containsExactly(SHUTOFF);
            assertThat(d.snapshotListNames(0)).isEmpty();
            try (DomainSnapshot s1 = d.snapshotCreateXML("<domainsnapshot><name>s1</name></domainsnapshot>", 0);
                    DomainSnapshot s2 = d.snapshotCreateXML("<domainsnapshot><name>s2</name></domainsnapshot>", 0)) {
                assertThat(d.snapshotListNames(0)).containsExactlyInAnyOrder("s1", "s2");
                assertThat(d.snapshotListNames(DomainSnapshotListFlags.ROOTS)).containsExactly("s1");
                assertThat(s1.listChildrenNames(0)).containsExactly("s2");
                assertThat(s2.listChildrenNames(0)).isEmpty();
            }
        }
    }

    /** Fails when a binding reaches another C function or procedure than its own. */
    @Test
    @DisplayName("The authorized-key calls, blockPeek and getSecurityLabelList are refused by the test driver as libvirt's client reports it")
    void noSupportWave2() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING)) {
            Map<String, ThrowingCallable> calls = new LinkedHashMap<>();
            calls.put("virDomainAuthorizedSSHKeysGet", () -> d.authorizedSSHKeysGet("root", 0));
            calls.put("virDomainAuthorizedSSHKeysSet", () -> d.authorizedSSHKeysSet("root", List.of("ssh-ed25519 AAAA k"),
                    0));
            calls.put("virDomainBlockPeek", () -> d.blockPeek("vda", 0, 16, 0));
            calls.put("virDomainBlockCopy", () -> d.blockCopy("vda", "<disk type='file'><source file='/tmp/x'/></disk>",
                    org.libvirt4j.DomainBlockCopyParameters.NONE, 0));
            expectNoSupportNamingEach(calls);
            // libvirtd answers this failure with a reply carrying -1 and no error, which libvirt's
            // client reports as the generic failure: through a daemon that is what every backend gives
            if (viaDaemon()) {
                LibvirtException e = expectError(ErrorNumber.ERR_INTERNAL_ERROR, d::getSecurityLabelList);
                assertThat(e.getMessage()).isEqualTo("An error occurred, but the cause is unknown");
            } else {
                expectNoSupportNamingEach(Map.of("virDomainGetSecurityLabelList", d::getSecurityLabelList));
            }
            expectNpe(() -> d.authorizedSSHKeysGet(null, 0));
            expectNpe(() -> d.authorizedSSHKeysSet("root", null, 0));
            expectNpe(() -> d.blockCopy("vda", "<disk/>", null, 0));
        }
    }

    /** Fails when a parent handle lacks its own reference (freed twice, or the connection closing under it). */
    @Test
    @DisplayName("getConnect and the snapshot's and checkpoint's getDomain and getConnect give handles of their own")
    void parents() {
        Connect c = open();
        Domain d = c.lookupDomainByName(RUNNING);
        try {
            Connect again = d.getConnect();
            c.close();
            try (again) {
                assertThat(again.listDefinedDomains()).containsExactly(SHUTOFF);
                try (org.libvirt4j.DomainCheckpoint cp = d.checkpointCreateXML(
                        "<domaincheckpoint><name>k1</name></domaincheckpoint>");
                        Domain parent = cp.getDomain(); Connect cc = cp.getConnect()) {
                    assertThat(parent.getName()).isEqualTo(RUNNING);
                    assertThat(cc.listDefinedDomains()).containsExactly(SHUTOFF);
                    cp.delete(0); // the test driver takes no snapshot while a checkpoint exists
                }
                try (DomainSnapshot s = d.snapshotCreateXML("<domainsnapshot><name>p1</name></domainsnapshot>", 0);
                        Domain parent = s.getDomain(); Connect sc = s.getConnect()) {
                    assertThat(parent.getUUID()).isEqualTo(d.getUUID());
                    assertThat(sc.listDomains()).containsExactly(d.getID());
                }
            }
        } finally {
            d.close();
        }
        expectError(ErrorNumber.ERR_INVALID_DOMAIN, d::getConnect);
    }

    /** Fails when per-CPU typed parameters are split at the wrong stride, or the total is misread. */
    @Test
    @DisplayName("getCPUStats reports cpu_time and vcpu_time for each host CPU the test driver has, for one of them, and in total")
    void cpuStats() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING)) {
            // the test driver reports two host CPUs of fixed times, whatever its node says
            List<org.libvirt4j.DomainCPUStats> all = d.getCPUStats(0, 0, 0);
            assertThat(all).hasSize(2).allSatisfy(s -> {
                assertThat(s.cpuTime()).isPresent();
                assertThat(s.vcpuTime()).isPresent();
                assertThat(s.userTime()).isEmpty();
            });
            assertThat(all.get(0).cpuTime()).hasValue(24386308517L);
            assertThat(d.getCPUStats(1, 1, 0)).containsExactly(all.get(1));
            List<org.libvirt4j.DomainCPUStats> total = d.getCPUStats(-1, 1, 0);
            assertThat(total).singleElement().satisfies(s -> assertThat(s.cpuTime()).isPresent());
            expectError(ErrorNumber.ERR_INVALID_ARG, () -> d.getCPUStats(-2, 1, 0));
        }
    }

    /** The pattern at offset 512 of the guest's disk image. */
    private static final byte[] DISK_PATTERN = "libvirt4j-peek!!".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /**
     * Fails when a call the test driver lacks does not reach QEMU correctly: key codes, CPU maps,
     * IOThread lists, disk bytes; or when a guest-agent call without an agent is not refused as
     * libvirt refuses it. Check the daemon log named in the error when the guest does not start.
     */
    @Test
    @org.junit.jupiter.api.Timeout(180)
    @DisplayName("On a tiny TCG guest: sendKey, vCPU, emulator and IOThread pinning read back, blockPeek reads the "
            + "disk image, block/job/control info; agent calls are refused for want of an agent")
    void qemuGuest() throws java.io.IOException {
        require(org.libvirt4j.tck.TckCapability.QEMU_GUEST);
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("libvirt4j-tck-shapes-");
        java.nio.file.Path image = dir.resolve("disk.img");
        byte[] disk = new byte[1 << 20];
        System.arraycopy(DISK_PATTERN, 0, disk, 512, DISK_PATTERN.length);
        java.nio.file.Files.write(image, disk);
        String name = unique("tck-shapes");
        String xml = "<domain type='qemu'><name>" + name + "</name>"
                + "<memory unit='MiB'>64</memory><vcpu>1</vcpu><iothreads>1</iothreads>"
                + "<os><type arch='x86_64' machine='pc'>hvm</type></os><devices>"
                + "<disk type='file' device='disk'><driver name='qemu' type='raw'/><source file='" + image + "'/>"
                + "<target dev='vda' bus='virtio'/></disk>"
                + "<channel type='unix'><target type='virtio' name='org.qemu.guest_agent.0'/></channel>"
                + "</devices></domain>";
        try (Connect c = tck().openQemu(); Domain d = c.domainCreateXML(xml, 0)) {
            try {
                // QEMU answers from the CPU cgroup controller; where the host has none it refuses
                LibvirtException noCgroup = org.assertj.core.api.Assertions.catchThrowableOfType(LibvirtException.class,
                        () -> assertThat(d.getSchedulerType()).isEqualTo("posix"));
                if (noCgroup != null) {
                    assertThat(noCgroup.code()).isEqualTo(ErrorNumber.ERR_OPERATION_INVALID);
                    assertThat(noCgroup.getMessage()).contains("cgroup CPU controller is not mounted");
                }
                d.sendKey(KeycodeSet.LINUX.value(), 50, new int[] {30, 48}, 0);
                assertThat(d.getControlInfo(0).state()).isEqualTo(DomainControlState.OK);
                assertThat(d.getJobInfo().type()).isEqualTo(org.libvirt4j.DomainJobType.NONE);
                assertThat(d.getBlockJobInfo("vda", 0)).isNull();
                assertThat(d.getBlockInfo("vda", 0).capacity()).isEqualTo(disk.length);
                assertThat(d.blockPeek("vda", 512, DISK_PATTERN.length, 0)).isEqualTo(DISK_PATTERN);
                assertThat(d.getDiskErrors(0)).isEmpty();

                // a real block copy: a mirror job of type COPY shows up on vda until it is cancelled
                java.nio.file.Path copy = dir.resolve("copy.img");
                d.blockCopy("vda", "<disk type='file'><source file='" + copy + "'/><driver type='raw'/></disk>",
                        new org.libvirt4j.DomainBlockCopyParameters(java.util.OptionalLong.of(1L << 20),
                                java.util.OptionalInt.empty(), java.util.OptionalLong.empty()), 0);
                try {
                    org.libvirt4j.DomainBlockJobInfo job = d.getBlockJobInfo("vda", 0);
                    assertThat(job).isNotNull();
                    assertThat(job.type()).isEqualTo(org.libvirt4j.DomainBlockJobType.COPY);
                    assertThat(job.end()).isPositive();
                } finally {
                    d.blockJobAbort("vda", 0);
                    java.nio.file.Files.deleteIfExists(copy);
                }

                List<DomainVcpuInfo> v = d.getVcpus();
                assertThat(v).singleElement().satisfies(i -> {
                    assertThat(i.state()).isEqualTo(VcpuState.RUNNING);
                    assertThat(i.cpuMap().get(0)).isTrue();
                });
                d.pinVcpu(0, cpus(0));
                assertThat(d.getVcpuPinInfo(0)).containsExactly(cpus(0));
                assertThat(d.getVcpus().get(0).cpuMap()).isEqualTo(cpus(0));
                d.pinEmulator(cpus(0), DomainModificationImpact.LIVE);
                assertThat(d.getEmulatorPinInfo(DomainModificationImpact.LIVE)).isEqualTo(cpus(0));
                assertThat(d.getIOThreadInfo(0)).extracting(DomainIOThreadInfo::iothreadId).containsExactly(1);
                d.pinIOThread(1, cpus(0), DomainModificationImpact.LIVE);
                assertThat(d.getIOThreadInfo(0)).containsExactly(new DomainIOThreadInfo(1, cpus(0)));
                expectError(ErrorNumber.ERR_OPERATION_INVALID, () -> d.rename(name + "-x", 0));

                // a guest-agent channel without an agent behind it: every agent call is refused alike
                List<ThrowingCallable> agent = List.of(() -> d.getTime(0), () -> d.getFSInfo(0),
                        () -> d.fsFreeze(List.of(), 0), () -> d.fsThaw(List.of(), 0),
                        () -> d.authorizedSSHKeysGet("root", 0), () -> d.getGuestVcpus(0),
                        () -> d.listAllInterfaceAddresses(DomainInterfaceAddressesSource.AGENT));
                for (ThrowingCallable call : agent) {
                    LibvirtException e = expectError(ErrorNumber.ERR_AGENT_UNRESPONSIVE, call);
                    assertThat(e.getMessage()).contains("agent");
                }
            } finally {
                d.destroy();
            }
        } finally {
            java.nio.file.Files.deleteIfExists(image);
            java.nio.file.Files.deleteIfExists(dir);
        }
    }
}

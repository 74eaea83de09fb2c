package org.libvirt4j.tck;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.libvirt4j.Connect;
import org.libvirt4j.Domain;
import org.libvirt4j.DomainInterfaceAddressesSource;
import org.libvirt4j.DomainMemoryFlags;
import org.libvirt4j.DomainModificationImpact;
import org.libvirt4j.DomainSnapshot;
import org.libvirt4j.KeycodeSet;

/**
 * The differential scenario of the hand-written domain shapes: each value, refusal and
 * argument check libvirt's C client produces, recorded so every backend must match it exactly
 * (code, domain, level and message of each error).
 */
final class IrregularScenario {
    private IrregularScenario() {
    }

    private static BitSet cpus(int... cpus) {
        BitSet s = new BitSet();
        for (int c : cpus) {
            s.set(c);
        }
        return s;
    }

    private static String ok(Runnable call) {
        call.run();
        return "ok";
    }

    static void observe(Connect c, DifferentialTck.Observations o) {
        try (Domain d = c.lookupDomainByName(NodeFixture.RUNNING); Domain off = c.lookupDomainByName(NodeFixture.SHUTOFF)) {
            o.record("schedulerType", d::getSchedulerType);
            o.record("blockInfo", () -> d.getBlockInfo("vda", 0));
            o.record("blockInfoUnknown", () -> d.getBlockInfo("vdz", 0));
            o.record("blockInfoNul", () -> d.getBlockInfo("vda\0x", 0));
            o.record("blockInfoFlags", () -> d.getBlockInfo("vda", 1));
            o.record("controlInfo", () -> d.getControlInfo(0));
            o.record("controlInfoFlags", () -> d.getControlInfo(1));
            o.record("jobInfo", d::getJobInfo);
            o.record("blockJobInfo", () -> d.getBlockJobInfo("vda", 0));
            o.record("time", () -> d.getTime(0));
            o.record("timeFlags", () -> d.getTime(1));
            // CPU time moves on between backends' runs: every other field is compared
            o.record("vcpus", () -> d.getVcpus().stream().map(v -> List.of(v.number(), v.stateValue(), v.cpu(),
                    v.cpuMap())).toList());
            o.record("vcpusInactive", off::getVcpus);
            o.record("vcpuPinInfo", () -> d.getVcpuPinInfo(0));
            o.record("vcpuPinInfoConfig", () -> d.getVcpuPinInfo(DomainModificationImpact.CONFIG));
            o.record("pinEmpty", () -> ok(() -> d.pinVcpu(0, new BitSet())));
            o.record("pinOutOfRange", () -> ok(() -> d.pinVcpu(7, cpus(0))));
            o.record("pinFlagsLive", () -> ok(() -> d.pinVcpuFlags(0, cpus(1), DomainModificationImpact.LIVE)));
            o.record("pin", () -> ok(() -> d.pinVcpu(0, cpus(1, 3))));
            o.record("vcpuPinInfoAfter", () -> d.getVcpuPinInfo(0));
            o.record("pinWide", () -> ok(() -> d.pinVcpu(0, cpus(200))));
            o.record("emulatorPinInfo", () -> d.getEmulatorPinInfo(0));
            o.record("pinEmulatorEmpty", () -> ok(() -> d.pinEmulator(new BitSet(), 0)));
            o.record("iothreadsNone", () -> d.getIOThreadInfo(0));
            o.record("pinIOThreadMissing", () -> ok(() -> d.pinIOThread(9, cpus(4), 0)));
            o.record("addIOThread", () -> ok(() -> d.addIOThread(5, DomainModificationImpact.LIVE)));
            o.record("pinIOThread", () -> ok(() -> d.pinIOThread(5, cpus(4), 0)));
            o.record("iothreads", () -> d.getIOThreadInfo(0));
            o.record("sendKey", () -> ok(() -> d.sendKey(KeycodeSet.LINUX.value(), 0, new int[] {1, 2}, 0)));
            o.record("sendKeyNone", () -> ok(() -> d.sendKey(KeycodeSet.LINUX.value(), 0, new int[0], 0)));
            o.record("sendKeyTooMany", () -> ok(() -> d.sendKey(KeycodeSet.LINUX.value(), 0, new int[17], 0)));
            o.record("sendKeyBadCodeset", () -> ok(() -> d.sendKey(999, 0, new int[] {1}, 0)));
            o.record("renameRunning", () -> ok(() -> d.rename("diff-renamed", 0)));
            o.record("renameEmpty", () -> ok(() -> off.rename("", 0)));
            o.record("rename", () -> ok(() -> off.rename("diff-renamed", 0)));
            o.record("definedAfterRename", c::listDefinedDomains);
            o.record("diskErrors", () -> d.getDiskErrors(0));
            o.record("fsInfo", () -> d.getFSInfo(0));
            o.record("fsFreeze", () -> d.fsFreeze(List.of("/"), 0));
            o.record("fsFreezeUnknown", () -> d.fsFreeze(List.of("/nowhere"), 0));
            o.record("fsThaw", () -> d.fsThaw(List.of(), 0));
            o.record("ifaddrLease", () -> d.listAllInterfaceAddresses(DomainInterfaceAddressesSource.LEASE));
            o.record("ifaddrBadSource", () -> d.listAllInterfaceAddresses(7, 0));
            o.record("securityLabel", d::getSecurityLabel);
            o.record("securityLabelList", d::getSecurityLabelList);
            o.record("messages", () -> d.getMessages(0));
            o.record("guestVcpus", () -> d.getGuestVcpus(0));
            o.record("sshKeysGet", () -> d.authorizedSSHKeysGet("root", 0));
            o.record("sshKeysSet", () -> ok(() -> d.authorizedSSHKeysSet("root", List.of("k"), 0)));
            o.record("blockPeek", () -> Arrays.toString(d.blockPeek("vda", 0, 8, 0)));
            o.record("memoryPeek", () -> Arrays.toString(d.memoryPeek(100, 8, DomainMemoryFlags.VIRTUAL.value())));
            o.record("memoryPeekNoFlag", () -> Arrays.toString(d.memoryPeek(100, 8, 0)));
            // CPU times move on between backends' runs: which fields each CPU reports is compared
            o.record("cpuStats", () -> d.getCPUStats(0, 0, 0).stream().map(st -> List.of(st.cpuTime().isPresent(),
                    st.userTime().isPresent(), st.systemTime().isPresent(), st.vcpuTime().isPresent())).toList());
            o.record("cpuStatsTotal", () -> d.getCPUStats(-1, 1, 0).stream().map(st -> List.of(st.cpuTime().isPresent(),
                    st.userTime().isPresent(), st.systemTime().isPresent(), st.vcpuTime().isPresent())).toList());
            o.record("cpuStatsBadStart", () -> d.getCPUStats(-2, 1, 0));
            o.record("cpuStatsBeyond", () -> d.getCPUStats(9, 1, 0));
            o.record("blockCopy", () -> ok(() -> d.blockCopy("vda", "<disk type='file'><source file='/nowhere/x'/></disk>",
                    new org.libvirt4j.DomainBlockCopyParameters(java.util.OptionalLong.of(1L << 20),
                            java.util.OptionalInt.of(65536), java.util.OptionalLong.of(1L << 20)), 0)));
            o.record("listDomains", c::listDomains);
            o.record("listDefinedDomains", c::listDefinedDomains);
            try (DomainSnapshot s1 = d.snapshotCreateXML("<domainsnapshot><name>d1</name></domainsnapshot>", 0);
                    DomainSnapshot s2 = d.snapshotCreateXML("<domainsnapshot><name>d2</name></domainsnapshot>", 0)) {
                o.record("snapshotNames", () -> d.snapshotListNames(0).stream().sorted().toList());
                o.record("snapshotRoots", () -> d.snapshotListNames(org.libvirt4j.DomainSnapshotListFlags.ROOTS));
                o.record("children", () -> s1.listChildrenNames(0));
                o.record("childrenOfLeaf", () -> s2.listChildrenNames(0));
            }
        }
    }
}

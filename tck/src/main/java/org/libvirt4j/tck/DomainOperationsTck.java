package org.libvirt4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libvirt4j.tck.NodeFixture.RUNNING;
import static org.libvirt4j.tck.NodeFixture.SHUTOFF;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.libvirt4j.Connect;
import org.libvirt4j.Domain;
import org.libvirt4j.DomainModificationImpact;
import org.libvirt4j.DomainSnapshot;
import org.libvirt4j.DomainSnapshotListFlags;
import org.libvirt4j.DomainState;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;

/**
 * The domain functions bound from {@code codegen/bindings.table} (generated on every backend
 * from one description): results on the test driver where it implements them, libvirt's own
 * refusal naming the C function where it does not, and the shared argument contract.
 */
public abstract class DomainOperationsTck extends TckArea {
    DomainOperationsTck() {
    }

    /** Fails when a string result is not read or not freed correctly, or the call reaches another function. */
    @Test
    @DisplayName("getHostname, getMaxVcpus and isUpdated report the test driver's values")
    void simpleGetters() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING)) {
            assertThat(d.getHostname()).isEqualTo(RUNNING + "host");
            assertThat(d.getMaxVcpus()).isEqualTo(2);
            assertThat(d.isUpdated()).isFalse();
        }
    }

    /** Fails when a boolean, a count or a returned handle is decoded wrongly on some backend. */
    @Test
    @DisplayName("hasCurrentSnapshot, snapshotNum, snapshotCurrent, numChildren and hasMetadata follow a new snapshot")
    void snapshotQueries() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING)) {
            assertThat(d.hasCurrentSnapshot(0)).isFalse();
            assertThat(d.snapshotNum()).isZero();
            expectError(ErrorNumber.ERR_NO_DOMAIN_SNAPSHOT, () -> d.snapshotCurrent(0));
            try (DomainSnapshot s = d.snapshotCreateXML("<domainsnapshot><name>gen1</name></domainsnapshot>")) {
                assertThat(d.hasCurrentSnapshot(0)).isTrue();
                assertThat(d.snapshotNum()).isEqualTo(1);
                assertThat(d.snapshotNum(DomainSnapshotListFlags.ROOTS)).isEqualTo(1);
                try (DomainSnapshot current = d.snapshotCurrent(0)) {
                    assertThat(current.getName()).isEqualTo("gen1");
                }
                assertThat(s.numChildren()).isZero();
                assertThat(s.hasMetadata(0)).isTrue();
            }
        }
    }

    /** Fails when save, the image's XML or restore miss their file, or a backend sends the wrong path. */
    @Test
    @DisplayName("save stops the domain, domainSaveImageGetXMLDesc reads the image, domainRestore starts it again")
    void saveRestore() throws IOException {
        Path dir = Files.createTempDirectory("libvirt4j-save");
        Path image = dir.resolve("tck-running.save");
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING)) {
            d.save(image.toString());
            assertThat(d.getState().state()).isEqualTo(DomainState.SHUTOFF);
            assertThat(image).isRegularFile();
            assertThat(parse(c.domainSaveImageGetXMLDesc(image.toString())).getElementsByTagName("name").item(0)
                    .getTextContent()).isEqualTo(RUNNING);
            LibvirtException missing = expectError(ErrorNumber.ERR_SYSTEM_ERROR,
                    () -> c.domainSaveImageDefineXML(dir.resolve("missing.save").toString(), "<domain/>"));
            assertThat(missing.getMessage()).contains("missing.save");
            c.domainRestore(image.toString());
            assertThat(d.getState().state()).isEqualTo(DomainState.RUNNING);
            expectError(ErrorNumber.ERR_OPERATION_INVALID, () -> {
                try (Domain off = c.lookupDomainByName(SHUTOFF)) {
                    off.saveFlags(dir.resolve("x").toString(), null);
                }
            });
        } finally {
            deleteTree(dir);
        }
    }

    /** Fails when a dump's path or format argument is lost on the way. */
    @Test
    @DisplayName("coreDump and coreDumpWithFormat write the dump file")
    void coreDump() throws IOException {
        Path dir = Files.createTempDirectory("libvirt4j-dump");
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING)) {
            d.coreDump(dir.resolve("a.core").toString());
            d.coreDumpWithFormat(dir.resolve("b.core").toString(), 0);
            assertThat(dir.resolve("a.core")).isRegularFile();
            assertThat(dir.resolve("b.core")).isRegularFile();
        } finally {
            deleteTree(dir);
        }
    }

    /** Fails when a generated call that the test driver implements throws, or a refusal differs. */
    @Test
    @DisplayName("guest and tuning calls succeed on a running domain and are refused on a stopped one")
    void guestCalls() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING); Domain off = c.lookupDomainByName(SHUTOFF)) {
            d.injectNMI(0);
            d.sendProcessSignal(1, 15, 0);
            d.setUserPassword("root", "secret");
            d.setTime(1_700_000_000L, 0);
            d.fsTrim(null, 0, 0);
            d.setLifecycleAction(0, 1, DomainModificationImpact.LIVE);
            d.setMemoryStatsPeriod(5);
            for (ThrowingCallable call : List.<ThrowingCallable>of(() -> off.injectNMI(0),
                    () -> off.setUserPassword("root", "secret"), () -> off.fsTrim(null, 0, 0), () -> off.getHostname())) {
                expectError(ErrorNumber.ERR_OPERATION_INVALID, call);
            }
        }
    }

    /** Fails when the IOThread id or the modification-impact flags are not passed through. */
    @Test
    @DisplayName("addIOThread adds an IOThread to the definition and delIOThread removes it")
    void ioThreads() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(SHUTOFF)) {
            d.addIOThread(7, DomainModificationImpact.CONFIG);
            assertThat(d.getXMLDesc()).contains("<iothread id='7'/>");
            d.delIOThread(7, DomainModificationImpact.CONFIG);
            assertThat(d.getXMLDesc()).doesNotContain("<iothread id='7'/>");
        }
    }

    /**
     * Fails when a generated binding reaches another C function or procedure than its own: the
     * test driver refuses each of these with libvirt's ERR_NO_SUPPORT naming the function called.
     */
    @Test
    @DisplayName("calls the test driver lacks are refused with ERR_NO_SUPPORT naming their own C function")
    void unsupportedCallsNameTheirFunction() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING)) {
            Map<String, ThrowingCallable> calls = new java.util.LinkedHashMap<>();
            calls.put("virDomainAbortJob", d::abortJob);
            calls.put("virDomainAbortJobFlags", () -> d.abortJobFlags());
            calls.put("virDomainMigrateGetCompressionCache", () -> d.migrateGetCompressionCache(0));
            calls.put("virDomainMigrateSetCompressionCache", () -> d.migrateSetCompressionCache(1 << 20, 0));
            calls.put("virDomainMigrateGetMaxDowntime", () -> d.migrateGetMaxDowntime(0));
            calls.put("virDomainMigrateSetMaxDowntime", () -> d.migrateSetMaxDowntime(100, 0));
            calls.put("virDomainMigrateGetMaxSpeed", () -> d.migrateGetMaxSpeed());
            calls.put("virDomainMigrateSetMaxSpeed", () -> d.migrateSetMaxSpeed(100));
            calls.put("virDomainMigrateStartPostCopy", () -> d.migrateStartPostCopy(0));
            calls.put("virDomainStartDirtyRateCalc", () -> d.startDirtyRateCalc(1));
            calls.put("virDomainBlockCommit", () -> d.blockCommit("vda", null, null, 0));
            calls.put("virDomainBlockJobAbort", () -> d.blockJobAbort("vda"));
            calls.put("virDomainBlockJobSetSpeed", () -> d.blockJobSetSpeed("vda", 1));
            calls.put("virDomainBlockPull", () -> d.blockPull("vda", 0));
            calls.put("virDomainBlockRebase", () -> d.blockRebase("vda", null, 0));
            calls.put("virDomainBlockResize", () -> d.blockResize("vda", 1024));
            calls.put("virDomainSetBlockThreshold", () -> d.setBlockThreshold("vda", 1024, 0));
            calls.put("virDomainDetachDeviceAlias", () -> d.detachDeviceAlias("ua-disk"));
            calls.put("virDomainBackupBegin", () -> d.backupBegin("<domainbackup/>", null));
            calls.put("virDomainBackupGetXMLDesc", () -> d.backupGetXMLDesc(0));
            calls.put("virDomainManagedSaveGetXMLDesc", () -> d.managedSaveGetXMLDesc());
            calls.put("virDomainManagedSaveDefineXML", () -> d.managedSaveDefineXML(null));
            calls.put("virDomainPMSuspendForDuration", () -> d.pmSuspendForDuration(0, 0, 0));
            calls.put("virDomainPMWakeup", () -> d.pmWakeup(0));
            calls.put("virDomainAgentSetResponseTimeout", () -> d.agentSetResponseTimeout(5, 0));
            calls.put("virDomainSetVcpu", () -> d.setVcpu("1", 0));
            calls.put("virDomainSetGuestVcpus", () -> d.setGuestVcpus("1", 0, 0));
            expectNoSupportNamingEach(calls);
        }
    }

    /** Fails when a raw flags mask is not passed through as given (Go's integer flags). */
    @Test
    @DisplayName("a flag bit newer than the binding reaches libvirt and is refused there")
    void rawFlagsPassThrough() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING)) {
            LibvirtException e = expectError(ErrorNumber.ERR_INVALID_ARG, () -> d.getHostname(1 << 30));
            assertThat(e.getMessage()).contains("0x40000000");
        }
    }

    /** Fails when the shared argument contract is not applied to generated methods. */
    @Test
    @DisplayName("generated methods refuse null and NUL strings, and calls on a closed handle")
    @SuppressWarnings("try")
    void contract() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING)) {
            expectNpe(() -> d.blockResize(null, 1));
            expectNpe(() -> c.domainRestore(null));
            LibvirtException nul = expectError(ErrorNumber.ERR_INVALID_ARG, () -> d.blockResize("v\0da", 1));
            assertThat(nul.getMessage()).contains("NUL");
            d.close();
            LibvirtException closed = expectError(ErrorNumber.ERR_INVALID_DOMAIN, d::getHostname);
            assertThat(closed.getMessage()).contains("virDomainGetHostname");
        }
    }

    private static void deleteTree(Path dir) {
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.libvirt4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.libvirt4j.tck.NodeFixture.*;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.libvirt4j.Connect;
import org.libvirt4j.ConnectListAllDomainsFlags;
import org.libvirt4j.Domain;
import org.libvirt4j.DomainCheckpoint;
import org.libvirt4j.DomainSnapshot;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.Interface;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.Network;
import org.libvirt4j.NodeDevice;
import org.libvirt4j.StoragePool;
import org.libvirt4j.StorageVol;
import org.libvirt4j.Stream;

/** Misuse that must never crash the JVM: nulls, closed handles, double close, racing close, forgotten handles. */
public abstract class MisuseTck extends TckArea {
    MisuseTck() {
    }

    /** Fails when a null reaches libvirt instead of the API's requireNonNull check. */
    @Test
    @DisplayName("Null arguments to Connect methods give NullPointerException")
    void nullConnectArgs() {
        try (Connect c = open()) {
            expectNpe(() -> c.lookupDomainByName(null));
            expectNpe(() -> c.lookupDomainByUUID(null));
            expectNpe(() -> c.lookupDomainByUUIDString(null));
            expectNpe(() -> c.domainDefineXML(null));
            expectNpe(() -> c.domainCreateXML(null));
            expectNpe(() -> c.lookupNetworkByName(null));
            expectNpe(() -> c.networkDefineXML(null));
            expectNpe(() -> c.lookupStoragePoolByName(null));
            expectNpe(() -> c.lookupStorageVolByPath(null));
            expectNpe(() -> c.lookupInterfaceByName(null));
            expectNpe(() -> c.lookupNodeDeviceByName(null));
            expectNpe(() -> c.secretDefineXML(null));
            expectNpe(() -> c.lookupSecretByUsage(null, "x"));
            expectNpe(() -> c.nwfilterDefineXML(null));
            expectNpe(() -> c.lookupNWFilterBindingByPortDev(null));
        }
    }

    /** Fails when a null flag array or a null flag element is passed on instead of rejected. */
    @Test
    @DisplayName("A null flags array or a null flag gives NullPointerException")
    void nullFlags() {
        try (Connect c = open()) {
            expectNpe(() -> c.listAllDomains((ConnectListAllDomainsFlags[]) null));
            expectNpe(() -> c.listAllDomains(ConnectListAllDomainsFlags.ACTIVE, null));
        }
    }

    /**
     * Fails when an {@code UNRECOGNIZED} constant (a number the binding could not decode, no bit)
     * among flags or statistics groups escapes as {@code IllegalStateException}, is dropped, or
     * reaches libvirt, instead of the ERR_INVALID_ARG {@code LibvirtEnum.mask} gives naming the parameter.
     */
    @Test
    @DisplayName("An UNRECOGNIZED constant among flags or stats types gives ERR_INVALID_ARG naming the parameter")
    void unrecognizedFlags() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING)) {
            assertThat(expectError(ErrorNumber.ERR_INVALID_ARG, () -> c.getAllDomainStats(List.of(),
                    java.util.EnumSet.allOf(org.libvirt4j.DomainStatsTypes.class))).getMessage())
                    .contains("DomainStatsTypes.UNRECOGNIZED", "'statsTypes'");
            assertThat(expectError(ErrorNumber.ERR_INVALID_ARG, () -> c.getAllDomainStats(List.of(d),
                    java.util.Set.of(org.libvirt4j.DomainStatsTypes.UNRECOGNIZED))).getMessage())
                    .contains("'statsTypes'");
            assertThat(expectError(ErrorNumber.ERR_INVALID_ARG, () -> d.getMemoryParameters(
                    org.libvirt4j.DomainModificationImpact.LIVE, org.libvirt4j.DomainModificationImpact.UNRECOGNIZED))
                    .getMessage()).contains("DomainModificationImpact.UNRECOGNIZED", "'flags'");
            assertThat(c.getAllDomainStats(List.of(), java.util.EnumSet.complementOf(
                    java.util.EnumSet.of(org.libvirt4j.DomainStatsTypes.UNRECOGNIZED)))).isNotEmpty().allSatisfy(s -> s.close());
        }
    }

    /** Fails when a null reaches libvirt through an object method. */
    @Test
    @DisplayName("Null arguments to Domain, pool and stream methods give NullPointerException")
    void nullObjectArgs() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING); StoragePool p = c.lookupStoragePoolByName(POOL);
                Stream s = c.newStream()) {
            expectNpe(() -> d.snapshotCreateXML(null));
            expectNpe(() -> d.snapshotLookupByName(null));
            expectNpe(() -> d.setMemoryParameters(null));
            expectNpe(() -> d.setSchedulerParameters(null));
            expectNpe(() -> d.screenshot(null, 0));
            expectNpe(() -> p.lookupStorageVolByName(null));
            expectNpe(() -> p.storageVolCreateXML(null));
            expectNpe(() -> s.recv((byte[]) null));
            expectNpe(() -> s.send((byte[]) null));
            expectNpe(() -> s.recv((java.nio.ByteBuffer) null));
            expectNpe(() -> s.send((java.nio.ByteBuffer) null));
            expectNpe(() -> s.recv(null, 0, 0));
            expectNpe(() -> s.send(null, 0, 0));
        }
    }

    /** Fails when the null check of Libvirt's entry points is missing. */
    @Test
    @DisplayName("Null URIs give NullPointerException before any backend is asked")
    void nullEntryPoints() {
        expectNpe(() -> tck().connector().newConnect(null));
        expectNpe(() -> tck().connector().newConnectReadOnly(null));
        expectNpe(() -> tck().connector().newConnectWithAuth(null, null));
    }

    /** Fails when a closed connection is not reported as ERR_INVALID_CONN (or, worse, crashes). */
    @Test
    @DisplayName("Calls on a closed connection fail with ERR_INVALID_CONN")
    void closedConnect() {
        Connect c = open();
        c.close();
        expectError(ErrorNumber.ERR_INVALID_CONN, c::getType);
        expectError(ErrorNumber.ERR_INVALID_CONN, c::listAllDomains);
        expectError(ErrorNumber.ERR_INVALID_CONN, () -> c.lookupDomainByName(RUNNING));
        expectError(ErrorNumber.ERR_INVALID_CONN, c::getCapabilities);
        expectError(ErrorNumber.ERR_INVALID_CONN, c::newStream);
    }

    /** Fails when close is not idempotent. */
    @Test
    @DisplayName("Closing any handle twice is harmless")
    void doubleClose() {
        Connect c = open();
        Domain d = c.lookupDomainByName(RUNNING);
        Network n = c.lookupNetworkByName(NETWORK);
        StoragePool p = c.lookupStoragePoolByName(POOL);
        StorageVol v = c.lookupStorageVolByPath(VOLUME_PATH);
        Stream s = c.newStream();
        for (AutoCloseable h : List.<AutoCloseable>of(d, n, p, v, s, c)) {
            assertThatCode(h::close).doesNotThrowAnyException();
            assertThatCode(h::close).doesNotThrowAnyException();
        }
    }

    /** Fails when a closed object handle does not give its kind's invalid-object code (spi.ObjectKind.invalid). */
    @Test
    @DisplayName("Calls on closed handles fail with ERR_INVALID_DOMAIN, _NETWORK, _STORAGE_POOL, _STORAGE_VOL, _STREAM")
    void closedHandles() {
        try (Connect c = open()) {
            Domain d = c.lookupDomainByName(RUNNING);
            Network n = c.lookupNetworkByName(NETWORK);
            StoragePool p = c.lookupStoragePoolByName(POOL);
            StorageVol v = c.lookupStorageVolByPath(VOLUME_PATH);
            Stream s = c.newStream();
            d.close();
            n.close();
            p.close();
            v.close();
            s.close();
            expectError(ErrorNumber.ERR_INVALID_DOMAIN, d::getName);
            expectError(ErrorNumber.ERR_INVALID_DOMAIN, d::getInfo);
            expectError(ErrorNumber.ERR_INVALID_DOMAIN, d::create);
            expectError(ErrorNumber.ERR_INVALID_NETWORK, n::getXMLDesc);
            expectError(ErrorNumber.ERR_INVALID_STORAGE_POOL, p::getInfo);
            expectError(ErrorNumber.ERR_INVALID_STORAGE_VOL, v::getPath);
            expectError(ErrorNumber.ERR_INVALID_STREAM, () -> s.recv(new byte[4]));
        }
    }

    /** Fails when closed interface, node device, snapshot and checkpoint handles are not refused with their codes. */
    @Test
    @DisplayName("Calls on closed interface, node device, snapshot and checkpoint handles fail with their invalid codes")
    void closedOtherHandles() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING)) {
            Interface i = c.lookupInterfaceByName(INTERFACE);
            NodeDevice nd = c.lookupNodeDeviceByName(NODE_DEVICE);
            DomainSnapshot snap = d.snapshotCreateXML(SnapshotTck.snapshotXml("closed"));
            i.close();
            nd.close();
            snap.close();
            expectError(ErrorNumber.ERR_INVALID_INTERFACE, i::getName);
            expectError(ErrorNumber.ERR_INVALID_NODE_DEVICE, nd::getXMLDesc);
            expectError(ErrorNumber.ERR_INVALID_DOMAIN_SNAPSHOT, snap::getXMLDesc);
        }
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING)) {
            DomainCheckpoint cp = d.checkpointCreateXML("<domaincheckpoint><name>closed</name></domaincheckpoint>");
            cp.close();
            expectError(ErrorNumber.ERR_INVALID_DOMAIN_CHECKPOINT, cp::getName);
        }
    }

    /** Fails when closing a connection frees state that objects obtained from it still use (libvirt's ref counting). */
    @Test
    @DisplayName("A domain stays usable after its connection is closed")
    void objectOutlivesConnection() {
        Connect c = open();
        try (Domain d = c.lookupDomainByName(RUNNING)) {
            c.close();
            assertThat(d.getName()).isEqualTo(RUNNING);
            assertThat(d.getInfo().maxMem()).isEqualTo(262_144L);
        }
    }

    /** Fails when passing a closed stream to screenshot is not refused with ERR_INVALID_STREAM. */
    @Test
    @DisplayName("screenshot into a closed stream fails with ERR_INVALID_STREAM")
    void screenshotClosedStream() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING)) {
            Stream s = c.newStream();
            s.close();
            expectError(ErrorNumber.ERR_INVALID_STREAM, () -> d.screenshot(s, 0));
        }
    }

    /** Fails (or crashes the JVM) when close races calls in flight: each call must either work or get ERR_INVALID_*. */
    @Test
    @Timeout(120)
    @DisplayName("Closing a domain and its connection while other threads call them never crashes")
    void closeRacesCalls() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicInteger refused = new AtomicInteger();
        try {
            for (int round = 0; round < 30; round++) {
                Connect c = open();
                Domain d = c.lookupDomainByName(RUNNING);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < 3; t++) {
                    futures.add(pool.submit(() -> {
                        go.await();
                        for (int i = 0; i < 50; i++) {
                            try {
                                assertThat(d.getName()).isEqualTo(RUNNING);
                                c.getType();
                            } catch (LibvirtException e) {
                                assertThat(e.code()).isIn(ErrorNumber.ERR_INVALID_DOMAIN, ErrorNumber.ERR_INVALID_CONN);
                                refused.incrementAndGet();
                            }
                        }
                        return null;
                    }));
                }
                futures.add(pool.submit(() -> {
                    go.await();
                    d.close();
                    c.close();
                    return null;
                }));
                go.countDown();
                for (Future<?> f : futures) {
                    f.get(60, TimeUnit.SECONDS);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(refused.get()).as("calls refused after close").isPositive();
    }

    /** Fails when handles are not safe to share: many threads using one connection must all succeed. */
    @Test
    @Timeout(120)
    @DisplayName("One connection shared by many threads serves all their calls")
    void sharedConnection() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (Connect c = open()) {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                futures.add(pool.submit(() -> {
                    try (Domain d = c.lookupDomainByName(RUNNING)) {
                        return d.getUUIDString();
                    }
                }));
            }
            for (Future<String> f : futures) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isEqualTo(RUNNING_UUID.toString());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Fails (or crashes, or runs out of memory) when forgotten handles are not freed safely by the Cleaner. */
    @Test
    @Timeout(120)
    @DisplayName("Thousands of handles dropped without close are freed after GC without a crash")
    void forgottenHandles() throws Exception {
        require(TckCapability.CLEANER);
        try (Connect c = open()) {
            for (int i = 0; i < 5000; i++) {
                Domain d = c.lookupDomainByName(RUNNING);
                if (i % 1000 == 0) {
                    assertThat(d.getName()).isEqualTo(RUNNING);
                }
            }
            for (int i = 0; i < 50; i++) {
                Connect dropped = open();
                dropped.lookupDomainByName(SHUTOFF);
            }
            System.gc();
            Thread.sleep(200);
            System.gc();
            try (Domain d = c.lookupDomainByName(RUNNING)) {
                assertThat(d.getInfo().state()).isEqualTo(org.libvirt4j.DomainState.RUNNING);
            }
        }
    }
}

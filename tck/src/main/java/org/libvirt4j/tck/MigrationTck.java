package org.libvirt4j.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.libvirt4j.Connect;
import org.libvirt4j.Domain;
import org.libvirt4j.DomainMigrateFlags;
import org.libvirt4j.DomainMigrateParameters;
import org.libvirt4j.DomainState;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;

/**
 * Migration: {@code Domain.migrate}, {@code migrate2}, {@code migrate3}, {@code migrateToURI},
 * {@code migrateToURI2} (and {@code migrateToURI3}). On the test driver, which migrates nothing,
 * every refusal libvirt's client makes (before any driver is asked, or after asking the driver
 * for its migration features) is pinned with libvirt's code, domain and message; on two private
 * daemons with distinct host UUIDs, one small TCG guest goes back and forth: client-managed
 * (migrate, migrate2, migrate3) one way, peer to peer (migrateToURI, migrateToURI2,
 * migrateToURI3) the other. Tagged: {@code -Dgroups=migration} runs just this area.
 */
@Tag("migration")
public abstract class MigrationTck extends TckArea {
    MigrationTck() {
    }

    private static final int LIVE = DomainMigrateFlags.LIVE.value();
    private static final int P2P = DomainMigrateFlags.PEER2PEER.value();

    /**
     * Fails when a backend sends a call libvirt's client refuses itself, or words the refusal
     * differently: flag rules checked before any driver is asked.
     */
    @Test
    @DisplayName("Flag rules libvirt checks before asking a driver are refused alike by every migration call")
    void flagRules() {
        try (Connect c = open(); Connect dc = open(); Domain d = c.lookupDomainByName(NodeFixture.RUNNING)) {
            int both = DomainMigrateFlags.NON_SHARED_DISK.value() | DomainMigrateFlags.NON_SHARED_INC.value();
            DomainMigrateParameters none = DomainMigrateParameters.builder().build();
            for (ThrowingCallable call : new ThrowingCallable[] {
                () -> d.migrate(dc, both, null, null, 0),
                () -> d.migrate2(dc, null, both, null, null, 0),
                () -> d.migrate3(dc, none, both),
                () -> d.migrateToURI("test:///default", both, null, 0),
                () -> d.migrateToURI2(null, null, null, both, null, 0),
                () -> d.migrateToURI3(null, none, both)}) {
                pin(call, ErrorNumber.ERR_INVALID_ARG, ErrorDomain.DOMAIN,
                        "Flags 'VIR_MIGRATE_NON_SHARED_DISK' and 'VIR_MIGRATE_NON_SHARED_INC' are mutually exclusive");
            }
            pin(() -> d.migrate3(dc, none, P2P), ErrorNumber.ERR_INVALID_ARG, ErrorDomain.DOMAIN,
                    "use virDomainMigrateToURI3 for peer-to-peer migration");
            pin(() -> d.migrate3(dc, none, DomainMigrateFlags.TUNNELLED.value()), ErrorNumber.ERR_INVALID_ARG,
                    ErrorDomain.DOMAIN, "cannot perform tunnelled migration without using peer2peer flag");
        }
    }

    /**
     * Fails when a backend's client-side protocol asks the driver about the wrong features, picks
     * another path than libvirt's, or words the test driver's refusal differently: the test
     * driver supports no migration at all.
     */
    @Test
    @DisplayName("The test driver's refusals of every migration call are libvirt's, on every backend")
    void testDriverRefuses() {
        try (Connect c = open(); Connect dc = open(); Domain d = c.lookupDomainByName(NodeFixture.RUNNING)) {
            DomainMigrateParameters none = DomainMigrateParameters.builder().build();
            DomainMigrateParameters extended = DomainMigrateParameters.builder().parallelConnections(2).build();
            pinNoSupport(() -> d.migrate(dc, 0, null, null, 0), "virDomainMigrate");
            pinNoSupport(() -> d.migrate(dc, Set.of(DomainMigrateFlags.LIVE), "tck-new", "tcp://127.0.0.1", 10),
                    "virDomainMigrate");
            pinNoSupport(() -> d.migrate(dc, P2P, null, null, 0), "virDomainMigrate");
            pinNoSupport(() -> d.migrate2(dc, "<domain/>", LIVE, null, null, 0), "virDomainMigrate2");
            pinNoSupport(() -> d.migrate2(dc, null, P2P, null, null, 0), "virDomainMigrate2");
            pinNoSupport(() -> d.migrate3(dc, none, LIVE), "virDomainMigrate3");
            pin(() -> d.migrate3(dc, extended, LIVE), ErrorNumber.ERR_ARGUMENT_UNSUPPORTED, ErrorDomain.DOMAIN,
                    "argument unsupported: Migration APIs with extensible parameters are not supported but extended"
                            + " parameters were passed");
            pin(() -> d.migrate(dc, DomainMigrateFlags.TUNNELLED.value(), null, null, 0),
                    ErrorNumber.ERR_OPERATION_INVALID, ErrorDomain.DOMAIN,
                    "Requested operation is not valid: cannot perform tunnelled migration without using peer2peer flag");
            for (ThrowingCallable call : new ThrowingCallable[] {
                () -> d.migrate(dc, DomainMigrateFlags.OFFLINE.value(), null, null, 0),
                () -> d.migrate2(dc, null, DomainMigrateFlags.OFFLINE.value(), null, null, 0),
                () -> d.migrate3(dc, none, DomainMigrateFlags.OFFLINE.value()),
                () -> d.migrateToURI("test:///default", DomainMigrateFlags.OFFLINE.value(), null, 0)}) {
                pin(call, ErrorNumber.ERR_ARGUMENT_UNSUPPORTED, ErrorDomain.DOMAIN,
                        "argument unsupported: offline migration is not supported by the source host");
            }
            pin(() -> d.migrate(dc, DomainMigrateFlags.CHANGE_PROTECTION.value(), null, null, 0),
                    ErrorNumber.ERR_ARGUMENT_UNSUPPORTED, ErrorDomain.DOMAIN,
                    "argument unsupported: cannot enforce change protection");
            for (ThrowingCallable call : new ThrowingCallable[] {
                () -> d.migrateToURI("tcp://127.0.0.1", LIVE, null, 0),
                () -> d.migrateToURI2(null, "tcp://127.0.0.1", null, LIVE, "tck-new", 0),
                () -> d.migrateToURI3(null, none, LIVE)}) {
                pin(call, ErrorNumber.ERR_ARGUMENT_UNSUPPORTED, ErrorDomain.DOMAIN,
                        "argument unsupported: direct migration is not supported by the source host");
            }
            for (ThrowingCallable call : new ThrowingCallable[] {
                () -> d.migrateToURI("test+tcp://127.0.0.2/default", P2P, null, 0),
                () -> d.migrateToURI2(null, null, null, P2P, null, 0),
                () -> d.migrateToURI3("test+tcp://127.0.0.2/default", none, P2P)}) {
                pin(call, ErrorNumber.ERR_ARGUMENT_UNSUPPORTED, ErrorDomain.DOMAIN,
                        "argument unsupported: p2p migration is not supported by the source host");
            }
        }
    }

    /** Fails when a migration call on a read-only source or destination is sent instead of refused as libvirt's client refuses it. */
    @Test
    @DisplayName("A read-only source or destination is refused with libvirt's words, naming the call")
    void readOnly() {
        String uri = tck().fixtureUri(Fixtures.path(Fixtures.NODE));
        try (Connect ro = tck().connector().newConnectReadOnly(uri); Connect rw = open();
                Domain d = ro.lookupDomainByName(NodeFixture.RUNNING); Domain w = rw.lookupDomainByName(NodeFixture.RUNNING)) {
            DomainMigrateParameters none = DomainMigrateParameters.builder().build();
            pinDenied(() -> d.migrate(rw, LIVE, null, null, 0), "virDomainMigrate");
            pinDenied(() -> d.migrate2(rw, null, LIVE, null, null, 0), "virDomainMigrate2");
            pinDenied(() -> d.migrate3(rw, none, LIVE), "virDomainMigrate3");
            pinDenied(() -> d.migrateToURI("tcp://127.0.0.2", LIVE, null, 0), "virDomainMigrateToURI");
            pinDenied(() -> d.migrateToURI2(null, "tcp://127.0.0.2", null, LIVE, null, 0), "virDomainMigrateToURI2");
            pinDenied(() -> d.migrateToURI3(null, none, LIVE), "virDomainMigrateToURI3");
            // the destination is checked too
            pinDenied(() -> w.migrate(ro, LIVE, null, null, 0), "virDomainMigrate");
            pinDenied(() -> w.migrate3(ro, none, LIVE), "virDomainMigrate3");
        }
    }

    private static void pinDenied(ThrowingCallable call, String function) {
        pin(call, ErrorNumber.ERR_OPERATION_DENIED, ErrorDomain.DOMAIN,
                "operation forbidden: read only access prevents " + function);
    }

    /** Fails when a null reaches libvirt, a foreign or closed destination is not libvirt's invalid connection, or a NUL passes. */
    @Test
    @DisplayName("Null arguments, a destination of another backend or closed, and NUL in a string are refused before libvirt")
    void argumentChecks() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(NodeFixture.RUNNING)) {
            DomainMigrateParameters none = DomainMigrateParameters.builder().build();
            expectNpe(() -> d.migrate(null, 0, null, null, 0));
            expectNpe(() -> d.migrate2(null, null, 0, null, null, 0));
            expectNpe(() -> d.migrate3(null, none, 0));
            expectNpe(() -> d.migrate3(c, null, 0));
            expectNpe(() -> d.migrateToURI(null, 0, null, 0));
            expectNpe(() -> d.migrate(c, (Set<DomainMigrateFlags>) null, null, null, 0));
            Connect foreign = (Connect) Proxy.newProxyInstance(Connect.class.getClassLoader(), new Class<?>[] {Connect.class},
                    (p, m, a) -> {
                        throw new UnsupportedOperationException(m.getName());
                    });
            pin(() -> d.migrate(foreign, 0, null, null, 0), ErrorNumber.ERR_INVALID_CONN, ErrorDomain.NONE,
                    "invalid connection pointer in virDomainMigrate");
            pin(() -> d.migrate3(foreign, none, 0), ErrorNumber.ERR_INVALID_CONN, ErrorDomain.NONE,
                    "invalid connection pointer in virDomainMigrate3");
            Connect closed = open();
            closed.close();
            pin(() -> d.migrate2(closed, null, 0, null, null, 0), ErrorNumber.ERR_INVALID_CONN, ErrorDomain.NONE,
                    "invalid connection pointer in virDomainMigrate2");
            LibvirtException e = expectError(ErrorNumber.ERR_INVALID_ARG, () -> d.migrateToURI("test:///default\0x", 0,
                    null, 0));
            assertThat(e.getMessage()).contains("NUL");
            expectError(ErrorNumber.ERR_INVALID_ARG, () -> d.migrate(c, 0, "a\0b", null, 0));
        }
    }

    /**
     * Fails when a real migration does not complete, or lands the guest anywhere but on the
     * destination, running: client-managed (v3 with fixed arguments, v3 with them via
     * migrate2, v3 with extensible parameters) to the second daemon, peer to peer back; and when
     * PERSIST_DEST does not define it there, or the source keeps (or, with UNDEFINE_SOURCE, does
     * not keep) its definition.
     */
    @Test
    @Timeout(300)
    @DisplayName("A 64 MiB TCG guest migrates between two private daemons with every call, and ends up running where it went")
    void realMigration() {
        require(TckCapability.PRIVATE_DAEMON);
        require(TckCapability.QEMU_GUEST);
        MigrationHosts hosts = MigrationHosts.shared();
        String name = unique("tck-mig");
        String xml = "<domain type='qemu'><name>" + name + "</name><uuid>" + UUID.randomUUID() + "</uuid>"
                + "<memory unit='MiB'>64</memory><vcpu>1</vcpu>"
                + "<os><type arch='x86_64' machine='pc'>hvm</type></os><devices/></domain>";
        try (Connect a = tck().connector().newConnect(hosts.a().qemuUri());
                Connect b = tck().connector().newConnect(hosts.b().qemuUri())) {
            String aUri = hosts.a().qemuTcpUri();
            String bUri = hosts.b().qemuTcpUri();
            Domain started = a.domainCreateXML(xml, 0);
            try {
                started.close();
                // a -> b: client-managed, migration protocol 3 with fixed arguments, b's Prepare choosing the URI
                try (Domain d = a.lookupDomainByName(name); Domain moved = d.migrate(b, LIVE, null, null, 0)) {
                    expectArrived(moved, name, b, a);
                }
                // b -> a: peer to peer, b's daemon connecting to a's and tunnelling the data through
                // that connection (the stream is the daemons' business, not this client's)
                try (Domain d = b.lookupDomainByName(name)) {
                    d.migrateToURI(aUri, EnumSet.of(DomainMigrateFlags.PEER2PEER, DomainMigrateFlags.LIVE,
                            DomainMigrateFlags.TUNNELLED), null, 0);
                }
                try (Domain back = a.lookupDomainByName(name)) {
                    expectArrived(back, name, a, b);
                }
                // a -> b: migrate2, b -> a: migrateToURI2
                try (Domain d = a.lookupDomainByName(name);
                        Domain moved = d.migrate2(b, null, LIVE, null, "tcp://" + PrivateLibvirtd.MIGRATION_ADDRESS, 0)) {
                    expectArrived(moved, name, b, a);
                }
                try (Domain d = b.lookupDomainByName(name)) {
                    d.migrateToURI2(aUri, null, null, P2P | LIVE, null, 0);
                }
                try (Domain back = a.lookupDomainByName(name)) {
                    expectArrived(back, name, a, b);
                }
                // a -> b: migrate3 (extensible parameters), persisted on b
                int persist = DomainMigrateFlags.PERSIST_DEST.value();
                try (Domain d = a.lookupDomainByName(name);
                        Domain moved = d.migrate3(b, DomainMigrateParameters.builder()
                                .uri("tcp://" + PrivateLibvirtd.MIGRATION_ADDRESS).build(), LIVE | persist)) {
                    expectArrived(moved, name, b, a);
                    assertThat(moved.isPersistent()).as("PERSIST_DEST defines it on the destination").isTrue();
                }
                // b -> a: migrateToURI3, persisted on a; b keeps its definition, inactive
                try (Domain d = b.lookupDomainByName(name)) {
                    d.migrateToURI3(aUri, DomainMigrateParameters.builder().build(), P2P | LIVE | persist);
                    assertThat(d.isActive()).as("the source's domain stops").isFalse();
                    assertThat(d.isPersistent()).as("without UNDEFINE_SOURCE the source keeps its definition").isTrue();
                }
                try (Domain back = a.lookupDomainByName(name)) {
                    assertThat(back.getState().state()).isEqualTo(DomainState.RUNNING);
                    assertThat(back.isPersistent()).isTrue();
                }
                // a -> b once more, with UNDEFINE_SOURCE: nothing is left on a
                try (Domain d = a.lookupDomainByName(name);
                        Domain moved = d.migrate(b, LIVE | persist | DomainMigrateFlags.UNDEFINE_SOURCE.value(), null,
                                null, 0)) {
                    expectArrived(moved, name, b, a);
                    assertThat(moved.isPersistent()).isTrue();
                }
                // the same host: both daemons' host UUIDs differ, but a peer-to-peer URI on localhost is refused first
                try (Domain d = b.lookupDomainByName(name)) {
                    pin(() -> d.migrateToURI("qemu+tcp://localhost/system", P2P, null, 0), ErrorNumber.ERR_INVALID_ARG,
                            ErrorDomain.DOMAIN, "Attempt to migrate guest to the same host");
                    assertThat(bUri).isNotEqualTo(aUri);
                }
            } finally {
                for (Connect c : new Connect[] {a, b}) {
                    try (Domain d = c.lookupDomainByName(name)) {
                        if (d.isActive()) {
                            d.destroy();
                        }
                        if (d.isPersistent()) {
                            d.undefine();
                        }
                    } catch (LibvirtException gone) {
                        // not on this side
                    }
                }
            }
        }
    }

    /**
     * The differential run's migration scenario: every call's refusal on the test driver, each
     * compared field by field across backends (where this area pins libvirt's words too).
     *
     * @param c a connection to a fresh copy of {@link Fixtures#NODE}
     * @param o where the observations go
     * @param another opens a second connection, the destination
     */
    static void observe(Connect c, DifferentialTck.Observations o, java.util.function.Supplier<Connect> another) {
        try (Connect dc = another.get(); Domain d = c.lookupDomainByName(NodeFixture.RUNNING)) {
            DomainMigrateParameters none = DomainMigrateParameters.builder().build();
            DomainMigrateParameters named = DomainMigrateParameters.builder().destName("tck-new").bandwidth(5L).build();
            int[] flagSets = {0, LIVE, P2P, P2P | LIVE, DomainMigrateFlags.TUNNELLED.value(), P2P
                | DomainMigrateFlags.TUNNELLED.value(), DomainMigrateFlags.OFFLINE.value(),
                DomainMigrateFlags.CHANGE_PROTECTION.value(), DomainMigrateFlags.NON_SHARED_DISK.value()
                    | DomainMigrateFlags.NON_SHARED_INC.value()};
            for (int f : flagSets) {
                o.record("migrate/" + f, () -> d.migrate(dc, f, "tck-new", null, 5).getName());
                o.record("migrate2/" + f, () -> d.migrate2(dc, "<domain/>", f, null, "tcp://127.0.0.2", 0).getName());
                o.record("migrate3/" + f, () -> d.migrate3(dc, named, f).getName());
                o.record("migrate3none/" + f, () -> d.migrate3(dc, none, f).getName());
                o.record("migrateToURI/" + f, () -> {
                    d.migrateToURI("test+tcp://127.0.0.2/default", f, null, 0);
                    return "ok";
                });
                o.record("migrateToURI2/" + f, () -> {
                    d.migrateToURI2(null, "tcp://127.0.0.2", null, f, "tck-new", 0);
                    return "ok";
                });
            }
        }
    }

    /** Checks that the guest runs on {@code to} under its name and is gone from {@code from} (a transient guest). */
    private static void expectArrived(Domain moved, String name, Connect to, Connect from) {
        assertThat(moved.getName()).isEqualTo(name);
        assertThat(moved.getState().state()).isEqualTo(DomainState.RUNNING);
        try (Domain there = to.lookupDomainByName(name)) {
            assertThat(there.isActive()).isTrue();
        }
        expectError(ErrorNumber.ERR_NO_DOMAIN, () -> from.lookupDomainByName(name).close());
    }

    private static void pinNoSupport(ThrowingCallable call, String function) {
        pin(call, ErrorNumber.ERR_NO_SUPPORT, ErrorDomain.DOMAIN,
                "this function is not supported by the connection driver: " + function);
    }

    private static void pin(ThrowingCallable call, ErrorNumber code, ErrorDomain domain, String message) {
        LibvirtException e = expectError(code, call);
        assertThat(e.domain()).as("error domain of %s", e).isEqualTo(domain);
        assertThat(e.getMessage()).isEqualTo(message);
    }

    /** Two private daemons that can migrate to each other, started once per JVM and stopped at exit. */
    record MigrationHosts(PrivateLibvirtd a, PrivateLibvirtd b) {
        private static MigrationHosts shared;

        private static int freeMigrationPorts() {
            try {
                return PrivateLibvirtd.freePortBlock(16, 49152, 61000);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        static synchronized MigrationHosts shared() {
            if (shared == null) {
                // each starts from the previous one's QEMU capability cache rather than probing QEMU again
                // migration ports of their own: the hosts of concurrent test JVMs must not meet
                PrivateLibvirtd a = PrivateLibvirtd.startMigrationHost(freeMigrationPorts(), PrivateLibvirtd.shared());
                PrivateLibvirtd b;
                try {
                    b = PrivateLibvirtd.startMigrationHost(freeMigrationPorts(), a);
                } catch (RuntimeException e) {
                    a.close();
                    throw e;
                }
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    a.close();
                    b.close();
                }, "libvirt4j-tck-migration-hosts-stop"));
                shared = new MigrationHosts(a, b);
            }
            return shared;
        }
    }
}

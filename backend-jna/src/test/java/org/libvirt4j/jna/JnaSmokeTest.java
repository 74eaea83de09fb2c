package org.libvirt4j.jna;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.libvirt4j.Connect;
import org.libvirt4j.ConnectAuth;
import org.libvirt4j.ConnectCredentialType;
import org.libvirt4j.ConnectFlags;
import org.libvirt4j.Domain;
import org.libvirt4j.DomainInfo;
import org.libvirt4j.DomainMemoryParameters;
import org.libvirt4j.DomainModificationImpact;
import org.libvirt4j.DomainSchedulerParameters;
import org.libvirt4j.DomainState;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.Network;
import org.libvirt4j.NodeInfo;
import org.libvirt4j.StoragePool;
import org.libvirt4j.StorageVol;
import org.libvirt4j.Stream;

/** A quick end-to-end check of the JNA backend against libvirt's in-process test driver. */
class JnaSmokeTest {
    private static final String URI = "test:///default";
    private static final String NEW_DOMAIN = "<domain type='test'><name>jna-smoke</name><memory>65536</memory>"
            + "<os><type>hvm</type></os></domain>";

    private final JnaBackend backend = new JnaBackend();
    private Connect conn;

    @BeforeEach
    void open() {
        assertThat(backend.unavailabilityCause()).isEmpty();
        conn = backend.open(URI, (ConnectAuth) null);
    }

    @AfterEach
    void close() {
        conn.close();
    }

    @Test
    @DisplayName("The backend names itself jna with priority 20 and reports libvirt's version")
    void identity() {
        assertThat(backend.name()).isEqualTo("jna");
        assertThat(backend.priority()).isEqualTo(20);
        assertThat(backend.supports("qemu:///system")).isTrue();
        assertThat(backend.libraryVersion()).isGreaterThanOrEqualTo(4_005_000L);
    }

    @Test
    @DisplayName("The connection describes the test driver")
    void connection() {
        assertThat(conn.isAlive()).isTrue();
        assertThat(conn.getType()).isEqualTo("TEST");
        assertThat(conn.getURI()).isEqualTo(URI);
        assertThat(conn.getHostname()).isNotEmpty();
        assertThat(conn.getCapabilities()).contains("<capabilities>");
        assertThat(conn.getLibVersion()).isEqualTo(backend.libraryVersion());
        NodeInfo node = conn.getNodeInfo();
        assertThat(node.model()).isEqualTo("i686");
        assertThat(node.cpus()).isEqualTo(16);
        assertThat(node.memory()).isEqualTo(3_145_728L);
        assertThat(conn.getFreeMemory()).isPositive();
        assertThat(conn.getMaxVcpus(null)).isPositive();
    }

    @Test
    @DisplayName("A read-only and an auth connection open; a flag-less auth callback is never asked")
    void otherOpens() {
        try (Connect ro = backend.open(URI, null, ConnectFlags.RO)) {
            assertThat(ro.listAllDomains()).hasSize(1).allSatisfy(Domain::close);
        }
        AtomicInteger calls = new AtomicInteger();
        ConnectAuth auth = new ConnectAuth(List.of(ConnectCredentialType.PASSPHRASE), creds -> calls.incrementAndGet());
        try (Connect c = backend.open(URI, auth)) {
            assertThat(c.getType()).isEqualTo("TEST");
        }
        assertThat(calls).hasValue(0);
    }

    @Test
    @DisplayName("A test URI without a path fails with libvirt's own code, domain and message")
    void badUri() {
        assertThatThrownBy(() -> backend.open("test://", (ConnectAuth) null))
                .isInstanceOfSatisfying(LibvirtException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorNumber.ERR_INVALID_ARG);
                    assertThat(e.domain()).isEqualTo(ErrorDomain.TEST);
                    assertThat(e.getMessage()).isEqualTo("invalid argument: testOpen: supply a path or use test:///default");
                });
    }

    @Test
    @DisplayName("The default domain is listed, looked up three ways and described")
    void domains() {
        List<Domain> all = conn.listAllDomains();
        assertThat(all).hasSize(1);
        assertThatThrownBy(() -> all.add(null)).isInstanceOf(UnsupportedOperationException.class);
        try (Domain d = all.get(0)) {
            assertThat(d.getName()).isEqualTo("test");
            assertThat(d.getID()).isEqualTo(1);
            assertThat(d.getOSType()).isEqualTo("linux");
            assertThat(d.isActive()).isTrue();
            DomainInfo info = d.getInfo();
            assertThat(info.state()).isEqualTo(DomainState.RUNNING);
            assertThat(info.maxMem()).isEqualTo(8_388_608L);
            assertThat(info.nrVirtCpu()).isEqualTo(2);
            assertThat(d.getState().state()).isEqualTo(DomainState.RUNNING);
            assertThat(d.getXMLDesc()).contains("<name>test</name>");
            UUID uuid = d.getUUID();
            assertThat(d.getUUIDString()).isEqualTo(uuid.toString());
            try (Domain byName = conn.lookupDomainByName("test");
                    Domain byUuid = conn.lookupDomainByUUID(uuid);
                    Domain byString = conn.lookupDomainByUUIDString(uuid.toString());
                    Domain byId = conn.lookupDomainById(1)) {
                assertThat(List.of(byName.getName(), byUuid.getName(), byString.getName(), byId.getName()))
                        .containsOnly("test");
            }
        }
    }

    @Test
    @DisplayName("Lookup failures carry libvirt's code, domain and message")
    void lookupErrors() {
        assertThatThrownBy(() -> conn.lookupDomainByUUIDString("not-a-uuid"))
                .isInstanceOfSatisfying(LibvirtException.class, e -> {
                    // libvirt 9.0's test driver reports VIR_FROM_DOMAIN "Invalid UUID" itself.
                    assertThat(e.code()).isEqualTo(ErrorNumber.ERR_INVALID_ARG);
                    assertThat(e.getMessage()).contains("UUID");
                });
        assertThatThrownBy(() -> conn.lookupDomainByName("nope"))
                .isInstanceOfSatisfying(LibvirtException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorNumber.ERR_NO_DOMAIN);
                    assertThat(e.domain()).isEqualTo(ErrorDomain.TEST);
                    assertThat(e.getMessage()).isEqualTo("Domain not found");
                });
        // C would stop at the NUL and find "test": refused instead of acting on another name.
        assertThatThrownBy(() -> conn.lookupDomainByName("test\0other"))
                .isInstanceOfSatisfying(LibvirtException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorNumber.ERR_INVALID_ARG));
        assertThatThrownBy(() -> conn.lookupDomainByName(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("name");
        assertThatThrownBy(() -> conn.listAllDomains(null, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    @DisplayName("A closed handle gives the kind's invalid-object error; closing twice is harmless")
    void closedHandles() {
        Domain d = conn.lookupDomainByName("test");
        d.close();
        d.close();
        assertThatThrownBy(d::getName).isInstanceOfSatisfying(LibvirtException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorNumber.ERR_INVALID_DOMAIN));
        Connect other = backend.open(URI, (ConnectAuth) null);
        Domain survivor = other.lookupDomainByName("test");
        other.close();
        other.close();
        assertThatThrownBy(other::getType).isInstanceOfSatisfying(LibvirtException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorNumber.ERR_INVALID_CONN));
        // The domain keeps its connection alive after the Connect handle is closed.
        assertThat(survivor.getName()).isEqualTo("test");
        survivor.close();
    }

    @Test
    @DisplayName("Memory parameters round-trip through typed parameters")
    void memoryParameters() {
        try (Domain d = conn.lookupDomainByName("test")) {
            DomainMemoryParameters before = d.getMemoryParameters();
            assertThat(before.hardLimit()).isPresent();
            assertThat(before.softLimit()).isPresent();
            d.setMemoryParameters(DomainMemoryParameters.builder().hardLimit(1_048_576).softLimit(524_288).build());
            DomainMemoryParameters after = d.getMemoryParameters(DomainModificationImpact.CURRENT);
            assertThat(after.hardLimit()).hasValue(1_048_576);
            assertThat(after.softLimit()).hasValue(524_288);
        }
    }

    @Test
    @DisplayName("Scheduler parameters cross the boundary: the test driver has a fair scheduler with a weight")
    void schedulerParameters() {
        try (Domain d = conn.lookupDomainByName("test")) {
            DomainSchedulerParameters before = d.getSchedulerParameters();
            assertThat(before.type()).hasValue("fair");
            assertThat(before.weight()).hasValue(50);
            // libvirt validates each field name and type (weight must be UINT) before the test
            // driver, which accepts the weight and keeps its fixed 50.
            d.setSchedulerParameters(DomainSchedulerParameters.builder().weight(123).build());
            assertThat(d.getSchedulerParameters().weight()).hasValue(50);
            // libvirt adds VIR_TYPED_PARAM_STRING_OKAY, which 9.0's test driver then rejects.
            assertThatThrownBy(() -> d.getSchedulerParametersFlags()).isInstanceOfSatisfying(LibvirtException.class,
                    e -> assertThat(e.getMessage()).contains("testDomainGetSchedulerParametersFlags"));
            d.setSchedulerParametersFlags(DomainSchedulerParameters.builder().weight(77).build(),
                    DomainModificationImpact.CURRENT);
            assertThatThrownBy(() -> d.setSchedulerParameters(DomainSchedulerParameters.builder().cap(1).build()))
                    .isInstanceOfSatisfying(LibvirtException.class,
                            e -> {
                                assertThat(e.code()).isEqualTo(ErrorNumber.ERR_ARGUMENT_UNSUPPORTED);
                                assertThat(e.getMessage()).contains("'cap'");
                            });
        }
    }

    @Test
    @DisplayName("A domain is defined, started, stopped and undefined")
    void lifecycle() {
        try (Domain d = conn.domainDefineXML(NEW_DOMAIN)) {
            assertThat(d.isPersistent()).isTrue();
            assertThat(d.isActive()).isFalse();
            assertThat(d.getID()).isEqualTo(-1);
            d.create();
            assertThat(d.isActive()).isTrue();
            // libvirt 9.0's test driver says so with VIR_ERR_INTERNAL_ERROR.
            assertThatThrownBy(d::create).isInstanceOf(LibvirtException.class).hasMessageContaining("already running");
            d.destroy();
            d.undefine();
        }
        assertThatThrownBy(() -> conn.lookupDomainByName("jna-smoke")).isInstanceOf(LibvirtException.class);
    }

    @Test
    @DisplayName("The default network and storage pool are listed and looked up")
    void networksAndPools() {
        List<Network> nets = conn.listAllNetworks();
        assertThat(nets).extracting(Network::getName).contains("default");
        nets.forEach(Network::close);
        try (Network n = conn.lookupNetworkByName("default");
                Network same = conn.lookupNetworkByUUIDString(n.getUUIDString())) {
            assertThat(same.getUUID()).isEqualTo(n.getUUID());
            assertThat(n.getXMLDesc()).contains("<name>default</name>");
            assertThat(n.isActive()).isTrue();
            assertThat(n.getBridgeName()).isNotEmpty();
        }
        List<StoragePool> pools = conn.listAllStoragePools();
        assertThat(pools).extracting(StoragePool::getName).contains("default-pool");
        pools.forEach(StoragePool::close);
        try (StoragePool p = conn.lookupStoragePoolByName("default-pool")) {
            assertThat(p.getInfo().capacity()).isPositive();
            assertThat(p.isActive()).isTrue();
            try (StoragePool byUuid = conn.lookupStoragePoolByUUID(p.getUUID())) {
                assertThat(byUuid.getName()).isEqualTo("default-pool");
            }
            List<StorageVol> vols = p.listAllStorageVolumes();
            vols.forEach(StorageVol::close);
        }
    }

    @Test
    @DisplayName("A stream is made, aborted and freed without a transfer")
    void stream() {
        Stream s = conn.newStream();
        s.close();
        s.close();
        assertThatThrownBy(() -> s.recv(new byte[8])).isInstanceOfSatisfying(LibvirtException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorNumber.ERR_INVALID_STREAM));
    }
}

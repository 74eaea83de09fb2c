package org.libvirt4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libvirt4j.tck.NodeFixture.*;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.libvirt4j.BackendInfo;
import org.libvirt4j.Connect;
import org.libvirt4j.ConnectAuth;
import org.libvirt4j.ConnectCredential;
import org.libvirt4j.ConnectCredentialType;
import org.libvirt4j.Domain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.Libvirt;
import org.libvirt4j.NodeInfo;

/** The connection itself: opening, identity, host facts, read-only and authenticated opens. */
public abstract class ConnectTck extends TckArea {
    ConnectTck() {
    }

    /** Fails when the backend does not reach libvirt's test driver: check the URI the backend builds. */
    @Test
    @DisplayName("A fixture connection reports the test driver's type and is alive")
    void typeAndAlive() {
        try (Connect c = open()) {
            assertThat(c.getType()).isEqualTo("TEST");
            assertThat(c.isAlive()).isTrue();
        }
    }

    /** Fails when version numbers are decoded wrongly (the test driver reports 0.0.2; libvirt here is 9.x or later). */
    @Test
    @DisplayName("Hypervisor and library versions decode as libvirt encodes them")
    void versions() {
        try (Connect c = open()) {
            assertThat(c.getVersion()).isEqualTo(2L);
            long lib = c.getLibVersion();
            assertThat(lib / 1_000_000).as("major of %s", lib).isBetween(1L, 99L);
            assertThat(tck().connector().getVersion() / 1_000_000).isBetween(1L, 99L);
        }
    }

    /** Fails when isEncrypted/isSecure are swapped or misread: only TLS encrypts, only plain TCP is insecure. */
    @Test
    @DisplayName("The connection is encrypted only over TLS, and secure unless it runs over plain TCP")
    void encryptionAndSecurity() {
        try (Connect c = open()) {
            String uri = tck().fixtureUri(Fixtures.path(Fixtures.NODE));
            assertThat(c.isEncrypted()).isEqualTo(uri.contains("+tls"));
            assertThat(c.isSecure()).isEqualTo(!uri.contains("+tcp"));
        }
    }

    /** Fails when getURI returns something other than the fixture the connection was opened on. */
    @Test
    @DisplayName("getURI names the test driver and the fixture file")
    void uri() {
        try (Connect c = open()) {
            assertThat(c.getURI()).startsWith("test").contains(Fixtures.NODE);
        }
    }

    /** Fails when getHostname returns an empty or null string. */
    @Test
    @DisplayName("getHostname returns a non-empty host name")
    void hostname() {
        try (Connect c = open()) {
            assertThat(c.getHostname()).isNotBlank();
        }
    }

    /** Fails when the capabilities XML is truncated, mis-decoded, or not libvirt's. */
    @Test
    @DisplayName("getCapabilities returns well-formed capabilities XML with a host and a guest")
    void capabilities() {
        try (Connect c = open()) {
            String caps = c.getCapabilities();
            assertThat(parse(caps).getDocumentElement().getNodeName()).isEqualTo("capabilities");
            assertThat(xpath(caps, "count(/capabilities/host)")).isEqualTo("1");
            assertThat(xpath(caps, "/capabilities/guest/os_type")).isEqualTo("hvm");
        }
    }

    /** Fails when getSysinfo does not return the test driver's SMBIOS XML. */
    @Test
    @DisplayName("getSysinfo returns SMBIOS sysinfo XML")
    void sysinfo() {
        try (Connect c = open()) {
            String xml = c.getSysinfo();
            assertThat(xpath(xml, "/sysinfo/@type")).isEqualTo("smbios");
        }
    }

    /** Fails when virNodeInfo's fields are mapped to the wrong record components. */
    @Test
    @DisplayName("getNodeInfo returns exactly the fixture's CPU and memory")
    void nodeInfo() {
        try (Connect c = open()) {
            NodeInfo n = c.getNodeInfo();
            assertThat(n.model()).isEqualTo("tck-cpu");
            assertThat(n.memory()).isEqualTo(8_388_608L);
            assertThat(n.cpus()).isEqualTo(8);
            assertThat(n.mhz()).isEqualTo(2400);
            assertThat(n.nodes()).isEqualTo(1);
            assertThat(n.sockets()).isEqualTo(2);
            assertThat(n.cores()).isEqualTo(2);
            assertThat(n.threads()).isEqualTo(2);
        }
    }

    /** Fails when a connection opened on the default test URI does not see libvirt's built-in default node. */
    @Test
    @DisplayName("test:///default opens libvirt's built-in node with its domain 'test'")
    void defaultTestUri() {
        // "/default" is the test driver's built-in node, not a file: the backend's fixture URI
        // for it is test:///default in process and test+unix:///default?socket=... via a daemon.
        String uri = tck().fixtureUri(java.nio.file.Path.of("/default"));
        try (Connect c = tck().connector().newConnect(uri); Domain d = c.lookupDomainByName("test")) {
            assertThat(d.getID()).isEqualTo(1);
        }
    }

    /** Fails when a null type is not passed as C NULL, or the driver's maximum is misread. */
    @Test
    @DisplayName("getMaxVcpus with a null type returns the test driver's maximum of 32")
    void maxVcpus() {
        try (Connect c = open()) {
            assertThat(c.getMaxVcpus(null)).isEqualTo(32);
        }
    }

    /** Fails when a read-only open is really read-write, or its denial is reported with the wrong code. */
    @Test
    @DisplayName("A read-only connection reads but is denied a define with ERR_OPERATION_DENIED")
    void readOnly() {
        try (Connect c = tck().connector().newConnectReadOnly(tck().fixtureUri(Fixtures.path(Fixtures.NODE)))) {
            assertThat(c.listAllDomains()).hasSize(2).allSatisfy(Domain::close);
            expectError(ErrorNumber.ERR_OPERATION_DENIED,
                    () -> c.domainDefineXML(testDomainXml(unique("ro"), UUID.randomUUID())));
        }
    }

    /** Fails when the credential callback is not called, or its results are not passed back to libvirt. */
    @Test
    @DisplayName("newConnectWithAuth answers the fixture's user and password prompts through the callback")
    void authenticates() {
        require(TckCapability.AUTH_CALLBACK);
        List<Integer> asked = new ArrayList<>();
        ConnectAuth auth = new ConnectAuth(List.of(ConnectCredentialType.AUTHNAME, ConnectCredentialType.PASSPHRASE),
                creds -> {
                    for (ConnectCredential cred : creds) {
                        asked.add(cred.typeValue());
                        cred.setResult(cred.type() == ConnectCredentialType.AUTHNAME ? AUTH_USER : AUTH_PASSWORD);
                    }
                });
        try (Connect c = tck().connector().newConnectWithAuth(tck().fixtureUri(Fixtures.path(Fixtures.AUTH)), auth);
                Domain d = c.lookupDomainByName("tck-auth-domain")) {
            assertThat(d.getName()).isEqualTo("tck-auth-domain");
        }
        assertThat(asked).contains(ConnectCredentialType.AUTHNAME.value(), ConnectCredentialType.PASSPHRASE.value());
    }

    /** Fails when a wrong password is accepted or reported with a code other than ERR_AUTH_FAILED. */
    @Test
    @DisplayName("newConnectWithAuth with a wrong password fails with ERR_AUTH_FAILED")
    void authFails() {
        require(TckCapability.AUTH_CALLBACK);
        ConnectAuth auth = new ConnectAuth(List.of(ConnectCredentialType.AUTHNAME, ConnectCredentialType.PASSPHRASE),
                creds -> creds.forEach(cred -> cred.setResult(
                        cred.type() == ConnectCredentialType.AUTHNAME ? AUTH_USER : "wrong")));
        expectError(ErrorNumber.ERR_AUTH_FAILED,
                () -> tck().connector().newConnectWithAuth(tck().fixtureUri(Fixtures.path(Fixtures.AUTH)), auth).close());
    }

    /** Fails when each connection to a fixture does not get its own state, which every other test relies on. */
    @Test
    @DisplayName("Two connections to the same fixture do not share state")
    void fixtureIsolation() {
        String name = unique("iso");
        try (Connect a = open(); Connect b = open()) {
            a.domainDefineXML(testDomainXml(name, UUID.randomUUID())).close();
            assertThat(names(a.listAllDomains())).contains(name);
            assertThat(names(b.listAllDomains())).doesNotContain(name);
        }
    }

    /** Fails when the backend is not registered for ServiceLoader, or reports itself unusable here. */
    @Test
    @DisplayName("Libvirt.backends lists the backend under test as available")
    void backendListed() {
        assertThat(Libvirt.backends()).filteredOn(b -> b.name().equals(tck().backendName()))
                .singleElement().satisfies(b -> assertThat(b.available()).as("%s", b.unavailabilityCause()).isTrue())
                .extracting(BackendInfo::priority).isNotNull();
        assertThat(tck().connector().backendName()).isEqualTo(tck().backendName());
    }

    /** Fails when selecting an unknown backend does not give ERR_NO_SUPPORT naming the backends found. */
    @Test
    @DisplayName("Libvirt.using with an unknown name fails with ERR_NO_SUPPORT listing the backends")
    void unknownBackend() {
        var e = expectError(ErrorNumber.ERR_NO_SUPPORT, () -> Libvirt.using("no-such-backend"));
        assertThat(e.getMessage()).contains("no-such-backend").contains(tck().backendName());
    }

    /** Fails when opening a URI whose fixture file does not exist succeeds or crashes. */
    @Test
    @DisplayName("Opening a test URI whose fixture file is missing fails with ERR_XML_ERROR naming the file")
    void missingFixture() {
        String uri = tck().fixtureUri(Fixtures.path(Fixtures.NODE).resolveSibling("no-such-fixture.xml"));
        var e = expectError(ErrorNumber.ERR_XML_ERROR, () -> tck().connector().newConnect(uri).close());
        assertThat(e.getMessage()).contains("no-such-fixture.xml");
    }

    /** Fails when Libvirt's static entry points ignore -Dlibvirt4j.backend, or a wrong name does not list the backends. */
    @Test
    @DisplayName("Libvirt.newConnect, newConnectReadOnly and getVersion honour -Dlibvirt4j.backend")
    void backendProperty() {
        String uri = tck().fixtureUri(Fixtures.path(Fixtures.NODE));
        String before = System.getProperty(Libvirt.BACKEND_PROPERTY);
        try {
            System.setProperty(Libvirt.BACKEND_PROPERTY, tck().backendName());
            try (Connect c = Libvirt.newConnect(uri); Connect ro = Libvirt.newConnectReadOnly(uri)) {
                assertThat(c.getType()).isEqualTo("TEST");
                assertThat(ro.getNodeInfo().model()).isEqualTo("tck-cpu");
            }
            assertThat(Libvirt.getVersion()).isEqualTo(tck().connector().getVersion());
            System.setProperty(Libvirt.BACKEND_PROPERTY, "no-such-backend");
            var e = expectError(ErrorNumber.ERR_NO_SUPPORT, () -> Libvirt.newConnect(uri));
            assertThat(e.getMessage()).contains("no-such-backend").contains(tck().backendName());
        } finally {
            if (before == null) {
                System.clearProperty(Libvirt.BACKEND_PROPERTY);
            } else {
                System.setProperty(Libvirt.BACKEND_PROPERTY, before);
            }
        }
    }

    static List<String> names(List<Domain> domains) {
        List<String> out = new ArrayList<>();
        for (Domain d : domains) {
            try (d) {
                out.add(d.getName());
            }
        }
        return out;
    }
}

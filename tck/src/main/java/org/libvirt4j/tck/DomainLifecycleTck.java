package org.libvirt4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libvirt4j.tck.NodeFixture.*;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.libvirt4j.Connect;
import org.libvirt4j.ConnectListAllDomainsFlags;
import org.libvirt4j.Domain;
import org.libvirt4j.DomainMetadataType;
import org.libvirt4j.DomainDefineFlags;
import org.libvirt4j.DomainInfo;
import org.libvirt4j.DomainMemoryModFlags;
import org.libvirt4j.DomainState;
import org.libvirt4j.DomainUndefineFlagsValues;
import org.libvirt4j.DomainVcpuFlags;
import org.libvirt4j.DomainXMLFlags;
import org.libvirt4j.ErrorNumber;

/** Domains: listing, lookup, definition, the state machine, memory and vCPU counts. */
public abstract class DomainLifecycleTck extends TckArea {
    DomainLifecycleTck() {
    }

    /** Fails when listAllDomains loses domains or mis-applies the ACTIVE / INACTIVE filter bits. */
    @Test
    @DisplayName("listAllDomains returns both fixture domains and filters by ACTIVE and INACTIVE")
    void listAll() {
        try (Connect c = open()) {
            assertThat(ConnectTck.names(c.listAllDomains())).containsExactlyInAnyOrder(RUNNING, SHUTOFF);
            assertThat(ConnectTck.names(c.listAllDomains(ConnectListAllDomainsFlags.ACTIVE))).containsExactly(RUNNING);
            assertThat(ConnectTck.names(c.listAllDomains(ConnectListAllDomainsFlags.INACTIVE))).containsExactly(SHUTOFF);
        }
    }

    /** Fails when the list returned to users can be modified (the contract requires List.copyOf). */
    @Test
    @DisplayName("Lists returned by listAllDomains are immutable")
    void listIsImmutable() {
        try (Connect c = open()) {
            List<Domain> all = c.listAllDomains();
            try {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> all.remove(0))
                        .isInstanceOf(UnsupportedOperationException.class);
            } finally {
                all.forEach(Domain::close);
            }
        }
    }

    /** Fails when name, UUID, ID or OS type are read from the wrong place. */
    @Test
    @DisplayName("lookupDomainByName returns the fixture domain with its name, UUID, id and OS type")
    void lookupByName() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING)) {
            assertThat(d.getName()).isEqualTo(RUNNING);
            assertThat(d.getUUID()).isEqualTo(RUNNING_UUID);
            assertThat(d.getUUIDString()).isEqualTo(RUNNING_UUID.toString());
            assertThat(d.getID()).isEqualTo(1);
            assertThat(d.getOSType()).isEqualTo("linux");
        }
    }

    /** Fails when the 16 raw UUID bytes are passed in the wrong order. */
    @Test
    @DisplayName("lookupDomainByUUID and lookupDomainByUUIDString find the same domain")
    void lookupByUuid() {
        try (Connect c = open(); Domain a = c.lookupDomainByUUID(SHUTOFF_UUID);
                Domain b = c.lookupDomainByUUIDString(SHUTOFF_UUID.toString())) {
            assertThat(a.getName()).isEqualTo(SHUTOFF);
            assertThat(b.getName()).isEqualTo(SHUTOFF);
        }
    }

    /** Fails when the UUID string is not parsed with libvirt's rules (upper case hex, no dashes are allowed). */
    @Test
    @DisplayName("lookupDomainByUUIDString accepts upper-case hex without dashes, as virUUIDParse does")
    void lookupByUuidStringLenient() {
        String odd = RUNNING_UUID.toString().replace("-", "").toUpperCase(java.util.Locale.ROOT);
        try (Connect c = open(); Domain d = c.lookupDomainByUUIDString(odd)) {
            assertThat(d.getUUID()).isEqualTo(RUNNING_UUID);
        }
    }

    /** Fails when lookup by ID passes the wrong number or finds an inactive domain. */
    @Test
    @DisplayName("lookupDomainById(1) finds the running domain")
    void lookupById() {
        try (Connect c = open(); Domain d = c.lookupDomainById(1)) {
            assertThat(d.getName()).isEqualTo(RUNNING);
        }
    }

    /** Fails when virDomainInfo's fields are mapped to the wrong components (memory vs maxMem, say). */
    @Test
    @DisplayName("getInfo of the running fixture domain reports RUNNING, 256 MiB max, 128 MiB, 1 vCPU")
    void info() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING)) {
            DomainInfo info = d.getInfo();
            assertThat(info.state()).isEqualTo(DomainState.RUNNING);
            assertThat(info.maxMem()).isEqualTo(262_144L);
            assertThat(info.memory()).isEqualTo(131_072L);
            assertThat(info.nrVirtCpu()).isEqualTo(1);
            assertThat(info.cpuTime()).isPositive();
            assertThat(d.getState().state()).isEqualTo(DomainState.RUNNING);
        }
    }

    /** Fails when an inactive domain reports a state other than SHUTOFF, or an id other than -1. */
    @Test
    @DisplayName("The inactive fixture domain is SHUTOFF, persistent, not active, with id -1")
    void inactiveDomain() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(SHUTOFF)) {
            assertThat(d.getState().state()).isEqualTo(DomainState.SHUTOFF);
            assertThat(d.isActive()).isFalse();
            assertThat(d.isPersistent()).isTrue();
            assertThat(d.getID()).isEqualTo(-1);
        }
    }

    /** Fails when domain XML is mangled (encoding, truncation) or names the wrong domain. */
    @Test
    @DisplayName("getXMLDesc returns XML naming the domain, its UUID and its memory")
    void xmlDesc() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING)) {
            String xml = d.getXMLDesc();
            assertThat(xpath(xml, "/domain/name")).isEqualTo(RUNNING);
            assertThat(xpath(xml, "/domain/uuid")).isEqualTo(RUNNING_UUID.toString());
            assertThat(xpath(xml, "/domain/memory")).isEqualTo("262144");
            assertThat(xpath(d.getXMLDesc(DomainXMLFlags.INACTIVE, DomainXMLFlags.SECURE), "/domain/name")).isEqualTo(RUNNING);
        }
    }

    /** Fails when a defined domain does not come back from its own XML with the same name and UUID. */
    @Test
    @DisplayName("domainDefineXML defines a persistent, inactive domain whose XML round-trips")
    void defineRoundTrip() {
        String name = unique("def");
        UUID uuid = UUID.randomUUID();
        try (Connect c = open(); Domain d = c.domainDefineXML(testDomainXml(name, uuid))) {
            assertThat(d.getName()).isEqualTo(name);
            assertThat(d.getUUID()).isEqualTo(uuid);
            assertThat(d.isPersistent()).isTrue();
            assertThat(d.isActive()).isFalse();
            assertThat(d.getState().state()).isEqualTo(DomainState.SHUTOFF);
            String xml = d.getXMLDesc();
            assertThat(xpath(xml, "/domain/name")).isEqualTo(name);
            assertThat(xpath(xml, "/domain/uuid")).isEqualTo(uuid.toString());
            try (Domain again = c.domainDefineXML(xml)) {
                assertThat(again.getUUID()).isEqualTo(uuid);
            }
        }
    }

    /** Fails when the VALIDATE flag is not passed (virDomainDefineXMLFlags) and schema errors go unnoticed. */
    @Test
    @DisplayName("domainDefineXML with VALIDATE rejects schema-invalid XML with ERR_XML_INVALID_SCHEMA")
    void defineValidate() {
        String bad = "<domain type='test'><name>" + unique("bad") + "</name><memory>65536</memory>"
                + "<os><type>hvm</type></os><bogus-element/></domain>";
        try (Connect c = open()) {
            expectError(ErrorNumber.ERR_XML_INVALID_SCHEMA, () -> c.domainDefineXML(bad, DomainDefineFlags.VALIDATE));
        }
    }

    /** Fails when create/destroy do not drive the state machine, or the id is not assigned on start. */
    @Test
    @DisplayName("create starts a defined domain and destroy stops it")
    void createDestroy() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(SHUTOFF)) {
            d.create();
            assertThat(d.getState().state()).isEqualTo(DomainState.RUNNING);
            assertThat(d.isActive()).isTrue();
            assertThat(d.getID()).isPositive();
            d.destroy();
            assertThat(d.getState().state()).isEqualTo(DomainState.SHUTOFF);
            assertThat(d.getID()).isEqualTo(-1);
        }
    }

    /** Fails when starting a running domain does not pass on the test driver's error (ERR_INTERNAL_ERROR there). */
    @Test
    @DisplayName("create on a running test domain fails with the driver's ERR_INTERNAL_ERROR")
    void createTwice() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING)) {
            expectError(ErrorNumber.ERR_INTERNAL_ERROR, d::create);
            assertThat(d.isActive()).isTrue();
        }
    }

    /** Fails when destroying an inactive domain is not reported as ERR_OPERATION_INVALID. */
    @Test
    @DisplayName("destroy on an inactive domain fails with ERR_OPERATION_INVALID")
    void destroyInactive() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(SHUTOFF)) {
            expectError(ErrorNumber.ERR_OPERATION_INVALID, d::destroy);
        }
    }

    /** Fails when suspend/resume are swapped or do not reach libvirt. */
    @Test
    @DisplayName("suspend pauses a running domain and resume runs it again")
    void suspendResume() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING)) {
            d.suspend();
            assertThat(d.getState().state()).isEqualTo(DomainState.PAUSED);
            assertThat(d.getInfo().state()).isEqualTo(DomainState.PAUSED);
            d.resume();
            assertThat(d.getState().state()).isEqualTo(DomainState.RUNNING);
        }
    }

    /** Fails when resuming a domain that is not paused does not pass on the test driver's ERR_INTERNAL_ERROR. */
    @Test
    @DisplayName("resume on a running test domain fails with the driver's ERR_INTERNAL_ERROR")
    void resumeRunning() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING)) {
            expectError(ErrorNumber.ERR_INTERNAL_ERROR, d::resume);
        }
    }

    /** Fails when shutdown does not reach the test driver, which powers off at once. */
    @Test
    @DisplayName("shutdown turns the running test domain off")
    void shutdown() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING)) {
            d.shutdown();
            assertThat(d.getState().state()).isEqualTo(DomainState.SHUTOFF);
        }
    }

    /** Fails when reboot throws or leaves the domain in a state other than RUNNING. */
    @Test
    @DisplayName("reboot leaves a running test domain running")
    void reboot() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING)) {
            d.reboot();
            assertThat(d.getState().state()).isEqualTo(DomainState.RUNNING);
        }
    }

    /** Fails when undefine does not remove the definition, or a later lookup reports the wrong code. */
    @Test
    @DisplayName("undefine removes an inactive domain; looking it up then fails with ERR_NO_DOMAIN")
    void undefine() {
        try (Connect c = open()) {
            try (Domain d = c.lookupDomainByName(SHUTOFF)) {
                d.undefine();
            }
            expectError(ErrorNumber.ERR_NO_DOMAIN, () -> c.lookupDomainByName(SHUTOFF));
        }
    }

    /** Fails when undefine with flags is not routed to virDomainUndefineFlags, or a running domain vanishes. */
    @Test
    @DisplayName("undefine of a running domain with flags makes it transient but keeps it running")
    void undefineRunning() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING)) {
            d.undefine(DomainUndefineFlagsValues.MANAGED_SAVE, DomainUndefineFlagsValues.SNAPSHOTS_METADATA);
            assertThat(d.isPersistent()).isFalse();
            assertThat(d.isActive()).isTrue();
        }
    }

    /** Fails when domainCreateXML does not start a transient domain, or it outlives destroy. */
    @Test
    @DisplayName("domainCreateXML starts a transient domain that disappears on destroy")
    void createTransient() {
        String name = unique("transient");
        try (Connect c = open()) {
            try (Domain d = c.domainCreateXML(testDomainXml(name, UUID.randomUUID()))) {
                assertThat(d.isActive()).isTrue();
                assertThat(d.isPersistent()).isFalse();
                assertThat(d.getState().state()).isEqualTo(DomainState.RUNNING);
                d.destroy();
            }
            expectError(ErrorNumber.ERR_NO_DOMAIN, () -> c.lookupDomainByName(name));
        }
    }

    /** Fails when the autostart flag is not written or read back as set. */
    @Test
    @DisplayName("setAutostart is read back by getAutostart")
    void autostart() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(SHUTOFF)) {
            assertThat(d.getAutostart()).isFalse();
            d.setAutostart(true);
            assertThat(d.getAutostart()).isTrue();
            d.setAutostart(false);
            assertThat(d.getAutostart()).isFalse();
        }
    }

    /** Fails when maximum memory is passed or read with the wrong width or unit. */
    @Test
    @DisplayName("setMaxMemory on an inactive domain is read back by getMaxMemory and getInfo")
    void maxMemory() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(SHUTOFF)) {
            assertThat(d.getMaxMemory()).isEqualTo(131_072L);
            d.setMaxMemory(524_288L);
            assertThat(d.getMaxMemory()).isEqualTo(524_288L);
            assertThat(d.getInfo().maxMem()).isEqualTo(524_288L);
        }
    }

    /** Fails when libvirt's refusal to resize a running domain's maximum is not passed on as ERR_OPERATION_INVALID. */
    @Test
    @DisplayName("setMaxMemory on a running domain fails with ERR_OPERATION_INVALID")
    void maxMemoryRunning() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING)) {
            expectError(ErrorNumber.ERR_OPERATION_INVALID, () -> d.setMaxMemory(524_288L));
            assertThat(d.getMaxMemory()).isEqualTo(262_144L);
        }
    }

    /** Fails when the balloon target is not set on the running domain. */
    @Test
    @DisplayName("setMemory changes the current memory of a running domain")
    void setMemory() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING)) {
            d.setMemory(200_000L);
            assertThat(d.getInfo().memory()).isEqualTo(200_000L);
        }
    }

    /** Fails when memory above the maximum is accepted; libvirt rejects it with ERR_INVALID_ARG. */
    @Test
    @DisplayName("setMemory above the maximum fails with ERR_INVALID_ARG")
    void setMemoryTooMuch() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING)) {
            expectError(ErrorNumber.ERR_INVALID_ARG, () -> d.setMemory(10_000_000L));
        }
    }

    /** Fails when setMemoryFlags ignores its flags (CONFIG | MAXIMUM changes the persistent maximum only). */
    @Test
    @DisplayName("setMemoryFlags with CONFIG and MAXIMUM changes the persistent definition's maximum")
    void setMemoryFlags() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(SHUTOFF)) {
            d.setMemoryFlags(262_144L, DomainMemoryModFlags.CONFIG, DomainMemoryModFlags.MAXIMUM);
            assertThat(d.getMaxMemory()).isEqualTo(262_144L);
            assertThat(xpath(d.getXMLDesc(DomainXMLFlags.INACTIVE), "/domain/memory")).isEqualTo("262144");
        }
    }

    /** Fails when vCPU counts are not changed or read back per the flags. */
    @Test
    @DisplayName("setVcpus changes the live count and getVcpusFlags reads it and the maximum")
    void vcpus() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING)) {
            assertThat(d.getVcpusFlags(DomainVcpuFlags.LIVE)).isEqualTo(1);
            assertThat(d.getVcpusFlags(DomainVcpuFlags.MAXIMUM, DomainVcpuFlags.CONFIG)).isEqualTo(2);
            d.setVcpus(2);
            assertThat(d.getVcpusFlags(DomainVcpuFlags.LIVE)).isEqualTo(2);
            assertThat(d.getInfo().nrVirtCpu()).isEqualTo(2);
        }
    }

    /** Fails when setVcpusFlags does not pass its flags (CONFIG changes only the persistent count). */
    @Test
    @DisplayName("setVcpusFlags with CONFIG changes the persistent count of an inactive domain")
    void vcpusFlags() {
        String name = unique("vcpu");
        try (Connect c = open(); Domain d = c.domainDefineXML(testDomainXml(name, UUID.randomUUID()))) {
            d.setVcpusFlags(1, DomainVcpuFlags.CONFIG);
            assertThat(d.getVcpusFlags(DomainVcpuFlags.CONFIG)).isEqualTo(1);
            assertThat(d.getVcpusFlags(DomainVcpuFlags.CONFIG, DomainVcpuFlags.MAXIMUM)).isEqualTo(2);
        }
    }

    /** Fails when more vCPUs than the maximum are accepted; libvirt rejects them with ERR_INVALID_ARG. */
    @Test
    @DisplayName("setVcpus above the maximum fails with ERR_INVALID_ARG")
    void vcpusTooMany() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING)) {
            expectError(ErrorNumber.ERR_INVALID_ARG, () -> d.setVcpus(64));
        }
    }

    /** Fails when a piece of metadata is stored in the wrong place, not removed, or misreported when absent. */
    @Test
    @DisplayName("Title, description and a namespaced element round-trip through metadata, and removal leaves "
            + "ERR_NO_DOMAIN_METADATA")
    void metadata() {
        String uri = "http://libvirt4j.org/tck/1";
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING)) {
            d.setMetadata(DomainMetadataType.TITLE, "a title", null, null);
            d.setMetadata(DomainMetadataType.DESCRIPTION, "a\nlonger description", null, null);
            d.setMetadata(DomainMetadataType.ELEMENT, "<app version=\"2\"/>", "tck", uri);
            assertThat(d.getMetadata(DomainMetadataType.TITLE, null)).isEqualTo("a title");
            assertThat(d.getMetadata(DomainMetadataType.DESCRIPTION, null)).isEqualTo("a\nlonger description");
            assertThat(d.getMetadata(DomainMetadataType.ELEMENT, uri)).isEqualTo("<app version=\"2\"/>");
            assertThat(d.getXMLDesc()).contains("<title>a title</title>").contains(uri);
            d.setMetadata(DomainMetadataType.ELEMENT, null, null, uri);
            expectError(ErrorNumber.ERR_NO_DOMAIN_METADATA, () -> d.getMetadata(DomainMetadataType.ELEMENT, uri));
            expectError(ErrorNumber.ERR_INVALID_ARG,
                    () -> d.setMetadata(DomainMetadataType.TITLE, "two\nlines", null, null));
            expectError(ErrorNumber.ERR_INVALID_ARG, () -> d.getMetadata(DomainMetadataType.ELEMENT, null));
            expectNpe(() -> d.getMetadata(null, null));
        }
    }

    /** Fails when a managed save does not stop the domain and keep an image that the next start consumes. */
    @Test
    @DisplayName("managedSave stops a running domain and keeps an image; starting again consumes it; "
            + "managedSaveRemove and reset behave as libvirt's")
    void managedSaveAndReset() {
        UUID uuid = UUID.randomUUID();
        try (Connect c = open(); Domain d = c.domainDefineXML(testDomainXml(unique("msave"), uuid))) {
            assertThat(d.hasManagedSaveImage()).isFalse();
            expectError(ErrorNumber.ERR_OPERATION_INVALID, d::managedSave);
            d.create();
            d.reset();
            assertThat(d.getState().state()).isEqualTo(DomainState.RUNNING);
            d.managedSave();
            assertThat(d.getState().state()).isEqualTo(DomainState.SHUTOFF);
            assertThat(d.hasManagedSaveImage()).isTrue();
            d.create();
            assertThat(d.getState().state()).isEqualTo(DomainState.RUNNING);
            assertThat(d.hasManagedSaveImage()).isFalse();
            d.managedSave();
            d.managedSaveRemove();
            assertThat(d.hasManagedSaveImage()).isFalse();
            d.undefine();
        }
    }
}

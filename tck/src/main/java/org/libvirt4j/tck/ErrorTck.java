package org.libvirt4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libvirt4j.tck.NodeFixture.*;

import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.libvirt4j.Connect;
import org.libvirt4j.Domain;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorLevel;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.StoragePool;

/** libvirt's errors, passed on with their exact code, domain, level and message. */
public abstract class ErrorTck extends TckArea {
    ErrorTck() {
    }

    /** Fails when the code, domain or level of a "not found" error are lost or re-mapped. */
    @Test
    @DisplayName("An unknown domain name gives ERR_NO_DOMAIN at level ERROR with libvirt's message")
    void unknownDomain() {
        try (Connect c = open()) {
            LibvirtException e = expectError(ErrorNumber.ERR_NO_DOMAIN, () -> c.lookupDomainByName("no-such-domain"));
            assertThat(e.level()).isEqualTo(ErrorLevel.ERROR);
            assertThat(e.codeValue()).isEqualTo(42);
            assertThat(e.domain()).isNotEqualTo(ErrorDomain.UNRECOGNIZED);
            assertThat(e.getMessage()).contains("Domain not found");
        }
    }

    /** Fails when an empty name is rejected locally instead of going to libvirt, which reports ERR_NO_DOMAIN. */
    @Test
    @DisplayName("An empty domain name goes to libvirt and gives ERR_NO_DOMAIN")
    void emptyName() {
        try (Connect c = open()) {
            expectError(ErrorNumber.ERR_NO_DOMAIN, () -> c.lookupDomainByName(""));
        }
    }

    /** Fails when an unknown UUID or id is not reported as ERR_NO_DOMAIN. */
    @Test
    @DisplayName("An unknown domain UUID or id gives ERR_NO_DOMAIN")
    void unknownDomainUuidAndId() {
        try (Connect c = open()) {
            expectError(ErrorNumber.ERR_NO_DOMAIN, () -> c.lookupDomainByUUID(UUID.randomUUID()));
            expectError(ErrorNumber.ERR_NO_DOMAIN, () -> c.lookupDomainByUUIDString(UUID.randomUUID().toString()));
            expectError(ErrorNumber.ERR_NO_DOMAIN, () -> c.lookupDomainById(999));
        }
    }

    /** Fails when a malformed UUID string is not rejected with ERR_INVALID_ARG (spi.Uuids.parse, before libvirt). */
    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"not-a-uuid", "1234", "11111111-2222-3333-4444-55555555550", "11111111-2222-3333-4444-555555555501x", ""})
    @DisplayName("A domain UUID string of the wrong form gives ERR_INVALID_ARG")
    void malformedDomainUuid(String uuid) {
        try (Connect c = open()) {
            LibvirtException e = expectError(ErrorNumber.ERR_INVALID_ARG, () -> c.lookupDomainByUUIDString(uuid));
            assertThat(e.domain()).isEqualTo(ErrorDomain.DOMAIN);
            assertThat(e.level()).isEqualTo(ErrorLevel.ERROR);
            assertThat(e.getMessage()).isEqualTo("Invalid UUID");
        }
    }

    /**
     * Fails when a string with a NUL character reaches libvirt: C would act on the part before
     * the NUL ({@code "tck-running"} here), another object than the one named.
     */
    @Test
    @DisplayName("A name or XML holding a NUL character gives ERR_INVALID_ARG instead of acting on the part before it")
    void nulInStrings() {
        try (Connect c = open()) {
            for (ThrowingCallable call : new ThrowingCallable[] {
                () -> c.lookupDomainByName(RUNNING + "\0ignored"),
                () -> c.lookupNetworkByName(NETWORK + "\0"),
                () -> c.domainDefineXML("<domain type='test'><name>nul</name>\0</domain>")}) {
                LibvirtException e = expectError(ErrorNumber.ERR_INVALID_ARG, call);
                assertThat(e.getMessage()).isEqualTo(org.libvirt4j.spi.CStrings.NUL_MESSAGE);
            }
            expectError(ErrorNumber.ERR_NO_DOMAIN, () -> c.lookupDomainByName("nul"));
        }
    }

    /**
     * Fails when a Java string holding a lone surrogate is not sent as standard UTF-8 with the
     * surrogate replaced by {@code '?'} (what {@code String.getBytes(UTF_8)} does): the JNI glue's
     * modified UTF-8 passes the surrogate's 3 bytes, which libvirt's XML parser refuses.
     */
    @Test
    @DisplayName("A lone surrogate in a name reaches libvirt as '?', and a surrogate pair as its 4-byte UTF-8 form")
    void loneSurrogate() {
        try (Connect c = open()) {
            for (String[] names : new String[][] {
                {"dom\uD800x", "dom?x"}, {"dom\uDC00\uD800y", "dom??y"}, {"dom\uD83D\uDE00z\uDBFF", "dom\uD83D\uDE00z?"}}) {
                try (Domain d = c.domainDefineXML(testDomainXml(names[0], UUID.randomUUID()))) {
                    assertThat(d.getName()).isEqualTo(names[1]);
                    try (Domain again = c.lookupDomainByName(names[0])) {
                        assertThat(again.getName()).isEqualTo(names[1]);
                    }
                    d.undefine();
                }
            }
        }
    }

    /** Fails when the other UUID-string lookups do not check the form like the domain one. */
    @Test
    @DisplayName("Network, pool, secret, nwfilter and network-port UUID strings of the wrong form give ERR_INVALID_ARG")
    void malformedOtherUuids() {
        try (Connect c = open()) {
            expectMalformedUuid(ErrorDomain.NETWORK, "virNetworkLookupByUUIDString", () -> c.lookupNetworkByUUIDString("zz"));
            expectMalformedUuid(ErrorDomain.STORAGE, "virStoragePoolLookupByUUIDString", () -> c.lookupStoragePoolByUUIDString("zz"));
            expectMalformedUuid(ErrorDomain.SECRET, "virSecretLookupByUUIDString", () -> c.lookupSecretByUUIDString("zz"));
            expectMalformedUuid(ErrorDomain.NWFILTER, "virNWFilterLookupByUUIDString", () -> c.lookupNWFilterByUUIDString("zz"));
            try (org.libvirt4j.Network n = c.lookupNetworkByName(NETWORK)) {
                expectMalformedUuid(ErrorDomain.NETWORK, "virNetworkPortLookupByUUIDString", () -> n.lookupNetworkPortByUUIDString("zz"));
            }
        }
    }

    /** libvirt's C client words these with the function's name, before anything is sent. */
    private static void expectMalformedUuid(ErrorDomain domain, String function,
            ThrowingCallable call) {
        LibvirtException e = expectError(ErrorNumber.ERR_INVALID_ARG, call);
        assertThat(e.domain()).as("error domain of %s", function).isEqualTo(domain);
        assertThat(e.level()).isEqualTo(ErrorLevel.ERROR);
        assertThat(e.getMessage()).isEqualTo("uuidstr in " + function + " must be a valid UUID");
    }

    /** Fails when a "not found" code of some object kind is mapped wrongly. */
    @Test
    @DisplayName("Unknown networks, pools, volumes give ERR_NO_NETWORK, ERR_NO_STORAGE_POOL, ERR_NO_STORAGE_VOL")
    void unknownOthers() {
        try (Connect c = open()) {
            expectError(ErrorNumber.ERR_NO_NETWORK, () -> c.lookupNetworkByName("nope"));
            expectError(ErrorNumber.ERR_NO_NETWORK, () -> c.lookupNetworkByUUID(UUID.randomUUID()));
            expectError(ErrorNumber.ERR_NO_STORAGE_POOL, () -> c.lookupStoragePoolByName("nope"));
            expectError(ErrorNumber.ERR_NO_STORAGE_POOL, () -> c.lookupStoragePoolByUUID(UUID.randomUUID()));
            expectError(ErrorNumber.ERR_NO_STORAGE_VOL, () -> c.lookupStorageVolByKey("nope"));
            expectError(ErrorNumber.ERR_NO_STORAGE_VOL, () -> c.lookupStorageVolByPath("/nope"));
            try (StoragePool p = c.lookupStoragePoolByName(POOL)) {
                expectError(ErrorNumber.ERR_NO_STORAGE_VOL, () -> p.lookupStorageVolByName("nope"));
            }
        }
    }

    /** Fails when unknown snapshots and checkpoints are not reported with their own codes. */
    @Test
    @DisplayName("Unknown snapshots and checkpoints give ERR_NO_DOMAIN_SNAPSHOT and ERR_NO_DOMAIN_CHECKPOINT")
    void unknownSnapshotAndCheckpoint() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(SHUTOFF)) {
            expectError(ErrorNumber.ERR_NO_DOMAIN_SNAPSHOT, () -> d.snapshotLookupByName("nope"));
            expectError(ErrorNumber.ERR_NO_DOMAIN_CHECKPOINT, () -> d.checkpointLookupByName("nope"));
        }
    }

    /** Fails when libvirt's XML parser error is not passed on (ERR_XML_DETAIL with the parser's message). */
    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"<domain", "", "<<>>", "<domain><name>x</name></domai>"})
    @DisplayName("Malformed domain XML gives ERR_XML_DETAIL")
    void malformedXml(String xml) {
        try (Connect c = open()) {
            expectError(ErrorNumber.ERR_XML_DETAIL, () -> c.domainDefineXML(xml));
        }
    }

    /** Fails when well-formed XML of the wrong kind is accepted or reported with another code. */
    @Test
    @DisplayName("Network XML given to domainDefineXML gives ERR_XML_ERROR")
    void wrongRootElement() {
        try (Connect c = open()) {
            LibvirtException e = expectError(ErrorNumber.ERR_XML_ERROR, () -> c.domainDefineXML("<network/>"));
            assertThat(e.getMessage()).contains("network");
        }
    }

    /** Fails when a name clash is not reported as libvirt's ERR_OPERATION_FAILED. */
    @Test
    @DisplayName("Defining a domain whose name exists with another UUID gives ERR_OPERATION_FAILED")
    void duplicateName() {
        try (Connect c = open()) {
            expectError(ErrorNumber.ERR_OPERATION_FAILED, () -> c.domainDefineXML(testDomainXml(SHUTOFF, UUID.randomUUID())));
        }
    }

    /** Fails when a call the driver lacks is not reported as ERR_NO_SUPPORT with libvirt's message. */
    @Test
    @DisplayName("Unsupported driver calls give ERR_NO_SUPPORT naming the function")
    void noSupport() {
        try (Connect c = open()) {
            LibvirtException e = expectError(ErrorNumber.ERR_NO_SUPPORT, c::listAllSecrets);
            assertThat(e.getMessage()).contains("virConnectListAllSecrets");
            expectError(ErrorNumber.ERR_NO_SUPPORT, c::listAllNWFilters);
        }
    }

    /** Fails when an error leaks from one call into the next (virGetLastError must be read and reset per call). */
    @Test
    @DisplayName("A failed call leaves no error behind for the next successful call")
    void noStaleError() {
        try (Connect c = open()) {
            expectError(ErrorNumber.ERR_NO_DOMAIN, () -> c.lookupDomainByName("nope"));
            try (Domain d = c.lookupDomainByName(RUNNING)) {
                assertThat(d.getName()).isEqualTo(RUNNING);
            }
            expectError(ErrorNumber.ERR_NO_NETWORK, () -> c.lookupNetworkByName("nope"));
        }
    }

    /** Fails when errors are not thread-confined: each thread must see its own call's error. */
    @Test
    @DisplayName("Concurrent failing calls on many threads each get their own error code")
    void concurrentErrors() throws Exception {
        try (Connect c = open()) {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                java.util.List<java.util.concurrent.Future<?>> futures = new java.util.ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    final int n = i;
                    futures.add(pool.submit(() -> {
                        if (n % 2 == 0) {
                            expectError(ErrorNumber.ERR_NO_DOMAIN, () -> c.lookupDomainByName("nope" + n));
                        } else {
                            expectError(ErrorNumber.ERR_NO_NETWORK, () -> c.lookupNetworkByName("nope" + n));
                        }
                    }));
                }
                for (java.util.concurrent.Future<?> f : futures) {
                    f.get(60, java.util.concurrent.TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}

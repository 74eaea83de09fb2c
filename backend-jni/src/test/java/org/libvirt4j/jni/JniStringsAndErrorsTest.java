package org.libvirt4j.jni;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.libvirt4j.Connect;
import org.libvirt4j.Domain;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorLevel;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.Libvirt;
import org.libvirt4j.LibvirtException;

/** What the C glue does with strings and errors: UTF-8 both ways, libvirt's numbers and message as they are. */
class JniStringsAndErrorsTest {
    private static final String NAME = "dömäin-\u2713-\uD83D\uDE00";
    private static final String TITLE = "Ünïcödé \uD834\uDD1E and a long tail " + "ü".repeat(300);

    @Test
    @DisplayName("Non-ASCII and supplementary characters survive Java to libvirt to Java, in short and long strings")
    void unicodeRoundTrip() {
        try (Connect c = Libvirt.using("jni").newConnect("test:///default")) {
            String xml = "<domain type='test'><name>" + NAME + "</name><title>" + TITLE + "</title>"
                    + "<memory>8192</memory><os><type>hvm</type></os></domain>";
            try (Domain defined = c.domainDefineXML(xml); Domain found = c.lookupDomainByName(NAME)) {
                assertThat(found.getName()).isEqualTo(NAME);
                assertThat(found.getXMLDesc()).contains("<title>" + TITLE + "</title>");
                assertThat(found.getUUID()).isEqualTo(defined.getUUID());
                found.undefine();
            }
        }
    }

    @Test
    @DisplayName("A failing call throws libvirt's own code, domain, level and message, read in the same native call")
    void libvirtErrorAsIs() {
        try (Connect c = Libvirt.using("jni").newConnect("test:///default")) {
            assertThatThrownBy(() -> c.lookupDomainByName("no-such-domain"))
                    .isInstanceOfSatisfying(LibvirtException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorNumber.ERR_NO_DOMAIN);
                        assertThat(e.domain()).isEqualTo(ErrorDomain.TEST);
                        assertThat(e.level()).isEqualTo(ErrorLevel.ERROR);
                        assertThat(e.getMessage()).isEqualTo("Domain not found");
                    });
            // The next call on the same thread starts clean: no stale error leaks into it.
            try (Domain d = c.lookupDomainByName("test")) {
                assertThat(d.getID()).isPositive();
            }
        }
    }

    @Test
    @DisplayName("An inactive domain's id is -1 without an error; a Stream of another kind is an invalid stream")
    void edgeResults() {
        try (Connect c = Libvirt.using("jni").newConnect("test:///default")) {
            String xml = "<domain type='test'><name>idle</name><memory>8192</memory><os><type>hvm</type></os></domain>";
            try (Domain d = c.domainDefineXML(xml)) {
                assertThat(d.getID()).isEqualTo(-1);
                assertThatThrownBy(() -> d.screenshot(new ForeignStream(), 0))
                        .isInstanceOfSatisfying(LibvirtException.class,
                                e -> assertThat(e.code()).isEqualTo(ErrorNumber.ERR_INVALID_STREAM));
                d.undefine();
            }
        }
    }

    /** A Stream that is not this backend's. */
    private static final class ForeignStream implements org.libvirt4j.Stream {
        @Override
        public int send(byte[] data, int offset, int length) {
            return 0;
        }

        @Override
        public int send(java.nio.ByteBuffer src) {
            return 0;
        }

        @Override
        public int recv(byte[] buffer, int offset, int length) {
            return 0;
        }

        @Override
        public int recv(java.nio.ByteBuffer dst) {
            return 0;
        }

        @Override
        public int send(byte[] data) {
            return 0;
        }

        @Override
        public int recv(byte[] buffer) {
            return 0;
        }

        @Override
        public void finish() {
        }

        @Override
        public void abort() {
        }

        @Override
        public int recvFlags(byte[] buffer, int flags) {
            return 0;
        }

        @Override
        public void sendHole(long length, int flags) {
        }

        @Override
        public long recvHole(int flags) {
            return 0;
        }

        @Override
        public void eventAddCallback(int events, org.libvirt4j.StreamEventCallback callback) {
        }

        @Override
        public void eventUpdateCallback(int events) {
        }

        @Override
        public void eventRemoveCallback() {
        }

        @Override
        public void close() {
        }
    }
}

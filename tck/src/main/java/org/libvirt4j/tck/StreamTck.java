package org.libvirt4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libvirt4j.tck.NodeFixture.*;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.libvirt4j.Connect;
import org.libvirt4j.Domain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.Stream;

/** Streams, driven by the test driver's screenshot. */
public abstract class StreamTck extends TckArea {
    StreamTck() {
    }

    static byte[] drain(Stream s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        for (int n; (n = s.recv(buf)) != 0;) {
            assertThat(n).as("recv on a blocking stream returns bytes or 0 at the end").isPositive();
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    /** Fails when screenshot data is not streamed completely or its bytes are corrupted. */
    @Test
    @DisplayName("A test-driver screenshot streams a complete PNG image")
    void screenshot() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING); Stream s = c.newStream()) {
            assertThat(d.screenshot(s, 0)).isEqualTo("image/png");
            byte[] png = drain(s);
            s.finish();
            assertThat(png).hasSizeGreaterThan(100);
            assertThat(png).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
        }
    }

    /** Fails when recv copies into the wrong part of the buffer or returns more than it holds. */
    @Test
    @DisplayName("recv with a 1-byte buffer reads the same image one byte at a time")
    void tinyBuffer() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING); Stream s = c.newStream()) {
            d.screenshot(s, 0);
            byte[] one = new byte[1];
            assertThat(s.recv(one)).isEqualTo(1);
            assertThat(one[0]).isEqualTo((byte) 0x89);
            assertThat(s.recv(one)).isEqualTo(1);
            assertThat(one[0]).isEqualTo((byte) 'P');
            s.abort();
        }
    }

    /**
     * Fails when abort does not end the stream, or a later recv does not give the error libvirt's
     * C client gives on the same transport: in process, the fd stream's ERR_INTERNAL_ERROR
     * ("stream is not open"); through a daemon, the RPC client's ERR_OPERATION_FAILED ("stream is closed").
     */
    @Test
    @DisplayName("After abort, recv fails with libvirt's error for the transport")
    void recvAfterAbort() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING); Stream s = c.newStream()) {
            d.screenshot(s, 0);
            s.abort();
            expectError(viaDaemon() ? ErrorNumber.ERR_OPERATION_FAILED : ErrorNumber.ERR_INTERNAL_ERROR,
                    () -> s.recv(new byte[16]));
        }
    }

    /** Fails when a stream that was never attached does not report ERR_NO_SUPPORT, as libvirt does. */
    @Test
    @DisplayName("recv and finish on an unattached stream fail with ERR_NO_SUPPORT")
    void unattachedStream() {
        try (Connect c = open(); Stream s = c.newStream()) {
            expectError(ErrorNumber.ERR_NO_SUPPORT, () -> s.recv(new byte[16]));
            expectError(ErrorNumber.ERR_NO_SUPPORT, s::finish);
        }
    }
}

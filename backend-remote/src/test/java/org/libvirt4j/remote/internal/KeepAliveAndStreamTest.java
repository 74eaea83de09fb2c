package org.libvirt4j.remote.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.libvirt4j.Connect;
import org.libvirt4j.Domain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.Stream;

/** Keepalive both ways, and bounded stream buffering, against the scriptable fake daemon. */
class KeepAliveAndStreamTest {

    @AfterEach
    void reset() {
        System.clearProperty(org.libvirt4j.remote.internal.rpc.RpcSettings.TIMEOUT_PROPERTY);
    }

    @Test
    @DisplayName("An upload to a daemon that stops reading holds the sender near the high-water mark and then "
            + "times out, instead of buffering without bound")
    void uploadBackpressure() throws Exception {
        System.setProperty(org.libvirt4j.remote.internal.rpc.RpcSettings.TIMEOUT_PROPERTY, "2");
        try (FakeDaemon fake = new FakeDaemon((c, out, s) -> {
            switch (c.proc()) {
                case 97 -> { // STORAGE_VOL_LOOKUP_BY_PATH: pool, name, key
                    java.io.ByteArrayOutputStream vol = new java.io.ByteArrayOutputStream();
                    vol.write(HostileDaemonTest.string("pool"));
                    vol.write(HostileDaemonTest.string("v.img"));
                    vol.write(HostileDaemonTest.string("/fake/v.img"));
                    FakeDaemon.reply(out, c, 0, vol.toByteArray());
                }
                case 208 -> { // STORAGE_VOL_UPLOAD: accept, then never read again
                    FakeDaemon.reply(out, c, 0, new byte[0]);
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                default -> throw new java.io.IOException("unexpected procedure " + c.proc());
            }
        }); Connect conn = RemoteConnect.open(fake.uri());
                org.libvirt4j.StorageVol vol = conn.lookupStorageVolByPath("/fake/v.img"); Stream st = conn.newStream()) {
            vol.upload(st, 0, 0);
            byte[] chunk = new byte[256 * 1024];
            long[] sent = {0};
            LibvirtException e = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                try {
                    for (int i = 0; i < 4096; i++) { // 1 GiB, far more than any buffer in between
                        sent[0] += st.send(chunk);
                    }
                } catch (LibvirtException ex) {
                    return ex;
                }
                throw new AssertionError("1 GiB was accepted by a daemon that reads nothing");
            });
            assertThat(e.code()).isEqualTo(ErrorNumber.ERR_OPERATION_TIMEOUT);
            // what the kernel's socket buffers hold, plus the client's own high-water mark
            assertThat(sent[0]).isLessThan(64L << 20);
        }
    }

    @Test
    @DisplayName("The client answers the daemon's PING with a PONG")
    void answersPing() throws Exception {
        try (FakeDaemon fake = new FakeDaemon((c, out, s) -> {
            FakeDaemon.frame(out, 0x6b656570, 1, 1, 2, 0, 0, new byte[0]); // PING
            FakeDaemon.reply(out, c, 0, HostileDaemonTest.string("fakehost"));
        }); Connect conn = RemoteConnect.open(fake.uri())) {
            assertThat(conn.getHostname()).isEqualTo("fakehost");
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                while (!fake.keepalive.contains(2)) {
                    Thread.sleep(10);
                }
            });
        }
    }

    @Test
    @DisplayName("A daemon that stops answering is declared dead after interval x count, failing waiting calls")
    void missedPingsKillTheConnection() throws Exception {
        try (FakeDaemon fake = new FakeDaemon((c, out, s) -> {
            // never answers: the call waits, keepalive must end it
        }, true); Connect conn = RemoteConnect.open(fake.uri())) {
            conn.setKeepAlive(1, 2);
            long start = System.nanoTime();
            LibvirtException e = assertTimeoutPreemptively(Duration.ofSeconds(15), () -> {
                try {
                    conn.getHostname();
                    throw new AssertionError();
                } catch (LibvirtException ex) {
                    return ex;
                }
            });
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            assertThat(e.getMessage()).contains("keepalive timeout");
            assertThat(fake.keepalive).contains(1);
            assertThat(conn.isAlive()).isFalse();
        }
    }

    @Test
    @DisplayName("A stream the application does not read stops the socket at the high-water mark; all bytes arrive in order")
    void streamBackpressure() throws Exception {
        int chunk = 65536;
        int chunks = 256; // 16 MiB, four times the high-water mark
        AtomicLong pushed = new AtomicLong();
        try (FakeDaemon fake = new FakeDaemon((c, out, s) -> {
            if (c.type() == 3) { // the client's finish: acknowledge it as libvirtd does
                FakeDaemon.frame(out, FakeDaemon.PROGRAM, 1, c.proc(), 3, c.serial(), 0, new byte[0]);
                return;
            }
            switch (c.proc()) {
                case 23 -> FakeDaemon.reply(out, c, 0, domain("fake")); // DOMAIN_LOOKUP_BY_NAME
                case 211 -> { // DOMAIN_SCREENSHOT: mime, then the data, then end of stream
                    java.io.ByteArrayOutputStream mime = new java.io.ByteArrayOutputStream();
                    mime.write(FakeDaemon.ints(1));
                    mime.write(HostileDaemonTest.string("image/x-test"));
                    FakeDaemon.reply(out, c, 0, mime.toByteArray());
                    for (int i = 0; i < chunks; i++) {
                        byte[] data = new byte[chunk];
                        java.util.Arrays.fill(data, (byte) i);
                        FakeDaemon.frame(out, FakeDaemon.PROGRAM, 1, 211, 3, c.serial(), 2, data);
                        pushed.addAndGet(chunk);
                    }
                    FakeDaemon.frame(out, FakeDaemon.PROGRAM, 1, 211, 3, c.serial(), 0, new byte[0]);
                }
                default -> throw new java.io.IOException("unexpected procedure " + c.proc());
            }
        }); Connect conn = RemoteConnect.open(fake.uri()); Domain d = conn.lookupDomainByName("fake");
                Stream st = conn.newStream()) {
            assertThat(d.screenshot(st, 0)).isEqualTo("image/x-test");
            Thread.sleep(1500);
            assertThat(pushed.get()).as("the daemon is held back by the client's full buffer")
                    .isLessThan((long) chunk * chunks);
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            byte[] buf = new byte[100_000];
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                for (int n; (n = st.recv(buf)) != 0;) {
                    all.write(buf, 0, n);
                }
            });
            byte[] got = all.toByteArray();
            assertThat(got).hasSize(chunk * chunks);
            for (int i = 0; i < chunks; i++) {
                assertThat(got[i * chunk]).isEqualTo((byte) i);
                assertThat(got[i * chunk + chunk - 1]).isEqualTo((byte) i);
            }
            st.finish();
            assertThatThrownBy(() -> st.recv(buf)).isInstanceOfSatisfying(LibvirtException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorNumber.ERR_OPERATION_FAILED));
        }
    }

    private static byte[] domain(String name) throws java.io.IOException {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        b.write(HostileDaemonTest.string(name));
        b.write(new byte[16]);
        b.write(FakeDaemon.ints(1));
        return b.toByteArray();
    }
}

package org.libvirt4j.remote.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.libvirt4j.Connect;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.remote.internal.rpc.RpcConnection;
import org.libvirt4j.remote.internal.rpc.RpcSettings;

/**
 * A daemon that misbehaves must never hang or crash the client: every test runs against a
 * {@link FakeDaemon} on loopback and expects a clear {@link LibvirtException} within seconds.
 */
class HostileDaemonTest {
    private static final Duration LIMIT = Duration.ofSeconds(20);

    @AfterEach
    void resetTimeout() {
        System.clearProperty(RpcSettings.TIMEOUT_PROPERTY);
    }

    private static LibvirtException hostile(FakeDaemon.Script script) {
        return assertTimeoutPreemptively(LIMIT, () -> {
            try (FakeDaemon fake = new FakeDaemon(script); Connect c = RemoteConnect.open(fake.uri())) {
                try {
                    c.getHostname();
                } catch (LibvirtException e) {
                    assertThat(c.isAlive()).as("the connection is declared dead after a bogus message").isFalse();
                    return e;
                }
                throw new AssertionError("the hostile reply was accepted");
            }
        });
    }

    private static void assertRpcError(LibvirtException e, String fragment) {
        assertThat(e.domain()).isEqualTo(ErrorDomain.RPC);
        assertThat(e.code()).isIn(ErrorNumber.ERR_RPC, ErrorNumber.ERR_SYSTEM_ERROR);
        assertThat(e.getMessage()).contains(fragment);
    }

    @Test
    @DisplayName("A reply with a serial nobody waits for closes the connection with ERR_RPC")
    void unknownSerial() {
        LibvirtException e = hostile((c, out, s) -> FakeDaemon.frame(out, FakeDaemon.PROGRAM, 1, c.proc(), 1,
                c.serial() + 1000, 0, new byte[0]));
        assertRpcError(e, "serial");
    }

    @Test
    @DisplayName("A reply from an unknown program closes the connection with ERR_RPC")
    void wrongProgram() {
        LibvirtException e = hostile((c, out, s) -> FakeDaemon.frame(out, 0x12345678, 1, c.proc(), 1, c.serial(), 0,
                new byte[0]));
        assertRpcError(e, "unknown program");
    }

    @Test
    @DisplayName("An undecodable reply body (string length past the end) fails the call with ERR_RPC")
    void undecodableBody() {
        LibvirtException e = hostile((c, out, s) -> FakeDaemon.reply(out, c, 0, FakeDaemon.ints(0x7fffffff)));
        assertRpcError(e, "cannot decode");
    }

    @Test
    @DisplayName("Trailing bytes after a reply are a protocol error, not silently ignored")
    void trailingBytes() {
        LibvirtException e = hostile((c, out, s) -> FakeDaemon.reply(out, c, 0, FakeDaemon.ints(1, 0x41000000, 7)));
        assertRpcError(e, "trailing");
    }

    @Test
    @DisplayName("A frame longer than VIR_NET_MESSAGE_MAX is refused before anything is allocated")
    void oversizedFrame() {
        LibvirtException e = hostile((c, out, s) -> {
            out.writeInt(Integer.MAX_VALUE);
            out.flush();
        });
        assertThat(e.domain()).isEqualTo(ErrorDomain.RPC);
        assertThat(e.getMessage()).containsIgnoringCase("frame length");
    }

    @Test
    @DisplayName("A length word smaller than a header is refused")
    void tinyFrame() {
        LibvirtException e = hostile((c, out, s) -> {
            out.writeInt(8);
            out.writeInt(0);
            out.flush();
        });
        assertRpcError(e, "shorter than its header");
    }

    @Test
    @DisplayName("A truncated frame followed by a hang-up fails the call with an end-of-file error")
    void truncatedThenClosed() {
        LibvirtException e = hostile((c, out, s) -> {
            out.writeInt(1000);
            out.write(new byte[10]);
            out.flush();
            s.close();
        });
        assertThat(e.code()).isEqualTo(ErrorNumber.ERR_SYSTEM_ERROR);
        assertThat(e.getMessage()).contains("End of file");
    }

    @Test
    @DisplayName("Garbage bytes fail the call with an RPC error")
    void garbage() {
        LibvirtException e = hostile((c, out, s) -> {
            out.write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
        });
        assertThat(e.domain()).isEqualTo(ErrorDomain.RPC);
    }

    @Test
    @DisplayName("A reply status that is neither OK nor ERROR closes the connection")
    void bogusStatus() {
        LibvirtException e = hostile((c, out, s) -> FakeDaemon.reply(out, c, 7, new byte[0]));
        assertRpcError(e, "status");
    }

    @Test
    @DisplayName("An Error thrown while a reply is decoded (here an OutOfMemoryError) fails that call and every "
            + "other call in flight at once with ERR_RPC, instead of leaving its caller to the call timeout")
    void errorWhileDecodingFailsAtOnce() throws Exception {
        System.setProperty(RpcSettings.TIMEOUT_PROPERTY, "10");
        try (FakeDaemon fake = new FakeDaemon((c, out, s) -> {
            if (c.proc() == 59) { // CONNECT_GET_HOSTNAME answers; CONNECT_GET_TYPE is never answered
                FakeDaemon.reply(out, c, 0, string("fakehost"));
            }
        }); Connect conn = RemoteConnect.open(fake.uri())) {
            RpcConnection rpc = ((RemoteConnect) conn).session.rpc;
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<LibvirtException> other = pool.submit(() -> {
                    try {
                        conn.getType();
                        return null;
                    } catch (LibvirtException e) {
                        return e;
                    }
                });
                Thread.sleep(200); // let the other call reach the daemon
                long t0 = System.nanoTime();
                // the reply's decoder is the hook: decoding a legal reply may need more heap than there is
                LibvirtException e = assertTimeoutPreemptively(LIMIT, () -> {
                    try {
                        rpc.call(59, null, r -> {
                            throw new OutOfMemoryError("Java heap space (simulated while decoding)");
                        });
                    } catch (LibvirtException ex) {
                        return ex;
                    }
                    throw new AssertionError("the call succeeded");
                });
                long millis = (System.nanoTime() - t0) / 1_000_000;
                assertThat(millis).as("the caller is woken at once, not at the 10 s call timeout").isLessThan(5000);
                assertRpcError(e, "cannot decode the reply to procedure 59");
                assertThat(e.code()).isEqualTo(ErrorNumber.ERR_RPC);
                assertThat(e.getMessage()).contains("OutOfMemoryError");
                assertThat(rpc.isAlive()).isFalse();
                LibvirtException o = assertTimeoutPreemptively(LIMIT, () -> other.get());
                assertThat(o).as("the other call in flight fails too").isNotNull();
                assertThat(o.code()).isEqualTo(ErrorNumber.ERR_RPC);
                assertThat(o.getMessage()).contains("OutOfMemoryError");
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    @DisplayName("Opening has one deadline, the call timeout: a daemon answering each handshake call just "
            + "under the timeout makes the open fail after one timeout, not four")
    void openHasOneDeadline() throws Exception {
        System.setProperty(RpcSettings.TIMEOUT_PROPERTY, "1");
        try (FakeDaemon fake = new FakeDaemon((c, out, s) -> FakeDaemon.reply(out, c, 0, string("fakehost")))) {
            fake.handshakeDelayMillis = 700; // each of the 4 handshake calls answers after 0.7 timeouts
            long t0 = System.nanoTime();
            LibvirtException e = assertTimeoutPreemptively(LIMIT, () -> {
                Connect c;
                try {
                    c = RemoteConnect.open(fake.uri());
                } catch (LibvirtException ex) {
                    return ex;
                }
                c.close();
                throw new AssertionError("opened after " + (System.nanoTime() - t0) / 1_000_000 + " ms");
            });
            long millis = (System.nanoTime() - t0) / 1_000_000;
            assertThat(millis).as("the open gives up at its one deadline").isBetween(900L, 1600L);
            assertThat(e.code()).isEqualTo(ErrorNumber.ERR_OPERATION_TIMEOUT);
            assertThat(e.getMessage()).contains("deadline of the connection's open").contains(RpcSettings.TIMEOUT_PROPERTY);
        }
    }

    @Test
    @DisplayName("A daemon's error reply becomes its remote_error, message and numbers intact")
    void remoteError() {
        LibvirtException e = assertTimeoutPreemptively(LIMIT, () -> {
            try (FakeDaemon fake = new FakeDaemon((c, out, s) -> FakeDaemon.reply(out, c, 1, remoteError(42, 10,
                    "Domain not found", 2)));
                    Connect conn = RemoteConnect.open(fake.uri())) {
                assertThatThrownBy(conn::getHostname).isInstanceOf(LibvirtException.class);
                try {
                    conn.getHostname();
                    throw new AssertionError();
                } catch (LibvirtException ex) {
                    assertThat(conn.isAlive()).as("an error reply leaves the connection usable").isTrue();
                    return ex;
                }
            }
        });
        assertThat(e.codeValue()).isEqualTo(42);
        assertThat(e.domainValue()).isEqualTo(10);
        assertThat(e.levelValue()).isEqualTo(2);
        assertThat(e.getMessage()).isEqualTo("Domain not found");
    }

    @Test
    @DisplayName("A daemon that never answers makes the call time out; the connection stays usable")
    void silentDaemonTimesOut() {
        System.setProperty(RpcSettings.TIMEOUT_PROPERTY, "1");
        LibvirtException e = assertTimeoutPreemptively(LIMIT, () -> {
            try (FakeDaemon fake = new FakeDaemon((c, out, s) -> {
                if (c.proc() == 3) { // CONNECT_GET_TYPE answers, the others are ignored
                    FakeDaemon.reply(out, c, 0, string("FAKE"));
                }
            }); Connect conn = RemoteConnect.open(fake.uri())) {
                try {
                    conn.getHostname();
                    throw new AssertionError();
                } catch (LibvirtException ex) {
                    assertThat(conn.getType()).isEqualTo("FAKE");
                    return ex;
                }
            }
        });
        assertThat(e.code()).isEqualTo(ErrorNumber.ERR_OPERATION_TIMEOUT);
        assertThat(e.getMessage()).contains(RpcSettings.TIMEOUT_PROPERTY);
    }

    @Test
    @DisplayName("When the daemon hangs up, every call in flight fails at once, and later calls fail fast")
    void hangUpFailsAllInFlight() throws Exception {
        List<Socket> sockets = new ArrayList<>();
        try (FakeDaemon fake = new FakeDaemon((c, out, s) -> {
            synchronized (sockets) {
                sockets.add(s);
            }
        }); Connect conn = RemoteConnect.open(fake.uri())) {
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                List<Future<LibvirtException>> calls = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    calls.add(pool.submit(() -> {
                        try {
                            conn.getHostname();
                            return null;
                        } catch (LibvirtException e) {
                            return e;
                        }
                    }));
                }
                assertTimeoutPreemptively(LIMIT, () -> {
                    while (true) {
                        synchronized (sockets) {
                            if (!sockets.isEmpty()) {
                                break;
                            }
                        }
                        Thread.sleep(10);
                    }
                    Thread.sleep(200); // let the other calls reach the daemon
                    synchronized (sockets) {
                        sockets.get(0).close();
                    }
                    for (Future<LibvirtException> f : calls) {
                        LibvirtException e = f.get();
                        assertThat(e).isNotNull();
                        assertThat(e.code()).isEqualTo(ErrorNumber.ERR_SYSTEM_ERROR);
                        assertThat(e.domain()).isEqualTo(ErrorDomain.RPC);
                    }
                    assertThat(conn.isAlive()).isFalse();
                    assertThatThrownBy(conn::getType).isInstanceOf(LibvirtException.class);
                });
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    @DisplayName("A daemon that stops reading fills the socket: later calls queue behind the partly written "
            + "one, and once it reads again every call arrives whole, none interleaved")
    void slowReaderGetsWholeMessages() throws Exception {
        int threads = 8;
        int payload = 3 << 20; // 8 x 3 MiB is more than loopback's socket buffers hold
        java.util.concurrent.atomic.AtomicBoolean stalled = new java.util.concurrent.atomic.AtomicBoolean();
        try (FakeDaemon fake = new FakeDaemon((c, out, s) -> {
            if (c.proc() != 11) { // DOMAIN_DEFINE_XML
                return;
            }
            if (stalled.compareAndSet(false, true)) {
                sleep(1500); // stop reading while the others write
            }
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(c.body());
            int len = b.getInt();
            byte fill = c.body()[4 + "<domain>".length()];
            boolean whole = b.remaining() == ((len + 3) & ~3);
            for (int i = 4 + "<domain>".length(); whole && i < 4 + len - "</domain>".length(); i++) {
                whole = c.body()[i] == fill;
            }
            java.io.ByteArrayOutputStream dom = new java.io.ByteArrayOutputStream();
            dom.write(string(whole ? "ok-" + (char) fill + "-" + len : "corrupt"));
            dom.write(new byte[16]);
            dom.write(FakeDaemon.ints(-1));
            FakeDaemon.reply(out, c, 0, dom.toByteArray());
        }); Connect conn = RemoteConnect.open(fake.uri())) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<String>> names = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    char fill = (char) ('a' + t);
                    String xml = "<domain>" + String.valueOf(fill).repeat(payload) + "</domain>";
                    names.add(pool.submit(() -> conn.domainDefineXML(xml).getName()));
                }
                assertTimeoutPreemptively(LIMIT, () -> {
                    for (int t = 0; t < threads; t++) {
                        int len = "<domain>".length() + payload + "</domain>".length();
                        assertThat(names.get(t).get()).isEqualTo("ok-" + (char) ('a' + t) + "-" + len);
                    }
                });
                assertThat(stalled).isTrue();
                assertThat(conn.isAlive()).isTrue();
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static byte[] string(String s) {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int padded = (b.length + 3) & ~3;
        java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(4 + padded);
        out.putInt(b.length).put(b);
        return out.array();
    }

    static byte[] remoteError(int code, int domain, String message, int level) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(bytes);
        d.writeInt(code);
        d.writeInt(domain);
        d.writeInt(1);
        d.write(string(message));
        d.writeInt(level);
        d.writeInt(0); // dom
        d.writeInt(0); // str1
        d.writeInt(0); // str2
        d.writeInt(0); // str3
        d.writeInt(0); // int1
        d.writeInt(0); // int2
        d.writeInt(0); // net
        return bytes.toByteArray();
    }
}

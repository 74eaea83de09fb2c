package org.libvirt4j.remote.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.remote.internal.rpc.RpcSettings;

/**
 * A TLS port that does not speak TLS: the handshake must fail with a clear error within the
 * call timeout, never hang. (The credentials come from the shared daemon's authority, so the
 * client gets as far as the handshake.)
 */
class HostileTlsTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @AfterEach
    void resetTimeout() {
        System.clearProperty(RpcSettings.TIMEOUT_PROPERTY);
    }

    /** Serves one connection with {@code behaviour} on a loopback port; returns the port. */
    private static ServerSocket serve(Consumer<Socket> behaviour) throws IOException {
        ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            try (Socket s = server.accept()) {
                behaviour.accept(s);
            } catch (IOException e) {
                // the client gave up
            }
        }, "hostile-tls");
        t.setDaemon(true);
        t.start();
        return server;
    }

    private static LibvirtException open(ServerSocket server) {
        String uri = "test+tls://127.0.0.1:" + server.getLocalPort() + "/x.xml?pkipath="
                + org.libvirt4j.tck.PrivateLibvirtd.shared().pkiDir();
        return assertTimeoutPreemptively(LIMIT, () -> {
            try {
                RemoteConnect.open(uri).close();
            } catch (LibvirtException e) {
                return e;
            }
            throw new AssertionError("a connection was made to a port that does not speak TLS");
        });
    }

    @Test
    @DisplayName("A server that answers the handshake with plain text fails it with ERR_SYSTEM_ERROR")
    void plainTextAnswer() throws Exception {
        try (ServerSocket server = serve(s -> {
            try {
                OutputStream out = s.getOutputStream();
                out.write("HTTP/1.0 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(2000);
            } catch (IOException | InterruptedException e) {
                // done
            }
        })) {
            LibvirtException e = open(server);
            assertThat(e.code()).isEqualTo(ErrorNumber.ERR_SYSTEM_ERROR);
            assertThat(e.domain()).isEqualTo(ErrorDomain.RPC);
            assertThat(e.getMessage()).startsWith("TLS handshake failed");
        }
    }

    @Test
    @DisplayName("A server that never answers the handshake is given up on after the call timeout")
    void silentServer() throws Exception {
        System.setProperty(RpcSettings.TIMEOUT_PROPERTY, "2");
        try (ServerSocket server = serve(s -> {
            try {
                Thread.sleep(20_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })) {
            long start = System.nanoTime();
            LibvirtException e = open(server);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
            assertThat(e.code()).isEqualTo(ErrorNumber.ERR_SYSTEM_ERROR);
            assertThat(e.getMessage()).contains("handshake");
        }
    }
}

package org.libvirt4j.remote.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.libvirt4j.Connect;
import org.libvirt4j.ConnectOptions;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.remote.RemoteBackend;
import org.libvirt4j.remote.RemoteOptions;

/** The remote backend's connection options on the wire, against the scriptable fake daemon. */
class ConnectOptionsTest {
    private final RemoteBackend backend = new RemoteBackend();

    @Test
    @DisplayName("KEEPALIVE given at open sends PINGs to a silent daemon without any setKeepAlive call, and "
            + "declares it dead after interval x (count + 1)")
    void keepAliveStartsAtOpen() throws Exception {
        try (FakeDaemon fake = new FakeDaemon((c, out, s) -> {
            // answers nothing after the handshake, not even PINGs
        }, true); Connect conn = backend.open(fake.uri(),
                ConnectOptions.builder().keepAlive(Duration.ofSeconds(1), 1).build())) {
            long start = System.nanoTime();
            assertTimeoutPreemptively(Duration.ofSeconds(15), () -> {
                while (conn.isAlive()) {
                    Thread.sleep(20);
                }
            });
            assertThat(fake.keepalive).as("keepalive procedures the client sent").contains(1);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
        }
    }

    @Test
    @DisplayName("Without KEEPALIVE no PING goes out, as with libvirt's C client")
    void noKeepAliveWithoutTheOption() throws Exception {
        try (FakeDaemon fake = new FakeDaemon((c, out, s) -> {
        }, true); Connect conn = backend.open(fake.uri(), ConnectOptions.defaults())) {
            Thread.sleep(2_500);
            assertThat(fake.keepalive).isEmpty();
            assertThat(conn.isAlive()).isTrue();
        }
    }

    @Test
    @DisplayName("CALL_TIMEOUT of 500 ms fails a call the daemon never answers with ERR_OPERATION_TIMEOUT naming it")
    void callTimeout() throws Exception {
        try (FakeDaemon fake = new FakeDaemon((c, out, s) -> {
        }); Connect conn = backend.open(fake.uri(),
                ConnectOptions.builder().callTimeout(Duration.ofMillis(500)).build())) {
            long start = System.nanoTime();
            LibvirtException e = assertTimeoutPreemptively(Duration.ofSeconds(15), () -> {
                try {
                    conn.getHostname();
                    throw new AssertionError("answered");
                } catch (LibvirtException ex) {
                    return ex;
                }
            });
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(e.code()).isEqualTo(ErrorNumber.ERR_OPERATION_TIMEOUT);
            assertThat(e.getMessage()).contains("call timeout of 500 ms");
            assertThat(ms).isBetween(450L, 5_000L);
            assertThat(conn.isAlive()).as("a timed-out call leaves the connection open").isTrue();
        }
    }

    @Test
    @DisplayName("EVENT_LOOP_GROUP: the connection's socket is served by the application's group, which "
            + "closing the connection leaves running")
    void eventLoopGroup() throws Exception {
        List<String> started = new CopyOnWriteArrayList<>();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, r -> {
            Thread t = new Thread(r, "app-loop");
            t.setDaemon(true);
            started.add(t.getName());
            return t;
        }, NioIoHandler.newFactory());
        try {
            try (FakeDaemon fake = new FakeDaemon((c, out, s) -> FakeDaemon.reply(out, c, 0,
                    HostileDaemonTest.string("fakehost"))); Connect conn = backend.open(fake.uri(),
                    ConnectOptions.builder().set(RemoteOptions.EVENT_LOOP_GROUP, group).build())) {
                assertThat(conn.getHostname()).isEqualTo("fakehost");
                assertThat(started).as("threads the application's group started").containsExactly("app-loop");
            }
            assertThat(group.isShuttingDown()).as("the backend never shuts the application's group down").isFalse();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }

    @Test
    @DisplayName("SSL_CONTEXT and PKI_PATH together are refused: they give the same credentials twice")
    void tlsMaterialOnce() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> backend.open("test+tls://127.0.0.1/default",
                ConnectOptions.builder().set(RemoteOptions.PKI_PATH, java.nio.file.Path.of("/nonexistent"))
                        .set(RemoteOptions.SSL_CONTEXT, io.netty.handler.ssl.SslContextBuilder.forClient().build())
                        .build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("remote.sslContext")
                .hasMessageContaining("remote.pkiPath");
    }
}

package org.libvirt4j.remote.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.libvirt4j.Connect;
import org.libvirt4j.ConnectCloseReason;
import org.libvirt4j.tck.PrivateLibvirtd;

/**
 * Client keepalive against a real libvirtd of its own: while the daemon answers the PINGs the
 * connection outlives several times interval x count of silence; once the daemon is stopped
 * ({@code SIGSTOP}: its socket stays open, so nothing but keepalive can notice) the PINGs go
 * unanswered and the connection closes with reason KEEPALIVE.
 */
class KeepAliveDaemonTest {
    private static final int INTERVAL = 2;
    private static final int COUNT = 2;

    @Test
    @DisplayName("PINGs on idle keep a connection to an answering libvirtd alive; a stopped one is declared dead")
    void keepaliveAgainstLibvirtd() throws Exception {
        try (PrivateLibvirtd daemon = PrivateLibvirtd.start();
                Connect conn = RemoteConnect.open(daemon.testUnixUri(Path.of("/default")))) {
            CompletableFuture<Integer> closed = new CompletableFuture<>();
            conn.registerCloseCallback((c, reason) -> closed.complete(reason));
            conn.setKeepAlive(INTERVAL, COUNT);
            // unanswered, the connection would die after INTERVAL x (COUNT + 1) = 6 s of silence
            Thread.sleep(TimeUnit.SECONDS.toMillis(INTERVAL * (COUNT + 2)));
            assertThat(conn.isAlive()).as("libvirtd's PONGs keep the connection alive").isTrue();
            assertThat(closed).isNotDone();
            assertThat(conn.getHostname()).isNotEmpty();

            daemon.pause();
            try {
                long t0 = System.nanoTime();
                int reason = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> closed.get());
                assertThat(ConnectCloseReason.fromValue(reason)).isEqualTo(ConnectCloseReason.KEEPALIVE);
                assertThat(Duration.ofNanos(System.nanoTime() - t0))
                        .isLessThan(Duration.ofSeconds(INTERVAL * (COUNT + 1) + 10));
                assertThat(conn.isAlive()).isFalse();
            } finally {
                daemon.resume();
            }
        }
    }
}

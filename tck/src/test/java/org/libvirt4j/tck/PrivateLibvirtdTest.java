package org.libvirt4j.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The private daemon fixture on its own: start, answer, isolation between two, stop by pid. */
class PrivateLibvirtdTest {

    /** Fails when two daemons collide (shared state dirs, same port) or one is not stopped and cleaned up. */
    @Test
    @Timeout(120)
    @DisplayName("Two private daemons run side by side and each stops by its pid, leaving nothing behind")
    void twoDaemons() throws Exception {
        CompletableFuture<PrivateLibvirtd> first = CompletableFuture.supplyAsync(PrivateLibvirtd::start);
        PrivateLibvirtd a = PrivateLibvirtd.start();
        try (PrivateLibvirtd b = first.get()) {
            assertThat(a.pid()).isNotEqualTo(b.pid());
            assertThat(a.tcpPort()).isNotEqualTo(b.tcpPort());
            assertThat(a.unixSocket()).isNotEqualTo(b.unixSocket());
            assertThat(ProcessHandle.of(a.pid())).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
            assertThat(a.qemuUri()).isEqualTo("qemu+unix:///system?socket=" + a.unixSocket());
            Path xml = Path.of("/tmp/x.xml");
            assertThat(a.testUnixUri(xml)).isEqualTo("test+unix:///tmp/x.xml?socket=" + a.unixSocket());
            assertThat(a.testTcpUri(xml)).isEqualTo("test+tcp://127.0.0.1:" + a.tcpPort() + "/tmp/x.xml");
            long pidA = a.pid();
            Path dirA = a.unixSocket().getParent().getParent();
            a.close();
            assertThat(ProcessHandle.of(pidA).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
            assertThat(Files.exists(dirA)).isFalse();
            assertThat(ProcessHandle.of(b.pid()).map(ProcessHandle::isAlive)).hasValue(true);
            assertThat(Files.exists(b.unixSocket())).isTrue();
        } finally {
            a.close();
        }
    }

    /** Fails when a daemon outlives a JVM killed without a chance to close it. */
    @Test
    @Timeout(120)
    @DisplayName("A daemon whose JVM is SIGKILLed is stopped by its watchdog, and its directory removed")
    void orphanIsStopped() throws Exception {
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                ChildJvm.class.getName()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (java.io.BufferedReader out = new java.io.BufferedReader(
                new java.io.InputStreamReader(child.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII))) {
            String[] started = out.readLine().split(" ");
            long daemon = Long.parseLong(started[0]);
            Path dir = Path.of(started[1]);
            assertThat(ProcessHandle.of(daemon).map(ProcessHandle::isAlive)).hasValue(true);
            child.destroyForcibly().waitFor();
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            while ((ProcessHandle.of(daemon).isPresent() || Files.exists(dir)) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(ProcessHandle.of(daemon).map(ProcessHandle::isAlive)).as("the orphaned daemon")
                    .isNotEqualTo(java.util.Optional.of(true));
            assertThat(Files.exists(dir)).as("its directory").isFalse();
        } finally {
            child.destroyForcibly();
        }
    }

    /** A JVM that starts a daemon, reports its pid and directory, and waits to be killed. */
    static final class ChildJvm {
        private ChildJvm() {
        }

        public static void main(String[] args) throws InterruptedException {
            PrivateLibvirtd d = PrivateLibvirtd.start();
            System.out.println(d.pid() + " " + d.unixSocket().getParent().getParent());
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    /** Fails when shared() starts a new daemon per call instead of one per JVM. */
    @Test
    @Timeout(60)
    @DisplayName("shared() returns the same running daemon on every call")
    void sharedIsShared() {
        assertThat(PrivateLibvirtd.shared()).isSameAs(PrivateLibvirtd.shared());
    }
}

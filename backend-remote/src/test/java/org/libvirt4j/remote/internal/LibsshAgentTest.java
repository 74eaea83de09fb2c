package org.libvirt4j.remote.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.libvirt4j.Connect;
import org.libvirt4j.Libvirt;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.remote.generated.RemoteAuthListRet;
import org.libvirt4j.remote.generated.RemoteAuthType;
import org.libvirt4j.remote.generated.RemoteProcedure;
import org.libvirt4j.remote.internal.rpc.RpcConnection;
import org.libvirt4j.remote.internal.rpc.RpcSettings;
import org.libvirt4j.tck.Fixtures;
import org.libvirt4j.tck.PrivateLibvirtd;
import org.libvirt4j.tck.PrivateSshd;

/**
 * {@code +libssh} logging in through a running {@code ssh-agent}: a private agent (its own socket
 * in a temp dir, stopped by its pid) holding the private sshd's client key, a URI with no
 * {@code keyfile} and a home without {@code ~/.ssh}. The JVM's environment cannot be changed, so
 * {@code SSH_AUTH_SOCK} reaches the transport through {@link SshTransports}'s environment seam.
 */
@Timeout(120)
class LibsshAgentTest {
    private static final long TIMEOUT = TimeUnit.SECONDS.toNanos(60);
    private static final RpcSettings SETTINGS = RpcSettings.defaults().withTimeoutNanos(TIMEOUT);

    /** The node fixture over {@code +libssh} with no key file: only an agent can log in (the server takes keys only). */
    private static String uri() {
        PrivateSshd sshd = PrivateSshd.shared();
        return "test+libssh://root@127.0.0.1:" + sshd.port() + Fixtures.path(Fixtures.NODE) + "?socket="
                + PrivateLibvirtd.shared().unixSocket() + "&known_hosts=" + sshd.knownHosts();
    }

    private static Process run(List<String> command, Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        return pb.start();
    }

    @Test
    @DisplayName("+libssh logs in with the key an ssh-agent at SSH_AUTH_SOCK holds, without keyfile or ~/.ssh")
    void logsInThroughTheAgent(@TempDir Path dir) throws Exception {
        Path sock = dir.resolve("agent.sock");
        Process agent = run(List.of("ssh-agent", "-D", "-a", sock.toString()), Map.of());
        try {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!Files.exists(sock) && System.nanoTime() < until && agent.isAlive()) {
                Thread.sleep(20);
            }
            assertThat(sock).as("ssh-agent's socket").exists();
            Process add = run(List.of("ssh-add", PrivateSshd.shared().clientKey().toString()),
                    Map.of("SSH_AUTH_SOCK", sock.toString()));
            assertThat(add.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(add.exitValue()).as(new String(add.getInputStream().readAllBytes())).isZero();
            Path home = Files.createDirectories(dir.resolve("home"));
            RpcConnection rpc = SshTransports.openLibssh(RemoteUri.parse(uri()), false, null, SETTINGS,
                    Map.of("SSH_AUTH_SOCK", sock.toString()), home.toString());
            try {
                List<RemoteAuthType> types = rpc.callBefore(System.nanoTime() + TIMEOUT,
                        RemoteProcedure.REMOTE_PROC_AUTH_LIST.value(), null, RemoteAuthListRet::decode).types();
                assertThat(types).as("the daemon behind the tunnel answers").isNotEmpty();
            } finally {
                rpc.close();
            }
        } finally {
            agent.destroy();
            if (!agent.waitFor(10, TimeUnit.SECONDS)) {
                agent.destroyForcibly();
            }
        }
    }

    @Test
    @DisplayName("Without SSH_AUTH_SOCK the same URI is refused as libvirt's C client refuses it")
    void withoutAnAgentRefusedAsLibvirtDoes(@TempDir Path home) {
        assertThat(System.getenv("SSH_AUTH_SOCK")).as("this comparison needs a JVM without SSH_AUTH_SOCK, "
                + "which libvirt.so would read").isNull();
        LibvirtException c = catchThrowableOfType(LibvirtException.class, () -> {
            try (Connect conn = Libvirt.using("jna").newConnect(uri())) {
                conn.getHostname();
            }
        });
        LibvirtException ours = catchThrowableOfType(LibvirtException.class, () -> SshTransports.openLibssh(
                RemoteUri.parse(uri()), false, null, SETTINGS, Map.of(), home.toString()).close());
        assertThat(c).as("libvirt's C client refuses %s", uri()).isNotNull();
        assertThat(ours).isNotNull();
        assertThat(ours.getMessage()).isEqualTo(c.getMessage());
        assertThat(ours.code()).isEqualTo(c.code());
        assertThat(ours.domain()).isEqualTo(c.domain());
    }
}

package org.libvirt4j.tck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private OpenSSH server on a free loopback port, in front of the {@link PrivateLibvirtd}: its
 * own host key, configuration and pid file in a temp directory, key logins only, for the TCK's
 * {@code +ssh} and {@code +libssh} runs. Started as root ({@code PermitRootLogin prohibit-password}),
 * with a client key pair made by {@code ssh-keygen} that it alone accepts, a {@code known_hosts}
 * file naming its host key, and a second one naming another key (for the host-key mismatch).
 *
 * <p>Needs Debian's {@code openssh-server} ({@code /usr/sbin/sshd}); {@code scripts/setup-test-env.sh}
 * installs it. The system's own sshd is neither started nor touched.
 */
public final class PrivateSshd implements AutoCloseable {
    /** The passphrase of {@link #lockedClientKey()}. */
    public static final String KEY_PASSPHRASE = "libvirt4j-tck";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final Object SHARED_LOCK = new Object();
    private static PrivateSshd shared;

    private final Path dir;
    private final int port;
    private final Process process;

    private PrivateSshd(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /**
     * @return the server shared by this JVM, started on the first call and stopped at exit
     * @throws IllegalStateException when it cannot start, with its output
     */
    public static PrivateSshd shared() {
        synchronized (SHARED_LOCK) {
            if (shared == null || !shared.process.isAlive()) {
                PrivateSshd started = start();
                Runtime.getRuntime().addShutdownHook(new Thread(started::close, "libvirt4j-tck-sshd-stop"));
                shared = started;
            }
            return shared;
        }
    }

    /**
     * Makes the keys and configuration, starts {@code sshd -D} and waits until its port answers.
     *
     * @return the running server, to be closed by the caller
     * @throws IllegalStateException when it does not answer within 20 s
     */
    public static PrivateSshd start() {
        try {
            Path dir = Files.createTempDirectory("libvirt4j-sshd-");
            run(dir, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "libvirt4j-tck-host", "-f",
                    dir.resolve("host_key").toString());
            run(dir, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "libvirt4j-tck-other-host", "-f",
                    dir.resolve("other_host_key").toString());
            run(dir, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "libvirt4j-tck-client", "-f",
                    dir.resolve("client_key").toString());
            run(dir, "ssh-keygen", "-q", "-t", "ed25519", "-N", KEY_PASSPHRASE, "-C", "libvirt4j-tck-client-locked",
                    "-f", dir.resolve("locked_client_key").toString());
            Files.writeString(dir.resolve("authorized_keys"), Files.readString(dir.resolve("client_key.pub"))
                    + Files.readString(dir.resolve("locked_client_key.pub")));
            int port;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            }
            Files.writeString(dir.resolve("known_hosts"), knownHostsLine(port, dir.resolve("host_key.pub")));
            Files.writeString(dir.resolve("wrong_known_hosts"), knownHostsLine(port, dir.resolve("other_host_key.pub")));
            // ssh itself, with this server's known-hosts file instead of the user's (the URI's command=)
            for (String[] w : new String[][] {{"ssh", "known_hosts"}, {"ssh-wrong", "wrong_known_hosts"}}) {
                Path script = dir.resolve(w[0]);
                Files.writeString(script, "#!/bin/sh\nexec ssh -o UserKnownHostsFile=" + dir.resolve(w[1])
                        + " -o GlobalKnownHostsFile=/dev/null \"$@\"\n", StandardCharsets.UTF_8);
                script.toFile().setExecutable(true);
            }
            Files.writeString(dir.resolve("sshd_config"), String.join("\n",
                    "# Written by libvirt4j's PrivateSshd for one test run.",
                    "Port " + port,
                    "ListenAddress 127.0.0.1",
                    "HostKey " + dir.resolve("host_key"),
                    "PidFile " + dir.resolve("sshd.pid"),
                    "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                    "PermitRootLogin prohibit-password",
                    "PubkeyAuthentication yes",
                    "PasswordAuthentication no",
                    "KbdInteractiveAuthentication no",
                    "UsePAM no",
                    // the temp directory is not root's own home: skip the ownership checks
                    "StrictModes no",
                    "MaxStartups 200:30:400",
                    "MaxSessions 200",
                    "LogLevel ERROR",
                    ""), StandardCharsets.UTF_8);
            // sshd refuses to start without its privilege separation directory (systemd makes it)
            Files.createDirectories(Path.of("/run/sshd"));
            Process p = new ProcessBuilder("/usr/sbin/sshd", "-D", "-e", "-f", dir.resolve("sshd_config").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("sshd.log").toFile()))
                    .start();
            PrivateSshd sshd = new PrivateSshd(dir, port, p);
            sshd.awaitReady();
            return sshd;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a private sshd; run scripts/setup-test-env.sh as root", e);
        }
    }

    private static String knownHostsLine(int port, Path publicKey) throws IOException {
        String[] parts = Files.readString(publicKey, StandardCharsets.US_ASCII).trim().split(" ");
        return "[127.0.0.1]:" + port + " " + parts[0] + " " + parts[1] + "\n";
    }

    private static void run(Path dir, String... command) throws IOException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("setup.log").toFile())).start();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " failed: " + tail(dir.resolve("setup.log")));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String why = "the private sshd exited with status " + process.exitValue() + ":\n"
                        + tail(dir.resolve("sshd.log"));
                close();
                throw new IllegalStateException(why);
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
                return;
            } catch (IOException e) {
                // not listening yet
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("interrupted while waiting for the private sshd", e);
            }
        }
        String log = tail(dir.resolve("sshd.log"));
        close();
        throw new IllegalStateException("the private sshd did not answer on 127.0.0.1:" + port + "\n" + log);
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** @return the loopback port it listens on */
    public int port() {
        return port;
    }

    /** @return the private key it accepts for root (an unencrypted ed25519 key) */
    public Path clientKey() {
        return dir.resolve("client_key");
    }

    /** @return a second private key it accepts for root, encrypted with {@link #KEY_PASSPHRASE} */
    public Path lockedClientKey() {
        return dir.resolve("locked_client_key");
    }

    /** @return a known-hosts file naming its host key for {@code [127.0.0.1]:PORT} */
    public Path knownHosts() {
        return dir.resolve("known_hosts");
    }

    /** @return a known-hosts file naming another key for {@code [127.0.0.1]:PORT}: a host-key mismatch */
    public Path wrongKnownHosts() {
        return dir.resolve("wrong_known_hosts");
    }

    /** @return its host public key file ({@code ssh-ed25519 AAAA... comment}) */
    public Path hostPublicKey() {
        return dir.resolve("host_key.pub");
    }

    /**
     * @return a script that runs {@code ssh} with {@link #knownHosts()} as its only known-hosts
     *         file, for the URI's {@code command=} (the user's own {@code ~/.ssh} stays untouched)
     */
    public Path sshCommand() {
        return dir.resolve("ssh");
    }

    /** @return the same with {@link #wrongKnownHosts()}: ssh refuses the server's host key */
    public Path wrongSshCommand() {
        return dir.resolve("ssh-wrong");
    }

    /**
     * @param fixtureXml an absolute path to a test-driver fixture
     * @param daemon the daemon whose socket the far side's {@code nc} reaches
     * @return {@code test+ssh://root@127.0.0.1:PORT/ABS.xml?socket=...&keyfile=...&no_tty=1&command=...}:
     *         the fixture over the system {@code ssh} binary, which checks the host key against
     *         {@link #knownHosts()}
     */
    public String testSshUri(Path fixtureXml, PrivateLibvirtd daemon) {
        return "test+ssh://root@127.0.0.1:" + port + fixtureXml.toAbsolutePath() + "?socket=" + daemon.unixSocket()
                + "&keyfile=" + clientKey() + "&no_tty=1&command=" + sshCommand();
    }

    /**
     * @param fixtureXml an absolute path to a test-driver fixture
     * @param daemon the daemon whose socket the far side's {@code nc} reaches
     * @return {@code test+libssh://root@127.0.0.1:PORT/ABS.xml?socket=...&keyfile=...&known_hosts=...}:
     *         the fixture over the pure-Java SSH client, the host key checked against {@link #knownHosts()}
     */
    public String testLibsshUri(Path fixtureXml, PrivateLibvirtd daemon) {
        return "test+libssh://root@127.0.0.1:" + port + fixtureXml.toAbsolutePath() + "?socket=" + daemon.unixSocket()
                + "&keyfile=" + clientKey() + "&known_hosts=" + knownHosts() + "&sshauth=privkey";
    }

    /** Stops the server by its pid (SIGTERM, then SIGKILL) and deletes its directory. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort: a leftover temp file is harmless
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // best effort, as above
        }
        synchronized (SHARED_LOCK) {
            if (shared == this) {
                shared = null;
            }
        }
    }

    @Override
    public String toString() {
        return "PrivateSshd[pid=" + process.pid() + ", port=" + port + "]";
    }
}

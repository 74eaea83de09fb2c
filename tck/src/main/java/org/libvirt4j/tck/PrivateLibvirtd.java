package org.libvirt4j.tck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private {@code libvirtd} for tests: its own sockets in a temporary directory, a loopback
 * TCP port without authentication, its own log and pid file, and (when {@code unshare} is
 * available, as it is for root) its own mount namespace in which {@code /run/libvirt},
 * {@code /var/lib/libvirt}, {@code /var/cache/libvirt} and {@code /etc/libvirt} are bind-mounted
 * from the temporary directory, so that the privileged QEMU driver's state never collides with
 * another daemon's, and nothing it defines outlives it.
 *
 * <p>The daemon runs in the foreground as a child process of this JVM, so its pid is known
 * exactly and it is stopped by that pid: {@code SIGTERM}, then {@code SIGKILL} after a timeout.
 * QEMU processes it started are killed by the pids in its private {@code run/qemu} directory.
 *
 * <p>Use {@link #shared()} for the one daemon per JVM, started on first use and stopped by a
 * shutdown hook; or {@link #start()} and {@link #close()} for a daemon of your own.
 * Requires root and {@code scripts/setup-test-env.sh} to have run.
 */
public final class PrivateLibvirtd implements AutoCloseable {
    /** Set to {@code false} to run the daemon without its own mount namespace. */
    public static final String ISOLATE_PROPERTY = "libvirt4j.tck.libvirtd.isolate";
    /**
     * Where a {@link #startMigrationHost migration host}'s QEMU listens for incoming migrations:
     * loopback, but not 127.0.0.1, which QEMU's driver refuses in {@code qemu.conf} ("must not be
     * the address of the local machine").
     */
    public static final String MIGRATION_ADDRESS = "127.0.0.2";
    /** The libvirtd binary to run; {@code /usr/sbin/libvirtd} unless set. */
    public static final String BINARY_PROPERTY = "libvirt4j.tck.libvirtd.binary";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final Object SHARED_LOCK = new Object();
    private static PrivateLibvirtd shared;

    private final Path dir;
    private final Path socket;
    private final int tcpPort;
    private final int tlsPort;
    private final TlsPki pki;
    private final Path log;
    private final List<String> command;
    /** The Cyrus SASL configuration directory the daemon reads ({@code SASL_CONF_PATH}), or {@code null}. */
    private final Path saslConf;
    /** What {@link #startSasl} or {@link #startGssapi} asked for, or {@code null}. */
    private final SaslSetup sasl;
    // replaced by restart() after kill(); read by any thread
    private volatile Process process;
    private volatile Process watchdog;

    private PrivateLibvirtd(Path dir, Path socket, int tcpPort, int tlsPort, TlsPki pki, Path log,
            List<String> command, SaslSetup sasl, Path saslConf, Process process) throws IOException {
        this.dir = dir;
        this.socket = socket;
        this.tcpPort = tcpPort;
        this.tlsPort = tlsPort;
        this.pki = pki;
        this.log = log;
        this.command = List.copyOf(command);
        this.sasl = sasl;
        this.saslConf = saslConf;
        this.process = process;
        this.watchdog = startWatchdog(dir, process.pid());
    }

    /**
     * Starts a process that outlives this JVM only to stop the daemon if the JVM dies without
     * closing it (SIGKILL, a CI timeout): then the daemon, the QEMU guests in its run directory
     * and the directory go too. It kills a pid only while that pid's command line still names
     * this daemon's directory (or, for a guest, is QEMU), so a reused pid is never hit.
     * {@link #close()} ends the watchdog first.
     */
    private static Process startWatchdog(Path dir, long daemonPid) throws IOException {
        String script = String.join("\n",
                "jvm=$1 daemon=$2 dir=$3",
                "while kill -0 \"$jvm\" 2>/dev/null; do sleep 1; done",
                "ours() { tr '\\0' ' ' < /proc/$1/cmdline 2>/dev/null | grep -q -- \"$2\"; }",
                "guests=$(cat \"$dir\"/run/qemu/*.pid 2>/dev/null || true)",
                "if ours \"$daemon\" \"$dir\"; then kill -TERM \"$daemon\"; sleep 5;"
                        + " ours \"$daemon\" \"$dir\" && kill -KILL \"$daemon\"; fi",
                "for g in $guests; do ours \"$g\" qemu && kill -KILL \"$g\"; done",
                "rm -rf \"$dir\"",
                "");
        return new ProcessBuilder("sh", "-c", script, "libvirt4j-libvirtd-watchdog",
                Long.toString(ProcessHandle.current().pid()), Long.toString(daemonPid), dir.toString())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /**
     * @return the daemon shared by this JVM, started on the first call and stopped at exit
     * @throws IllegalStateException when it cannot start, with the tail of its log
     */
    public static PrivateLibvirtd shared() {
        synchronized (SHARED_LOCK) {
            if (shared == null || !shared.process.isAlive()) {
                PrivateLibvirtd started = start();
                Runtime.getRuntime().addShutdownHook(new Thread(started::close, "libvirt4j-tck-libvirtd-stop"));
                shared = started;
            }
            return shared;
        }
    }

    /**
     * Starts a new private daemon and waits until its socket answers.
     *
     * @return the running daemon, to be closed by the caller
     * @throws IllegalStateException when it does not answer within 30 s, with the tail of its log
     */
    public static PrivateLibvirtd start() {
        return start(null, null, List.of(), List.of());
    }

    /**
     * Starts a new private daemon with extra lines in its {@code libvirtd.conf}, after the
     * fixture's own (settings it does not make itself), e.g. {@code max_clients = 1100} for a benchmark that
     * holds many connections. Its open-file limit is this JVM's, which it inherits.
     *
     * @param libvirtdConf the lines, e.g. {@code "max_clients = 1100"}
     * @return the running daemon, to be closed by the caller
     * @throws IllegalStateException when it does not answer within 30 s, with the tail of its log
     */
    public static PrivateLibvirtd startWith(List<String> libvirtdConf) {
        return start(null, null, List.copyOf(libvirtdConf), List.of());
    }

    /** Where QEMU's capability cache lies in a daemon's directory (its {@code /var/cache/libvirt}). */
    private static final String CAPABILITY_CACHE = "cache/qemu/capabilities";

    /**
     * Starts a private daemon that can be one end of a QEMU migration with another such daemon
     * on this machine: its own host UUID (QEMU's driver refuses a destination whose host UUID is
     * its own), and QEMU migration listening and advertised on {@link #MIGRATION_ADDRESS} only, on
     * 16 ports from {@code migrationPortMin}. It needs the daemon's own mount namespace, where its
     * {@code /etc/libvirt/qemu.conf} is a private copy.
     *
     * <p>A fresh daemon first probes QEMU's capabilities (tens of seconds under load); with
     * {@code seed}, it starts from a copy of that daemon's capability cache instead, which it
     * still validates against the binaries and the host as it would its own.
     *
     * @param migrationPortMin the first of the 16 ports incoming migrations may use
     * @param seed a running private daemon whose QEMU capability cache to copy, or {@code null}
     * @return the running daemon, to be closed by the caller
     * @throws IllegalStateException when the daemon cannot run in its own mount namespace, or does not start
     */
    public static PrivateLibvirtd startMigrationHost(int migrationPortMin, PrivateLibvirtd seed) {
        if (!isolate()) {
            throw new IllegalStateException("a migration host needs its own mount namespace (unshare, and "
                    + ISOLATE_PROPERTY + " not false) for a private qemu.conf");
        }
        return start(null, seed == null ? null : seed.dir.resolve(CAPABILITY_CACHE),
                List.of("host_uuid = \"" + java.util.UUID.randomUUID() + "\""), List.of(
                "migration_address = \"" + MIGRATION_ADDRESS + "\"",
                "migration_host = \"" + MIGRATION_ADDRESS + "\"",
                "migration_port_min = " + migrationPortMin,
                "migration_port_max = " + (migrationPortMin + 15)));
    }

    /**
     * Starts a private daemon that requires SASL on every socket ({@code auth_unix_rw},
     * {@code auth_unix_ro}, {@code auth_tcp} and {@code auth_tls} set to {@code "sasl"}), with a
     * Cyrus SASL configuration of its own: {@code libvirt.conf} in a private directory the daemon
     * finds through {@code SASL_CONF_PATH}, naming the mechanisms and a private sasldb that holds
     * one user, made with {@code saslpasswd2} (Debian's {@code sasl2-bin}).
     *
     * @param mechList the mechanisms the daemon offers, as Cyrus's {@code mech_list} takes them,
     *        e.g. {@code "scram-sha-256 digest-md5"}
     * @param user the user to create
     * @param password the user's password
     * @return the running daemon, to be closed by the caller
     * @throws IllegalStateException when it does not answer within 30 s, or the user cannot be made
     */
    public static PrivateLibvirtd startSasl(String mechList, String user, String password) {
        return start(new SaslSetup(Objects.requireNonNull(mechList, "mechList"), Objects.requireNonNull(user, "user"),
                Objects.requireNonNull(password, "password"), null), null, List.of(), List.of());
    }

    /**
     * Starts a private daemon that requires SASL's GSSAPI mechanism on every socket, with the
     * service keys of {@code kdc}'s keytab ({@code KRB5_KTNAME}) and its Kerberos configuration
     * ({@code KRB5_CONFIG}).
     *
     * @param kdc the running KDC
     * @return the running daemon, to be closed by the caller
     * @throws IllegalStateException when it does not answer within 30 s
     */
    public static PrivateLibvirtd startGssapi(PrivateKdc kdc) {
        return start(new SaslSetup("gssapi", "unused", "unused", Objects.requireNonNull(kdc, "kdc")), null, List.of(),
                List.of());
    }

    private record SaslSetup(String mechList, String user, String password, PrivateKdc kdc) {
        void environment(Map<String, String> env, Path conf) {
            env.put("SASL_CONF_PATH", conf.toString());
            if (kdc != null) {
                env.put("KRB5_CONFIG", kdc.krb5Conf().toString());
                env.put("KRB5_KTNAME", kdc.keytab().toString());
            }
        }

        /** Writes the configuration and the sasldb into {@code dir}; returns the configuration directory. */
        Path write(Path dir) throws IOException {
            Path conf = Files.createDirectories(dir.resolve("sasl2"));
            Path db = dir.resolve("sasldb2");
            Files.writeString(conf.resolve("libvirt.conf"), "mech_list: " + mechList + "\nsasldb_path: " + db + "\n"
                    + (kdc == null ? "" : "keytab: " + kdc.keytab() + "\n"), StandardCharsets.UTF_8);
            Process p = new ProcessBuilder("saslpasswd2", "-f", db.toString(), "-a", "libvirt", "-c", "-p", user)
                    .redirectErrorStream(true).start();
            try (var in = p.getOutputStream()) {
                in.write(password.getBytes(StandardCharsets.UTF_8));
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            try {
                if (p.waitFor() != 0) {
                    throw new IllegalStateException("saslpasswd2 failed (install sasl2-bin: scripts/setup-test-env.sh): "
                            + out);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while running saslpasswd2", e);
            }
            return conf;
        }
    }

    private static PrivateLibvirtd start(SaslSetup sasl, Path capabilityCache, List<String> libvirtdConf,
            List<String> qemuConf) {
        try {
            Path dir = Files.createTempDirectory("libvirt4j-libvirtd-");
            Path sockDir = Files.createDirectories(dir.resolve("sock"));
            Path log = dir.resolve("libvirtd.log");
            Path conf = dir.resolve("libvirtd.conf");
            Path pidFile = dir.resolve("libvirtd.pid");
            int port = freePort();
            int tlsPort = freePort();
            while (tlsPort == port) {
                tlsPort = freePort();
            }
            TlsPki pki = TlsPki.copyOfShared(Files.createDirectories(dir.resolve("pki")));
            Path saslConf = sasl == null ? null : sasl.write(dir);
            String auth = sasl == null ? "\"none\"" : "\"sasl\"";
            Files.writeString(conf, String.join("\n",
                    "# Written by libvirt4j's PrivateLibvirtd for one test run.",
                    "unix_sock_dir = \"" + sockDir + "\"",
                    "unix_sock_rw_perms = \"0700\"",
                    "unix_sock_ro_perms = \"0700\"",
                    "auth_unix_rw = " + auth,
                    "auth_unix_ro = " + auth,
                    "listen_tcp = 1",
                    "listen_tls = 1",
                    "tls_port = \"" + tlsPort + "\"",
                    "auth_tls = " + auth,
                    "ca_file = \"" + pki.caCert() + "\"",
                    "cert_file = \"" + pki.serverCert() + "\"",
                    "key_file = \"" + pki.serverKey() + "\"",
                    "listen_addr = \"127.0.0.1\"",
                    "tcp_port = \"" + port + "\"",
                    "auth_tcp = " + auth,
                    "log_level = 3",
                    "log_outputs = \"3:file:" + log + "\"",
                    String.join("\n", libvirtdConf),
                    ""), StandardCharsets.UTF_8);
            String binary = System.getProperty(BINARY_PROPERTY, "/usr/sbin/libvirtd");
            List<String> command = new ArrayList<>();
            if (isolate()) {
                for (String name : List.of("run", "lib", "cache", "etc")) {
                    Files.createDirectories(dir.resolve(name));
                }
                copyConfigs(dir.resolve("etc"));
                // the daemon's certificates where libvirt's TLS reload (virAdmServerUpdateTlsFiles)
                // looks for them: it reads libvirt's default paths, not libvirtd.conf's
                Path etcPki = dir.resolve("etc-pki");
                Files.createDirectories(etcPki.resolve("CA"));
                Files.createDirectories(etcPki.resolve("libvirt/private"));
                Files.copy(pki.caCert(), etcPki.resolve("CA/cacert.pem"));
                Files.copy(pki.serverCert(), etcPki.resolve("libvirt/servercert.pem"));
                Files.copy(pki.serverKey(), etcPki.resolve("libvirt/private/serverkey.pem"));
                copyCapabilityCache(capabilityCache, dir.resolve(CAPABILITY_CACHE));
                // QEMU's display ports of its own: daemons of concurrent test JVMs each allocate
                // from 5900 up, and one's guest took the port another had just found free
                int display = freePortBlock(DISPLAY_PORTS, 5900, 9900);
                List<String> qemuLines = new ArrayList<>(List.of("remote_display_port_min = " + display,
                        "remote_display_port_max = " + (display + DISPLAY_PORTS - 1)));
                qemuLines.addAll(qemuConf);
                Files.writeString(dir.resolve("etc/qemu.conf"), "\n" + String.join("\n", qemuLines) + "\n",
                        StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND);
                // unshare execs sh, which execs libvirtd: the child's pid stays the daemon's pid.
                // Propagation is made private inside the namespace rather than by unshare itself:
                // in a chroot "/" is no mount point and unshare's own attempt fails. There it is
                // enough that no mount is shared, so that our bind mounts stay in the namespace.
                command.addAll(List.of("unshare", "--mount", "--propagation", "unchanged", "--", "sh", "-ec",
                        "mount --make-rprivate / 2>/dev/null || ! grep -q ' shared:' /proc/self/mountinfo"
                                + " || { echo 'cannot make the mount namespace private' >&2; exit 1; }\n"
                                + "mkdir -p /run/libvirt /var/lib/libvirt /var/cache/libvirt /etc/libvirt\n"
                                + "mount --bind \"$1/run\" /run/libvirt\n"
                                + "mount --bind \"$1/lib\" /var/lib/libvirt\n"
                                + "mount --bind \"$1/cache\" /var/cache/libvirt\n"
                                + "mount --bind \"$1/etc\" /etc/libvirt\n"
                                + "mkdir -p /etc/pki\n"
                                + "mount --bind \"$1/etc-pki\" /etc/pki\n"
                                + "shift\n"
                                + "exec \"$@\"\n",
                        "sh", dir.toString()));
            }
            command.addAll(List.of(binary, "--listen", "-f", conf.toString(), "-p", pidFile.toString()));
            Process process = launch(dir, command, sasl, saslConf);
            PrivateLibvirtd daemon;
            try {
                daemon = new PrivateLibvirtd(dir, sockDir.resolve("libvirt-sock"), port, tlsPort, pki, log, command,
                        sasl, saslConf, process);
            } catch (IOException | RuntimeException e) {
                process.destroyForcibly();
                throw e;
            }
            daemon.awaitReady();
            return daemon;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a private libvirtd; run scripts/setup-test-env.sh as root", e);
        }
    }

    private static Process launch(Path dir, List<String> command, SaslSetup sasl, Path saslConf) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        if (sasl != null) {
            // Cyrus reads the daemon's libvirt.conf from SASL_CONF_PATH instead of /etc/sasl2
            sasl.environment(pb.environment(), saslConf);
        }
        return pb
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("stdout.log").toFile()))
                .start();
    }

    /**
     * Kills the daemon with {@code SIGKILL}, as a crash would, and waits until it is gone. Its
     * directory, sockets' paths, ports and guests stay, so that {@link #restart()} can bring the
     * same daemon back.
     *
     * @throws IllegalStateException when it does not go within 10 s
     */
    public void kill() {
        Process p = process;
        p.destroyForcibly(); // SIGKILL on Unix
        try {
            if (!p.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the private libvirtd " + p.pid() + " survived SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the private libvirtd to die", e);
        }
    }

    /**
     * Stops the daemon with {@code SIGSTOP}: it keeps its sockets but answers nothing until
     * {@link #resume()} ({@link #close()} resumes it too).
     *
     * @throws IllegalStateException when the signal cannot be sent
     */
    public void pause() {
        signal("STOP");
    }

    /**
     * Lets a daemon stopped by {@link #pause()} run again ({@code SIGCONT}).
     *
     * @throws IllegalStateException when the signal cannot be sent
     */
    public void resume() {
        signal("CONT");
    }

    private void signal(String name) {
        try {
            int status = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            if (status != 0) {
                throw new IllegalStateException("kill -" + name + " " + process.pid() + " exited with " + status);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run kill", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling the private libvirtd", e);
        }
    }

    /**
     * Starts the daemon again after {@link #kill()}, with the same configuration, directory,
     * socket paths and ports, and waits until it answers (what a service manager restarting a
     * crashed {@code libvirtd} does).
     *
     * @throws IllegalStateException when the daemon is still running, or does not answer within 30 s
     */
    public void restart() {
        if (process.isAlive()) {
            throw new IllegalStateException("the private libvirtd " + process.pid() + " is still running");
        }
        watchdog.destroy();
        try {
            process = launch(dir, command, sasl, saslConf);
            watchdog = startWatchdog(dir, process.pid());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restart the private libvirtd", e);
        }
        awaitReady();
    }

    private static boolean isolate() {
        if (!Boolean.parseBoolean(System.getProperty(ISOLATE_PROPERTY, "true"))) {
            return false;
        }
        return Stream.of("/usr/bin/unshare", "/bin/unshare").anyMatch(p -> Files.isExecutable(Paths.get(p)));
    }

    private static void copyCapabilityCache(Path from, Path to) throws IOException {
        if (from == null || !Files.isDirectory(from)) {
            return;
        }
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(f) && f.getFileName().toString().endsWith(".xml")) {
                    Files.copy(f, to.resolve(f.getFileName()));
                }
            }
        }
    }

    private static void copyConfigs(Path etc) throws IOException {
        Path system = Paths.get("/etc/libvirt");
        if (!Files.isDirectory(system)) {
            return;
        }
        try (Stream<Path> files = Files.list(system)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(f) && f.getFileName().toString().endsWith(".conf")) {
                    Files.copy(f, etc.resolve(f.getFileName()));
                }
            }
        }
    }

    /** QEMU display ports each private daemon's guests may use. */
    private static final int DISPLAY_PORTS = 32;

    /**
     * @param n how many consecutive ports
     * @param from the lowest first port
     * @param to the highest last port
     * @return the first of n consecutive ports in [from, to] that are free on loopback now, from
     *         a random start, so that the daemons of concurrent test JVMs rarely meet
     * @throws IOException when no such block is found
     */
    static int freePortBlock(int n, int from, int to) throws IOException {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 50; attempt++) {
            int first = from + random.nextInt(to - from - n + 2);
            if (allFree(first, n)) {
                return first;
            }
        }
        throw new IOException("no " + n + " consecutive free ports in " + from + ".." + to);
    }

    private static boolean allFree(int first, int n) {
        for (int p = first; p < first + n; p++) {
            try (ServerSocket s = new ServerSocket(p, 1, InetAddress.getLoopbackAddress())) {
                s.setReuseAddress(true);
            } catch (IOException taken) {
                return false;
            }
        }
        return true;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String why = "the private libvirtd exited with status " + process.exitValue();
                deleteTree(dir, true);
                throw new IllegalStateException(why + "\n" + tails());
            }
            if (answers()) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("interrupted while waiting for the private libvirtd", e);
            }
        }
        String tails = tails();
        close();
        throw new IllegalStateException("the private libvirtd did not answer on " + socket + " and 127.0.0.1:"
                + tcpPort + " within " + START_TIMEOUT.toSeconds() + " s\n" + tails);
    }

    private boolean answers() {
        if (!Files.exists(socket)) {
            return false;
        }
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            return false;
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), tcpPort), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private String tails() {
        return "--- " + log + " (tail) ---\n" + tail(log) + "\n--- stdout/stderr (tail) ---\n"
                + tail(dir.resolve("stdout.log"));
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** @return the read-write UNIX socket */
    public Path unixSocket() {
        return socket;
    }

    /**
     * @return the admin socket, {@code libvirt-admin-sock}, which libvirtd creates next to its
     *         other sockets in {@code unix_sock_dir} (admin_unix_sock_dir defaults to it)
     */
    public Path adminSocket() {
        return socket.resolveSibling("libvirt-admin-sock");
    }

    /** @return {@code libvirtd:///system?socket=ADMIN_SOCK}: this daemon's admin interface, as virt-admin takes it */
    public String adminUri() {
        return "libvirtd:///system?socket=" + adminSocket();
    }

    /** @return the loopback TCP port, served without authentication */
    public int tcpPort() {
        return tcpPort;
    }

    /** @return the loopback TLS port, served to clients with a certificate of {@link #pkiDir()}'s authority */
    public int tlsPort() {
        return tlsPort;
    }

    /**
     * @return the client credentials as libvirt's {@code pkipath} URI parameter takes them:
     *         {@code cacert.pem}, {@code clientcert.pem}, {@code clientkey.pem}
     */
    public Path pkiDir() {
        return pki.clientDir();
    }

    /** @return the daemon's pid */
    public long pid() {
        return process.pid();
    }

    /**
     * @param domain the name of a running QEMU guest of this daemon
     * @return the guest's QEMU pid, from the daemon's private {@code run/qemu/NAME.pid}
     * @throws IllegalStateException when there is no such file (no such guest, or the daemon
     *         runs without its own mount namespace)
     */
    public long guestPid(String domain) {
        Path file = dir.resolve("run").resolve("qemu").resolve(Objects.requireNonNull(domain, "domain") + ".pid");
        try {
            return Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).trim());
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("no QEMU pid for " + domain + " in " + file, e);
        }
    }

    /** @return the daemon's log file */
    public Path logFile() {
        return log;
    }

    /**
     * @param fixtureXml an absolute path to a test-driver fixture
     * @return {@code test+unix:///ABS.xml?socket=SOCK}: the fixture served by this daemon over UNIX
     */
    public String testUnixUri(Path fixtureXml) {
        return "test+unix://" + absolute(fixtureXml) + "?socket=" + socket;
    }

    /**
     * @param fixtureXml an absolute path to a test-driver fixture
     * @return {@code test+tcp://127.0.0.1:PORT/ABS.xml}: the fixture served by this daemon over TCP
     */
    public String testTcpUri(Path fixtureXml) {
        return "test+tcp://127.0.0.1:" + tcpPort + absolute(fixtureXml);
    }

    /**
     * @param fixtureXml an absolute path to a test-driver fixture
     * @return {@code test+tls://127.0.0.1:PORT/ABS.xml?pkipath=DIR}: the fixture over TLS, with a
     *         client certificate the daemon accepts and a server certificate for 127.0.0.1
     */
    public String testTlsUri(Path fixtureXml) {
        return "test+tls://127.0.0.1:" + tlsPort + absolute(fixtureXml) + "?pkipath=" + pkiDir();
    }

    /** @return {@code qemu+unix:///system?socket=SOCK}: this daemon's privileged QEMU driver */
    public String qemuUri() {
        return "qemu+unix:///system?socket=" + socket;
    }

    /** @return {@code qemu+tcp://127.0.0.1:PORT/system}: the same over TCP */
    public String qemuTcpUri() {
        return "qemu+tcp://127.0.0.1:" + tcpPort + "/system";
    }

    private static String absolute(Path p) {
        return Objects.requireNonNull(p, "fixtureXml").toAbsolutePath().toString();
    }

    /** Stops the daemon by its pid (SIGTERM, then SIGKILL), kills QEMU processes it left, and deletes its directory. */
    @Override
    public void close() {
        watchdog.destroy();
        List<Long> guests = qemuPids();
        Process process = this.process;
        if (process.isAlive()) {
            try {
                resume(); // a paused daemon would not act on SIGTERM
            } catch (RuntimeException e) {
                // it may just have exited: destroy() below copes
            }
            process.destroy();
            try {
                if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        for (long pid : guests) {
            // Only QEMU processes our daemon started are listed in its private run directory.
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
        deleteTree(dir, false);
        synchronized (SHARED_LOCK) {
            if (shared == this) {
                shared = null;
            }
        }
    }

    private List<Long> qemuPids() {
        List<Long> pids = new ArrayList<>();
        Path runQemu = dir.resolve("run").resolve("qemu");
        if (!Files.isDirectory(runQemu)) {
            return pids;
        }
        try (Stream<Path> files = Files.list(runQemu)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (name.endsWith(".pid") && !name.equals("driver.pid")) {
                    try {
                        pids.add(Long.parseLong(Files.readString(f, StandardCharsets.US_ASCII).trim()));
                    } catch (IOException | NumberFormatException e) {
                        // A pid file being written or removed: that guest is going away anyway.
                    }
                }
            }
        } catch (IOException e) {
            // Nothing to clean then.
        }
        return pids;
    }

    private static void deleteTree(Path root, boolean keepLogs) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder())
                    .filter(p -> !keepLogs || !(p.getFileName().toString().endsWith(".log") || p.equals(root)))
                    .forEach(p -> {
                        try {
                            Files.deleteIfExists(p);
                        } catch (IOException e) {
                            // Best effort: a leftover temp file is harmless.
                        }
                    });
        } catch (IOException | UncheckedIOException e) {
            // Best effort, as above.
        }
    }

    @Override
    public String toString() {
        return "PrivateLibvirtd[pid=" + process.pid() + ", socket=" + socket + ", tcpPort=" + tcpPort + "]";
    }
}

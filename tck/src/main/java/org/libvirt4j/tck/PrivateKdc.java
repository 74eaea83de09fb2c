package org.libvirt4j.tck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A private MIT Kerberos KDC for the GSSAPI tests: realm {@value #REALM} on a free loopback
 * port, service principals {@code libvirt/localhost} and {@code libvirt/127.0.0.1} in a keytab
 * for the daemon, and a user whose ticket is obtained with {@code kinit} into a private cache.
 *
 * <p>The client side of Kerberos reads its configuration and ticket cache from the process
 * environment ({@code KRB5_CONFIG}, {@code KRB5CCNAME}): libkrb5 inside libvirt.so and the
 * JDK's GSSAPI alike, so the build sets both for the test JVM (the parent POM's surefire
 * configuration) and this fixture writes its files there. Stopped by its pid.
 */
public final class PrivateKdc implements AutoCloseable {
    /** The realm. */
    public static final String REALM = "LIBVIRT4J.TEST";
    /** The user with a ticket. */
    public static final String USER = "tck-gssapi-user";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final Path dir;
    private final Path krb5Conf;
    private final Path keytab;
    private final Process kdc;

    private PrivateKdc(Path dir, Path krb5Conf, Path keytab, Process kdc) {
        this.dir = dir;
        this.krb5Conf = krb5Conf;
        this.keytab = keytab;
        this.kdc = kdc;
    }

    /**
     * Creates the realm, starts {@code krb5kdc} and gets the user's ticket.
     *
     * @return the running KDC, to be closed by the caller
     * @throws IllegalStateException when {@code KRB5_CONFIG} / {@code KRB5CCNAME} are not set for
     *         this JVM, or the Kerberos tools (scripts/setup-test-env.sh) fail
     */
    public static PrivateKdc start() {
        String conf = System.getenv("KRB5_CONFIG");
        String cache = System.getenv("KRB5CCNAME");
        if (conf == null || cache == null || !cache.startsWith("FILE:")) {
            throw new IllegalStateException("KRB5_CONFIG and KRB5CCNAME=FILE:... must be set for the test JVM "
                    + "(the parent POM's surefire environmentVariables do it)");
        }
        try {
            Path dir = Files.createTempDirectory("libvirt4j-kdc-");
            Path krb5Conf = Path.of(conf);
            Files.createDirectories(krb5Conf.toAbsolutePath().getParent());
            int port;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            }
            // ignore_acceptor_hostname: Cyrus's GSSAPI server asks for libvirt@<its host name>,
            // while clients reach it as localhost or 127.0.0.1; accept any libvirt/* in the keytab
            Files.writeString(krb5Conf, String.join("\n",
                    "[libdefaults]",
                    "  default_realm = " + REALM,
                    "  dns_lookup_kdc = false",
                    "  dns_lookup_realm = false",
                    "  rdns = false",
                    "  dns_canonicalize_hostname = false",
                    "  ignore_acceptor_hostname = true",
                    "  udp_preference_limit = 1",
                    "[realms]",
                    "  " + REALM + " = {",
                    "    kdc = 127.0.0.1:" + port,
                    "  }",
                    ""), StandardCharsets.UTF_8);
            Path kdcConf = dir.resolve("kdc.conf");
            Files.writeString(kdcConf, String.join("\n",
                    "[kdcdefaults]",
                    "  kdc_ports = " + port,
                    "  kdc_tcp_ports = " + port,
                    "[realms]",
                    "  " + REALM + " = {",
                    "    database_name = " + dir.resolve("principal"),
                    "    key_stash_file = " + dir.resolve("stash"),
                    "    acl_file = " + dir.resolve("kadm5.acl"),
                    "  }",
                    "[logging]",
                    "  kdc = FILE:" + dir.resolve("kdc.log"),
                    ""), StandardCharsets.UTF_8);
            Map<String, String> env = Map.of("KRB5_CONFIG", krb5Conf.toString(), "KRB5_KDC_PROFILE", kdcConf.toString(),
                    "KRB5CCNAME", cache);
            Path keytab = dir.resolve("libvirt.keytab");
            run(dir, env, null, "kdb5_util", "create", "-s", "-r", REALM, "-P", "libvirt4j-master");
            for (String q : List.of("addprinc -randkey libvirt/localhost", "addprinc -randkey libvirt/127.0.0.1",
                    "addprinc -pw tck-gssapi-pw " + USER,
                    "ktadd -k " + keytab + " libvirt/localhost libvirt/127.0.0.1")) {
                run(dir, env, null, "kadmin.local", "-r", REALM, "-q", q);
            }
            ProcessBuilder pb = new ProcessBuilder("krb5kdc", "-n", "-P", dir.resolve("kdc.pid").toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("kdc.out").toFile());
            pb.environment().putAll(env);
            Process kdc = pb.start();
            PrivateKdc started = new PrivateKdc(dir, krb5Conf, keytab, kdc);
            try {
                started.awaitPort(port);
                run(dir, env, "tck-gssapi-pw\n", "kinit", USER + "@" + REALM);
            } catch (RuntimeException e) {
                started.close();
                throw e;
            }
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a private KDC; run scripts/setup-test-env.sh as root", e);
        }
    }

    private void awaitPort(int port) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && kdc.isAlive()) {
            try (Socket s = new Socket()) {
                s.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
                return;
            } catch (IOException e) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw new IllegalStateException("krb5kdc did not listen on 127.0.0.1:" + port);
    }

    private static void run(Path dir, Map<String, String> env, String input, String... command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
            if (input != null) {
                in.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed (install krb5-kdc, "
                        + "krb5-admin-server and krb5-user: scripts/setup-test-env.sh): " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command[0], e);
        }
    }

    /** @return the Kerberos configuration clients and the daemon read */
    public Path krb5Conf() {
        return krb5Conf;
    }

    /** @return the keytab holding {@code libvirt/localhost} and {@code libvirt/127.0.0.1} */
    public Path keytab() {
        return keytab;
    }

    /** Stops the KDC by its pid and deletes its directory. */
    @Override
    public void close() {
        kdc.destroy();
        try {
            if (!kdc.waitFor(10, TimeUnit.SECONDS)) {
                kdc.destroyForcibly();
            }
        } catch (InterruptedException e) {
            kdc.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort: a leftover temp directory is harmless
        }
    }
}

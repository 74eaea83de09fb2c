package org.libvirt4j.tck;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away certificate authority with a server certificate for {@code 127.0.0.1} and a
 * client certificate, laid out as libvirt expects them: the daemon's {@code ca_file},
 * {@code cert_file} and {@code key_file}, and a client {@code pkipath} directory holding
 * {@code cacert.pem}, {@code clientcert.pem} and {@code clientkey.pem}.
 *
 * <p>Made with the JDK's {@code keytool}, so nothing beyond the JDK is needed; keys leave their
 * PKCS#12 stores as unencrypted PKCS#8 PEM, which both GnuTLS and Java read. The extensions are
 * the ones libvirt's certificate sanity checks insist on (CA basic constraints and key usage,
 * TLS server and client purposes).
 */
final class TlsPki {
    private static final String PASSWORD = "libvirt4j-tck";

    private final Path dir;

    private TlsPki(Path dir) {
        this.dir = dir;
    }

    /** @return the directory a libvirt client takes as {@code pkipath} */
    Path clientDir() {
        return dir.resolve("client");
    }

    Path caCert() {
        return dir.resolve("cacert.pem");
    }

    Path serverCert() {
        return dir.resolve("servercert.pem");
    }

    Path serverKey() {
        return dir.resolve("serverkey.pem");
    }

    /** Made once per JVM: eight keytool processes per daemon took minutes of a test run, over a minute on a loaded machine. */
    private static TlsPki shared;

    /**
     * A copy of this JVM's one authority (made on first use) in dir, so that each daemon owns
     * its files; a test that needs an authority of its own uses {@link #create}.
     *
     * @param dir an empty directory for the files
     * @return the authority, its server and its client credentials
     * @throws IOException when keytool fails, with its output
     */
    static TlsPki copyOfShared(Path dir) throws IOException {
        TlsPki from;
        synchronized (TlsPki.class) {
            if (shared == null) {
                Path home = Files.createTempDirectory("libvirt4j-pki");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(home)));
                shared = create(home);
            }
            from = shared;
        }
        TlsPki to = new TlsPki(dir);
        Files.createDirectories(to.clientDir());
        for (String name : List.of("cacert.pem", "servercert.pem", "serverkey.pem", "client/cacert.pem",
                "client/clientcert.pem", "client/clientkey.pem")) {
            Files.copy(from.dir.resolve(name), dir.resolve(name));
        }
        return to;
    }

    private static void deleteQuietly(Path dir) {
        try (java.util.stream.Stream<Path> all = Files.walk(dir)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // a temporary directory left behind at exit is no test failure
        }
    }

    /**
     * @param dir an empty directory for the files
     * @return a new authority, its server and its client credentials
     * @throws IOException when keytool fails, with its output
     */
    static TlsPki create(Path dir) throws IOException {
        TlsPki pki = new TlsPki(dir);
        Path ca = dir.resolve("ca.p12");
        keytool(dir, "-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048", "-validity", "3650",
                "-startdate", "-1d", "-dname", "CN=libvirt4j TCK CA", "-keystore", ca.toString(),
                "-ext", "bc:c=ca:true", "-ext", "ku:c=keyCertSign,cRLSign");
        keytool(dir, "-exportcert", "-alias", "ca", "-rfc", "-keystore", ca.toString(), "-file",
                pki.caCert().toString());
        Files.createDirectories(pki.clientDir());
        Files.copy(pki.caCert(), pki.clientDir().resolve("cacert.pem"));
        pki.issue(ca, "server", "CN=127.0.0.1,O=libvirt4j TCK", "serverAuth", pki.serverCert(), pki.serverKey(),
                "-ext", "san=ip:127.0.0.1,dns:localhost");
        pki.issue(ca, "client", "CN=libvirt4j TCK client,O=libvirt4j TCK", "clientAuth",
                pki.clientDir().resolve("clientcert.pem"), pki.clientDir().resolve("clientkey.pem"));
        return pki;
    }

    private void issue(Path ca, String alias, String dname, String purpose, Path cert, Path key, String... extra)
            throws IOException {
        Path store = dir.resolve(alias + ".p12");
        Path csr = dir.resolve(alias + ".csr");
        keytool(dir, "-genkeypair", "-alias", alias, "-keyalg", "RSA", "-keysize", "2048", "-dname", dname,
                "-keystore", store.toString());
        keytool(dir, "-certreq", "-alias", alias, "-keystore", store.toString(), "-file", csr.toString());
        List<String> gencert = new ArrayList<>(List.of("-gencert", "-alias", "ca", "-keystore", ca.toString(),
                "-infile", csr.toString(), "-outfile", cert.toString(), "-rfc", "-validity", "3650",
                "-startdate", "-1d", "-ext", "bc:c=ca:false", "-ext", "ku:c=digitalSignature,keyEncipherment",
                "-ext", "eku=" + purpose));
        gencert.addAll(List.of(extra));
        keytool(dir, gencert.toArray(String[]::new));
        Files.writeString(key, pem("PRIVATE KEY", privateKey(store, alias).getEncoded()), StandardCharsets.US_ASCII);
    }

    private static Key privateKey(Path store, String alias) throws IOException {
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, PASSWORD.toCharArray());
            return ks.getKey(alias, PASSWORD.toCharArray());
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the key of " + alias + " from " + store, e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static void keytool(Path dir, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD, "-noprompt"));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        try {
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("keytool " + String.join(" ", args) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted while keytool ran", e);
        }
    }
}

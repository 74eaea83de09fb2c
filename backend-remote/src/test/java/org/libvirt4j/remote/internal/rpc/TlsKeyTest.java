package org.libvirt4j.remote.internal.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;

/** TLS client credentials: where they are looked for, and the key formats libvirt deployments hold. */
class TlsKeyTest {

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END " + type
                + "-----\n";
    }

    /** The PKCS#1 RSAPrivateKey inside a PKCS#8 PrivateKeyInfo: the content of its final OCTET STRING. */
    private static byte[] pkcs1Of(byte[] pkcs8) {
        int i = 0;
        i = skipHeader(pkcs8, i); // PrivateKeyInfo SEQUENCE
        i = skipElement(pkcs8, i); // version
        i = skipElement(pkcs8, i); // algorithm
        int content = skipHeader(pkcs8, i); // privateKey OCTET STRING
        return Arrays.copyOfRange(pkcs8, content, pkcs8.length);
    }

    private static int skipHeader(byte[] der, int i) {
        int len = der[i + 1] & 0xff;
        return i + 2 + (len < 0x80 ? 0 : len & 0x7f);
    }

    private static int skipElement(byte[] der, int i) {
        int len = der[i + 1] & 0xff;
        int header = 2;
        if (len >= 0x80) {
            int n = len & 0x7f;
            len = 0;
            for (int k = 0; k < n; k++) {
                len = (len << 8) | (der[i + 2 + k] & 0xff);
            }
            header += n;
        }
        return i + header + len;
    }

    @Test
    @DisplayName("A certtool-style PKCS#1 RSA key and a PKCS#8 key both read as the same private key")
    void keyFormats(@TempDir Path dir) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        PrivateKey key = g.generateKeyPair().getPrivate();
        Path pkcs8 = dir.resolve("pkcs8.pem");
        Path pkcs1 = dir.resolve("pkcs1.pem");
        Files.writeString(pkcs8, pem("PRIVATE KEY", key.getEncoded()), StandardCharsets.US_ASCII);
        Files.writeString(pkcs1, pem("RSA PRIVATE KEY", pkcs1Of(key.getEncoded())), StandardCharsets.US_ASCII);
        assertThat(Tls.privateKey(pkcs8).getEncoded()).isEqualTo(key.getEncoded());
        assertThat(Tls.privateKey(pkcs1).getEncoded()).isEqualTo(key.getEncoded());
    }

    @Test
    @DisplayName("An encrypted or unknown key, and a missing one, are refused with libvirt's wording")
    void badKeys(@TempDir Path dir) throws Exception {
        Path encrypted = dir.resolve("enc.pem");
        Files.writeString(encrypted, pem("ENCRYPTED PRIVATE KEY", new byte[] {1, 2, 3}), StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> Tls.privateKey(encrypted)).isInstanceOfSatisfying(LibvirtException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorNumber.ERR_SYSTEM_ERROR);
            assertThat(e.getMessage()).startsWith("Unable to import private key '" + encrypted + "'");
        });
        Path garbage = dir.resolve("garbage.pem");
        Files.writeString(garbage, pem("PRIVATE KEY", new byte[] {1, 2, 3}), StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> Tls.privateKey(garbage)).isInstanceOf(LibvirtException.class);
        Path missing = dir.resolve("missing.pem");
        assertThatThrownBy(() -> Tls.privateKey(missing)).isInstanceOfSatisfying(LibvirtException.class,
                e -> assertThat(e.getMessage()).isEqualTo("Cannot read private key '" + missing
                        + "': No such file or directory"));
    }

    @Test
    @DisplayName("Credentials: pkipath first; for a user, each file of ~/.pki/libvirt that exists; else the system's")
    void locate(@TempDir Path home) throws Exception {
        assertThat(Tls.Credentials.locate(Optional.of("/p"), false, home.toString())).isEqualTo(new Tls.Credentials(
                Path.of("/p/cacert.pem"), Path.of("/p/clientcert.pem"), Path.of("/p/clientkey.pem")));
        Tls.Credentials system = new Tls.Credentials(Path.of("/etc/pki/CA/cacert.pem"),
                Path.of("/etc/pki/libvirt/clientcert.pem"), Path.of("/etc/pki/libvirt/private/clientkey.pem"));
        assertThat(Tls.Credentials.locate(Optional.empty(), true, home.toString())).isEqualTo(system);
        Path user = Files.createDirectories(home.resolve(".pki/libvirt"));
        Files.writeString(user.resolve("clientcert.pem"), "x");
        assertThat(Tls.Credentials.locate(Optional.empty(), false, home.toString())).isEqualTo(new Tls.Credentials(
                system.caCert(), user.resolve("clientcert.pem"), system.clientKey()));
        assertThat(Tls.Credentials.locate(Optional.empty(), true, home.toString())).isEqualTo(system);
    }
}

package org.libvirt4j.remote.internal.rpc;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLException;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;

/**
 * libvirt's TLS transport on the client side: where the credentials are, as the C client finds
 * them ({@code virNetTLSContextLocateCredentials}), the Netty {@link SslContext} made of them,
 * and the one byte by which the daemon says it accepted this client after the handshake.
 */
public final class Tls {
    private static final String SYSTEM_CA = "/etc/pki/CA/cacert.pem";
    private static final String SYSTEM_CERT = "/etc/pki/libvirt/clientcert.pem";
    private static final String SYSTEM_KEY = "/etc/pki/libvirt/private/clientkey.pem";

    private Tls() {
    }

    /**
     * The client's credential files.
     *
     * @param caCert the authority that signed the daemon's certificate
     * @param clientCert this client's certificate; optional, as in libvirt
     * @param clientKey its key, PKCS#8 or PKCS#1 (certtool's default) PEM
     */
    public record Credentials(Path caCert, Path clientCert, Path clientKey) {
        /**
         * @param pkiPath the URI's {@code pkipath}, if given: all three files there
         * @param root whether this process runs as root (only others look in {@code ~/.pki/libvirt})
         * @param home the user's home directory
         * @return the files libvirt's C client would use
         */
        public static Credentials locate(Optional<String> pkiPath, boolean root, String home) {
            if (pkiPath.isPresent()) {
                Path dir = Path.of(pkiPath.get());
                return new Credentials(dir.resolve("cacert.pem"), dir.resolve("clientcert.pem"),
                        dir.resolve("clientkey.pem"));
            }
            if (!root && home != null) {
                // each file on its own: a user's directory may hold some and leave the rest to the system's
                Path user = Path.of(home, ".pki", "libvirt");
                return new Credentials(either(user.resolve("cacert.pem"), SYSTEM_CA),
                        either(user.resolve("clientcert.pem"), SYSTEM_CERT),
                        either(user.resolve("clientkey.pem"), SYSTEM_KEY));
            }
            return new Credentials(Path.of(SYSTEM_CA), Path.of(SYSTEM_CERT), Path.of(SYSTEM_KEY));
        }

        private static Path either(Path user, String system) {
            return Files.exists(user) ? user : Path.of(system);
        }
    }

    /**
     * @param creds the files
     * @param verify whether to check the daemon's certificate (libvirt's {@code no_verify=1} turns it off)
     * @return the client context
     * @throws LibvirtException {@code ERR_SYSTEM_ERROR} worded as libvirt's for a missing or unreadable file
     */
    public static SslContext context(Credentials creds, boolean verify) {
        List<X509Certificate> authorities = certificates(creds.caCert(), "CA certificate");
        SslContextBuilder b = SslContextBuilder.forClient();
        if (verify) {
            b.trustManager(authorities);
        } else {
            b.trustManager(InsecureTrustManagerFactory.INSTANCE);
        }
        // like the C client, go without a certificate of our own when there is none: the daemon decides
        if (Files.exists(creds.clientCert()) || Files.exists(creds.clientKey())) {
            List<X509Certificate> chain = certificates(creds.clientCert(), "client certificate");
            b.keyManager(privateKey(creds.clientKey()), chain);
        }
        try {
            return b.build();
        } catch (SSLException e) {
            throw Rpc.error(ErrorNumber.ERR_SYSTEM_ERROR, "Unable to set up TLS: " + e.getMessage(), e);
        }
    }

    private static List<X509Certificate> certificates(Path file, String what) {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> out = CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(c -> (X509Certificate) c).toList();
            if (out.isEmpty()) {
                throw Rpc.error(ErrorNumber.ERR_SYSTEM_ERROR, "Unable to import " + what + " '" + file
                        + "': no certificate in it", null);
            }
            return out;
        } catch (IOException e) {
            throw unreadable(what, file, e);
        } catch (GeneralSecurityException e) {
            throw Rpc.error(ErrorNumber.ERR_SYSTEM_ERROR, "Unable to import " + what + " '" + file + "': "
                    + e.getMessage(), e);
        }
    }

    private static LibvirtException unreadable(String what, Path file, IOException e) {
        String reason = e instanceof NoSuchFileException ? "No such file or directory" : e.getMessage();
        return Rpc.error(ErrorNumber.ERR_SYSTEM_ERROR, "Cannot read " + what + " '" + file + "': " + reason, e);
    }

    /** Reads an unencrypted PEM key: PKCS#8 ({@code PRIVATE KEY}) or PKCS#1 ({@code RSA PRIVATE KEY}). */
    static PrivateKey privateKey(Path file) {
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw unreadable("private key", file, e);
        }
        try {
            if (pem.contains("-----BEGIN RSA PRIVATE KEY-----")) {
                return KeyFactory.getInstance("RSA").generatePrivate(
                        new PKCS8EncodedKeySpec(pkcs1ToPkcs8(body(pem, "RSA PRIVATE KEY"))));
            }
            if (pem.contains("-----BEGIN PRIVATE KEY-----")) {
                byte[] der = body(pem, "PRIVATE KEY");
                for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
                    try {
                        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
                    } catch (GeneralSecurityException notThisOne) {
                        // the next algorithm
                    }
                }
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw Rpc.error(ErrorNumber.ERR_SYSTEM_ERROR, "Unable to import private key '" + file + "': "
                    + e.getMessage(), e);
        }
        throw Rpc.error(ErrorNumber.ERR_SYSTEM_ERROR, "Unable to import private key '" + file
                + "': not an unencrypted PKCS#8 or PKCS#1 RSA PEM key", null);
    }

    private static byte[] body(String pem, String type) {
        int start = pem.indexOf("-----BEGIN " + type + "-----") + ("-----BEGIN " + type + "-----").length();
        int end = pem.indexOf("-----END " + type + "-----", start);
        if (end < 0) {
            throw new IllegalArgumentException("no END line for " + type);
        }
        return Base64.getMimeDecoder().decode(pem.substring(start, end));
    }

    /** Wraps a PKCS#1 RSAPrivateKey in PKCS#8's PrivateKeyInfo: version 0, rsaEncryption, the key. */
    static byte[] pkcs1ToPkcs8(byte[] pkcs1) {
        byte[] algorithm = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01,
            0x01, 0x01, 0x05, 0x00};
        byte[] version = {0x02, 0x01, 0x00};
        byte[] octets = der(0x04, pkcs1);
        byte[] inner = new byte[version.length + algorithm.length + octets.length];
        System.arraycopy(version, 0, inner, 0, version.length);
        System.arraycopy(algorithm, 0, inner, version.length, algorithm.length);
        System.arraycopy(octets, 0, inner, version.length + algorithm.length, octets.length);
        return der(0x30, inner);
    }

    private static byte[] der(int tag, byte[] content) {
        int n = content.length;
        byte[] length = n < 0x80 ? new byte[] {(byte) n}
                : n < 0x100 ? new byte[] {(byte) 0x81, (byte) n}
                : n < 0x10000 ? new byte[] {(byte) 0x82, (byte) (n >> 8), (byte) n}
                : new byte[] {(byte) 0x83, (byte) (n >> 16), (byte) (n >> 8), (byte) n};
        byte[] out = new byte[1 + length.length + n];
        out[0] = (byte) tag;
        System.arraycopy(length, 0, out, 1, length.length);
        System.arraycopy(content, 0, out, 1 + length.length, n);
        return out;
    }

    /**
     * Consumes the byte the daemon sends once it has checked this client after the handshake:
     * 1 to go on, anything else a refusal, in libvirt's words. It then leaves the pipeline,
     * handing on whatever followed the byte. Until then it also turns a failed handshake, or the
     * daemon hanging up on a client it refuses, into the errors libvirt's C client reports.
     */
    static final class Confirmation extends ByteToMessageDecoder {
        private final CompletableFuture<Void> confirmed;
        private boolean handshaken;

        Confirmation(CompletableFuture<Void> confirmed) {
            this.confirmed = confirmed;
        }

        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
            if (in.readByte() != 1) {
                confirmed.completeExceptionally(Rpc.error(ErrorNumber.ERR_RPC,
                        "server verification (of our certificate or IP address) failed", null));
                ctx.close();
                return;
            }
            confirmed.complete(null);
            ctx.pipeline().remove(this);
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt instanceof SslHandshakeCompletionEvent done) {
                if (done.isSuccess()) {
                    handshaken = true;
                } else {
                    confirmed.completeExceptionally(handshakeFailed(done.cause()));
                }
            }
            super.userEventTriggered(ctx, evt);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            confirmed.completeExceptionally(notConfirmed(null));
            super.channelInactive(ctx);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            confirmed.completeExceptionally(notConfirmed(cause));
            ctx.close();
        }

        private LibvirtException notConfirmed(Throwable cause) {
            if (!handshaken) {
                return handshakeFailed(cause);
            }
            // the daemon checked our certificate and hung up (TLS 1.3 sends its alert after our Finished)
            return Rpc.error(ErrorNumber.ERR_SYSTEM_ERROR, "Unable to read TLS confirmation: Input/output error", cause);
        }

        private static LibvirtException handshakeFailed(Throwable cause) {
            for (Throwable c = cause; c != null; c = c.getCause() == c ? null : c.getCause()) {
                if (c instanceof java.security.cert.CertificateException
                        || c instanceof java.security.cert.CertPathValidatorException) {
                    // an unknown authority, an expired certificate, or one naming another host
                    return Rpc.error(ErrorNumber.ERR_AUTH_FAILED,
                            "authentication failed: Failed to verify peer's certificate", cause);
                }
            }
            return Rpc.error(ErrorNumber.ERR_SYSTEM_ERROR, "TLS handshake failed: "
                    + (cause == null ? "the connection was closed" : cause.getMessage()), cause);
        }
    }
}

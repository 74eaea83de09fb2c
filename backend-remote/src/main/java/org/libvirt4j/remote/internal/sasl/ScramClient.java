package org.libvirt4j.remote.internal.sasl;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The client side of SCRAM (RFC 5802), with SHA-1, SHA-256 (RFC 7677) or the other SHA-2 sizes
 * Cyrus SASL offers, without channel
 * binding (gs2 flag {@code n}), as Cyrus SASL's client sends it when the application sets no
 * channel binding: {@code n,[a=AUTHZID],n=AUTHCID,r=NONCE}, then the proof, then the check of
 * the server's signature.
 *
 * <p>Every server message is checked before anything is computed from it: the nonce must extend
 * ours, the salt must decode, and the iteration count must lie within Cyrus's bounds (4096 to
 * 65536), so a hostile server cannot make the client spin. Names are sent as given, with
 * {@code =} and {@code ,} escaped; like Cyrus, no SASLprep normalisation is applied.
 */
public final class ScramClient {
    /** Cyrus's lower bound on the iteration count it accepts from a server. */
    static final int MIN_ITERATIONS = 4096;
    /** Cyrus's upper bound: more would cost the client unbounded CPU on a hostile server's say-so. */
    static final int MAX_ITERATIONS = 0x10000;
    /** Bytes of randomness in our nonce (printable after base64); Cyrus uses 32 characters. */
    private static final int NONCE_BYTES = 24;

    /** The hash functions of the SCRAM family that Cyrus SASL's plugin offers. */
    public enum Hash {
        /** {@code SCRAM-SHA-1}. */
        SHA_1("SCRAM-SHA-1", "SHA-1", "HmacSHA1"),
        /** {@code SCRAM-SHA-224}. */
        SHA_224("SCRAM-SHA-224", "SHA-224", "HmacSHA224"),
        /** {@code SCRAM-SHA-256}. */
        SHA_256("SCRAM-SHA-256", "SHA-256", "HmacSHA256"),
        /** {@code SCRAM-SHA-384}. */
        SHA_384("SCRAM-SHA-384", "SHA-384", "HmacSHA384"),
        /** {@code SCRAM-SHA-512}. */
        SHA_512("SCRAM-SHA-512", "SHA-512", "HmacSHA512");

        private final String mechanism;
        private final String digest;
        private final String hmac;

        Hash(String mechanism, String digest, String hmac) {
            this.mechanism = mechanism;
            this.digest = digest;
            this.hmac = hmac;
        }

        /** @return the SASL mechanism name */
        public String mechanism() {
            return mechanism;
        }
    }

    private enum State { INITIAL, SENT_FIRST, SENT_FINAL, DONE }

    private final Hash hash;
    private final String authcid;
    private final String authzid;
    private final byte[] password;
    private final String clientNonce;
    private State state = State.INITIAL;
    private String clientFirstBare;
    private String gs2Header;
    private byte[] serverSignature;

    /**
     * @param hash the hash function
     * @param authcid the authentication name
     * @param authzid the authorization name, or {@code null} / empty for none
     * @param password the password
     */
    public ScramClient(Hash hash, String authcid, String authzid, String password) {
        this(hash, authcid, authzid, password, newNonce());
    }

    /** With a given nonce, for the RFCs' test vectors. */
    ScramClient(Hash hash, String authcid, String authzid, String password, String clientNonce) {
        this.hash = Objects.requireNonNull(hash, "hash");
        this.authcid = Objects.requireNonNull(authcid, "authcid");
        this.authzid = authzid == null || authzid.isEmpty() ? null : authzid;
        this.password = Objects.requireNonNull(password, "password").getBytes(StandardCharsets.UTF_8);
        this.clientNonce = clientNonce;
    }

    private static String newNonce() {
        byte[] b = new byte[NONCE_BYTES];
        new SecureRandom().nextBytes(b);
        // base64 has no ',' and is printable, as the nonce must be
        return Base64.getEncoder().withoutPadding().encodeToString(b);
    }

    /** @return the client-first message */
    public byte[] first() {
        if (state != State.INITIAL) {
            throw new IllegalStateException("first() twice");
        }
        gs2Header = "n," + (authzid == null ? "" : "a=" + saslName(authzid)) + ",";
        clientFirstBare = "n=" + saslName(authcid) + ",r=" + clientNonce;
        state = State.SENT_FIRST;
        return (gs2Header + clientFirstBare).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Answers the server's next message.
     *
     * @param challenge the server's message
     * @return the client-final message after the server-first one; {@code null} (nothing more
     *         to send) after a valid server-final one
     * @throws ScramException when the server's message is malformed, reports an error, or its
     *         signature does not prove it knows the password
     */
    public byte[] step(byte[] challenge) throws ScramException {
        Objects.requireNonNull(challenge, "challenge");
        String msg = new String(challenge, StandardCharsets.UTF_8);
        return switch (state) {
            case SENT_FIRST -> clientFinal(msg);
            case SENT_FINAL -> {
                verifyServerFinal(msg);
                yield null;
            }
            default -> throw new ScramException("unexpected server message in state " + state);
        };
    }

    /** @return whether the server's signature was verified */
    public boolean isComplete() {
        return state == State.DONE;
    }

    private byte[] clientFinal(String serverFirst) throws ScramException {
        if (serverFirst.startsWith("m=")) {
            throw new ScramException("the server requires an extension this client does not know");
        }
        String[] parts = serverFirst.split(",", -1);
        if (parts.length < 3 || !parts[0].startsWith("r=") || !parts[1].startsWith("s=") || !parts[2].startsWith("i=")) {
            throw new ScramException("malformed server-first message");
        }
        String nonce = parts[0].substring(2);
        if (nonce.length() <= clientNonce.length() || !nonce.startsWith(clientNonce)) {
            throw new ScramException("the server's nonce does not extend the client's");
        }
        byte[] salt;
        try {
            salt = Base64.getDecoder().decode(parts[1].substring(2));
        } catch (IllegalArgumentException e) {
            throw new ScramException("the salt is not valid base64");
        }
        int iterations;
        try {
            iterations = Integer.parseInt(parts[2].substring(2));
        } catch (NumberFormatException e) {
            throw new ScramException("invalid iteration-count");
        }
        if (iterations < MIN_ITERATIONS) {
            throw new ScramException("iteration-count is too small, refusing to compute");
        }
        if (iterations > MAX_ITERATIONS) {
            throw new ScramException("iteration-count is too big, refusing to compute");
        }
        String withoutProof = "c=" + Base64.getEncoder().encodeToString(gs2Header.getBytes(StandardCharsets.UTF_8))
                + ",r=" + nonce;
        byte[] authMessage = (clientFirstBare + "," + serverFirst + "," + withoutProof).getBytes(StandardCharsets.UTF_8);
        byte[] salted = hi(salt, iterations);
        byte[] clientKey = hmac(salted, "Client Key".getBytes(StandardCharsets.US_ASCII));
        byte[] storedKey = digest(clientKey);
        byte[] clientSignature = hmac(storedKey, authMessage);
        byte[] proof = clientKey.clone();
        for (int i = 0; i < proof.length; i++) {
            proof[i] ^= clientSignature[i];
        }
        serverSignature = hmac(hmac(salted, "Server Key".getBytes(StandardCharsets.US_ASCII)), authMessage);
        Arrays.fill(salted, (byte) 0);
        Arrays.fill(clientKey, (byte) 0);
        state = State.SENT_FINAL;
        return (withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof)).getBytes(StandardCharsets.UTF_8);
    }

    private void verifyServerFinal(String serverFinal) throws ScramException {
        if (serverFinal.startsWith("e=")) {
            throw new ScramException("the server reported: " + serverFinal.substring(2));
        }
        if (!serverFinal.startsWith("v=")) {
            throw new ScramException("malformed server-final message");
        }
        int comma = serverFinal.indexOf(',');
        byte[] got;
        try {
            got = Base64.getDecoder().decode(serverFinal.substring(2, comma < 0 ? serverFinal.length() : comma));
        } catch (IllegalArgumentException e) {
            throw new ScramException("the server signature is not valid base64");
        }
        if (!MessageDigest.isEqual(got, serverSignature)) {
            throw new ScramException("the server signature does not match: the server does not know the password");
        }
        state = State.DONE;
    }

    /** RFC 5802's {@code saslname}: {@code =} and {@code ,} escaped. */
    static String saslName(String name) {
        return name.replace("=", "=3D").replace(",", "=2C");
    }

    /** RFC 5802's {@code Hi}: PBKDF2 with HMAC of the chosen hash and one output block. */
    private byte[] hi(byte[] salt, int iterations) {
        try {
            Mac mac = mac(password);
            mac.update(salt);
            mac.update(new byte[] {0, 0, 0, 1});
            byte[] u = mac.doFinal();
            byte[] result = u.clone();
            for (int i = 1; i < iterations; i++) {
                u = mac.doFinal(u);
                for (int j = 0; j < result.length; j++) {
                    result[j] ^= u[j];
                }
            }
            return result;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(hash.hmac + " is missing from this JDK", e);
        }
    }

    private byte[] hmac(byte[] key, byte[] data) {
        try {
            return mac(key).doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(hash.hmac + " is missing from this JDK", e);
        }
    }

    private Mac mac(byte[] key) throws GeneralSecurityException {
        Mac mac = Mac.getInstance(hash.hmac);
        // an empty password is legal in SCRAM, but SecretKeySpec refuses an empty key
        mac.init(key.length == 0 ? new EmptyKey(hash.hmac) : new SecretKeySpec(key, hash.hmac));
        return mac;
    }

    private byte[] digest(byte[] data) {
        try {
            return MessageDigest.getInstance(hash.digest).digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(hash.digest + " is missing from this JDK", e);
        }
    }

    /** A zero-length HMAC key, which {@link SecretKeySpec} refuses. */
    private record EmptyKey(String getAlgorithm) implements javax.crypto.SecretKey {
        private static final long serialVersionUID = 1L;

        @Override
        public String getFormat() {
            return "RAW";
        }

        @Override
        public byte[] getEncoded() {
            return new byte[0];
        }
    }

    /** A server message SCRAM refuses. */
    public static final class ScramException extends Exception {
        private static final long serialVersionUID = 1L;

        ScramException(String message) {
            super(message);
        }
    }
}

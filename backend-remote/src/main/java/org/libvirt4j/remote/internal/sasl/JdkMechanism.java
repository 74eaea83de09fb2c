package org.libvirt4j.remote.internal.sasl;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.sasl.RealmCallback;
import javax.security.sasl.RealmChoiceCallback;
import javax.security.sasl.Sasl;
import javax.security.sasl.SaslClient;
import javax.security.sasl.SaslException;

/**
 * A mechanism the JDK implements ({@code DIGEST-MD5}, {@code GSSAPI}, {@code CRAM-MD5},
 * {@code PLAIN}) through
 * {@link javax.security.sasl}, with the security layer Cyrus would negotiate under libvirt's
 * security properties: confidentiality when the transport is not secure, none when it is.
 */
final class JdkMechanism implements SaslMechanism {
    /** The JDK DIGEST-MD5 client's property naming the cipher to use. */
    private static final String DIGEST_CIPHER = "com.sun.security.sasl.digest.cipher";
    /** Cyrus's largest incoming buffer by default ({@code SASL_MAXOUTBUF} it advertises). */
    private static final int MAX_BUFFER = 65536;

    private final String name;
    private final SaslClient client;

    /**
     * @param name the mechanism
     * @param creds the credentials, or {@code null} for GSSAPI (the Kerberos ticket cache)
     * @param host the server's host name as the URI gives it (the service principal's host)
     * @param wantLayer whether to require a confidentiality layer (libvirt's minimum SSF 56)
     */
    JdkMechanism(String name, SaslCredentials creds, String host, boolean wantLayer) throws SaslException {
        this.name = name;
        Map<String, Object> props = new HashMap<>();
        props.put(Sasl.QOP, wantLayer ? "auth-conf" : "auth");
        props.put(Sasl.STRENGTH, "high,medium");
        props.put(Sasl.MAX_BUFFER, Integer.toString(MAX_BUFFER));
        // CRAM-MD5 and PLAIN cannot authenticate the server; the JDK would refuse to create them when asked to
        props.put(Sasl.SERVER_AUTH, Boolean.toString(!name.equals("CRAM-MD5") && !name.equals("PLAIN")));
        if (wantLayer && name.equals("DIGEST-MD5")) {
            // RC4 as Cyrus's client picks it (its strongest cipher); the JDK would pick 3DES,
            // whose keys Debian's Cyrus server derives differently, failing the response check
            props.put(DIGEST_CIPHER, "rc4");
        }
        SaslClient c = Sasl.createSaslClient(new String[] {name}, creds == null ? null : creds.authzid(), "libvirt",
                host, props, callbacks -> answer(callbacks, creds));
        if (c == null) {
            throw new SaslException("this JDK has no " + name + " client");
        }
        this.client = c;
    }

    private static void answer(Callback[] callbacks, SaslCredentials creds) throws UnsupportedCallbackException {
        for (Callback cb : callbacks) {
            if (creds != null && cb instanceof NameCallback n) {
                n.setName(creds.authcid());
            } else if (creds != null && cb instanceof PasswordCallback p) {
                p.setPassword(creds.password().toCharArray());
            } else if (cb instanceof RealmChoiceCallback rc) {
                rc.setSelectedIndex(0); // Cyrus takes the server's first realm without asking when it offers one
            } else if (cb instanceof RealmCallback r) {
                r.setText(r.getDefaultText() == null ? "" : r.getDefaultText());
            } else {
                throw new UnsupportedCallbackException(cb);
            }
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public byte[] start() throws SaslException {
        return client.hasInitialResponse() ? client.evaluateChallenge(new byte[0]) : null;
    }

    @Override
    public byte[] step(byte[] challenge) throws SaslException {
        if (client.isComplete()) {
            // the server's closing step after a client that finished with its last response
            // (CRAM-MD5, PLAIN): the JDK refuses another evaluation, Cyrus has nothing to send
            return null;
        }
        return client.evaluateChallenge(challenge == null ? new byte[0] : challenge);
    }

    @Override
    public boolean isComplete() {
        return client.isComplete();
    }

    @Override
    public int ssf() {
        if (!client.isComplete()) {
            return 0;
        }
        String qop = String.valueOf(client.getNegotiatedProperty(Sasl.QOP));
        if (qop.equals("auth-int")) {
            return 1;
        }
        if (!qop.equals("auth-conf")) {
            return 0;
        }
        if (!name.equals("DIGEST-MD5")) {
            return 256; // GSSAPI's confidentiality: Cyrus reports its K5_MAX_SSF
        }
        // The SSF Cyrus's DIGEST-MD5 plugin assigns the cipher: RC4 (the only "high" one we ask
        // for) 128, the 56-bit ones 56, RC4-40 40
        return switch (String.valueOf(client.getNegotiatedProperty(Sasl.STRENGTH)).toLowerCase(Locale.ROOT)) {
            case "high" -> 128;
            case "medium" -> 56;
            case "low" -> 40;
            default -> 1;
        };
    }

    @Override
    public SaslLayer layer() {
        int send = parse(client.getNegotiatedProperty(Sasl.RAW_SEND_SIZE), MAX_BUFFER);
        return new SaslLayer() {
            @Override
            public int maxSendSize() {
                return Math.max(1, Math.min(send, MAX_BUFFER));
            }

            @Override
            public int maxReceiveSize() {
                return MAX_BUFFER;
            }

            @Override
            public byte[] wrap(byte[] plain) throws SaslException {
                return client.wrap(plain, 0, plain.length);
            }

            @Override
            public byte[] unwrap(byte[] wrapped) throws SaslException {
                return client.unwrap(wrapped, 0, wrapped.length);
            }
        };
    }

    private static int parse(Object v, int dflt) {
        try {
            return v == null ? dflt : Integer.parseInt(v.toString());
        } catch (NumberFormatException e) {
            return dflt;
        }
    }
}

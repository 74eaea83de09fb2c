package org.libvirt4j.remote.internal.sasl;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.security.sasl.SaslException;

/**
 * The mechanisms this client speaks, and Cyrus SASL's choice among those a server offers.
 *
 * <p>Cyrus keeps its client mechanisms sorted by strength (security flags, then channel-binding
 * support, then the largest SSF, then hash strength): SCRAM first, longest hash first (it has
 * every flag GSSAPI has plus channel binding), then GSSAPI, then DIGEST-MD5 (not proof against
 * active attacks), then CRAM-MD5 (no mutual authentication, no layer), then the plaintext PLAIN
 * and LOGIN. It takes the first of that order the server offers that it has the callbacks
 * for (a password for all but GSSAPI) and whose largest SSF reaches the minimum asked for.
 */
public final class Mechanisms {
    /** libvirt's minimum SSF on a transport that is not secure: DES, as strong as Kerberos guarantees. */
    public static final int MIN_SSF_INSECURE = 56;

    private record Mech(String name, int maxSsf, boolean needsPassword) {
    }

    private static final List<Mech> ORDER = List.of(
            new Mech("SCRAM-SHA-512", 0, true),
            new Mech("SCRAM-SHA-384", 0, true),
            new Mech("SCRAM-SHA-256", 0, true),
            new Mech("SCRAM-SHA-224", 0, true),
            new Mech("SCRAM-SHA-1", 0, true),
            new Mech("GSSAPI", 256, false),
            new Mech("DIGEST-MD5", 128, true),
            // no security layer and no mutual authentication: last, and only where no SSF is required
            new Mech("CRAM-MD5", 0, true),
            new Mech("PLAIN", 0, true),
            new Mech("LOGIN", 0, true));

    private Mechanisms() {
    }

    /**
     * @param mechlist the server's list (or the one mechanism the URI asks for), separated as
     *        Cyrus accepts: by any character that cannot be part of a name
     * @param password whether the application can answer {@code VIR_CRED_PASSPHRASE}
     * @param minSsf the least SSF the layer must be able to reach
     * @return the mechanism Cyrus's client would start, or empty for "No worthy mechs found"
     */
    public static Optional<String> choose(String mechlist, boolean password, int minSsf) {
        Set<String> offered = Arrays.stream(mechlist.split("[^A-Za-z0-9_-]+")).filter(s -> !s.isEmpty())
                .map(s -> s.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
        return ORDER.stream().filter(m -> offered.contains(m.name()))
                .filter(m -> password || !m.needsPassword())
                .filter(m -> m.maxSsf() >= minSsf)
                .map(Mech::name).findFirst();
    }

    /**
     * @param mech a name {@link #choose} returned
     * @return whether it needs the application's names and password
     */
    public static boolean needsPassword(String mech) {
        return ORDER.stream().anyMatch(m -> m.name().equals(mech) && m.needsPassword());
    }

    /**
     * @param mech a name {@link #choose} returned
     * @return whether the server sends the first challenge (no initial response from the client)
     */
    public static boolean serverFirst(String mech) {
        return mech.equals("DIGEST-MD5") || mech.equals("CRAM-MD5") || mech.equals("LOGIN");
    }

    /**
     * {@code LOGIN}, which asks for the name and the password one at a time, as the server's
     * prompts for them arrive.
     *
     * @param authname asks for the authentication name
     * @param password asks for the password
     * @return the mechanism, ready to start
     */
    public static SaslMechanism login(Supplier<String> authname, Supplier<String> password) {
        return new LoginMechanism(authname, password);
    }

    /**
     * @param mech a name {@link #choose} returned, not {@code LOGIN}
     * @param creds the answers, or {@code null} for GSSAPI
     * @param host the server's host name from the URI
     * @param wantLayer whether a confidentiality layer is required
     * @return the mechanism, ready to start
     * @throws SaslException when the JDK lacks it or refuses the parameters
     */
    public static SaslMechanism create(String mech, SaslCredentials creds, String host, boolean wantLayer)
            throws SaslException {
        for (ScramClient.Hash h : ScramClient.Hash.values()) {
            if (h.mechanism().equals(mech)) {
                return new ScramMechanism(h, creds);
            }
        }
        return new JdkMechanism(mech, creds, host, wantLayer);
    }
}

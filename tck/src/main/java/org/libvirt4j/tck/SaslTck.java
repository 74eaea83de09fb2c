package org.libvirt4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.libvirt4j.Connect;
import org.libvirt4j.ConnectAuth;
import org.libvirt4j.ConnectCredential;
import org.libvirt4j.ConnectCredentialType;
import org.libvirt4j.Connector;
import org.libvirt4j.Domain;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.Libvirt;
import org.libvirt4j.LibvirtException;

/**
 * SASL authentication against a private {@code libvirtd} that requires it on its unix socket, its
 * TCP port and its TLS port ({@link PrivateLibvirtd#startSasl}), configured with SCRAM-SHA-256,
 * SCRAM-SHA-1, DIGEST-MD5, CRAM-MD5, PLAIN and LOGIN from its own sasldb (the last three have no
 * security layer, so the daemon offers them on unix and TLS only). Under libvirt's client rules a secure
 * transport (unix, TLS) needs no SSF, so Cyrus picks SCRAM-SHA-256 there; plain TCP needs an SSF
 * of 56, which only DIGEST-MD5's confidentiality layer gives, so every call over TCP is wrapped.
 *
 * <p>Every expectation is what libvirt's own C client (libvirt.so with Cyrus SASL) does: the
 * credentials its callback is asked for, prompt by prompt, and each refusal's code, domain and
 * message. One daemon serves every test of a JVM. Run just this area with {@code -Dgroups=sasl}.
 */
@Tag("sasl")
public abstract class SaslTck {
    /** The user in the daemon's sasldb. */
    static final String USER = "tck-sasl-user";
    /** Its password. */
    static final String PASSWORD = "tck-sasl=pw,1";
    private static final Object LOCK = new Object();
    private static PrivateLibvirtd daemon;
    private static PrivateLibvirtd gssapiDaemon;

    /** For subclasses. */
    protected SaslTck() {
    }

    /** @return the name of the backend under test, as {@link Libvirt#using(String)} takes it */
    protected abstract String backendName();

    /** The three ways to reach the daemon. */
    enum Transport {
        /** The unix socket: secure, no layer. */
        UNIX,
        /** Plain TCP: a layer of SSF 56 or more is required. */
        TCP,
        /** TLS: secure, SASL on top without a layer. */
        TLS
    }

    static PrivateLibvirtd daemon() {
        synchronized (LOCK) {
            if (daemon == null) {
                PrivateLibvirtd d = PrivateLibvirtd.startSasl("scram-sha-256 scram-sha-1 digest-md5 cram-md5 plain login", USER,
                        PASSWORD);
                Runtime.getRuntime().addShutdownHook(new Thread(d::close, "libvirt4j-tck-sasl-libvirtd-stop"));
                daemon = d;
            }
            return daemon;
        }
    }

    /**
     * A daemon offering only GSSAPI, with a private KDC whose user already holds a ticket. The
     * JDK's GSSAPI (the remote backend) reads the Kerberos configuration from
     * {@code java.security.krb5.conf} and takes the ticket cache outside JAAS only with
     * {@code javax.security.auth.useSubjectCredsOnly=false}, as an application would set them.
     */
    static PrivateLibvirtd gssapiDaemon() {
        synchronized (LOCK) {
            if (gssapiDaemon == null) {
                PrivateKdc kdc = PrivateKdc.start();
                System.setProperty("java.security.krb5.conf", kdc.krb5Conf().toString());
                System.setProperty("javax.security.auth.useSubjectCredsOnly", "false");
                PrivateLibvirtd d;
                try {
                    d = PrivateLibvirtd.startGssapi(kdc);
                } catch (RuntimeException e) {
                    kdc.close();
                    throw e;
                }
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    d.close();
                    kdc.close();
                }, "libvirt4j-tck-gssapi-stop"));
                gssapiDaemon = d;
            }
            return gssapiDaemon;
        }
    }

    static String gssapiUri(Transport t) {
        PrivateLibvirtd d = gssapiDaemon();
        Path def = Path.of("/default");
        return switch (t) {
            case UNIX -> d.testUnixUri(def);
            case TCP -> d.testTcpUri(def);
            case TLS -> d.testTlsUri(def);
        };
    }

    /** The test driver's built-in {@code /default} state: a domain named {@code test}, read only here. */
    static String uri(Transport t, String params) {
        PrivateLibvirtd d = daemon();
        Path def = Path.of("/default");
        String base = switch (t) {
            case UNIX -> d.testUnixUri(def);
            case TCP -> d.testTcpUri(def);
            case TLS -> d.testTlsUri(def);
        };
        return params.isEmpty() ? base : base + (base.contains("?") ? "&" : "?") + params;
    }

    private Connector connector() {
        return Libvirt.using(backendName());
    }

    /** One credential as the callback saw it. */
    record Asked(ConnectCredentialType type, String prompt, String challenge, String defResult) {
    }

    /** Answers with the user and {@code password}, recording every callback invocation's requests. */
    static ConnectAuth recording(List<List<Asked>> calls, String password, ConnectCredentialType... types) {
        return new ConnectAuth(List.of(types), creds -> {
            List<Asked> call = new ArrayList<>();
            for (ConnectCredential c : creds) {
                call.add(new Asked(c.type(), c.prompt(), c.challenge(), c.defResult()));
                c.setResult(switch (c.type()) {
                    case AUTHNAME, USERNAME -> USER;
                    case PASSPHRASE -> password;
                    default -> c.defResult();
                });
            }
            calls.add(call);
        });
    }

    private static final Asked AUTHNAME = new Asked(ConnectCredentialType.AUTHNAME,
            "Please enter your authentication name", "Authentication Name", null);
    private static final Asked PASSPHRASE = new Asked(ConnectCredentialType.PASSPHRASE, "Please enter your password",
            "Password", null);
    private static final Asked USERNAME = new Asked(ConnectCredentialType.USERNAME,
            "Please enter your authorization name", "Authorization Name", null);

    private LibvirtException refused(String uri, ConnectAuth auth) {
        LibvirtException e = catchThrowableOfType(LibvirtException.class,
                () -> connector().newConnectWithAuth(uri, auth).close());
        assertThat(e).as("opening %s must fail", uri).isNotNull();
        return e;
    }

    private static void assertError(LibvirtException e, ErrorDomain domain, String message) {
        assertThat(e.code()).as("code of %s", e).isEqualTo(ErrorNumber.ERR_AUTH_FAILED);
        assertThat(e.domain()).as("domain of %s", e).isEqualTo(domain);
        assertThat(e.getMessage()).isEqualTo(message);
    }

    /**
     * Fails when SASL does not authenticate, the callback is asked for other credentials than
     * libvirt.so asks for, or a call on the authenticated connection fails (over TCP: the
     * security layer's wrapping).
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    @DisplayName("The right password connects, the callback is asked once for the name and the password, and calls work")
    void rightPassword(Transport t) {
        List<List<Asked>> calls = new ArrayList<>();
        try (Connect c = connector().newConnectWithAuth(uri(t, ""), recording(calls, PASSWORD,
                ConnectCredentialType.AUTHNAME, ConnectCredentialType.PASSPHRASE));
                Domain d = c.lookupDomainByName("test")) {
            assertThat(d.getName()).isEqualTo("test");
            // libvirt counts any SASL session as encrypted, and a layer of SSF >= 56 as secure
            assertThat(c.isEncrypted()).isTrue();
            assertThat(c.isSecure()).isTrue();
        }
        assertThat(calls).containsExactly(List.of(AUTHNAME, PASSPHRASE));
    }

    /** Fails when the authorization name is not asked for first when the application offers it (Cyrus's order). */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    @DisplayName("An application offering every credential type is asked for the authorization name, the name and the password")
    void everyCredentialType(Transport t) {
        List<List<Asked>> calls = new ArrayList<>();
        ConnectCredentialType[] all = java.util.Arrays.stream(ConnectCredentialType.values())
                .filter(c -> c != ConnectCredentialType.UNRECOGNIZED).toArray(ConnectCredentialType[]::new);
        try (Connect c = connector().newConnectWithAuth(uri(t, ""), recording(calls, PASSWORD, all))) {
            assertThat(c.getHostname()).isNotEmpty();
        }
        assertThat(calls).containsExactly(List.of(USERNAME, AUTHNAME, PASSPHRASE));
    }

    /** Fails when a wrong password is accepted or refused with other words than the daemon's. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    @DisplayName("A wrong password is refused with the daemon's ERR_AUTH_FAILED")
    void wrongPassword(Transport t) {
        List<List<Asked>> calls = new ArrayList<>();
        LibvirtException e = refused(uri(t, ""), recording(calls, "wrong", ConnectCredentialType.AUTHNAME,
                ConnectCredentialType.PASSPHRASE));
        assertError(e, ErrorDomain.RPC, "authentication failed: authentication failed");
        assertThat(calls).containsExactly(List.of(AUTHNAME, PASSPHRASE));
    }

    /** Fails when the URI's {@code auth=sasl.MECH} is not checked against the daemon's list as libvirt does. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    @DisplayName("A mechanism the daemon does not offer, asked for by auth=sasl.GSSAPI, is refused before any credential")
    void mechanismNotOffered(Transport t) {
        List<List<Asked>> calls = new ArrayList<>();
        LibvirtException e = refused(uri(t, "auth=sasl.GSSAPI"), recording(calls, PASSWORD,
                ConnectCredentialType.AUTHNAME, ConnectCredentialType.PASSPHRASE));
        assertError(e, ErrorDomain.REMOTE, "authentication failed: SASL mechanism GSSAPI not supported by server");
        assertThat(calls).isEmpty();
    }

    /**
     * Fails when SCRAM (no security layer) is used over plain TCP: both sides then require SSF 56,
     * so the daemon does not even offer it there; on a secure transport it is chosen.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    @DisplayName("auth=sasl.SCRAM-SHA-256 works on secure transports and is not offered over plain TCP")
    void scramNeedsSecureTransport(Transport t) {
        List<List<Asked>> calls = new ArrayList<>();
        ConnectAuth auth = recording(calls, PASSWORD, ConnectCredentialType.AUTHNAME, ConnectCredentialType.PASSPHRASE);
        if (t == Transport.TCP) {
            assertError(refused(uri(t, "auth=sasl.SCRAM-SHA-256"), auth), ErrorDomain.REMOTE,
                    "authentication failed: SASL mechanism SCRAM-SHA-256 not supported by server");
            assertThat(calls).isEmpty();
        } else {
            try (Connect c = connector().newConnectWithAuth(uri(t, "auth=sasl.SCRAM-SHA-256"), auth)) {
                assertThat(c.getHostname()).isNotEmpty();
            }
            assertThat(calls).containsExactly(List.of(AUTHNAME, PASSPHRASE));
        }
    }

    /** Fails when DIGEST-MD5 without a layer (secure transports) or with one (TCP) does not work. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    @DisplayName("auth=sasl.DIGEST-MD5 authenticates on every transport")
    void digestMd5(Transport t) {
        List<List<Asked>> calls = new ArrayList<>();
        try (Connect c = connector().newConnectWithAuth(uri(t, "auth=sasl.DIGEST-MD5"), recording(calls, PASSWORD,
                ConnectCredentialType.AUTHNAME, ConnectCredentialType.PASSPHRASE));
                Domain d = c.lookupDomainByName("test")) {
            assertThat(d.getName()).isEqualTo("test");
        }
        assertThat(calls).containsExactly(List.of(AUTHNAME, PASSPHRASE));
    }

    /**
     * Fails when a mechanism without a security layer (SSF 0) does not work on the secure
     * transports, with the credentials asked as libvirt.so asks them and a wrong password refused
     * with the daemon's words, or is used over plain TCP, where the daemon does not offer it.
     * libvirt forbids plaintext mechanisms only where it requires an SSF: PLAIN and LOGIN are
     * offered on unix and TLS.
     */
    @ParameterizedTest(name = "{0} {1}")
    @org.junit.jupiter.params.provider.MethodSource("layerlessMechanisms")
    @DisplayName("auth=sasl.CRAM-MD5, PLAIN and LOGIN authenticate on unix and TLS and are not offered over plain TCP")
    void layerlessMechanism(Transport t, String mech) {
        List<List<Asked>> calls = new ArrayList<>();
        ConnectAuth auth = recording(calls, PASSWORD, ConnectCredentialType.AUTHNAME, ConnectCredentialType.PASSPHRASE);
        if (t == Transport.TCP) {
            assertError(refused(uri(t, "auth=sasl." + mech), auth), ErrorDomain.REMOTE,
                    "authentication failed: SASL mechanism " + mech + " not supported by server");
            assertThat(calls).isEmpty();
            return;
        }
        // Cyrus's LOGIN asks for the name at the server's "Username:", the password at its "Password:"
        List<List<Asked>> expected = mech.equals("LOGIN") ? List.of(List.of(AUTHNAME), List.of(PASSPHRASE))
                : List.of(List.of(AUTHNAME, PASSPHRASE));
        try (Connect c = connector().newConnectWithAuth(uri(t, "auth=sasl." + mech), auth);
                Domain d = c.lookupDomainByName("test")) {
            assertThat(d.getName()).isEqualTo("test");
        }
        assertThat(calls).isEqualTo(expected);
        List<List<Asked>> wrong = new ArrayList<>();
        assertError(refused(uri(t, "auth=sasl." + mech), recording(wrong, "wrong", ConnectCredentialType.AUTHNAME,
                ConnectCredentialType.PASSPHRASE)), ErrorDomain.RPC, "authentication failed: authentication failed");
        assertThat(wrong).isEqualTo(expected);
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> layerlessMechanisms() {
        return java.util.stream.Stream.of(Transport.values()).flatMap(t -> java.util.stream.Stream.of("CRAM-MD5",
                "PLAIN", "LOGIN").map(m -> org.junit.jupiter.params.provider.Arguments.of(t, m)));
    }

    /** Fails when a client that cannot answer passwords is not refused as Cyrus refuses it. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    @DisplayName("A callback that offers no PASSPHRASE, or no callback, leaves no worthy mechanism")
    void noWorthyMechanism(Transport t) {
        String msg = "authentication failed: Failed to start SASL negotiation: -4 (SASL(-4): no mechanism available: "
                + "No worthy mechs found)";
        assertError(refused(uri(t, ""), new ConnectAuth(List.of(ConnectCredentialType.AUTHNAME), c -> { })),
                ErrorDomain.RPC, msg);
        LibvirtException e = catchThrowableOfType(LibvirtException.class, () -> connector().newConnect(uri(t, "")).close());
        assertThat(e).isNotNull();
        assertError(e, ErrorDomain.RPC, msg);
    }

    /** Fails when a refusing callback or a missing answer is reported with other words than libvirt's. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    @DisplayName("A callback that throws, or leaves the name unanswered, fails as in libvirt's client")
    void callbackFailures(Transport t) {
        List<ConnectCredentialType> types = List.of(ConnectCredentialType.AUTHNAME, ConnectCredentialType.PASSPHRASE);
        assertError(refused(uri(t, ""), new ConnectAuth(types, c -> {
            throw new IllegalStateException("refused by the application");
        })), ErrorDomain.REMOTE, "authentication failed: Failed to collect auth credentials");
        LibvirtException missing = refused(uri(t, ""), new ConnectAuth(types, c -> { }));
        String tail = " SASL negotiation: -7 (SASL(-7): invalid parameter supplied: Unexpectedly missing a prompt "
                + "result in _plug_get_simple)";
        if (t == Transport.TCP) {
            // DIGEST-MD5 asks at its first step, unless Cyrus's client has a re-authentication cached
            // from an earlier success with this server in the same process: then it answers at
            // start. libvirt.so gives either, depending on what the process did before.
            assertThat(missing.getMessage()).isIn("authentication failed: Failed to step" + tail,
                    "authentication failed: Failed to start" + tail);
            assertThat(missing.code()).isEqualTo(ErrorNumber.ERR_AUTH_FAILED);
            assertThat(missing.domain()).isEqualTo(ErrorDomain.RPC);
        } else {
            assertError(missing, ErrorDomain.RPC, "authentication failed: Failed to start" + tail);
        }
    }

    /** Fails when an unknown or unoffered authentication type in the URI is not refused as libvirt does. */
    @Test
    @DisplayName("auth=polkit and auth=bogus are refused with libvirt's words")
    void authTypes() {
        ConnectAuth auth = recording(new ArrayList<>(), PASSWORD, ConnectCredentialType.AUTHNAME,
                ConnectCredentialType.PASSPHRASE);
        assertError(refused(uri(Transport.UNIX, "auth=polkit"), auth), ErrorDomain.REMOTE,
                "authentication failed: requested authentication type polkit rejected");
        assertError(refused(uri(Transport.UNIX, "auth=bogus"), auth), ErrorDomain.REMOTE,
                "authentication failed: unknown authentication type bogus");
    }

    /**
     * Fails when the security layer breaks large messages: a domain whose description is larger
     * than a SASL buffer (64 KiB) must go to the daemon and come back intact over TCP, where every
     * message is cut, wrapped and unwrapped in pieces.
     */
    @Test
    @DisplayName("Messages larger than a SASL buffer cross the DIGEST-MD5 layer intact both ways")
    void largeMessagesThroughTheLayer() {
        String big = "x".repeat(150_000);
        String name = "tck-sasl-" + UUID.randomUUID().toString().substring(0, 8);
        String xml = "<domain type='test'><name>" + name + "</name><description>" + big + "</description>"
                + "<memory>1024</memory><os><type>hvm</type></os></domain>";
        ConnectAuth auth = recording(new ArrayList<>(), PASSWORD, ConnectCredentialType.AUTHNAME,
                ConnectCredentialType.PASSPHRASE);
        try (Connect c = connector().newConnectWithAuth(uri(Transport.TCP, ""), auth)) {
            try (Domain d = c.domainDefineXML(xml)) {
                try {
                    assertThat(d.getXMLDesc()).contains("<description>" + big + "</description>");
                } finally {
                    d.undefine();
                }
            }
        }
    }

    /** The host libvirt's client looks up in the auth file: the URI's, {@code localhost} without one. */
    static String authHost(Transport t) {
        return t == Transport.UNIX ? "localhost" : "127.0.0.1";
    }

    /** Writes {@code contents} as an auth file in {@code dir} and returns the URI naming it with {@code authfile=}. */
    static String withAuthFile(Transport t, Path dir, String contents, String params) {
        Path file = dir.resolve("auth-" + t + ".conf");
        try {
            java.nio.file.Files.writeString(file, contents);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return uri(t, "authfile=" + file + (params.isEmpty() ? "" : "&" + params));
    }

    /**
     * Fails when the auth file named by the URI's {@code authfile} is not read before the
     * callback (libvirt's {@code remoteAuthInteract}): with the name and the password in it the
     * callback must not be called at all. The host's own group wins over {@code default}, whose
     * password here is wrong.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    @DisplayName("An auth file (authfile=) holding the name and the password connects without calling the callback")
    void authFileAnswersEverything(Transport t, @TempDir Path dir) {
        List<List<Asked>> calls = new ArrayList<>();
        String file = "# libvirt4j TCK\n[credentials-wrong]\nauthname=" + USER + "\npassword=wrong\n"
                + "[credentials-tck]\n  authname = " + USER + "\npassword=" + PASSWORD + "\n"
                + "[auth-libvirt-default]\ncredentials=wrong\n"
                + "[auth-libvirt-" + authHost(t) + "]\ncredentials=tck\n"
                + "[auth-ssh-default]\ncredentials=wrong\n";
        try (Connect c = connector().newConnectWithAuth(withAuthFile(t, dir, file, ""), recording(calls, "unused",
                ConnectCredentialType.AUTHNAME, ConnectCredentialType.PASSPHRASE));
                Domain d = c.lookupDomainByName("test")) {
            assertThat(d.getName()).isEqualTo("test");
        }
        assertThat(calls).isEmpty();
    }

    /** Fails when the callback is asked for what the file already answered, or not asked for the rest. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    @DisplayName("An auth file holding only the password leaves the name to the callback")
    void authFileAnswersThePassword(Transport t, @TempDir Path dir) {
        List<List<Asked>> calls = new ArrayList<>();
        String file = "[auth-libvirt-default]\ncredentials=pw\n[credentials-pw]\npassword=" + PASSWORD + "\n";
        try (Connect c = connector().newConnectWithAuth(withAuthFile(t, dir, file, ""), recording(calls, "wrong",
                ConnectCredentialType.AUTHNAME, ConnectCredentialType.PASSPHRASE))) {
            assertThat(c.getHostname()).isNotEmpty();
        }
        assertThat(calls).containsExactly(List.of(AUTHNAME));
    }

    /** Fails when a wrong password from the file is not refused like one from the callback, or the callback is asked. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    @DisplayName("A wrong password in the auth file is refused with the daemon's ERR_AUTH_FAILED, the callback unasked")
    void authFileWrongPassword(Transport t, @TempDir Path dir) {
        List<List<Asked>> calls = new ArrayList<>();
        String file = "[auth-libvirt-default]\ncredentials=x\n[credentials-x]\nauthname=" + USER
                + "\npassword=wrong\n";
        LibvirtException e = refused(withAuthFile(t, dir, file, ""), recording(calls, PASSWORD,
                ConnectCredentialType.AUTHNAME, ConnectCredentialType.PASSPHRASE));
        assertError(e, ErrorDomain.RPC, "authentication failed: authentication failed");
        assertThat(calls).isEmpty();
    }

    /** Fails when a file without a group for the service and host changes what the callback is asked. */
    @Test
    @DisplayName("An auth file with no libvirt group for the host leaves every credential to the callback")
    void authFileWithoutAGroupForTheHost(@TempDir Path dir) {
        List<List<Asked>> calls = new ArrayList<>();
        String file = "[auth-libvirt-otherhost]\ncredentials=x\n[auth-ssh-default]\ncredentials=x\n"
                + "[credentials-x]\nauthname=nobody\npassword=wrong\n";
        try (Connect c = connector().newConnectWithAuth(withAuthFile(Transport.UNIX, dir, file, ""), recording(calls,
                PASSWORD, ConnectCredentialType.AUTHNAME, ConnectCredentialType.PASSPHRASE))) {
            assertThat(c.getHostname()).isNotEmpty();
        }
        assertThat(calls).containsExactly(List.of(AUTHNAME, PASSPHRASE));
    }

    /**
     * Fails when a group naming no credentials, or credentials the file lacks, is not refused with
     * libvirt's {@code ERR_CONF_SYNTAX} words (domain NONE), or the callback is asked anyway.
     */
    @Test
    @DisplayName("An auth group without credentials=, or naming a missing group, is ERR_CONF_SYNTAX")
    void authFileBrokenReferences(@TempDir Path dir) {
        ConnectAuth auth = recording(new ArrayList<>(), PASSWORD, ConnectCredentialType.AUTHNAME,
                ConnectCredentialType.PASSPHRASE);
        Path file = dir.resolve("auth-" + Transport.UNIX + ".conf");
        LibvirtException missingItem = refused(withAuthFile(Transport.UNIX, dir, "[auth-libvirt-localhost]\nuser=x\n",
                ""), auth);
        assertThat(missingItem.code()).isEqualTo(ErrorNumber.ERR_CONF_SYNTAX);
        assertThat(missingItem.domain()).isEqualTo(ErrorDomain.NONE);
        assertThat(missingItem.getMessage()).isEqualTo("configuration file syntax error: Missing item 'credentials' "
                + "in group 'auth-libvirt-localhost' in '" + file + "'");
        LibvirtException missingGroup = refused(withAuthFile(Transport.UNIX, dir,
                "[auth-libvirt-default]\ncredentials=nowhere\n", ""), auth);
        assertThat(missingGroup.code()).isEqualTo(ErrorNumber.ERR_CONF_SYNTAX);
        assertThat(missingGroup.domain()).isEqualTo(ErrorDomain.NONE);
        assertThat(missingGroup.getMessage()).isEqualTo("configuration file syntax error: Missing group "
                + "'credentials-nowhere' referenced from group 'auth-libvirt-default' in '" + file + "'");
    }

    /**
     * Fails when a malformed or missing auth file is not refused as libvirt.so refuses it (it
     * reports no error of its own: the generic one), or when it is read although no credential is
     * needed.
     */
    @Test
    @DisplayName("A malformed or missing auth file fails the open as in libvirt's client")
    void authFileMalformedOrMissing(@TempDir Path dir) {
        List<List<Asked>> calls = new ArrayList<>();
        ConnectAuth auth = recording(calls, PASSWORD, ConnectCredentialType.AUTHNAME, ConnectCredentialType.PASSPHRASE);
        for (String contents : List.of("authname=x\n", "[auth-libvirt-default]\nnot a pair\n", "[broken\n")) {
            LibvirtException e = refused(withAuthFile(Transport.UNIX, dir, contents, ""), auth);
            assertThat(e.code()).as("%s for %s", e, contents).isEqualTo(ErrorNumber.ERR_INTERNAL_ERROR);
            assertThat(e.domain()).isEqualTo(ErrorDomain.NONE);
            assertThat(e.getMessage()).isEqualTo("An error occurred, but the cause is unknown");
        }
        LibvirtException missing = refused(uri(Transport.UNIX, "authfile=" + dir.resolve("absent.conf")), auth);
        assertThat(missing.code()).isEqualTo(ErrorNumber.ERR_INTERNAL_ERROR);
        assertThat(missing.getMessage()).isEqualTo("An error occurred, but the cause is unknown");
        assertThat(calls).isEmpty();
    }

    /**
     * Fails when GSSAPI (Kerberos, with a confidentiality layer over plain TCP) does not
     * authenticate with the ticket in the cache, or asks the application for anything.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    @DisplayName("GSSAPI authenticates with the Kerberos ticket, asking the callback for nothing")
    void gssapi(Transport t) {
        List<List<Asked>> calls = new ArrayList<>();
        try (Connect c = connector().newConnectWithAuth(gssapiUri(t), recording(calls, PASSWORD,
                ConnectCredentialType.AUTHNAME, ConnectCredentialType.PASSPHRASE));
                Domain d = c.lookupDomainByName("test")) {
            assertThat(d.getName()).isEqualTo("test");
            assertThat(c.isEncrypted()).isTrue();
            assertThat(c.isSecure()).isTrue();
            assertThat(c.getCapabilities()).contains("<capabilities>");
        }
        assertThat(calls).isEmpty();
        try (Connect c = connector().newConnect(gssapiUri(t))) {
            assertThat(c.getHostname()).isNotEmpty();
        }
    }
}

package org.libvirt4j.remote.internal.rpc;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.agent.SshAgent;
import org.apache.sshd.agent.SshAgentFactory;
import org.apache.sshd.agent.SshAgentServer;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.UserAuthFactory;
import org.apache.sshd.client.auth.keyboard.UserAuthKeyboardInteractiveFactory;
import org.apache.sshd.client.auth.keyboard.UserInteraction;
import org.apache.sshd.client.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.client.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.FactoryManager;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.channel.StreamingChannel;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.libvirt4j.ConnectAuth;
import org.libvirt4j.ConnectCredential;
import org.libvirt4j.ConnectCredentialType;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorLevel;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;

/**
 * The {@code +libssh} and {@code +libssh2} transports: a pure-Java SSH client (Apache MINA SSHD)
 * in place of libvirt's libssh session ({@code virNetLibsshSession}). It verifies the host key
 * against a known-hosts file ({@code known_hosts_verify=normal|auto|ignore}), logs in with the
 * methods of {@code sshauth} ({@code agent}: the keys of the {@code ssh-agent} at
 * {@code SSH_AUTH_SOCK}, through {@link UnixAgentProxy}; {@code privkey}, {@code password},
 * {@code keyboard-interactive}),
 * asks the connection's {@link ConnectAuth} for passwords, passphrases and unknown host keys with
 * libvirt's prompts, and runs the far side's proxy command on an exec channel.
 */
public final class LibsshTunnel {
    /** One client (its I/O threads) for every connection; sessions carry their own settings. */
    private static final class Shared {
        static final SshClient CLIENT = start();

        private static SshClient start() {
            SshClient c = SshClient.setUpDefaultClient();
            // only the keys a connection names (keyfile, or libvirt's default key) are offered
            c.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
            // each connection brings its own verifier in the connect context
            c.setAgentFactory(new AgentFactory());
            c.setServerKeyVerifier((session, address, key) -> {
                ServerKeyVerifier v = session.getConnectionContext() == null ? null
                        : session.getConnectionContext().getAttribute(VERIFIER);
                return v != null && v.verifyServerKey(session, address, key);
            });
            c.start();
            return c;
        }
    }

    private static final AttributeRepository.AttributeKey<ServerKeyVerifier> VERIFIER =
            new AttributeRepository.AttributeKey<>();
    /** The agent a connection may use: its socket and the connection's deadline. */
    private static final AttributeRepository.AttributeKey<Agent> AGENT = new AttributeRepository.AttributeKey<>();

    private record Agent(Path socket, long deadline) {
    }

    /**
     * Gives a session the agent its connection names, if any. An agent that cannot be reached
     * offers no keys and the next method follows, as libssh's {@code ssh_userauth_agent} answers
     * "denied" when no agent runs.
     */
    private static final class AgentFactory implements SshAgentFactory {
        @Override
        public List<ChannelFactory> getChannelForwardingFactories(FactoryManager manager) {
            return List.of(); // no agent forwarding to the far side
        }

        @Override
        public SshAgent createClient(Session session, FactoryManager manager) {
            Agent a = session instanceof ClientSession cs && cs.getConnectionContext() != null
                    ? cs.getConnectionContext().getAttribute(AGENT) : null;
            if (a == null) {
                return null;
            }
            try {
                return new UnixAgentProxy(a.socket(), a.deadline());
            } catch (IOException e) {
                return null;
            }
        }

        @Override
        public SshAgentServer createServer(ConnectionService service) {
            throw new UnsupportedOperationException("no agent forwarding");
        }
    }

    /** What libvirt's {@code virNetClientNewLibssh} is given. */
    public record Options(String host, int port, String user, String keyfile, Path home, Path knownHosts,
            String knownHostsVerify, String authMethods, String command, ConnectAuth auth, boolean libssh2,
            Path agentSocket) {
        /**
         * Checks the components.
         *
         * @param host the host
         * @param port the port
         * @param user the user to log in as
         * @param keyfile the private key, or {@code null} for the first of {@code ~/.ssh/id_*}
         * @param home the user's home directory
         * @param knownHosts the known-hosts file
         * @param knownHostsVerify {@code normal}, {@code auto} or {@code ignore}
         * @param authMethods the {@code sshauth} list, or {@code null} for libvirt's default
         * @param command the far side's command
         * @param auth the credential callback, or {@code null}
         * @param libssh2 whether the URI said {@code +libssh2}: errors are then worded as libvirt's
         *        libssh2 session words them (domain SSH, {@code ERR_SSH}, MD5 key hashes)
         * @param agentSocket the running {@code ssh-agent}'s socket ({@code SSH_AUTH_SOCK}), or
         *        {@code null} for none: the {@code agent} method then finds no keys
         */
        public Options {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(home, "home");
            Objects.requireNonNull(knownHosts, "knownHosts");
            Objects.requireNonNull(knownHostsVerify, "knownHostsVerify");
            Objects.requireNonNull(command, "command");
        }
    }

    private LibsshTunnel() {
    }

    /**
     * An error of libvirt's ssh session: {@code ERR_LIBSSH} (domain LIBSSH) from the libssh one,
     * {@code ERR_SSH} (domain SSH) from the libssh2 one; {@code ERR_AUTH_FAILED} from both.
     */
    private static LibvirtException libssh(Options o, ErrorNumber code, String message) {
        if (code == ErrorNumber.ERR_LIBSSH && o.libssh2()) {
            code = ErrorNumber.ERR_SSH;
        }
        String prefix = code == ErrorNumber.ERR_AUTH_FAILED ? "authentication failed: "
                : code == ErrorNumber.ERR_SSH ? "SSH transport error: " : "libssh transport error: ";
        return new LibvirtException(code.value(), (o.libssh2() ? ErrorDomain.SSH : ErrorDomain.LIBSSH).value(),
                ErrorLevel.ERROR.value(), prefix + message);
    }

    /**
     * Logs in and runs the far side's command; the connection's bytes then flow over its channel.
     *
     * @param o the options
     * @param settings the client's settings; the call timeout is also the limit of connecting and logging in
     * @return the connected client
     * @throws LibvirtException as libvirt's libssh transport: {@code ERR_AUTH_FAILED} (domain
     *         LIBSSH) for a host key that differs from the known one or rejected credentials,
     *         {@code ERR_LIBSSH} for an unknown key nobody accepted, {@code ERR_SYSTEM_ERROR} when
     *         the host cannot be reached
     */
    public static RpcConnection connect(Options o, RpcSettings settings) {
        long timeoutNanos = settings.timeoutNanos();
        String verifyMode = o.knownHostsVerify().toLowerCase(Locale.ROOT);
        if (!List.of("normal", "auto", "ignore").contains(verifyMode)) {
            throw Rpc.error(ErrorNumber.ERR_INVALID_ARG,
                    "invalid argument: Invalid host key verification method: '" + o.knownHostsVerify() + "'", null);
        }
        String keyfile = o.keyfile() != null ? o.keyfile() : defaultKey(o.home());
        String methods = o.authMethods() != null ? o.authMethods()
                : keyfile != null ? "agent,privkey,password,keyboard-interactive" : "agent,password,keyboard-interactive";
        List<String> wanted = new ArrayList<>();
        for (String m : methods.split(",", -1)) {
            String lower = m.toLowerCase(Locale.ROOT);
            if (!List.of("agent", "privkey", "password", "keyboard-interactive").contains(lower)) {
                throw Rpc.error(ErrorNumber.ERR_INVALID_ARG, "invalid argument: Invalid authentication method: '" + m + "'",
                        null);
            }
            wanted.add(lower);
        }
        long deadline = System.nanoTime() + timeoutNanos;
        AtomicReference<LibvirtException> verdict = new AtomicReference<>();
        ServerKeyVerifier verifier = verifier(o, verifyMode, verdict);
        Map<AttributeRepository.AttributeKey<?>, Object> attributes = new HashMap<>();
        attributes.put(VERIFIER, verifier);
        if (o.agentSocket() != null && wanted.contains("agent")) {
            attributes.put(AGENT, new Agent(o.agentSocket(), deadline));
        }
        AttributeRepository context = AttributeRepository.ofAttributesMap(attributes);
        ClientSession session = null;
        try {
            ConnectFuture cf = Shared.CLIENT.connect(o.user(), o.host(), o.port(), context);
            if (!cf.await(remainingMillis(deadline))) {
                cf.cancel();
                throw Rpc.error(ErrorNumber.ERR_SYSTEM_ERROR, "unable to connect to server at '" + o.host() + ":"
                        + o.port() + "': Connection timed out", null);
            }
            if (cf.getException() != null) {
                throw Rpc.error(ErrorNumber.ERR_SYSTEM_ERROR, "unable to connect to server at '" + o.host() + ":"
                        + o.port() + "': " + rootMessage(cf.getException()), cf.getException());
            }
            session = cf.getSession();
            List<UserAuthFactory> factories = new ArrayList<>();
            for (String m : wanted) {
                switch (m) {
                    case "privkey" -> {
                        if (keyfile != null) {
                            for (KeyPair kp : loadKey(Path.of(keyfile), o, verdict)) {
                                session.addPublicKeyIdentity(kp);
                            }
                            addOnce(factories, UserAuthPublicKeyFactory.INSTANCE);
                        }
                    }
                    case "password" -> addOnce(factories, UserAuthPasswordFactory.INSTANCE);
                    case "keyboard-interactive" -> addOnce(factories, UserAuthKeyboardInteractiveFactory.INSTANCE);
                    default -> {
                        // "agent": the agent's keys join the public-key method (AgentFactory)
                        if (o.agentSocket() != null) {
                            addOnce(factories, UserAuthPublicKeyFactory.INSTANCE);
                        }
                    }
                }
            }
            if (factories.isEmpty()) {
                throw libssh(o, ErrorNumber.ERR_LIBSSH, "No authentication methods and credentials provided");
            }
            session.setUserAuthFactories(factories);
            session.setUserInteraction(new Interaction(o));
            try {
                session.auth().verify(remainingMillis(deadline));
            } catch (IOException e) {
                LibvirtException v = verdict.get();
                if (v != null) {
                    throw v;
                }
                if (e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains("timeout")) {
                    throw libssh(o, ErrorNumber.ERR_LIBSSH, "failed to authenticate: timed out");
                }
                throw libssh(o, ErrorNumber.ERR_AUTH_FAILED,
                        "All provided authentication methods with credentials were rejected by the server");
            }
            Tunnel.ErrorOutput err = new Tunnel.ErrorOutput();
            ChannelExec channel = session.createExecChannel(o.command());
            channel.setStreaming(StreamingChannel.Streaming.Sync);
            channel.setErr(err);
            try {
                channel.open().verify(remainingMillis(deadline));
            } catch (IOException e) {
                throw libssh(o, ErrorNumber.ERR_LIBSSH, "failed to open ssh channel: " + rootMessage(e));
            }
            return Tunnel.connect(new ChannelEnds(session, channel, err), "libssh", settings);
        } catch (IOException e) {
            close(session);
            LibvirtException v = verdict.get();
            if (v != null) {
                throw v;
            }
            throw libssh(o, ErrorNumber.ERR_LIBSSH, rootMessage(e));
        } catch (RuntimeException e) {
            close(session);
            LibvirtException v = verdict.get();
            throw v != null ? v : e;
        }
    }

    private static void addOnce(List<UserAuthFactory> factories, UserAuthFactory f) {
        if (!factories.contains(f)) {
            factories.add(f);
        }
    }

    private static void close(ClientSession session) {
        if (session != null) {
            session.close(true);
        }
    }

    private static long remainingMillis(long deadline) {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getMessage() != null ? c.getMessage() : c.toString();
    }

    /** libvirt's {@code virNetClientFindDefaultSshKey}: the first of the usual key files that exists. */
    private static String defaultKey(Path home) {
        for (String name : List.of("id_ed25519", "id_ecdsa", "id_rsa", "id_dsa")) {
            Path p = home.resolve(".ssh").resolve(name);
            if (Files.isReadable(p)) {
                return p.toString();
            }
        }
        return null;
    }

    private static Iterable<KeyPair> loadKey(Path file, Options o, AtomicReference<LibvirtException> verdict) {
        FilePasswordProvider passphrase = (session, resource, retry) -> {
            if (retry > 0) {
                return null;
            }
            String answer = ask(o.auth(), ConnectCredentialType.PASSPHRASE, "Passphrase for key '" + file + "'");
            if (answer == null) {
                verdict.compareAndSet(null, libssh(o, ErrorNumber.ERR_LIBSSH,
                        "No user interaction callback provided: Can't retrieve private key passphrase"));
            }
            return answer;
        };
        try (InputStream in = Files.newInputStream(file)) {
            Iterable<KeyPair> keys = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(file.toString()),
                    in, passphrase);
            if (keys == null) {
                throw libssh(o, ErrorNumber.ERR_AUTH_FAILED, "error while reading private key '" + file + "'");
            }
            return keys;
        } catch (IOException e) {
            throw libssh(o, ErrorNumber.ERR_AUTH_FAILED, "error while reading private key '" + file + "'");
        } catch (GeneralSecurityException e) {
            LibvirtException v = verdict.get();
            throw v != null ? v : libssh(o, ErrorNumber.ERR_AUTH_FAILED,
                    "error while opening private key '" + file + "', wrong passphrase?");
        }
    }

    /**
     * Asks the callback one question, as libvirt's {@code virAuthAskCredential}.
     *
     * @return the answer, or {@code null} when there is no callback or it does not take that type
     */
    private static String ask(ConnectAuth auth, ConnectCredentialType type, String prompt) {
        if (auth == null || !auth.credTypes().contains(type)) {
            if (auth == null || type != ConnectCredentialType.PASSPHRASE
                    || !auth.credTypes().contains(ConnectCredentialType.NOECHOPROMPT)) {
                return null;
            }
            type = ConnectCredentialType.NOECHOPROMPT;
        }
        ConnectCredential c = new ConnectCredential(type.value(), prompt, null, null);
        try {
            auth.callback().authenticate(List.of(c));
        } catch (RuntimeException e) {
            return null;
        }
        return c.result();
    }

    /**
     * libvirt's hex form of a host key: the SHA-256 of its wire encoding in lower-case hex (libssh),
     * or its MD5 in upper case (libssh2), colon-separated bytes.
     */
    static String keyHash(PublicKey key, boolean libssh2) {
        ByteArrayBuffer b = new ByteArrayBuffer();
        b.putRawPublicKey(key);
        byte[] digest;
        try {
            digest = MessageDigest.getInstance(libssh2 ? "MD5" : "SHA-256").digest(b.getCompactData());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        StringBuilder s = new StringBuilder();
        for (byte x : digest) {
            if (s.length() > 0) {
                s.append(':');
            }
            s.append(String.format(libssh2 ? "%02X" : "%02x", x & 0xff));
        }
        return s.toString();
    }

    /** The host key check of libvirt's {@code virNetLibsshCheckHostKey}, on a known-hosts file. */
    private static ServerKeyVerifier verifier(Options o, String mode, AtomicReference<LibvirtException> verdict) {
        if (mode.equals("ignore")) {
            return (session, address, key) -> true;
        }
        // an unknown key: "auto" adds it, "normal" asks the callback first
        ServerKeyVerifier unknown = (session, address, key) -> {
            if (mode.equals("auto")) {
                return true;
            }
            String hash = keyHash(key, o.libssh2());
            if (o.auth() == null || !o.auth().credTypes().contains(ConnectCredentialType.ECHOPROMPT)) {
                verdict.compareAndSet(null, libssh(o, ErrorNumber.ERR_LIBSSH,
                        "No user interaction callback provided: Can't verify the session host key"));
                return false;
            }
            String answer = ask(o.auth(), ConnectCredentialType.ECHOPROMPT, "Accept SSH host key with hash '" + hash
                    + "' for host '" + o.host() + ":" + o.port() + "' (y/n)?");
            if (answer == null || !answer.equalsIgnoreCase("y")) {
                verdict.compareAndSet(null, libssh(o, ErrorNumber.ERR_LIBSSH,
                        "SSH host key for '" + o.host() + "' (" + hash + ") was not accepted"));
                return false;
            }
            return true;
        };
        KnownHostsServerKeyVerifier known = new KnownHostsServerKeyVerifier(unknown, o.knownHosts()) {
            @Override
            protected void handleKnownHostsFileUpdateFailure(ClientSession session, SocketAddress remoteAddress,
                    PublicKey serverKey, Path file, Collection<HostEntryPair> knownHosts, Throwable reason) {
                verdict.compareAndSet(null, libssh(o, ErrorNumber.ERR_LIBSSH, "failed to write known_host file '" + file
                        + "': " + rootMessage(reason)));
            }
        };
        known.setModifiedServerKeyAcceptor((ClientSession session, SocketAddress address, KnownHostEntry entry,
                PublicKey expected, PublicKey actual) -> {
            // libssh names the new key's hash; libssh2 the stored key as its file has it
            String shown = o.libssh2() ? Base64.getEncoder().encodeToString(entry.getKeyEntry().getKeyData())
                    : keyHash(actual, false);
            verdict.compareAndSet(null, libssh(o, ErrorNumber.ERR_AUTH_FAILED, "!!! SSH HOST KEY VERIFICATION FAILED !!!: "
                    + "Identity of host '" + o.host() + ":" + o.port() + "' differs from stored identity. Please verify "
                    + "the new host key '" + shown + "' to avoid possible man in the middle attack. The key "
                    + "is stored in '" + o.knownHosts() + "'."));
            return false;
        });
        return (session, address, key) -> {
            boolean ok = known.verifyServerKey(session, address, key);
            return ok && verdict.get() == null;
        };
    }

    /** Passwords and keyboard-interactive prompts through the connection's callback, with libvirt's prompts. */
    private static final class Interaction implements UserInteraction {
        private final Options o;

        Interaction(Options o) {
            this.o = o;
        }

        @Override
        public boolean isInteractionAllowed(ClientSession session) {
            return o.auth() != null;
        }

        @Override
        public String[] interactive(ClientSession session, String name, String instruction, String lang,
                String[] prompts, boolean[] echo) {
            StringBuilder head = new StringBuilder();
            if (name != null && !name.isEmpty()) {
                head.append(name);
            }
            if (instruction != null && !instruction.isEmpty()) {
                if (head.length() > 0) {
                    head.append('\n');
                }
                head.append(instruction);
            }
            if (head.length() > 0) {
                head.append('\n');
            }
            String[] answers = new String[prompts.length];
            for (int i = 0; i < prompts.length; i++) {
                String answer = ask(o.auth(), echo[i] ? ConnectCredentialType.ECHOPROMPT
                        : ConnectCredentialType.NOECHOPROMPT, head + trimPrompt(prompts[i]));
                if (answer == null) {
                    return null; // no answer: the method fails
                }
                answers[i] = answer;
            }
            return answers;
        }

        @Override
        public String getUpdatedPassword(ClientSession session, String prompt, String lang) {
            return null;
        }

        @Override
        public String resolveAuthPasswordAttempt(ClientSession session) {
            return ask(o.auth(), ConnectCredentialType.NOECHOPROMPT,
                    "Enter " + o.user() + "'s password for " + o.host());
        }

        @Override
        public KeyPair resolveAuthPublicKeyIdentityAttempt(ClientSession session) {
            return null;
        }

        /** libvirt's {@code virLengthForPromptString}: trailing spaces and colons go. */
        private static String trimPrompt(String s) {
            int end = s.length();
            while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == ':')) {
                end--;
            }
            return s.substring(0, end);
        }
    }

    /** An exec channel as a tunnel's far side; closing it closes its session too. */
    private record ChannelEnds(ClientSession session, ChannelExec channel, Tunnel.ErrorOutput err)
            implements Tunnel.Ends {
        @Override
        public InputStream fromPeer() {
            return channel.getInvertedOut();
        }

        @Override
        public OutputStream toPeer() {
            return channel.getInvertedIn();
        }

        @Override
        public String errorOutput() {
            return err.text();
        }

        @Override
        public void destroy() {
            channel.close(true);
            session.close(true);
        }
    }
}

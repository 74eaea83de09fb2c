package org.libvirt4j.remote.internal;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.libvirt4j.ConnectAuth;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.remote.generated.RemoteAuthListRet;
import org.libvirt4j.remote.generated.RemoteAuthPolkitRet;
import org.libvirt4j.remote.generated.RemoteAuthType;
import org.libvirt4j.remote.generated.RemoteConnectGetUriRet;
import org.libvirt4j.remote.generated.RemoteConnectOpenArgs;
import org.libvirt4j.remote.generated.RemoteConnectSupportsFeatureArgs;
import org.libvirt4j.remote.generated.RemoteConnectSupportsFeatureRet;
import org.libvirt4j.remote.generated.RemoteProcedure;
import io.netty.handler.ssl.SslContext;
import org.libvirt4j.remote.internal.rpc.RpcConnection;
import org.libvirt4j.remote.internal.rpc.RpcSettings;
import org.libvirt4j.remote.internal.rpc.Transports;
import org.libvirt4j.remote.internal.rpc.Tls;
import org.libvirt4j.remote.internal.rpc.RpcStream;
import org.libvirt4j.remote.internal.xdr.XdrReader;
import org.libvirt4j.remote.internal.xdr.XdrWriter;

/**
 * An opened connection to the daemon: the handshake libvirt's remote driver makes, and the
 * reference count shared by the {@code Connect} handle and every object obtained from it. The
 * socket closes (after {@code CONNECT_CLOSE}) when the count drops to zero.
 */
final class Session {
    /** {@code VIR_DRV_FEATURE_TYPED_PARAM_STRING} (libvirt's driver.h; not in the .x files). */
    private static final int FEATURE_TYPED_PARAM_STRING = 9;
    /** {@code VIR_DRV_FEATURE_PROGRAM_KEEPALIVE}. */
    private static final int FEATURE_PROGRAM_KEEPALIVE = 10;
    /** {@code VIR_DRV_FEATURE_REMOTE_CLOSE_CALLBACK}: the daemon reports its own hypervisor connection closing. */
    private static final int FEATURE_REMOTE_CLOSE_CALLBACK = 15;

    /**
     * The connection to the daemon now: replaced by {@link Reconnector} when the daemon came back,
     * so that every handle, which holds this session, reaches the new one.
     */
    volatile RpcConnection rpc;
    /** What the connection was opened with, and what a reconnect opens with again. */
    final OpenSettings settings;
    final RemoteUri uri;
    final String canonicalUri;
    final boolean secureTransport;
    /**
     * Whether the connection counts as encrypted for {@code virConnectIsEncrypted}: TLS, or any SASL
     * session (libvirt's client says so once SASL authenticated, whatever the SSF).
     */
    final boolean encryptedTransport;
    final boolean typedParamString;
    /** Whether the daemon speaks the keepalive program; without it libvirt's setKeepAlive does nothing. */
    final boolean serverKeepAlive;
    /**
     * Whether the daemon takes {@code REMOTE_PROC_CONNECT_REGISTER_CLOSE_CALLBACK} and sends
     * {@code REMOTE_PROC_CONNECT_EVENT_CONNECTION_CLOSED}, as libvirt's C client asks at open.
     */
    final boolean serverCloseCallback;
    /** Whether opened read-only ({@code VIR_CONNECT_RO}): libvirt's client refuses some calls itself then. */
    final boolean readOnly;
    /** Domain event registrations, fed by {@link RpcConnection}'s event sink. */
    final RemoteEvents events;
    /** This connection's QEMU monitor event registrations. */
    final RemoteQemuEvents qemuEvents;
    /** Runs this connection's event and stream callbacks: the shared thread, or the application's executor. */
    final EventDispatcher dispatcher;
    private final AtomicInteger refs = new AtomicInteger(1);
    /** Reopens the connection when the daemon goes away; {@code null} without {@code ConnectOption.RECONNECT}. */
    private volatile Reconnector reconnector;
    /** The keepalive {@code setKeepAlive} asked for ({interval, count}), applied again after a reconnect. */
    private volatile int[] keepAlive;

    private Session(RpcConnection rpc, RemoteUri uri, String canonicalUri, boolean secureTransport,
            boolean encryptedTransport, boolean typedParamString, boolean serverKeepAlive, boolean serverCloseCallback,
            boolean readOnly, EventDispatcher dispatcher, OpenSettings settings) {
        this.dispatcher = dispatcher;
        this.settings = settings;
        this.readOnly = readOnly;
        this.uri = uri;
        this.canonicalUri = canonicalUri;
        this.secureTransport = secureTransport;
        this.encryptedTransport = encryptedTransport;
        this.typedParamString = typedParamString;
        this.serverKeepAlive = serverKeepAlive;
        this.serverCloseCallback = serverCloseCallback;
        this.events = new RemoteEvents(this);
        this.qemuEvents = new RemoteQemuEvents(this, events);
        listen(rpc);
        this.rpc = rpc;
    }

    /** Makes {@code client}'s events and its end come to this session. */
    void listen(RpcConnection client) {
        client.setEventSink((prog, proc, body) -> {
            if (prog == org.libvirt4j.remote.generated.QemuProtocol.QEMU_PROGRAM) {
                qemuEvents.onEvent(proc, body);
            } else if (prog == org.libvirt4j.remote.generated.RemoteProtocol.REMOTE_PROGRAM) {
                events.onEvent(proc, body);
            }
        });
        client.setCloseListener(reason -> {
            Reconnector r = reconnector;
            if (r != null) {
                r.onLost(client, reason); // the close callback too, once per connection handed out
            } else if (client == rpc) {
                events.onClose(reason);
            }
        });
    }

    /** Turns reconnecting on, before the session is handed out. */
    void reconnectWith(Reconnector r) {
        this.reconnector = r;
    }

    /**
     * {@return the connection to call on}
     *
     * @throws LibvirtException {@code ERR_NO_CONNECT} while a reconnecting session is away
     */
    RpcConnection live() {
        Reconnector r = reconnector;
        if (r != null) {
            r.requireUp();
        }
        return rpc;
    }

    /** {@return whether calls can reach the daemon now} */
    boolean isAlive() {
        Reconnector r = reconnector;
        return (r == null || r.isUp()) && rpc.isAlive();
    }

    /** {@code virConnectSetKeepAlive} on the connection now, and on every one a reconnect makes. */
    void setKeepAlive(int interval, int count) {
        live().setKeepAlive(interval, count);
        keepAlive = new int[] {interval, count};
    }

    /** Applies the keepalive asked for earlier to a reconnected {@code client}. */
    void restoreKeepAlive(RpcConnection client) {
        int[] k = keepAlive;
        if (k != null && serverKeepAlive) {
            client.setKeepAlive(k[0], k[1]);
        }
    }

    /**
     * Connects and opens: authentication list, keepalive feature, {@code CONNECT_OPEN},
     * and, for the default URI, the URI the daemon chose.
     */
    static Session open(RemoteUri uri, int flags, boolean readOnly) {
        return open(uri, flags, readOnly, null);
    }

    /**
     * Connects and opens, with a credential callback for SASL and for the transports that ask for
     * credentials themselves ({@code +libssh}: passwords, key passphrases, unknown host keys).
     *
     * @param auth the callback, or {@code null}
     */
    static Session open(RemoteUri uri, int flags, boolean readOnly, ConnectAuth auth) {
        return open(uri, flags, readOnly, auth, OpenSettings.defaults());
    }

    /**
     * Connects and opens with the connection's options: its call timeout, event loops, TLS
     * material, keepalive (started once open, as {@code virConnectSetKeepAlive} would) and event executor.
     *
     * @param auth the callback, or {@code null}
     * @param options the options
     */
    static Session open(RemoteUri uri, int flags, boolean readOnly, ConnectAuth auth, OpenSettings options) {
        Link l = connect(uri, flags, readOnly, auth, options);
        EventDispatcher dispatcher = options.eventExecutor() == null ? EventDispatcher.SHARED
                : EventDispatcher.on(options.eventExecutor());
        return new Session(l.rpc(), uri, l.canonicalUri(), l.secure(), l.encrypted(), l.typedString(),
                l.keepAlive(), l.closeCallback(), readOnly, dispatcher, options);
    }

    /** An opened connection and what its handshake learnt. */
    record Link(RpcConnection rpc, String canonicalUri, boolean secure, boolean encrypted, boolean typedString,
            boolean keepAlive, boolean closeCallback) {
    }

    /** Connects and makes the handshake of {@link #open}: also what a reconnect attempt does, with the same options. */
    static Link connect(RemoteUri uri, int flags, boolean readOnly, ConnectAuth auth, OpenSettings options) {
        RpcSettings settings = options.rpc();
        RpcConnection rpc = switch (uri.transport()) {
            case UNIX -> {
                if (uri.host().isPresent() && !uri.host().get().equals("localhost")) {
                    throw LibvirtException.of(ErrorNumber.ERR_INVALID_ARG, ErrorDomain.REMOTE,
                            "invalid argument: transport methods unix, ssh and ext are only supported with a "
                                    + "local host or none; use +tcp for host " + uri.host().get());
                }
                boolean root = "root".equals(System.getProperty("user.name"));
                yield Transports.unix(uri.unixSocket(readOnly, root, System.getenv("XDG_RUNTIME_DIR"),
                        System.getProperty("user.home")), settings);
            }
            case TCP -> Transports.tcp(uri.host().orElse("localhost"),
                    uri.port().orElse(RemoteUri.DEFAULT_TCP_PORT), settings);
            case TLS -> {
                SslContext ssl = options.sslContext();
                if (ssl == null) {
                    boolean root = "root".equals(System.getProperty("user.name"));
                    java.util.Optional<String> pki = options.pkiPath() != null
                            ? java.util.Optional.of(options.pkiPath().toString()) : uri.pkiPath();
                    ssl = Tls.context(Tls.Credentials.locate(pki, root, System.getProperty("user.home")),
                            !uri.noVerify());
                }
                yield Transports.tls(uri.host().orElse("localhost"),
                        uri.port().orElse(RemoteUri.DEFAULT_TLS_PORT), ssl, !uri.noVerify(), settings);
            }
            case SSH -> SshTransports.openSsh(uri, readOnly, settings);
            case LIBSSH -> SshTransports.openLibssh(uri, readOnly, auth, settings);
            case EXT -> throw unsupported("the ext transport runs an external command, which libvirt4j's remote "
                    + "backend does not do; use +unix or +tcp, or a native backend (libvirt4j-backend-jna)");
        };
        try {
            // one deadline for the whole open, not one call timeout per step
            long deadline = rpc.openDeadline();
            // libvirt's is_secure: everything but plain TCP and ext, until SASL adds a layer
            boolean secure = uri.transport() != RemoteUri.Transport.TCP && uri.transport() != RemoteUri.Transport.EXT;
            Auth done = authenticate(rpc, deadline, uri, auth, secure);
            boolean keepAlive = supports(rpc, deadline, FEATURE_PROGRAM_KEEPALIVE);
            rpc.callBefore(deadline, RemoteProcedure.REMOTE_PROC_CONNECT_OPEN.value(),
                    new RemoteConnectOpenArgs(uri.name(), flags)::encode, null);
            String canonical = uri.original();
            if (uri.name().isEmpty()) {
                canonical = rpc.callBefore(deadline, RemoteProcedure.REMOTE_PROC_CONNECT_GET_URI.value(), null,
                        RemoteConnectGetUriRet::decode).uri();
            }
            boolean closeCallback = supports(rpc, deadline, FEATURE_REMOTE_CLOSE_CALLBACK);
            boolean typedString = supports(rpc, deadline, FEATURE_TYPED_PARAM_STRING);
            // like libvirt's C client, no keepalive PINGs until asked for: by the option, or Connect.setKeepAlive
            if (keepAlive && options.keepAliveSeconds() > 0) {
                rpc.setKeepAlive(options.keepAliveSeconds(), options.keepAliveCount());
            }
            return new Link(rpc, canonical, secure || done == Auth.SASL_LAYER,
                    uri.transport() == RemoteUri.Transport.TLS || done != Auth.OTHER, typedString, keepAlive,
                    closeCallback);
        } catch (RuntimeException e) {
            rpc.close();
            throw e;
        }
    }

    private static LibvirtException unsupported(String what) {
        return LibvirtException.of(ErrorNumber.ERR_NO_SUPPORT, ErrorDomain.REMOTE,
                "this function is not supported by the connection driver: " + what);
    }

    /** How the connection authenticated, for the secure and encrypted flags. */
    private enum Auth { OTHER, SASL, SASL_LAYER }

    /**
     * libvirt's {@code remoteAuthenticate}: the daemon's list, the type the URI's {@code auth}
     * parameter asks for (else the daemon's first), then that type's exchange.
     */
    private static Auth authenticate(RpcConnection rpc, long deadline, RemoteUri uri, ConnectAuth auth, boolean secure) {
        List<RemoteAuthType> types;
        try {
            types = rpc.callBefore(deadline, RemoteProcedure.REMOTE_PROC_AUTH_LIST.value(), null,
                    RemoteAuthListRet::decode).types();
        } catch (LibvirtException e) {
            if (e.code() == ErrorNumber.ERR_NO_SUPPORT) {
                return Auth.OTHER; // a daemon older than authentication: nothing to do
            }
            throw e;
        }
        if (types.isEmpty()) {
            return Auth.OTHER;
        }
        String authType = uri.clientParam("auth").orElse(null);
        RemoteAuthType type = types.get(0);
        String mech = null;
        if (authType != null) {
            String lower = authType.toLowerCase(java.util.Locale.ROOT);
            RemoteAuthType want;
            if (lower.equals("sasl") || lower.startsWith("sasl.")) {
                want = RemoteAuthType.REMOTE_AUTH_SASL;
                mech = lower.startsWith("sasl.") ? authType.substring(5) : null;
            } else if (lower.equals("polkit")) {
                want = RemoteAuthType.REMOTE_AUTH_POLKIT;
            } else {
                throw LibvirtException.of(ErrorNumber.ERR_AUTH_FAILED, ErrorDomain.REMOTE,
                        "authentication failed: unknown authentication type " + authType);
            }
            if (!types.contains(want)) {
                throw LibvirtException.of(ErrorNumber.ERR_AUTH_FAILED, ErrorDomain.REMOTE,
                        "authentication failed: requested authentication type " + authType + " rejected");
            }
            type = want;
        }
        if (type == RemoteAuthType.REMOTE_AUTH_NONE) {
            return Auth.OTHER;
        }
        if (type == RemoteAuthType.REMOTE_AUTH_POLKIT) {
            // The daemon checks the peer's credentials with polkit; nothing to send but the request.
            rpc.callBefore(deadline, RemoteProcedure.REMOTE_PROC_AUTH_POLKIT.value(), null, RemoteAuthPolkitRet::decode);
            return Auth.OTHER;
        }
        if (type == RemoteAuthType.REMOTE_AUTH_SASL) {
            return SaslAuth.authenticate(rpc, deadline, uri.host().orElse("localhost"), auth, mech, secure,
                    uri.clientParam("authfile").orElse(null))
                    ? Auth.SASL_LAYER : Auth.SASL;
        }
        throw LibvirtException.of(ErrorNumber.ERR_AUTH_FAILED, ErrorDomain.REMOTE,
                "authentication failed: unsupported authentication type " + type.value());
    }

    private static boolean supports(RpcConnection rpc, long deadline, int feature) {
        return rpc.callBefore(deadline, RemoteProcedure.REMOTE_PROC_CONNECT_SUPPORTS_FEATURE.value(),
                new RemoteConnectSupportsFeatureArgs(feature)::encode, RemoteConnectSupportsFeatureRet::decode)
                .supported() != 0;
    }

    <T> T call(RemoteProcedure proc, Consumer<XdrWriter> args, Function<XdrReader, T> ret) {
        return live().call(proc.value(), args, ret);
    }

    /** Calls a procedure of the daemon's QEMU program on this connection. */
    <T> T callQemu(org.libvirt4j.remote.generated.QemuProcedure proc, Consumer<XdrWriter> args,
            Function<XdrReader, T> ret) {
        return live().callProgram(org.libvirt4j.remote.generated.QemuProtocol.QEMU_PROGRAM, proc.value(), args, ret);
    }

    /** Calls a procedure of the daemon's LXC program on this connection. */
    <T> T callLxc(org.libvirt4j.remote.generated.LxcProcedure proc, Consumer<XdrWriter> args,
            Function<XdrReader, T> ret) {
        return live().callProgram(org.libvirt4j.remote.generated.LxcProtocol.LXC_PROGRAM, proc.value(), args, ret);
    }

    /**
     * Calls a procedure that passes descriptors either way ({@link RpcConnection#callWithFds}).
     *
     * @param <T> the reply type
     * @param prog the program (REMOTE_PROGRAM, QEMU_PROGRAM, LXC_PROGRAM)
     * @param proc the procedure number
     * @param args writes the arguments
     * @param fds the descriptors to send, which stay the caller's
     * @param ret reads the reply, or null when the reply is empty
     * @return the reply and the descriptors received, which the caller owns
     */
    <T> RpcConnection.FdReply<T> callWithFds(int prog, int proc, Consumer<XdrWriter> args, int[] fds,
            Function<XdrReader, T> ret) {
        return rpc.callWithFds(prog, proc, args, fds, ret);
    }

    <T> T callStream(RemoteProcedure proc, Consumer<XdrWriter> args, Function<XdrReader, T> ret, RpcStream stream) {
        return live().call(proc.value(), args, ret, stream);
    }

    void retain() {
        refs.incrementAndGet();
    }

    /** @return the references held now: the connection handle's and one per object obtained from it */
    int references() {
        return refs.get();
    }

    /**
     * Drops one reference; the last one says {@code CONNECT_CLOSE} and closes the socket once the
     * daemon answers, or after a few seconds. It never blocks: the last reference may be dropped
     * by the Cleaner's thread.
     */
    void release() {
        if (refs.decrementAndGet() != 0) {
            return;
        }
        Reconnector r = reconnector;
        if (r != null) {
            r.stop(); // before the goodbye: the end of this connection must not start a reconnect
        }
        rpc.closeAfter(RemoteProcedure.REMOTE_PROC_CONNECT_CLOSE.value());
    }
}

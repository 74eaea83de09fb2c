package org.libvirt4j.remote;

import com.google.auto.service.AutoService;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.libvirt4j.Connect;
import org.libvirt4j.ConnectAuth;
import org.libvirt4j.ConnectFlags;
import org.libvirt4j.ConnectOption;
import org.libvirt4j.ConnectOptions;
import org.libvirt4j.remote.internal.OpenSettings;
import org.libvirt4j.remote.internal.rpc.RpcSettings;
import org.libvirt4j.remote.internal.RemoteConnect;
import org.libvirt4j.remote.internal.RemoteUri;
import org.libvirt4j.spi.ConnectOptionsSupport;
import org.libvirt4j.spi.LibvirtBackend;

/**
 * The pure-Java backend: libvirt's RPC protocol over a unix socket, TCP or TLS, on Netty. It
 * needs no libvirt library on this host, only a reachable libvirt daemon.
 *
 * <p>URIs: {@code driver+unix:///path?socket=S}, {@code driver+tcp://host[:port]/path},
 * {@code driver+tls://host[:port]/path} (or {@code driver://host/path}, TLS being the default for
 * a remote host), and plain local URIs such as {@code qemu:///system} or {@code test:///default},
 * which go to the local daemon's default socket as with the C client
 * ({@code /run/libvirt/libvirt-sock}, its {@code -ro} twin for read-only connections,
 * {@code $XDG_RUNTIME_DIR/libvirt/libvirt-sock} for {@code /session}). TLS reads its credentials
 * where the C client does: {@code pkipath=DIR} ({@code cacert.pem}, {@code clientcert.pem},
 * {@code clientkey.pem}), else {@code ~/.pki/libvirt} for non-root users, else
 * {@code /etc/pki/CA/cacert.pem} and {@code /etc/pki/libvirt}; keys may be PKCS#8 or certtool's
 * PKCS#1 PEM; {@code no_verify=1} skips the check of the daemon's certificate.
 *
 * <p>{@code driver+ssh://[user@]host[:port]/path} runs the system {@code ssh} binary as the C
 * client does ({@code ~/.ssh/config}, agents, known hosts and jump hosts apply; {@code command=},
 * {@code keyfile=}, {@code no_tty=}, {@code no_verify=}), and the far host runs
 * {@code virt-ssh-helper} or {@code nc} by libvirt's rules ({@code proxy=auto|netcat|native},
 * {@code netcat=}, {@code socket=}, {@code mode=}). {@code driver+libssh://} and
 * {@code driver+libssh2://} need no ssh binary: a pure-Java client (Apache MINA SSHD) checks the
 * host key against {@code known_hosts=} (default {@code ~/.config/libvirt/known_hosts};
 * {@code known_hosts_verify=normal|auto|ignore}), logs in with {@code keyfile=} (default the
 * first of {@code ~/.ssh/id_ed25519}, {@code id_ecdsa}, {@code id_rsa}), a password or
 * keyboard-interactive answers ({@code sshauth=}), asking the {@code ConnectAuth} callback with
 * libvirt's prompts; an ssh agent is not used. The daemon's own authentication must be
 * {@code none} or polkit.
 *
 * <p>Per connection, through {@link org.libvirt4j.ConnectOptions} ({@link #supportedOptions()}):
 * the call timeout ({@link ConnectOption#CALL_TIMEOUT}; without it, the system property
 * {@code libvirt4j.remote.callTimeoutSeconds}, default 60), keepalive started at open
 * ({@link ConnectOption#KEEPALIVE}; without it PINGs start, as with the C client, only when
 * {@code Connect.setKeepAlive} asks; the daemon's PINGs are always answered), the executor of
 * event callbacks ({@link ConnectOption#EVENT_EXECUTOR}; without it, one daemon thread shared by
 * all connections), and {@link RemoteOptions}' Netty event loops and TLS material. A
 * {@link org.libvirt4j.CallDeadline} bounds each call too, the earlier of it and the call
 * timeout. The system property {@code libvirt4j.remote.spinMicros} (default 200) sets how long a
 * lone caller spins for its reply before parking. Any number of threads may share one connection.
 */
@AutoService(LibvirtBackend.class)
@SuppressWarnings("exports") // AutoService is a compile-time annotation, not part of the API
public final class RemoteBackend implements LibvirtBackend {
    /**
     * The libvirt version this backend reports for {@code virGetVersion}: 9.0.0, the release
     * whose {@code remote_protocol.x} the backend speaks. There is no local library to ask,
     * and the protocol version is what decides which calls this client can make.
     */
    public static final long LIBRARY_VERSION = 9_000_000L;

    private final Throwable cause;

    /** Checks that Netty loads; never throws. */
    public RemoteBackend() {
        Throwable c = null;
        try {
            Class.forName("io.netty.channel.socket.nio.NioDomainSocketChannel", false,
                    RemoteBackend.class.getClassLoader());
            Class.forName("io.netty.handler.codec.LengthFieldBasedFrameDecoder", false,
                    RemoteBackend.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            c = new IllegalStateException("Netty 4.2 (netty-transport, netty-codec-base) is missing from the class "
                    + "path; add io.netty:netty-transport and io.netty:netty-codec-base", e);
        }
        this.cause = c;
    }

    @Override
    public String name() {
        return "remote";
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public Optional<Throwable> unavailabilityCause() {
        return Optional.ofNullable(cause);
    }

    @Override
    public boolean supports(String uri) {
        return uri != null && RemoteUri.isServable(uri);
    }

    @Override
    public long libraryVersion() {
        return LIBRARY_VERSION;
    }

    /** Does nothing: this backend's event loop always runs. */
    @Override
    public void eventRegisterDefaultImpl() {
    }

    /** Opens the daemon's admin socket ({@code libvirtd:///system?socket=...}) and speaks the admin program. */
    @Override
    public org.libvirt4j.AdmConnect openAdmin(String uri, int flags) {
        return org.libvirt4j.remote.internal.RemoteAdmConnect.open(uri, flags);
    }

    /** @return {@link #LIBRARY_VERSION}: the admin protocol this backend speaks is libvirt 9.0.0's */
    @Override
    public long adminLibraryVersion() {
        return LIBRARY_VERSION;
    }

    /**
     * {@code virDomainLxcEnterSecurityLabel} without libvirt's C library in this process: the
     * flags check, model {@code none} and an unknown model's refusal are libvirt's; SELinux and
     * AppArmor labels, which only code running in the process can enter, are refused.
     */
    @Override
    public org.libvirt4j.SecurityLabel lxcEnterSecurityLabel(org.libvirt4j.NodeSecurityModel model,
            org.libvirt4j.SecurityLabel label, int flags) {
        return org.libvirt4j.spi.QemuChecks.enterSecurityLabelRemotely(model, label, flags,
                "it acts on the calling process, and the remote backend runs no libvirt library in it");
    }

    /** The options this backend honours. */
    private static final java.util.Set<ConnectOption<?>> SUPPORTED = java.util.Set.of(ConnectOption.CALL_TIMEOUT,
            ConnectOption.KEEPALIVE, ConnectOption.EVENT_EXECUTOR, RemoteOptions.EVENT_LOOP_GROUP,
            RemoteOptions.SSL_CONTEXT, RemoteOptions.PKI_PATH, ConnectOption.RECONNECT, ConnectOption.CONNECTION_LISTENER);

    /**
     * {@return the common options CALL_TIMEOUT, KEEPALIVE, EVENT_EXECUTOR, RECONNECT and
     * CONNECTION_LISTENER, and {@link RemoteOptions}' keys}
     */
    @Override
    public java.util.Set<ConnectOption<?>> supportedOptions() {
        return SUPPORTED;
    }

    @Override
    public Connect open(String uri, ConnectOptions options) {
        if (options == null) {
            return open(uri, (ConnectAuth) null); // the older open(uri, null): Java resolves it here
        }
        Objects.requireNonNull(uri, "uri");
        ConnectOptionsSupport.requireSupported(this, options);
        if (options.get(RemoteOptions.SSL_CONTEXT).isPresent() && options.get(RemoteOptions.PKI_PATH).isPresent()) {
            throw new IllegalArgumentException("the connect options " + RemoteOptions.SSL_CONTEXT + " and "
                    + RemoteOptions.PKI_PATH + " both give the TLS credentials; give one");
        }
        RpcSettings rpc = RpcSettings.defaults();
        if (options.get(ConnectOption.CALL_TIMEOUT).isPresent()) {
            rpc = rpc.withTimeoutNanos(saturatedNanos(options.get(ConnectOption.CALL_TIMEOUT).get()));
        }
        if (options.get(RemoteOptions.EVENT_LOOP_GROUP).isPresent()) {
            rpc = rpc.withGroup(options.get(RemoteOptions.EVENT_LOOP_GROUP).get());
        }
        ConnectOptions.KeepAlive ka = options.get(ConnectOption.KEEPALIVE).orElse(null);
        OpenSettings settings = new OpenSettings(rpc, options.get(RemoteOptions.SSL_CONTEXT).orElse(null),
                options.get(RemoteOptions.PKI_PATH).orElse(null),
                ka == null ? 0 : (int) Math.min(Integer.MAX_VALUE, ka.interval().getSeconds()),
                ka == null ? 0 : ka.count(), options.get(ConnectOption.EVENT_EXECUTOR).orElse(null));
        return RemoteConnect.open(uri, options, settings);
    }

    private static long saturatedNanos(java.time.Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE / 4; // centuries: a wait no caller outlives
        }
    }

    @Override
    public Connect open(String uri, ConnectAuth auth, ConnectFlags... flags) {
        Objects.requireNonNull(uri, "uri");
        for (ConnectFlags f : flags) {
            Objects.requireNonNull(f, "flag");
        }
        // The daemon runs the hypervisor driver; the callback answers what the transport asks
        // (+libssh: passwords, key passphrases, unknown host keys).
        return RemoteConnect.open(uri, auth, flags);
    }
}

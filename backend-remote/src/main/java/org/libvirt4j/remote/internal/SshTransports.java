package org.libvirt4j.remote.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.libvirt4j.ConnectAuth;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.remote.internal.rpc.LibsshTunnel;
import org.libvirt4j.remote.internal.rpc.RpcConnection;
import org.libvirt4j.remote.internal.rpc.RpcSettings;
import org.libvirt4j.remote.internal.rpc.SshTunnel;

/**
 * Reads a URI's ssh parameters the way libvirt's {@code doRemoteOpen} does and opens the
 * {@code +ssh} or {@code +libssh}/{@code +libssh2} transport.
 */
final class SshTransports {
    private SshTransports() {
    }

    /**
     * Opens the {@code +ssh} transport: the system's {@code ssh} binary.
     *
     * @param uri the URI
     * @param readOnly whether the connection is read-only
     * @param settings the client's settings
     * @return the connected client
     */
    static RpcConnection openSsh(RemoteUri uri, boolean readOnly, RpcSettings settings) {
        String command = helperCommand(uri, readOnly);
        List<String> argv = SshTunnel.argv(uri.clientParam("command").orElse("ssh"), uri.host().orElse("localhost"),
                uri.port().isPresent() ? Integer.toString(uri.port().getAsInt()) : null, uri.user().orElse(null),
                uri.clientParam("keyfile").orElse(null), uri.clientFlag("no_tty"), uri.clientFlag("no_verify"),
                command);
        return SshTunnel.connect(argv, settings);
    }

    /**
     * Opens the {@code +libssh} / {@code +libssh2} transport: the pure-Java SSH client.
     *
     * @param uri the URI
     * @param readOnly whether the connection is read-only
     * @param auth the connection's credential callback, or {@code null}
     * @param settings the client's settings
     * @return the connected client
     */
    static RpcConnection openLibssh(RemoteUri uri, boolean readOnly, ConnectAuth auth, RpcSettings settings) {
        return openLibssh(uri, readOnly, auth, settings, System.getenv(), System.getProperty("user.home"));
    }

    /**
     * {@link #openLibssh(RemoteUri, boolean, ConnectAuth, RpcSettings)} with the environment
     * ({@code SSH_AUTH_SOCK}) and the home directory ({@code ~/.ssh}) given: a JVM cannot change
     * its own environment, tests can give another.
     */
    static RpcConnection openLibssh(RemoteUri uri, boolean readOnly, ConnectAuth auth, RpcSettings settings,
            Map<String, String> env, String home) {
        String command = helperCommand(uri, readOnly);
        String agent = env.get("SSH_AUTH_SOCK");
        String knownHosts = uri.clientParam("known_hosts").orElseGet(() -> userConfigDir(home)
                .resolve("known_hosts").toString());
        return LibsshTunnel.connect(new LibsshTunnel.Options(uri.host().orElse("localhost"), uri.port().orElse(22),
                uri.user().orElse("root"), uri.clientParam("keyfile").orElse(null), Path.of(home),
                Path.of(knownHosts), uri.clientParam("known_hosts_verify").orElse("normal"),
                uri.clientParam("sshauth").orElse(null), command, auth, isLibssh2(uri),
                agent == null || agent.isEmpty() ? null : Path.of(agent)),
                settings);
    }

    private static boolean isLibssh2(RemoteUri uri) {
        String original = uri.original();
        int end = original.indexOf(':');
        return end > 0 && original.substring(0, end).toLowerCase(java.util.Locale.ROOT).endsWith("+libssh2");
    }

    /** libvirt's {@code virGetUserConfigDirectory}: {@code $XDG_CONFIG_HOME/libvirt}, else {@code ~/.config/libvirt}. */
    private static Path userConfigDir(String home) {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        return (xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(home, ".config")).resolve("libvirt");
    }

    /** The far side's command, with libvirt's choice of proxy and socket. */
    private static String helperCommand(RemoteUri uri, boolean readOnly) {
        String mode = uri.clientParam("mode").orElse(null);
        if (mode != null && !List.of("auto", "legacy", "direct").contains(mode)) {
            throw LibvirtException.of(ErrorNumber.ERR_INVALID_ARG, ErrorDomain.REMOTE,
                    "invalid argument: Unknown remote mode '" + mode + "'");
        }
        boolean session = uri.path().equals("/session");
        SshTunnel.Proxy proxy;
        if (uri.clientParam("proxy").isPresent()) {
            proxy = SshTunnel.Proxy.parse(uri.clientParam("proxy").get());
        } else if (uri.socket().isPresent()) {
            proxy = SshTunnel.Proxy.NETCAT; // virt-ssh-helper cannot take an explicit socket
        } else if (session) {
            proxy = SshTunnel.Proxy.NATIVE; // the far user's runtime directory is not known here
        } else {
            proxy = SshTunnel.Proxy.AUTO;
        }
        String socket = uri.socket().orElseGet(() -> defaultSocket(uri, mode, session, readOnly));
        return SshTunnel.helperCommand(proxy, uri.clientParam("netcat").orElse(null), socket, uri.helperName(),
                readOnly);
    }

    /**
     * libvirt's {@code remoteGetUNIXSocket} for a tunnel: {@code auto} means the legacy
     * monolithic daemon's socket (the far host cannot be probed), {@code direct} the driver's own
     * daemon's socket.
     */
    private static String defaultSocket(RemoteUri uri, String mode, boolean session, boolean readOnly) {
        String dir = session ? Path.of(runtimeDir(), "libvirt").toString() : "/run/libvirt";
        String daemon = "direct".equals(mode) && !uri.driver().isEmpty() ? "virt" + uri.driver() + "d" : "libvirt";
        return dir + "/" + daemon + "-sock" + (readOnly && !session ? "-ro" : "");
    }

    private static String runtimeDir() {
        String xdg = System.getenv("XDG_RUNTIME_DIR");
        return xdg != null && !xdg.isEmpty() ? xdg : Path.of(System.getProperty("user.home"), ".cache").toString();
    }
}

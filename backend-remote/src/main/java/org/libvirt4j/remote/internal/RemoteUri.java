package org.libvirt4j.remote.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorLevel;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;

/**
 * A libvirt URI as libvirt's remote driver reads it:
 * {@code driver[+transport]://[user@][host][:port]/path?param=value&...#fragment}.
 *
 * <p>The parameters that steer the client ({@code name}, {@code socket}, {@code no_verify},
 * {@code command}, ...) are taken out; every other parameter passes through to the daemon. The
 * name sent in {@code REMOTE_PROC_CONNECT_OPEN} is built the way the C client builds it: the
 * driver scheme without its transport, no user, host or port, the path, the passed-through
 * parameters and the fragment ({@code test+tcp://h:1/tmp/x.xml?socket=/s} → {@code test:///tmp/x.xml}).
 */
public final class RemoteUri {
    /** How the client reaches the daemon. */
    public enum Transport {
        /** A unix domain socket on this host. */
        UNIX,
        /** Plain TCP, no encryption. */
        TCP,
        /** TLS over TCP (the C client's default for a remote host). */
        TLS,
        /** An ssh tunnel. */
        SSH,
        /** libssh / libssh2 tunnels. */
        LIBSSH,
        /** An external command. */
        EXT
    }

    /** libvirtd's TCP port ({@code LIBVIRTD_TCP_PORT}). */
    public static final int DEFAULT_TCP_PORT = 16509;
    /** libvirtd's TLS port ({@code LIBVIRTD_TLS_PORT}). */
    public static final int DEFAULT_TLS_PORT = 16514;

    /** Parameters the remote driver consumes itself (matched case-insensitively, as the C client does). */
    private static final Set<String> CLIENT_PARAMS = Set.of("name", "command", "socket", "auth", "sshauth",
            "netcat", "keyfile", "pkipath", "known_hosts", "known_hosts_verify", "tls_priority", "mode", "proxy",
            "no_sanity", "no_verify", "no_tty", "authfile");

    /** Drivers the C library runs in the client process only; a daemon cannot serve them. */
    private static final Set<String> CLIENT_SIDE_DRIVERS = Set.of("esx", "gsx", "vpx", "hyperv");

    private final String original;
    private final String driver;
    private final Transport transport;
    private final boolean explicitTransport;
    private final String user;
    private final String host;
    private final int port;
    private final String path;
    private final String socket;
    private final boolean noVerify;
    private final String pkiPath;
    private final String name;
    /** The client parameters as given, by lower-case name (the last one of a name wins, as in the C client). */
    private Map<String, String> clientParams = Map.of();
    /** The name {@code virt-ssh-helper} gets: {@link #name} with the {@code mode} and {@code socket} parameters kept. */
    private String helperName;

    private RemoteUri(String original, String driver, Transport transport, boolean explicitTransport, String user,
            String host, int port, String path, String socket, boolean noVerify, String pkiPath, String name) {
        this.original = original;
        this.driver = driver;
        this.transport = transport;
        this.explicitTransport = explicitTransport;
        this.user = user;
        this.host = host;
        this.port = port;
        this.path = path;
        this.socket = socket;
        this.noVerify = noVerify;
        this.pkiPath = pkiPath;
        this.name = name;
    }

    /**
     * Parses a URI.
     *
     * @param uri the URI, {@code ""} for the daemon's default (it probes, as with the C client)
     * @return the parsed URI
     * @throws LibvirtException {@code ERR_INVALID_ARG} (domain REMOTE) for an unknown transport,
     *         {@code ERR_INTERNAL_ERROR} (domain URI) for an unparseable URI
     */
    public static RemoteUri parse(String uri) {
        if (uri.isEmpty()) {
            return new RemoteUri(uri, "", Transport.UNIX, false, null, null, -1, "", null, false, null, "");
        }
        URI u;
        try {
            u = new URI(uri);
        } catch (URISyntaxException e) {
            throw new LibvirtException(ErrorNumber.ERR_INTERNAL_ERROR.value(), ErrorDomain.URI.value(),
                    ErrorLevel.ERROR.value(), "internal error: Unable to parse URI " + uri, e);
        }
        String scheme = u.getScheme();
        if (scheme == null) {
            throw remoteError(ErrorNumber.ERR_INVALID_ARG, "invalid argument: no driver scheme in URI " + uri);
        }
        String driver = scheme;
        Transport transport = null;
        int plus = scheme.indexOf('+');
        if (plus >= 0) {
            driver = scheme.substring(0, plus);
            String t = scheme.substring(plus + 1).toLowerCase(Locale.ROOT);
            transport = switch (t) {
                case "unix" -> Transport.UNIX;
                case "tcp" -> Transport.TCP;
                case "tls" -> Transport.TLS;
                case "ssh" -> Transport.SSH;
                case "libssh", "libssh2" -> Transport.LIBSSH;
                case "ext" -> Transport.EXT;
                default -> throw remoteError(ErrorNumber.ERR_INVALID_ARG,
                        "invalid argument: remote_open: transport in URL "
                        + "not recognised (should be tls|unix|ssh|ext|tcp|libssh2|libssh)");
            };
        }
        String host = u.getHost();
        String userInfo = u.getRawUserInfo();
        int port = u.getPort();
        if (host == null && u.getRawAuthority() != null) {
            // java.net.URI leaves host null for authorities it cannot read as server-based (odd host names)
            String auth = u.getRawAuthority();
            int at = auth.lastIndexOf('@');
            if (at >= 0) {
                userInfo = auth.substring(0, at);
                auth = auth.substring(at + 1);
            }
            int colon = auth.lastIndexOf(':');
            if (colon >= 0 && auth.indexOf(']') < colon) {
                try {
                    port = Integer.parseInt(auth.substring(colon + 1));
                } catch (NumberFormatException e) {
                    throw remoteError(ErrorNumber.ERR_INVALID_ARG, "invalid argument: bad port in URI " + uri);
                }
                auth = auth.substring(0, colon);
            }
            host = auth.isEmpty() ? null : auth;
        }
        if (host != null && host.isEmpty()) {
            host = null;
        }
        boolean explicit = transport != null;
        if (transport == null) {
            // The C client: a host without a transport means TLS; no host means the local unix socket.
            transport = host == null ? Transport.UNIX : Transport.TLS;
        }
        String rawPath = u.getRawPath() == null ? "" : u.getRawPath();
        String socket = null;
        String nameParam = null;
        boolean noVerify = false;
        String pkiPath = null;
        List<String> passed = new ArrayList<>();
        List<String> passedForHelper = new ArrayList<>();
        Map<String, String> clientParams = new LinkedHashMap<>();
        String query = u.getRawQuery();
        if (query != null && !query.isEmpty()) {
            for (String part : query.split("[&;]")) {
                if (part.isEmpty()) {
                    continue;
                }
                int eq = part.indexOf('=');
                String key = decode(eq < 0 ? part : part.substring(0, eq));
                String value = eq < 0 ? "" : decode(part.substring(eq + 1));
                String lower = key.toLowerCase(Locale.ROOT);
                if (!CLIENT_PARAMS.contains(lower)) {
                    passed.add(part);
                    passedForHelper.add(part);
                    continue;
                }
                clientParams.put(lower, value);
                if (lower.equals("mode") || lower.equals("socket")) {
                    passedForHelper.add(part);
                }
                switch (lower) {
                    case "socket" -> socket = value;
                    case "name" -> nameParam = value;
                    case "no_verify" -> noVerify = !value.isEmpty() && !value.equals("0");
                    case "pkipath" -> pkiPath = value;
                    default -> {
                        // consumed by transports this client does not implement; stripped as libvirt strips them
                    }
                }
            }
        }
        String name;
        String helperName;
        if (nameParam != null) {
            name = nameParam;
            helperName = nameParam;
        } else if (driver.equals("remote")) {
            // "remote://" lets the daemon pick its default driver
            name = "";
            helperName = "";
        } else {
            name = formatName(driver, rawPath, passed, u.getRawFragment());
            helperName = formatName(driver, rawPath, passedForHelper, u.getRawFragment());
        }
        String user = userInfo == null ? null : decode(userInfo);
        RemoteUri r = new RemoteUri(uri, driver, transport, explicit, user, host, port, decode(rawPath), socket,
                noVerify, pkiPath, name);
        r.clientParams = Map.copyOf(clientParams);
        r.helperName = helperName;
        return r;
    }

    private static String formatName(String driver, String rawPath, List<String> params, String rawFragment) {
        StringBuilder b = new StringBuilder(driver).append("://").append(rawPath);
        if (!params.isEmpty()) {
            b.append('?').append(String.join("&", params));
        }
        if (rawFragment != null) {
            b.append('#').append(rawFragment);
        }
        return b.toString();
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static LibvirtException remoteError(ErrorNumber code, String message) {
        return LibvirtException.of(code, ErrorDomain.REMOTE, message);
    }

    /**
     * Whether the remote backend should be offered this URI: an explicit transport, a remote
     * host, or a local driver URI that the local daemon serves.
     *
     * @param uri the URI
     * @return whether {@link #parse} accepts it and a daemon could serve it
     */
    public static boolean isServable(String uri) {
        try {
            RemoteUri r = parse(uri);
            return r.explicitTransport || !CLIENT_SIDE_DRIVERS.contains(r.driver);
        } catch (LibvirtException e) {
            return false;
        }
    }

    /**
     * The unix socket to connect to: the {@code socket} parameter, else the daemon's default.
     *
     * @param readOnly whether the connection is read-only (the system daemon has a read-only socket)
     * @param euidIsRoot whether this process runs as root
     * @param xdgRuntimeDir {@code $XDG_RUNTIME_DIR}, or {@code null}
     * @param home the user's home directory
     * @return the socket path
     */
    public Path unixSocket(boolean readOnly, boolean euidIsRoot, String xdgRuntimeDir, String home) {
        if (socket != null) {
            return Path.of(socket);
        }
        if (isSession(euidIsRoot)) {
            String base = xdgRuntimeDir != null && !xdgRuntimeDir.isEmpty() ? xdgRuntimeDir
                    : Path.of(home, ".cache").toString();
            return Path.of(base, "libvirt", "libvirt-sock");
        }
        return Path.of(readOnly ? "/run/libvirt/libvirt-sock-ro" : "/run/libvirt/libvirt-sock");
    }

    private boolean isSession(boolean euidIsRoot) {
        // Like the C client: "/session" URIs go to the per-user daemon; so do driver-less
        // default URIs of unprivileged users. Root, and "/system" URIs, use the system daemon.
        if (path.equals("/session")) {
            return true;
        }
        return !euidIsRoot && driver.isEmpty();
    }

    /** @return the URI as given */
    public String original() {
        return original;
    }

    /** @return the driver scheme without the transport ({@code "qemu"}, {@code "test"}),
            {@code ""} for the default URI */
    public String driver() {
        return driver;
    }

    /** @return the transport, explicit or implied */
    public Transport transport() {
        return transport;
    }

    /** @return whether the URI named its transport */
    public boolean explicitTransport() {
        return explicitTransport;
    }

    /** @return the user name before {@code @}, if any */
    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    /** @return the host, if any */
    public Optional<String> host() {
        return Optional.ofNullable(host);
    }

    /** @return the port, if given */
    public OptionalInt port() {
        return port < 0 ? OptionalInt.empty() : OptionalInt.of(port);
    }

    /** @return the decoded path, {@code ""} when there is none */
    public String path() {
        return path;
    }

    /** @return the {@code socket} parameter, if any */
    public Optional<String> socket() {
        return Optional.ofNullable(socket);
    }

    /** @return the {@code pkipath} parameter: the directory of the TLS client credentials */
    public Optional<String> pkiPath() {
        return Optional.ofNullable(pkiPath);
    }

    /** @return whether {@code no_verify} was set (it only matters to TLS) */
    public boolean noVerify() {
        return noVerify;
    }

    /**
     * A parameter the client consumes ({@code keyfile}, {@code netcat}, {@code known_hosts}, ...).
     *
     * @param lowerCaseName the parameter's name in lower case
     * @return its decoded value, if the URI has it
     */
    public Optional<String> clientParam(String lowerCaseName) {
        return Optional.ofNullable(clientParams.get(lowerCaseName));
    }

    /**
     * A boolean client parameter read as the C client reads it ({@code EXTRACT_URI_ARG_BOOL}): an
     * integer, non-zero meaning true.
     *
     * @param lowerCaseName the parameter's name in lower case
     * @return whether it is set to a non-zero integer
     * @throws LibvirtException {@code ERR_INVALID_ARG} when its value is not an integer
     */
    public boolean clientFlag(String lowerCaseName) {
        String v = clientParams.get(lowerCaseName);
        if (v == null) {
            return false;
        }
        try {
            return Integer.parseInt(v.trim()) != 0;
        } catch (NumberFormatException e) {
            throw remoteError(ErrorNumber.ERR_INVALID_ARG,
                    "invalid argument: Failed to parse value of URI component " + lowerCaseName);
        }
    }

    /**
     * @return the URI {@code virt-ssh-helper} is given on the far host: the {@linkplain #name() name}
     *         with the {@code mode} and {@code socket} parameters kept (libvirt's {@code virtSshURI})
     */
    public String helperName() {
        return helperName;
    }

    /** @return the name sent to the daemon in {@code REMOTE_PROC_CONNECT_OPEN} */
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return original;
    }
}

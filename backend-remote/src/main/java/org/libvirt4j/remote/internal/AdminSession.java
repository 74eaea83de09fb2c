package org.libvirt4j.remote.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.remote.generated.AdminConnectOpenArgs;
import org.libvirt4j.remote.generated.AdminProcedure;
import org.libvirt4j.remote.generated.AdminProtocol;
import org.libvirt4j.remote.internal.rpc.RpcConnection;
import org.libvirt4j.remote.internal.rpc.RpcSettings;
import org.libvirt4j.remote.internal.rpc.Transports;
import org.libvirt4j.remote.internal.xdr.XdrReader;
import org.libvirt4j.remote.internal.xdr.XdrWriter;

/**
 * An open connection to a daemon's admin socket: the remote backend's {@link RpcConnection} speaking
 * the admin program, and the reference count shared by the admin connection handle and every
 * server and client handle obtained from it (as libvirt's objects hold their connection). The
 * socket closes, after {@code ADMIN_PROC_CONNECT_CLOSE}, when the count drops to zero.
 */
final class AdminSession {
    /** Runs admin close callbacks off the event loop, one at a time. */
    private static final ExecutorService CALLBACKS = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "libvirt4j-remote-admin-callbacks");
        t.setDaemon(true);
        return t;
    });

    final RpcConnection rpc;
    /** The URI as {@code virAdmConnectGetURI} answers: the one given, or the default chosen. */
    final String uri;
    private final AtomicInteger refs = new AtomicInteger(1);

    private AdminSession(RpcConnection rpc, String uri) {
        this.rpc = rpc;
        this.uri = uri;
    }

    /**
     * Connects and opens, as {@code virAdmConnectOpen} does: the default URI when none is given,
     * the socket the URI names, then {@code ADMIN_PROC_CONNECT_OPEN}.
     *
     * @param uri the admin URI, or {@code null} for the default
     * @param flags {@code virConnectFlags}
     */
    static AdminSession open(String uri, int flags) {
        String name = uri != null ? uri : defaultUri();
        Path socket = socketPath(name);
        RpcConnection rpc = Transports.unixBytes(socket, org.libvirt4j.remote.internal.rpc.RpcSettings.defaults());
        try {
            rpc.speak(AdminProtocol.ADMIN_PROGRAM, AdminProtocol.ADMIN_PROTOCOL_VERSION);
            rpc.callBefore(rpc.openDeadline(), AdminProcedure.ADMIN_PROC_CONNECT_OPEN.value(),
                    new AdminConnectOpenArgs(flags)::encode, null);
            return new AdminSession(rpc, name);
        } catch (RuntimeException e) {
            rpc.close();
            throw e;
        }
    }

    /**
     * libvirt's default admin URI: {@code LIBVIRT_ADMIN_DEFAULT_URI}, else {@code libvirtd:///system}
     * for root and {@code libvirtd:///session} for others. (The C library also reads
     * {@code uri_default} and aliases from {@code libvirt-admin.conf}; this client does not.)
     */
    static String defaultUri() {
        String env = System.getenv("LIBVIRT_ADMIN_DEFAULT_URI");
        if (env != null && !env.isEmpty()) {
            return env;
        }
        return "root".equals(System.getProperty("user.name")) ? "libvirtd:///system" : "libvirtd:///session";
    }

    /**
     * The admin socket an admin URI names, by libvirt's rules: {@code socket=PATH}, else
     * {@code libvirt-admin-sock} for {@code libvirtd} and {@code NAME-admin-sock} for a modular
     * daemon {@code virtNAME}, in {@code /run/libvirt} for {@code /system} or the user's runtime
     * directory for {@code /session}.
     *
     * @throws LibvirtException libvirt's {@code ERR_CONFIG_UNSUPPORTED} for a URI it refuses
     */
    static Path socketPath(String name) {
        URI u;
        try {
            u = new URI(name);
        } catch (URISyntaxException e) {
            throw LibvirtException.of(ErrorNumber.ERR_INTERNAL_ERROR, ErrorDomain.URI,
                    "internal error: Unable to parse URI " + name);
        }
        String socket = null;
        String query = u.getRawQuery();
        if (query != null && !query.isEmpty()) {
            for (String param : query.split("[&;]")) {
                if (param.isEmpty()) {
                    continue;
                }
                int eq = param.indexOf('=');
                String key = unescape(eq < 0 ? param : param.substring(0, eq));
                String value = eq < 0 ? "" : unescape(param.substring(eq + 1));
                if (!key.equals("socket")) {
                    throw config("Unknown URI parameter '" + key + "'");
                }
                socket = value;
            }
        }
        if (socket != null) {
            return Paths.get(socket);
        }
        String scheme = u.getScheme();
        String base;
        if ("libvirtd".equals(scheme)) {
            base = "libvirt-admin-sock";
        } else if (scheme != null && scheme.startsWith("virt")) {
            base = scheme + "-admin-sock";
        } else {
            throw config("Unsupported URI scheme '" + (scheme == null ? "(null)" : scheme) + "'");
        }
        String path = u.getPath();
        if ("/system".equals(path)) {
            return Paths.get("/run/libvirt", base);
        }
        if ("/session".equals(path)) {
            String runtime = System.getenv("XDG_RUNTIME_DIR");
            Path dir = runtime != null && !runtime.isEmpty() ? Paths.get(runtime, "libvirt")
                    : Paths.get(System.getProperty("user.home"), ".cache", "libvirt");
            return dir.resolve(base);
        }
        throw config("Invalid URI path '" + (path == null ? "" : path) + "', try '/system'");
    }

    private static LibvirtException config(String message) {
        return LibvirtException.of(ErrorNumber.ERR_CONFIG_UNSUPPORTED, ErrorDomain.ADMIN,
                "unsupported configuration: " + message);
    }

    /** Percent-decoding only, as libxml2's unescaping: a '+' stays a '+'. */
    private static String unescape(String s) {
        try {
            return java.net.URLDecoder.decode(s.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    <T> T call(AdminProcedure proc, Consumer<XdrWriter> args, Function<XdrReader, T> ret) {
        return rpc.call(proc.value(), args, ret);
    }

    /**
     * @param listener told, off the event loop, with libvirt's {@code virConnectCloseReason}, when
     *        the connection dies under the application; {@code null} for none
     */
    void onClose(IntConsumer listener) {
        rpc.setCloseListener(listener == null ? null : reason -> CALLBACKS.execute(() -> listener.accept(reason)));
    }

    void retain() {
        refs.incrementAndGet();
    }

    /**
     * Drops one reference; the last one says {@code ADMIN_PROC_CONNECT_CLOSE} and closes the
     * socket. Never blocks: the Cleaner's thread may drop the last reference.
     */
    void release() {
        if (refs.decrementAndGet() == 0) {
            rpc.closeAfter(AdminProcedure.ADMIN_PROC_CONNECT_CLOSE.value());
        }
    }
}

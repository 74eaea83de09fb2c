package org.libvirt4j.remote.internal.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;

/**
 * libvirt's client credentials file ({@code auth.conf}, {@code virauth.c} and
 * {@code virauthconfig.c}): {@code [auth-SERVICE-HOST]} groups (host {@code default} for any)
 * name a {@code [credentials-NAME]} group with {@code username}, {@code authname},
 * {@code password} or {@code realm} values, which libvirt's client takes before it asks the
 * application's callback.
 */
public final class AuthFile {
    /** The system-wide file, read when neither the environment, the URI nor the user names one. */
    static final Path SYSTEM_FILE = Path.of("/etc/libvirt/auth.conf");

    private final Path path;
    private final KeyFile keys;

    private AuthFile(Path path, KeyFile keys) {
        this.path = path;
        this.keys = keys;
    }

    /**
     * libvirt's {@code virAuthGetConfigFilePathURI}: {@code $LIBVIRT_AUTH_FILE} (even over the
     * URI), else the URI's {@code authfile}, else {@code $XDG_CONFIG_HOME/libvirt/auth.conf}
     * ({@code ~/.config/libvirt/auth.conf}) if readable, else {@code /etc/libvirt/auth.conf} if readable.
     *
     * @param env the process environment ({@link System#getenv()}; a map in tests)
     * @param uriAuthfile the URI's {@code authfile} parameter, or {@code null}
     * @return the file to read, or empty for none
     */
    public static Optional<Path> locate(Map<String, String> env, String uriAuthfile) {
        String fromEnv = env.get("LIBVIRT_AUTH_FILE");
        if (fromEnv != null) {
            return Optional.of(Path.of(fromEnv));
        }
        if (uriAuthfile != null) {
            return Optional.of(Path.of(uriAuthfile));
        }
        Path user = userConfigDir(env).resolve("auth.conf");
        if (Files.isReadable(user)) {
            return Optional.of(user);
        }
        return Files.isReadable(SYSTEM_FILE) ? Optional.of(SYSTEM_FILE) : Optional.empty();
    }

    /** GLib's {@code g_get_user_config_dir} (non-empty {@code $XDG_CONFIG_HOME}, else {@code $HOME/.config}) + {@code libvirt}. */
    private static Path userConfigDir(Map<String, String> env) {
        String xdg = env.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isEmpty()) {
            return Path.of(xdg, "libvirt");
        }
        String home = env.get("HOME");
        return Path.of(home != null && !home.isEmpty() ? home : System.getProperty("user.home"), ".config", "libvirt");
    }

    /**
     * Reads the file the environment and the URI name, if any.
     *
     * @param uriAuthfile the URI's {@code authfile} parameter, or {@code null}
     * @return the file, or empty when none is named or found
     * @throws LibvirtException when the named file cannot be read or parsed (see {@link #load})
     */
    public static Optional<AuthFile> find(String uriAuthfile) {
        Optional<Path> p = locate(System.getenv(), uriAuthfile);
        return p.isEmpty() ? Optional.empty() : Optional.of(load(p.get()));
    }

    /**
     * @param path the file
     * @return its contents
     * @throws LibvirtException when GLib would not load it (missing, unreadable, malformed):
     *         libvirt reports no error of its own there, so the failure is the one
     *         {@code virDispatchError} gives a failed call without one
     */
    public static AuthFile load(Path path) {
        try {
            return new AuthFile(path, KeyFile.parse(Files.readAllBytes(path)));
        } catch (IOException | KeyFile.MalformedException e) {
            throw LibvirtException.of(ErrorNumber.ERR_INTERNAL_ERROR, ErrorDomain.NONE,
                    "An error occurred, but the cause is unknown");
        }
    }

    /**
     * libvirt's {@code virAuthConfigLookup}.
     *
     * @param service {@code libvirt} (SASL) or {@code ssh}
     * @param host the URI's host, or {@code null} for {@code localhost}
     * @param credname {@code username}, {@code authname}, {@code password} or {@code realm}
     * @return the value, or empty when the file has no group for the host or no such value
     * @throws LibvirtException {@code ERR_CONF_SYNTAX} when the host's group names no
     *         credentials, or credentials the file lacks
     */
    public Optional<String> lookup(String service, String host, String credname) {
        String authGroup = "auth-" + service + "-" + (host == null ? "localhost" : host);
        if (!keys.hasGroup(authGroup)) {
            authGroup = "auth-" + service + "-default";
            if (!keys.hasGroup(authGroup)) {
                return Optional.empty();
            }
        }
        Optional<String> credentials = keys.string(authGroup, "credentials");
        if (credentials.isEmpty()) {
            throw syntax("Missing item 'credentials' in group '" + authGroup + "' in '" + path + "'");
        }
        String credGroup = "credentials-" + credentials.get();
        if (!keys.hasGroup(credGroup)) {
            throw syntax("Missing group 'credentials-" + credentials.get() + "' referenced from group '" + authGroup
                    + "' in '" + path + "'");
        }
        return keys.string(credGroup, credname);
    }

    private static LibvirtException syntax(String detail) {
        return LibvirtException.of(ErrorNumber.ERR_CONF_SYNTAX, ErrorDomain.NONE,
                "configuration file syntax error: " + detail);
    }
}

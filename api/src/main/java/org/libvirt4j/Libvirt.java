package org.libvirt4j;

import java.util.List;
import java.util.Objects;
import org.libvirt4j.internal.BackendRegistry;

/**
 * The entry point, as Go's package-level {@code libvirt.NewConnect} and friends.
 *
 * <p>The backend is chosen, in order: explicitly with {@link #using(String)}; by the system
 * property {@code libvirt4j.backend}; by the environment variable {@code LIBVIRT4J_BACKEND};
 * else the available backend of highest priority that supports the URI. When none fits, the
 * error lists every backend found and why each cannot be used.
 */
public final class Libvirt {
    /** The system property that names the backend to use. */
    public static final String BACKEND_PROPERTY = "libvirt4j.backend";
    /** The environment variable that names the backend to use. */
    public static final String BACKEND_ENV = "LIBVIRT4J_BACKEND";

    private Libvirt() {
    }

    /**
     * Opens a read-write connection to the hypervisor the URI names.
     *
     * @param uri the URI, {@code ""} for libvirt's default
     * @return the connection
     * @throws LibvirtException libvirt's error when the open fails, {@code ERR_NO_SUPPORT}
     *         when no backend can serve the URI
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-host.html#virConnectOpen">virConnectOpen</a>
     */
    public static Connect newConnect(String uri) {
        return connectorFor(uri).newConnect(uri);
    }

    /**
     * Opens a read-only connection to the hypervisor the URI names.
     *
     * @param uri the URI, {@code ""} for libvirt's default
     * @return the connection
     * @throws LibvirtException as {@link #newConnect(String)}
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-host.html#virConnectOpenReadOnly">virConnectOpenReadOnly</a>
     */
    public static Connect newConnectReadOnly(String uri) {
        return connectorFor(uri).newConnectReadOnly(uri);
    }

    /**
     * Opens a connection, answering the credentials libvirt asks for with {@code auth}.
     *
     * @param uri the URI, {@code ""} for libvirt's default
     * @param auth the credentials callback, or {@code null} for none (C's and Go's {@code NULL})
     * @param flags open flags
     * @return the connection
     * @throws LibvirtException as {@link #newConnect(String)}
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-host.html#virConnectOpenAuth">virConnectOpenAuth</a>
     */
    public static Connect newConnectWithAuth(String uri, ConnectAuth auth, ConnectFlags... flags) {
        return connectorFor(uri).newConnectWithAuth(uri, auth, flags);
    }

    /**
     * Opens a connection with per-connection options: the credentials callback and flags of
     * {@link #newConnectWithAuth}, plus call timeout, keepalive, reconnect and the rest of
     * {@link ConnectOptions}.
     *
     * @param uri the URI, {@code ""} for libvirt's default
     * @param options the options; {@link ConnectOptions#defaults()} opens as {@link #newConnect(String)}
     * @return the connection
     * @throws LibvirtException as {@link #newConnect(String)}
     * @throws IllegalArgumentException when the chosen backend does not honour one of the
     *         options, naming them ({@link BackendInfo#supportedOptions()})
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-host.html#virConnectOpenAuth">virConnectOpenAuth</a>
     */
    public static Connect newConnect(String uri, ConnectOptions options) {
        return connectorFor(uri).newConnect(uri, options);
    }

    /**
     * {@return the libvirt library version of the backend chosen for the default URI}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-host.html#virGetVersion">virGetVersion</a>
     */
    public static long getVersion() {
        return connectorFor("").getVersion();
    }

    /**
     * Registers libvirt's default event loop and runs it on a daemon thread of the backend chosen
     * for the default URI ({@code virEventRegisterDefaultImpl} plus the
     * {@code virEventRunDefaultImpl} loop Go programs write themselves). Events and keepalive need
     * it on the native backends; call it once, before opening the connections that use them.
     * Idempotent; the remote backend has its own loop and ignores it.
     *
     * @throws LibvirtException when the loop cannot be registered
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-event.html#virEventRegisterDefaultImpl">virEventRegisterDefaultImpl</a>
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-event.html#virEventRunDefaultImpl">virEventRunDefaultImpl</a>
     */
    public static void eventRegisterDefaultImpl() {
        connectorFor("").eventRegisterDefaultImpl();
    }

    /**
     * Opens a connection to a daemon's administration interface through the backend chosen for
     * the default URI; see {@link Connector#newAdmConnect(String, ConnectFlags...)} for the URIs.
     *
     * @param uri the admin URI, {@code ""} for libvirt's default
     * @param flags open flags (libvirt takes only {@link ConnectFlags#NO_ALIASES})
     * @return the admin connection
     * @throws LibvirtException libvirt's error when the open fails
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-admin.html#virAdmConnectOpen">virAdmConnectOpen</a>
     */
    public static AdmConnect newAdmConnect(String uri, ConnectFlags... flags) {
        Objects.requireNonNull(uri, "uri");
        return connectorFor("").newAdmConnect(uri, flags);
    }

    /**
     * {@return the admin library version of the backend chosen for the default URI}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-admin.html#virAdmGetVersion">virAdmGetVersion</a>
     */
    public static long admGetVersion() {
        return connectorFor("").admGetVersion();
    }

    /**
     * Sets the calling process's security label to an LXC container's (Go's package-level
     * {@code DomainLxcEnterSecurityLabel}), through the backend chosen for the default URI. The
     * label applies to the next program the process executes; a JVM rarely wants this. Model
     * {@code "none"} changes nothing; the remote backend, which has no C library in this process,
     * refuses {@code selinux} and {@code apparmor} with {@code ERR_NO_SUPPORT}.
     *
     * @param model the container's security model
     * @param label the container's label
     * @param flags reserved, 0
     * @return the process's previous label (empty for model {@code "none"})
     * @throws LibvirtException {@code ERR_INVALID_ARG} for flags, {@code ERR_ARGUMENT_UNSUPPORTED}
     *         for a model that cannot be entered
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-lxc.html#virDomainLxcEnterSecurityLabel">virDomainLxcEnterSecurityLabel</a>
     */
    public static SecurityLabel domainLxcEnterSecurityLabel(NodeSecurityModel model, SecurityLabel label, int flags) {
        return connectorFor("").domainLxcEnterSecurityLabel(model, label, flags);
    }

    /** @return every backend found, usable or not, with the reason for each unusable one */
    public static List<BackendInfo> backends() {
        return BackendRegistry.instance().describe();
    }

    /**
     * @param backendName a backend's {@link BackendInfo#name()}
     * @return a connector bound to that backend
     * @throws LibvirtException {@code ERR_NO_SUPPORT} naming the backends found when none has
     *         that name or it is unusable
     */
    public static Connector using(String backendName) {
        return new Connector(BackendRegistry.instance().byName(Objects.requireNonNull(backendName, "backendName")));
    }

    private static Connector connectorFor(String uri) {
        return new Connector(BackendRegistry.instance().select(Objects.requireNonNull(uri, "uri")));
    }
}

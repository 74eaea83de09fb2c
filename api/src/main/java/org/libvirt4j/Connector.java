package org.libvirt4j;

import java.util.Objects;
import org.libvirt4j.spi.LibvirtBackend;

/**
 * Opens connections through one chosen backend: what {@link Libvirt#using(String)} returns
 * when code, not deployment, picks the backend.
 */
public final class Connector {
    private final LibvirtBackend backend;

    Connector(LibvirtBackend backend) {
        this.backend = backend;
    }

    /** @return the backend's name */
    public String backendName() {
        return backend.name();
    }

    /**
     * Opens a read-write connection to the hypervisor the URI names.
     *
     * @param uri the URI, {@code ""} for libvirt's default
     * @return the connection
     * @throws LibvirtException libvirt's error when the open fails
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-host.html#virConnectOpen">virConnectOpen</a>
     */
    public Connect newConnect(String uri) {
        return backend.open(Objects.requireNonNull(uri, "uri"), (ConnectAuth) null);
    }

    /**
     * Opens a read-only connection to the hypervisor the URI names.
     *
     * @param uri the URI, {@code ""} for libvirt's default
     * @return the connection
     * @throws LibvirtException libvirt's error when the open fails
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-host.html#virConnectOpenReadOnly">virConnectOpenReadOnly</a>
     */
    public Connect newConnectReadOnly(String uri) {
        return backend.open(Objects.requireNonNull(uri, "uri"), null, ConnectFlags.RO);
    }

    /**
     * Opens a connection, answering the credentials libvirt asks for with {@code auth}.
     *
     * @param uri the URI, {@code ""} for libvirt's default
     * @param auth the credentials callback, or {@code null} for none (as C's and Go's {@code NULL}):
     *        libvirt then opens without asking for credentials
     * @param flags open flags
     * @return the connection
     * @throws LibvirtException {@code ERR_AUTH_FAILED} and kin when the open fails
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-host.html#virConnectOpenAuth">virConnectOpenAuth</a>
     */
    public Connect newConnectWithAuth(String uri, ConnectAuth auth, ConnectFlags... flags) {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(flags, "flags");
        for (ConnectFlags flag : flags) {
            Objects.requireNonNull(flag, "flag");
        }
        return backend.open(uri, auth, flags);
    }

    /**
     * Opens a connection with per-connection options, as {@link Libvirt#newConnect(String, ConnectOptions)}.
     *
     * @param uri the URI, {@code ""} for libvirt's default
     * @param options the options
     * @return the connection
     * @throws LibvirtException libvirt's error when the open fails
     * @throws IllegalArgumentException when the backend does not honour one of the options, naming them
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-host.html#virConnectOpenAuth">virConnectOpenAuth</a>
     */
    public Connect newConnect(String uri, ConnectOptions options) {
        return backend.open(Objects.requireNonNull(uri, "uri"), Objects.requireNonNull(options, "options"));
    }

    /**
     * {@return the libvirt library version the backend speaks for}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-host.html#virGetVersion">virGetVersion</a>
     */
    public long getVersion() {
        return backend.libraryVersion();
    }

    /**
     * Registers and runs the backend's event loop, as {@link Libvirt#eventRegisterDefaultImpl()} does.
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-event.html#virEventRegisterDefaultImpl">virEventRegisterDefaultImpl</a>
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-event.html#virEventRunDefaultImpl">virEventRunDefaultImpl</a>
     */
    public void eventRegisterDefaultImpl() {
        backend.eventRegisterDefaultImpl();
    }

    /**
     * Opens a connection to a daemon's administration interface (its admin socket, e.g.
     * {@code libvirt-admin-sock} in libvirtd's {@code unix_sock_dir}).
     *
     * <p>URIs, as {@code virt-admin} takes them: {@code libvirtd:///system} (or a modular
     * daemon's name, {@code virtqemud:///system}) and {@code ...:///session}; the query
     * {@code socket=PATH} names the socket itself. {@code ""} is libvirt's default
     * ({@code LIBVIRT_ADMIN_DEFAULT_URI}, else {@code libvirtd:///system} for root and
     * {@code libvirtd:///session} for others).
     *
     * @param uri the admin URI, {@code ""} for the default
     * @param flags open flags (libvirt takes only {@link ConnectFlags#NO_ALIASES})
     * @return the admin connection
     * @throws LibvirtException libvirt's error when the open fails; {@code ERR_NO_SUPPORT} when the
     *         backend cannot reach the admin API (no {@code libvirt-admin.so.0} for a native backend)
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-admin.html#virAdmConnectOpen">virAdmConnectOpen</a>
     */
    public AdmConnect newAdmConnect(String uri, ConnectFlags... flags) {
        Objects.requireNonNull(uri, "uri");
        int mask = LibvirtEnum.mask(flags);
        return backend.openAdmin(uri.isEmpty() ? null : org.libvirt4j.spi.CStrings.requireNoNul(uri), mask);
    }

    /**
     * {@return the version of the admin library the backend speaks for}
     *
     * @throws LibvirtException {@code ERR_NO_SUPPORT} when the backend cannot reach the admin API
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-admin.html#virAdmGetVersion">virAdmGetVersion</a>
     */
    public long admGetVersion() {
        return backend.adminLibraryVersion();
    }

    /**
     * Sets the calling process's security label to an LXC container's, as
     * {@link Libvirt#domainLxcEnterSecurityLabel} does, through this connector's backend.
     *
     * @param model the container's security model ({@link Connect#getSecurityModel()} of its host)
     * @param label the container's label ({@link Domain#getSecurityLabel()})
     * @param flags reserved, 0
     * @return the process's previous label
     * @throws LibvirtException as {@link Libvirt#domainLxcEnterSecurityLabel}
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-lxc.html#virDomainLxcEnterSecurityLabel">virDomainLxcEnterSecurityLabel</a>
     */
    public SecurityLabel domainLxcEnterSecurityLabel(NodeSecurityModel model, SecurityLabel label, int flags) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(label, "label");
        return backend.lxcEnterSecurityLabel(model, label, flags);
    }
}

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
     * @param uri the URI, {@code ""} for libvirt's default
     * @return a read-write connection ({@code virConnectOpen})
     * @throws LibvirtException libvirt's error when the open fails
     */
    public Connect newConnect(String uri) {
        return backend.open(Objects.requireNonNull(uri, "uri"), null);
    }

    /**
     * @param uri the URI, {@code ""} for libvirt's default
     * @return a read-only connection ({@code virConnectOpenReadOnly})
     * @throws LibvirtException libvirt's error when the open fails
     */
    public Connect newConnectReadOnly(String uri) {
        return backend.open(Objects.requireNonNull(uri, "uri"), null, ConnectFlags.RO);
    }

    /**
     * @param uri the URI, {@code ""} for libvirt's default
     * @param auth the credentials callback
     * @param flags open flags
     * @return a connection ({@code virConnectOpenAuth})
     * @throws LibvirtException {@code ERR_AUTH_FAILED} and kin when the open fails
     */
    public Connect newConnectWithAuth(String uri, ConnectAuth auth, ConnectFlags... flags) {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(auth, "auth");
        for (ConnectFlags flag : flags) {
            Objects.requireNonNull(flag, "flag");
        }
        return backend.open(uri, auth, flags);
    }

    /** @return the libvirt library version the backend speaks for ({@code virGetVersion}) */
    public long getVersion() {
        return backend.libraryVersion();
    }

    /** Registers and runs the backend's event loop, as {@link Libvirt#eventRegisterDefaultImpl()} does. */
    public void eventRegisterDefaultImpl() {
        backend.eventRegisterDefaultImpl();
    }
}

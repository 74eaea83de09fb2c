package org.libvirt4j.spi;

import java.util.Optional;
import org.libvirt4j.AdmConnect;
import org.libvirt4j.Connect;
import org.libvirt4j.ConnectAuth;
import org.libvirt4j.ConnectFlags;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;

/**
 * What a backend implements to be found by {@link org.libvirt4j.Libvirt}: registered through
 * {@link java.util.ServiceLoader} (with {@code @AutoService(LibvirtBackend.class)} and a
 * {@code provides} clause in its {@code module-info.java}).
 *
 * <p>Constructing a backend must be cheap and must not fail: whether it can work here is
 * reported by {@link #unavailabilityCause()}, not thrown.
 */
public interface LibvirtBackend {
    /** @return the short name users select it by, e.g. {@code "jna"} */
    String name();

    /** @return the rank among available backends; the highest wins automatic selection */
    int priority();

    /**
     * Says why this backend cannot work in this JVM (no libvirt.so.0, a native library that
     * would not load, ...), as Netty's {@code Epoll.unavailabilityCause()} does.
     *
     * @return the reason, or empty when the backend is usable
     */
    Optional<Throwable> unavailabilityCause();

    /**
     * @param uri a libvirt URI, {@code ""} for libvirt's default
     * @return whether {@link #open} can serve it
     */
    boolean supports(String uri);

    /** @return the libvirt library version this backend speaks for, as {@code virGetVersion} encodes it */
    long libraryVersion();

    /**
     * Opens a connection: {@code virConnectOpen} when {@code auth} is {@code null} and flags
     * hold no {@code RO}; {@code virConnectOpenReadOnly} when {@code auth} is {@code null} and
     * flags hold {@code RO}; {@code virConnectOpenAuth} otherwise.
     *
     * @param uri the URI, {@code ""} for libvirt's default, never {@code null}
     * @param auth the credential callback, or {@code null}
     * @param flags open flags
     * @return the open connection
     * @throws org.libvirt4j.LibvirtException libvirt's error when the open fails
     */
    Connect open(String uri, ConnectAuth auth, ConnectFlags... flags);

    /**
     * {@return the {@link org.libvirt4j.ConnectOptions} keys this backend honours; the default honours none}
     */
    default java.util.Set<org.libvirt4j.ConnectOption<?>> supportedOptions() {
        return java.util.Set.of();
    }

    /**
     * Opens a connection with options. The default refuses any option outside
     * {@link #supportedOptions()} ({@link ConnectOptionsSupport#requireSupported}), opens with
     * the options' credentials callback and flags, hands an
     * {@link org.libvirt4j.ConnectOption#EVENT_EXECUTOR} to a connection that is an
     * {@link EventCallbackRunner.Host}, then starts {@link org.libvirt4j.ConnectOption#KEEPALIVE}
     * through {@link Connect#setKeepAlive} (a backend lists it when that call does what the option
     * says); a backend that honours other options overrides it.
     *
     * @param uri the URI, {@code ""} for libvirt's default, never {@code null}
     * @param options the options; {@code null} is read as {@link org.libvirt4j.ConnectOptions#defaults()},
     *        because Java resolves the older {@code open(uri, null)} (a null {@link ConnectAuth}) to this method
     * @return the open connection
     * @throws org.libvirt4j.LibvirtException libvirt's error when the open, or starting keepalive, fails
     * @throws IllegalArgumentException naming the options this backend does not honour
     */
    default Connect open(String uri, org.libvirt4j.ConnectOptions options) {
        if (options == null) {
            return open(uri, (ConnectAuth) null);
        }
        ConnectOptionsSupport.requireSupported(this, options);
        Connect conn = open(uri, options.auth().orElse(null), options.flags());
        ConnectOptionsSupport.runEventCallbacksOn(conn, uri, options);
        ConnectOptionsSupport.startKeepAlive(conn, options);
        return conn;
    }

    /**
     * Makes events and keepalive work ({@link org.libvirt4j.Libvirt#eventRegisterDefaultImpl()}):
     * a native backend registers libvirt's default event loop and runs it on a daemon thread;
     * a backend with its own event loop does nothing. Idempotent and thread-safe.
     *
     * @throws org.libvirt4j.LibvirtException when the loop cannot be registered
     */
    void eventRegisterDefaultImpl();

    /**
     * Opens a connection to a daemon's administration interface ({@code virAdmConnectOpen}).
     * A backend without the admin API keeps this default, which refuses with {@code ERR_NO_SUPPORT}.
     *
     * @param uri the admin URI ({@code libvirtd:///system}, {@code ...?socket=PATH}), or
     *        {@code null} for libvirt's default
     * @param flags {@code virConnectFlags} (libvirt takes only {@code NO_ALIASES})
     * @return the open admin connection
     * @throws LibvirtException libvirt's error when the open fails
     */
    default AdmConnect openAdmin(String uri, int flags) {
        throw noAdminSupport("virAdmConnectOpen");
    }

    /**
     * {@return the admin library's version ({@code virAdmGetVersion})}
     *
     * @throws LibvirtException {@code ERR_NO_SUPPORT} from a backend without the admin API
     */
    default long adminLibraryVersion() {
        throw noAdminSupport("virAdmGetVersion");
    }

    private static LibvirtException noAdminSupport(String function) {
        return LibvirtException.of(ErrorNumber.ERR_NO_SUPPORT, ErrorDomain.NONE,
                "this function is not supported by the connection driver: " + function);
    }

    /**
     * {@code virDomainLxcEnterSecurityLabel} for {@link org.libvirt4j.Libvirt#domainLxcEnterSecurityLabel}.
     * The default refuses with {@code ERR_NO_SUPPORT}; every real backend overrides it.
     *
     * @param model the security model, never {@code null}
     * @param label the label, never {@code null}
     * @param flags reserved
     * @return the previous label
     * @throws org.libvirt4j.LibvirtException libvirt's error
     */
    default org.libvirt4j.SecurityLabel lxcEnterSecurityLabel(org.libvirt4j.NodeSecurityModel model,
            org.libvirt4j.SecurityLabel label, int flags) {
        throw QemuChecks.noSupport("virDomainLxcEnterSecurityLabel", "the " + name() + " backend lacks it");
    }
}

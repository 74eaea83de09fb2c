package org.libvirt4j.spi;

import java.util.List;
import java.util.Objects;
import org.libvirt4j.AdmCloseCallback;
import org.libvirt4j.AdmConnect;
import org.libvirt4j.AdmServer;

/**
 * The admin connection's contract, once for every backend: the null and NUL checks and the
 * close-callback re-entry guard, then one narrow {@code raw*} operation per C function (one
 * native call, or one procedure of the admin program).
 */
public interface AdmConnectContract extends AdmConnect {
    /** The logging settings, each read and written by its own pair of C functions. */
    enum Logging {
        /** The log outputs. */
        OUTPUTS("virAdmConnectGetLoggingOutputs", "virAdmConnectSetLoggingOutputs"),
        /** The log filters. */
        FILTERS("virAdmConnectGetLoggingFilters", "virAdmConnectSetLoggingFilters");

        private final String get;
        private final String set;

        Logging(String get, String set) {
            this.get = get;
            this.set = set;
        }

        /** @return the C function that reads it */
        public String getter() {
            return get;
        }

        /** @return the C function that writes it */
        public String setter() {
            return set;
        }
    }

    /**
     * @param flags reserved
     * @return the servers, as new handles
     */
    List<AdmServer> rawListServers(int flags);

    /**
     * @param name the checked name
     * @param flags reserved
     * @return the server
     */
    AdmServer rawLookupServer(String name, int flags);

    /**
     * @param which outputs or filters
     * @param flags reserved
     * @return the setting, {@code ""} when the daemon has none
     */
    String rawGetLogging(Logging which, int flags);

    /**
     * @param which outputs or filters
     * @param value the checked value
     * @param flags reserved
     */
    void rawSetLogging(Logging which, String value, int flags);

    /**
     * @param timeout seconds
     * @param flags reserved
     */
    void rawSetDaemonTimeout(int timeout, int flags);

    /** @return {@code virAdmConnectGetLibVersion}'s version */
    long rawGetLibVersion();

    /** @return {@code virAdmConnectGetURI}'s URI */
    String rawGetURI();

    /** @return {@code virAdmConnectIsAlive}'s answer */
    boolean rawIsAlive();

    /** @param callback the checked callback, to run through {@link CloseCallbacks#run} */
    void rawRegisterCloseCallback(AdmCloseCallback callback);

    /** {@code virAdmConnectUnregisterCloseCallback}. */
    void rawUnregisterCloseCallback();

    @Override
    default List<AdmServer> listServers(int flags) {
        return rawListServers(flags);
    }

    @Override
    default AdmServer lookupServer(String name, int flags) {
        Objects.requireNonNull(name, "name");
        return rawLookupServer(CStrings.requireNoNul(name), flags);
    }

    @Override
    default String getLoggingOutputs(int flags) {
        return rawGetLogging(Logging.OUTPUTS, flags);
    }

    @Override
    default String getLoggingFilters(int flags) {
        return rawGetLogging(Logging.FILTERS, flags);
    }

    @Override
    default void setLoggingOutputs(String outputs, int flags) {
        Objects.requireNonNull(outputs, "outputs");
        rawSetLogging(Logging.OUTPUTS, CStrings.requireNoNul(outputs), flags);
    }

    @Override
    default void setLoggingFilters(String filters, int flags) {
        Objects.requireNonNull(filters, "filters");
        rawSetLogging(Logging.FILTERS, CStrings.requireNoNul(filters), flags);
    }

    @Override
    default void setDaemonTimeout(int timeout, int flags) {
        rawSetDaemonTimeout(timeout, flags);
    }

    @Override
    default long getLibVersion() {
        return rawGetLibVersion();
    }

    @Override
    default String getURI() {
        return rawGetURI();
    }

    @Override
    default boolean isAlive() {
        return rawIsAlive();
    }

    @Override
    default void registerCloseCallback(AdmCloseCallback callback) {
        Objects.requireNonNull(callback, "callback");
        // libvirt holds the callback's lock while it runs: every backend refuses re-entry alike
        CloseCallbacks.refuseInside(this, "virAdmConnectRegisterCloseCallback");
        rawRegisterCloseCallback(callback);
    }

    @Override
    default void unregisterCloseCallback() {
        CloseCallbacks.refuseInside(this, "virAdmConnectUnregisterCloseCallback");
        rawUnregisterCloseCallback();
    }
}

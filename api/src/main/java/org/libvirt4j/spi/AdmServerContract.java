package org.libvirt4j.spi;

import java.util.List;
import java.util.Objects;
import org.libvirt4j.AdmClient;
import org.libvirt4j.AdmServer;
import org.libvirt4j.AdmServerClientLimits;
import org.libvirt4j.AdmServerThreadPoolParameters;
import org.libvirt4j.spi.generated.TypedFamilies;

/**
 * The admin server's contract, once for every backend: null checks and the typed-parameter
 * records packed and unpacked by the generated {@link TypedFamilies}, over narrow {@code raw*}
 * operations.
 */
public interface AdmServerContract extends AdmServer {
    /** The server's typed-parameter sets, each read and written by its own pair of C functions. */
    enum Parameters {
        /** The worker pool. */
        THREAD_POOL("virAdmServerGetThreadPoolParameters", "virAdmServerSetThreadPoolParameters"),
        /** The client limits. */
        CLIENT_LIMITS("virAdmServerGetClientLimits", "virAdmServerSetClientLimits");

        private final String get;
        private final String set;

        Parameters(String get, String set) {
            this.get = get;
            this.set = set;
        }

        /** @return the C function that reads the set */
        public String getter() {
            return get;
        }

        /** @return the C function that writes it */
        public String setter() {
            return set;
        }
    }

    /** @return the server's name ({@code virAdmServerGetName}) */
    String rawGetName();

    /**
     * @param which the set
     * @param flags reserved
     * @return the parameters the daemon sent
     */
    List<TypedParameter> rawGetParameters(Parameters which, int flags);

    /**
     * @param which the set
     * @param params the packed parameters
     * @param flags reserved
     */
    void rawSetParameters(Parameters which, List<TypedParameter> params, int flags);

    /**
     * @param flags reserved
     * @return the clients, as new handles
     */
    List<AdmClient> rawListClients(int flags);

    /**
     * @param id the client id
     * @param flags reserved
     * @return the client
     */
    AdmClient rawLookupClient(long id, int flags);

    /** @param flags reserved */
    void rawUpdateTlsFiles(int flags);

    @Override
    default String getName() {
        return rawGetName();
    }

    @Override
    default AdmServerThreadPoolParameters getThreadPoolParameters(int flags) {
        return TypedFamilies.unpackAdmServerThreadPoolParameters(rawGetParameters(Parameters.THREAD_POOL, flags));
    }

    @Override
    default void setThreadPoolParameters(AdmServerThreadPoolParameters params, int flags) {
        Objects.requireNonNull(params, "params");
        rawSetParameters(Parameters.THREAD_POOL, TypedFamilies.pack(params), flags);
    }

    @Override
    default List<AdmClient> listClients(int flags) {
        return rawListClients(flags);
    }

    @Override
    default AdmClient lookupClient(long id, int flags) {
        return rawLookupClient(id, flags);
    }

    @Override
    default AdmServerClientLimits getClientLimits(int flags) {
        return TypedFamilies.unpackAdmServerClientLimits(rawGetParameters(Parameters.CLIENT_LIMITS, flags));
    }

    @Override
    default void setClientLimits(AdmServerClientLimits limits, int flags) {
        Objects.requireNonNull(limits, "limits");
        rawSetParameters(Parameters.CLIENT_LIMITS, TypedFamilies.pack(limits), flags);
    }

    @Override
    default void updateTlsFiles(int flags) {
        rawUpdateTlsFiles(flags);
    }
}

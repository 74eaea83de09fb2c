package org.libvirt4j.spi;

import java.util.List;
import java.util.Objects;
import org.libvirt4j.Connect;
import org.libvirt4j.Domain;
import org.libvirt4j.DomainMigrateFlags;
import org.libvirt4j.DomainMigrateMethods;
import org.libvirt4j.DomainMigrateParameters;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.spi.generated.TypedFamilies;

/**
 * The migration calls written once for every backend: the null and NUL checks, then the refusals
 * libvirt's public entry points make before they ask any driver (so a bad call is refused alike
 * on every backend before anything is sent), then one raw operation per C function. What libvirt
 * decides after asking the drivers for their features is libvirt.so's on the native backends and
 * the remote backend's own client-side protocol.
 */
public interface DomainMigrateContract extends DomainMigrateMethods {

    /** The C functions behind the raw operations. */
    enum MigrateCall {
        /** {@code virDomainMigrate(dom, dconn, flags, dname, uri, bandwidth)}. */
        MIGRATE("virDomainMigrate"),
        /** {@code virDomainMigrate2(dom, dconn, dxml, flags, dname, uri, bandwidth)}. */
        MIGRATE2("virDomainMigrate2"),
        /** {@code virDomainMigrate3(dom, dconn, params, nparams, flags)}. */
        MIGRATE3("virDomainMigrate3"),
        /** {@code virDomainMigrateToURI(dom, duri, flags, dname, bandwidth)}. */
        TO_URI("virDomainMigrateToURI"),
        /** {@code virDomainMigrateToURI2(dom, dconnuri, miguri, dxml, flags, dname, bandwidth)}. */
        TO_URI2("virDomainMigrateToURI2");

        /** The C function. */
        public final String function;

        MigrateCall(String function) {
            this.function = function;
        }
    }

    /**
     * {@code virDomainMigrate} or {@code virDomainMigrate2} with C's arguments.
     *
     * @param call {@link MigrateCall#MIGRATE} or {@link MigrateCall#MIGRATE2}
     * @param dconn the destination connection (checked to be this backend's by the implementation)
     * @param dxml the destination XML ({@code MIGRATE2} only), or {@code null}
     * @param flags the flags
     * @param dname the destination name, or {@code null}
     * @param uri the migration URI, or {@code null}
     * @param bandwidth MiB/s
     * @return the domain on {@code dconn}
     */
    Domain rawMigrate(MigrateCall call, Connect dconn, String dxml, int flags, String dname, String uri, long bandwidth);

    /**
     * {@code virDomainMigrate3(dom, dconn, params, nparams, flags)}.
     *
     * @param dconn the destination connection
     * @param params the parameters to send
     * @param flags the flags
     * @return the domain on {@code dconn}
     */
    Domain rawMigrate3(Connect dconn, List<TypedParameter> params, int flags);

    /**
     * {@code virDomainMigrateToURI} (then {@code dconnuri} is C's {@code duri} and the other
     * strings but {@code dname} are {@code null}) or {@code virDomainMigrateToURI2}.
     *
     * @param call {@link MigrateCall#TO_URI} or {@link MigrateCall#TO_URI2}
     * @param dconnuri {@code duri}, or {@code virDomainMigrateToURI2}'s {@code dconnuri}
     * @param miguri the migration URI, or {@code null}
     * @param dxml the destination XML, or {@code null}
     * @param flags the flags
     * @param dname the destination name, or {@code null}
     * @param bandwidth MiB/s
     */
    void rawMigrateToURI(MigrateCall call, String dconnuri, String miguri, String dxml, int flags, String dname,
            long bandwidth);

    @Override
    default Domain migrate(Connect dconn, int flags, String dname, String uri, long bandwidth) {
        Objects.requireNonNull(dconn, "dconn");
        checkStrings(dname, uri);
        checkExclusive(flags);
        return rawMigrate(MigrateCall.MIGRATE, dconn, null, flags, dname, uri, bandwidth);
    }

    @Override
    default Domain migrate2(Connect dconn, String dxml, int flags, String dname, String uri, long bandwidth) {
        Objects.requireNonNull(dconn, "dconn");
        checkStrings(dxml, dname, uri);
        checkExclusive(flags);
        return rawMigrate(MigrateCall.MIGRATE2, dconn, dxml, flags, dname, uri, bandwidth);
    }

    @Override
    default Domain migrate3(Connect dconn, DomainMigrateParameters params, int flags) {
        Objects.requireNonNull(dconn, "dconn");
        List<TypedParameter> packed = TypedFamilies.pack(Objects.requireNonNull(params, "params"));
        checkExclusive(flags);
        // virDomainMigrate3 refuses both before asking a driver: the call has no dconnuri
        if ((flags & DomainMigrateFlags.PEER2PEER.value()) != 0) {
            throw LibvirtException.of(ErrorNumber.ERR_INVALID_ARG, ErrorDomain.DOMAIN,
                    "use virDomainMigrateToURI3 for peer-to-peer migration");
        }
        if ((flags & DomainMigrateFlags.TUNNELLED.value()) != 0) {
            throw LibvirtException.of(ErrorNumber.ERR_INVALID_ARG, ErrorDomain.DOMAIN,
                    "cannot perform tunnelled migration without using peer2peer flag");
        }
        return rawMigrate3(dconn, packed, flags);
    }

    @Override
    default void migrateToURI(String duri, int flags, String dname, long bandwidth) {
        Objects.requireNonNull(duri, "duri");
        checkStrings(duri, dname);
        checkExclusive(flags);
        rawMigrateToURI(MigrateCall.TO_URI, duri, null, null, flags, dname, bandwidth);
    }

    @Override
    default void migrateToURI2(String dconnuri, String miguri, String dxml, int flags, String dname, long bandwidth) {
        checkStrings(dconnuri, miguri, dxml, dname);
        checkExclusive(flags);
        rawMigrateToURI(MigrateCall.TO_URI2, dconnuri, miguri, dxml, flags, dname, bandwidth);
    }

    /**
     * libvirt's first flag rule, checked by every migration entry point before any driver is asked.
     *
     * @param flags the flags
     * @throws LibvirtException {@code ERR_INVALID_ARG} when both non-shared storage flags are set
     */
    static void checkExclusive(int flags) {
        if ((flags & DomainMigrateFlags.NON_SHARED_DISK.value()) != 0
                && (flags & DomainMigrateFlags.NON_SHARED_INC.value()) != 0) {
            throw LibvirtException.of(ErrorNumber.ERR_INVALID_ARG, ErrorDomain.DOMAIN,
                    "Flags 'VIR_MIGRATE_NON_SHARED_DISK' and 'VIR_MIGRATE_NON_SHARED_INC' are mutually exclusive");
        }
    }

    private static void checkStrings(String... optional) {
        for (String s : optional) {
            CStrings.requireNoNul(s);
        }
    }
}

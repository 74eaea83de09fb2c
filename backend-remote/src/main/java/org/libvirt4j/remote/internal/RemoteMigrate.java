package org.libvirt4j.remote.internal;

import java.net.URI;
import java.net.URISyntaxException;
import org.libvirt4j.DomainMigrateFlags;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.remote.generated.RemoteConnectSupportsFeatureArgs;
import org.libvirt4j.remote.generated.RemoteConnectSupportsFeatureRet;
import org.libvirt4j.remote.generated.RemoteProcedure;

/**
 * What libvirt's public {@code virDomainMigrateToURI3} decides in the client before the remote
 * driver sends {@code REMOTE_PROC_DOMAIN_MIGRATE_PERFORM3_PARAMS}: the flag rules, the driver
 * features it asks the daemon about, and the refusal to migrate to the same host. The native
 * backends get this from libvirt.so; the differential run compares the two.
 */
final class RemoteMigrate {
    /** {@code VIR_DRV_FEATURE_MIGRATION_P2P} (libvirt_internal.h; not in the .x files). */
    private static final int FEATURE_MIGRATION_P2P = 4;
    /** {@code VIR_DRV_FEATURE_MIGRATION_DIRECT}. */
    private static final int FEATURE_MIGRATION_DIRECT = 5;
    /** {@code VIR_DRV_FEATURE_MIGRATION_OFFLINE}. */
    private static final int FEATURE_MIGRATION_OFFLINE = 14;
    /** {@code VIR_DRV_FEATURE_MIGRATION_PARAMS}. */
    private static final int FEATURE_MIGRATION_PARAMS = 15;

    private RemoteMigrate() {
    }

    /**
     * Refuses what libvirt's client refuses before a peer-to-peer migration is sent.
     *
     * @param session the connection
     * @param dconnuri the destination's libvirt URI, or {@code null}
     * @param flags the migration flags
     */
    static void beforeToURI3(Session session, String dconnuri, int flags) {
        int disk = DomainMigrateFlags.NON_SHARED_DISK.value();
        int inc = DomainMigrateFlags.NON_SHARED_INC.value();
        if ((flags & disk) != 0 && (flags & inc) != 0) {
            throw LibvirtException.of(ErrorNumber.ERR_INVALID_ARG, ErrorDomain.DOMAIN,
                    "Flags 'VIR_MIGRATE_NON_SHARED_DISK' and 'VIR_MIGRATE_NON_SHARED_INC' are mutually exclusive");
        }
        if ((flags & DomainMigrateFlags.OFFLINE.value()) != 0 && !supports(session, FEATURE_MIGRATION_OFFLINE)) {
            throw unsupported("offline migration is not supported by the source host");
        }
        boolean p2p = (flags & DomainMigrateFlags.PEER2PEER.value()) != 0;
        if (p2p && !supports(session, FEATURE_MIGRATION_P2P)) {
            throw unsupported("p2p migration is not supported by the source host");
        }
        if (!p2p && !supports(session, FEATURE_MIGRATION_DIRECT)) {
            throw unsupported("direct migration is not supported by the source host");
        }
        if (p2p) {
            checkNotLocal(dconnuri);
        }
        if (!p2p || !supports(session, FEATURE_MIGRATION_PARAMS)) {
            // libvirt falls back to the older migration protocols here, which this backend lacks
            throw LibvirtException.of(ErrorNumber.ERR_NO_SUPPORT, ErrorDomain.NONE,
                    "this function is not supported by the connection driver: virDomainMigrateToURI3");
        }
    }

    /** libvirt's {@code virDomainMigrateCheckNotLocal}: a URI without a host (unless it names a socket) or on localhost. */
    private static void checkNotLocal(String dconnuri) {
        URI uri;
        try {
            uri = new URI(dconnuri == null ? "" : dconnuri);
        } catch (URISyntaxException e) {
            throw LibvirtException.of(ErrorNumber.ERR_INTERNAL_ERROR, ErrorDomain.URI,
                    "internal error: Unable to parse URI " + dconnuri);
        }
        String server = uri.getHost() != null ? uri.getHost() : uri.getRawAuthority();
        String query = uri.getRawQuery();
        boolean socket = query != null && java.util.Arrays.stream(query.split("&")).anyMatch(q -> q.startsWith("socket="));
        if ((server != null && server.startsWith("localhost")) || (server == null && !socket)) {
            throw LibvirtException.of(ErrorNumber.ERR_INVALID_ARG, ErrorDomain.DOMAIN,
                    "Attempt to migrate guest to the same host");
        }
    }

    private static LibvirtException unsupported(String what) {
        return LibvirtException.of(ErrorNumber.ERR_ARGUMENT_UNSUPPORTED, ErrorDomain.DOMAIN, "argument unsupported: " + what);
    }

    private static boolean supports(Session session, int feature) {
        return session.call(RemoteProcedure.REMOTE_PROC_CONNECT_SUPPORTS_FEATURE,
                new RemoteConnectSupportsFeatureArgs(feature)::encode, RemoteConnectSupportsFeatureRet::decode)
                .supported() != 0;
    }
}

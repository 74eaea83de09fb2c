package org.libvirt4j.remote.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.libvirt4j.DomainMigrateFlags;
import org.libvirt4j.DomainState;
import org.libvirt4j.DomainXMLFlags;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.TypedParameterFields;
import org.libvirt4j.remote.generated.RemoteConnectSupportsFeatureArgs;
import org.libvirt4j.remote.generated.RemoteConnectSupportsFeatureRet;
import org.libvirt4j.remote.generated.RemoteDomainGetInfoArgs;
import org.libvirt4j.remote.generated.RemoteDomainGetInfoRet;
import org.libvirt4j.remote.generated.RemoteDomainGetStateArgs;
import org.libvirt4j.remote.generated.RemoteDomainGetStateRet;
import org.libvirt4j.remote.generated.RemoteDomainGetXmlDescArgs;
import org.libvirt4j.remote.generated.RemoteDomainGetXmlDescRet;
import org.libvirt4j.remote.generated.RemoteDomainMigrateBegin3Args;
import org.libvirt4j.remote.generated.RemoteDomainMigrateBegin3ParamsArgs;
import org.libvirt4j.remote.generated.RemoteDomainMigrateBegin3ParamsRet;
import org.libvirt4j.remote.generated.RemoteDomainMigrateBegin3Ret;
import org.libvirt4j.remote.generated.RemoteDomainMigrateConfirm3Args;
import org.libvirt4j.remote.generated.RemoteDomainMigrateConfirm3ParamsArgs;
import org.libvirt4j.remote.generated.RemoteDomainMigrateFinish2Args;
import org.libvirt4j.remote.generated.RemoteDomainMigrateFinish2Ret;
import org.libvirt4j.remote.generated.RemoteDomainMigrateFinish3Args;
import org.libvirt4j.remote.generated.RemoteDomainMigrateFinish3ParamsArgs;
import org.libvirt4j.remote.generated.RemoteDomainMigrateFinish3ParamsRet;
import org.libvirt4j.remote.generated.RemoteDomainMigrateFinish3Ret;
import org.libvirt4j.remote.generated.RemoteDomainMigratePerform3Args;
import org.libvirt4j.remote.generated.RemoteDomainMigratePerform3ParamsArgs;
import org.libvirt4j.remote.generated.RemoteDomainMigratePerform3ParamsRet;
import org.libvirt4j.remote.generated.RemoteDomainMigratePerform3Ret;
import org.libvirt4j.remote.generated.RemoteDomainMigratePerformArgs;
import org.libvirt4j.remote.generated.RemoteDomainMigratePrepare2Args;
import org.libvirt4j.remote.generated.RemoteDomainMigratePrepare2Ret;
import org.libvirt4j.remote.generated.RemoteDomainMigratePrepare3Args;
import org.libvirt4j.remote.generated.RemoteDomainMigratePrepare3ParamsArgs;
import org.libvirt4j.remote.generated.RemoteDomainMigratePrepare3ParamsRet;
import org.libvirt4j.remote.generated.RemoteDomainMigratePrepare3Ret;
import org.libvirt4j.remote.generated.RemoteNonnullDomain;
import org.libvirt4j.remote.generated.RemoteProcedure;
import org.libvirt4j.spi.DomainMigrateContract;
import org.libvirt4j.spi.TypedParameter;

/**
 * What libvirt's public migration functions ({@code src/libvirt-domain.c}) decide in the client,
 * done here for the remote backend; the native backends get it from libvirt.so. The checks that
 * need no driver are {@link DomainMigrateContract}'s, once for every backend; this class holds the
 * rest: the driver features it asks each daemon about, the choice of protocol version, the
 * client-managed sequences (v3: Begin on the source, Prepare on the destination, Perform on the
 * source, Finish on the destination, Confirm on the source; v2: Prepare, Perform, Finish) and the
 * "unmanaged" ones the source daemon runs alone (peer to peer, or direct). Migration protocol 1
 * (no daemon of a supported libvirt speaks only that) is refused as unsupported, as is tunnelled
 * migration without peer to peer, which libvirt refuses too: with peer to peer the source daemon
 * opens the tunnel itself, so the client never needs a stream.
 */
final class RemoteMigrate {
    /** {@code VIR_DRV_FEATURE_MIGRATION_V2} (libvirt_internal.h; the numbers travel on the wire, but are not in the .x files). */
    private static final int FEATURE_MIGRATION_V2 = 3;
    /** {@code VIR_DRV_FEATURE_MIGRATION_P2P}. */
    private static final int FEATURE_MIGRATION_P2P = 4;
    /** {@code VIR_DRV_FEATURE_MIGRATION_DIRECT}. */
    private static final int FEATURE_MIGRATION_DIRECT = 5;
    /** {@code VIR_DRV_FEATURE_MIGRATION_V3}. */
    private static final int FEATURE_MIGRATION_V3 = 6;
    /** {@code VIR_DRV_FEATURE_MIGRATE_CHANGE_PROTECTION}. */
    private static final int FEATURE_MIGRATE_CHANGE_PROTECTION = 7;
    /** {@code VIR_DRV_FEATURE_XML_MIGRATABLE}. */
    private static final int FEATURE_XML_MIGRATABLE = 11;
    /** {@code VIR_DRV_FEATURE_MIGRATION_OFFLINE}. */
    private static final int FEATURE_MIGRATION_OFFLINE = 12;
    /** {@code VIR_DRV_FEATURE_MIGRATION_PARAMS}. */
    private static final int FEATURE_MIGRATION_PARAMS = 13;

    private static final int P2P = DomainMigrateFlags.PEER2PEER.value();
    private static final int OFFLINE = DomainMigrateFlags.OFFLINE.value();
    private static final int CHANGE_PROTECTION = DomainMigrateFlags.CHANGE_PROTECTION.value();
    private static final int TUNNELLED = DomainMigrateFlags.TUNNELLED.value();
    /** The flags the destination does not see ({@code destflags} in libvirt). */
    private static final int SOURCE_ONLY = DomainMigrateFlags.ABORT_ON_ERROR.value()
            | DomainMigrateFlags.AUTO_CONVERGE.value();

    private static final String URI = TypedParameterFields.MIGRATE_PARAM_URI;
    private static final String DEST_NAME = TypedParameterFields.MIGRATE_PARAM_DEST_NAME;
    private static final String DEST_XML = TypedParameterFields.MIGRATE_PARAM_DEST_XML;
    private static final String BANDWIDTH = TypedParameterFields.MIGRATE_PARAM_BANDWIDTH;
    /** The parameters the calls without extensible parameters can carry. */
    private static final Set<String> COMPAT_V3 = Set.of(URI, DEST_NAME, DEST_XML, BANDWIDTH);
    private static final Set<String> COMPAT_V2 = Set.of(URI, DEST_NAME, BANDWIDTH);

    private RemoteMigrate() {
    }

    /** The source of a migration: its session and the domain as the wire names it. */
    record Source(Session session, RemoteNonnullDomain dom) {
    }

    /**
     * libvirt's {@code virCheckReadOnlyGoto}, the first check of every migration function, on
     * the source connection and (for the calls that take one) the destination.
     *
     * @param fn the C function
     * @param sessions the connections, source first
     */
    static void checkWritable(String fn, Session... sessions) {
        for (Session s : sessions) {
            if (s.readOnly) {
                throw LibvirtException.of(ErrorNumber.ERR_OPERATION_DENIED, ErrorDomain.DOMAIN,
                        "operation forbidden: read only access prevents " + fn);
            }
        }
    }

    // ---- virDomainMigrate, virDomainMigrate2 -----------------------------------------------------

    /**
     * {@code virDomainMigrate} ({@code two == false}, {@code dxml} unused) or {@code virDomainMigrate2}.
     *
     * @return the domain on the destination
     */
    static RemoteDomain migrate(Source src, RemoteConnect dconn, Session dst, boolean two, String dxml, int flags,
            String dname, String uri, long bandwidth) {
        String fn = two ? "virDomainMigrate2" : "virDomainMigrate";
        checkOffline(src.session, dst, flags);
        if ((flags & P2P) != 0) {
            if (!supports(src.session, FEATURE_MIGRATION_P2P)) {
                throw noSupport(fn);
            }
            String dstUri = two || uri == null ? dconn.getURI() : uri;
            unmanaged(src, two ? dxml : null, flags, dname, dstUri, two ? uri : null, bandwidth);
            return lookup(dst, dname != null ? dname : src.dom.name());
        }
        int f = withoutChangeProtection(src.session, flags);
        if ((f & TUNNELLED) != 0) {
            throw LibvirtException.of(ErrorNumber.ERR_OPERATION_INVALID, ErrorDomain.DOMAIN,
                    "Requested operation is not valid: cannot perform tunnelled migration without using peer2peer flag");
        }
        if (supports(src.session, FEATURE_MIGRATION_V3) && supports(dst, FEATURE_MIGRATION_V3)) {
            return version3(src, dst, two ? dxml : null, f, dname, uri, bandwidth, null);
        }
        if (supports(src.session, FEATURE_MIGRATION_V2) && supports(dst, FEATURE_MIGRATION_V2)) {
            if (two && dxml != null) {
                throw cannotChangeXml();
            }
            return version2(src, dst, f, dname, uri, bandwidth);
        }
        throw noSupport(fn);
    }

    // ---- virDomainMigrate3 ----------------------------------------------------------------------

    /**
     * {@code virDomainMigrate3} after {@link DomainMigrateContract}'s checks.
     *
     * @return the domain on the destination
     */
    static RemoteDomain migrate3(Source src, Session dst, List<TypedParameter> params, int flags) {
        checkOffline(src.session, dst, flags);
        int f = withoutChangeProtection(src.session, flags);
        if (supports(src.session, FEATURE_MIGRATION_PARAMS) && supports(dst, FEATURE_MIGRATION_PARAMS)) {
            return version3(src, dst, null, f, null, null, 0, params);
        }
        if (!onlyOf(params, COMPAT_V3)) {
            throw unsupported("Migration APIs with extensible parameters are not supported but extended parameters were passed");
        }
        String uri = string(params, URI);
        String dname = string(params, DEST_NAME);
        String dxml = string(params, DEST_XML);
        long bandwidth = ullong(params, BANDWIDTH);
        if (supports(src.session, FEATURE_MIGRATION_V3) && supports(dst, FEATURE_MIGRATION_V3)) {
            return version3(src, dst, dxml, f, dname, uri, bandwidth, null);
        }
        if (supports(src.session, FEATURE_MIGRATION_V2) && supports(dst, FEATURE_MIGRATION_V2)) {
            if (dxml != null) {
                throw cannotChangeXml();
            }
            return version2(src, dst, f, dname, uri, bandwidth);
        }
        throw noSupport("virDomainMigrate3");
    }

    // ---- virDomainMigrateToURI, virDomainMigrateToURI2, virDomainMigrateToURI3 -------------------

    /** {@code virDomainMigrateToURI} ({@code two == false}: {@code dconnuri} is {@code duri}) or {@code virDomainMigrateToURI2}. */
    static void toURI(Source src, boolean two, String dconnuri, String miguri, String dxml, int flags, String dname,
            long bandwidth) {
        checkCompat(src.session, flags);
        boolean p2p = (flags & P2P) != 0;
        if (!two) {
            unmanaged(src, null, flags, dname, p2p ? dconnuri : null, p2p ? null : dconnuri, bandwidth);
            return;
        }
        if (p2p && dconnuri == null) {
            throw LibvirtException.of(ErrorNumber.ERR_INVALID_ARG, ErrorDomain.DOMAIN,
                    "dconnuri in virDomainMigrateToURI2 must not be NULL");
        }
        unmanaged(src, dxml, flags, dname, p2p ? dconnuri : null, miguri, bandwidth);
    }

    /** {@code virDomainMigrateToURI3} after the generated contract's checks. */
    static void toURI3(Source src, String dconnuri, List<TypedParameter> params, int flags) {
        DomainMigrateContract.checkExclusive(flags);
        checkCompat(src.session, flags);
        unmanagedParams(src, (flags & P2P) != 0 ? dconnuri : null, params, flags);
    }

    /** libvirt's {@code virDomainMigrateUnmanagedCheckCompat}: what the source must support. */
    private static void checkCompat(Session session, int flags) {
        if ((flags & OFFLINE) != 0 && !supports(session, FEATURE_MIGRATION_OFFLINE)) {
            throw unsupported("offline migration is not supported by the source host");
        }
        if ((flags & P2P) != 0) {
            if (!supports(session, FEATURE_MIGRATION_P2P)) {
                throw unsupported("p2p migration is not supported by the source host");
            }
        } else if (!supports(session, FEATURE_MIGRATION_DIRECT)) {
            throw unsupported("direct migration is not supported by the source host");
        }
    }

    /** libvirt's {@code virDomainMigrateUnmanaged}: the fixed arguments as parameters. */
    private static void unmanaged(Source src, String xmlin, int flags, String dname, String dconnuri, String miguri,
            long bandwidth) {
        List<TypedParameter> params = new ArrayList<>(4);
        if (miguri != null) {
            params.add(TypedParameter.ofString(URI, miguri));
        }
        if (dname != null) {
            params.add(TypedParameter.ofString(DEST_NAME, dname));
        }
        if (xmlin != null) {
            params.add(TypedParameter.ofString(DEST_XML, xmlin));
        }
        params.add(TypedParameter.ofULLong(BANDWIDTH, bandwidth));
        unmanagedParams(src, dconnuri, params, flags);
    }

    /**
     * libvirt's {@code virDomainMigrateUnmanagedParams}: the source daemon migrates alone, with
     * extensible parameters when peer to peer and supported, else with protocol 3's or 2's
     * fixed arguments.
     */
    private static void unmanagedParams(Source src, String dconnuri, List<TypedParameter> params, int flags) {
        boolean p2p = (flags & P2P) != 0;
        if (p2p) {
            checkNotLocal(dconnuri);
        }
        Session s = src.session;
        if (p2p && supports(s, FEATURE_MIGRATION_PARAMS)) {
            s.call(RemoteProcedure.REMOTE_PROC_DOMAIN_MIGRATE_PERFORM3_PARAMS,
                    new RemoteDomainMigratePerform3ParamsArgs(src.dom, dconnuri, Wire.toWire(params), new byte[0],
                            flags)::encode, RemoteDomainMigratePerform3ParamsRet::decode);
        } else if (supports(s, FEATURE_MIGRATION_V3)) {
            if (!onlyOf(params, COMPAT_V3)) {
                throw unsupported("Some parameters are not supported by migration protocol 3");
            }
            s.call(RemoteProcedure.REMOTE_PROC_DOMAIN_MIGRATE_PERFORM3,
                    new RemoteDomainMigratePerform3Args(src.dom, string(params, DEST_XML), new byte[0], dconnuri,
                            string(params, URI), Integer.toUnsignedLong(flags), string(params, DEST_NAME),
                            ullong(params, BANDWIDTH))::encode, RemoteDomainMigratePerform3Ret::decode);
        } else {
            if (!onlyOf(params, COMPAT_V2)) {
                throw unsupported("Some parameters are not supported by migration protocol 2");
            }
            String miguri = string(params, URI);
            if (p2p && miguri != null) {
                throw LibvirtException.of(ErrorNumber.ERR_INTERNAL_ERROR, ErrorDomain.DOMAIN,
                        "internal error: Unable to override peer2peer migration URI");
            }
            s.call(RemoteProcedure.REMOTE_PROC_DOMAIN_MIGRATE_PERFORM,
                    new RemoteDomainMigratePerformArgs(src.dom, new byte[0], p2p ? dconnuri : miguri,
                            Integer.toUnsignedLong(flags), string(params, DEST_NAME), ullong(params, BANDWIDTH))::encode,
                    null);
        }
    }

    // ---- the client-managed sequences ------------------------------------------------------------

    /**
     * libvirt's {@code virDomainMigrateVersion3Full}: with {@code params} non-null the calls with
     * extensible parameters, else the fixed arguments {@code xmlin}, {@code dname}, {@code uri},
     * {@code bandwidth}. Once Begin has succeeded the source always hears the outcome (Confirm),
     * unless Perform failed on the source itself; the first error is the one reported.
     */
    private static RemoteDomain version3(Source src, Session dst, String xmlin, int flags, String dname, String uri,
            long bandwidth, List<TypedParameter> params) {
        boolean useParams = params != null;
        List<TypedParameter> p = useParams ? new ArrayList<>(params) : null;
        int protection = supports(src.session, FEATURE_MIGRATE_CHANGE_PROTECTION) ? CHANGE_PROTECTION : 0;
        byte[] cookie;
        String domXml;
        if (useParams) {
            RemoteDomainMigrateBegin3ParamsRet r = src.session.call(RemoteProcedure.REMOTE_PROC_DOMAIN_MIGRATE_BEGIN3_PARAMS,
                    new RemoteDomainMigrateBegin3ParamsArgs(src.dom, Wire.toWire(p), flags | protection)::encode,
                    RemoteDomainMigrateBegin3ParamsRet::decode);
            cookie = r.cookieOut();
            domXml = r.xml();
        } else {
            RemoteDomainMigrateBegin3Ret r = src.session.call(RemoteProcedure.REMOTE_PROC_DOMAIN_MIGRATE_BEGIN3,
                    new RemoteDomainMigrateBegin3Args(src.dom, xmlin, Integer.toUnsignedLong(flags | protection), dname,
                            bandwidth)::encode, RemoteDomainMigrateBegin3Ret::decode);
            cookie = r.cookieOut();
            domXml = r.xml();
        }
        int f = flags;
        if (isPaused(src, useParams)) {
            f |= DomainMigrateFlags.PAUSED.value();
        }
        int destflags = f & ~SOURCE_ONLY;

        LibvirtException origErr = null;
        boolean cancelled = true;
        boolean notifySource = true;
        RemoteDomain ddomain = null;
        String u = uri;
        boolean finish = true;
        try {
            String uriOut;
            if (useParams) {
                replace(p, DEST_XML, domXml);
                RemoteDomainMigratePrepare3ParamsRet r = dst.call(RemoteProcedure.REMOTE_PROC_DOMAIN_MIGRATE_PREPARE3_PARAMS,
                        new RemoteDomainMigratePrepare3ParamsArgs(Wire.toWire(p), cookie, destflags)::encode,
                        RemoteDomainMigratePrepare3ParamsRet::decode);
                cookie = r.cookieOut();
                uriOut = r.uriOut();
            } else {
                RemoteDomainMigratePrepare3Ret r = dst.call(RemoteProcedure.REMOTE_PROC_DOMAIN_MIGRATE_PREPARE3,
                        new RemoteDomainMigratePrepare3Args(cookie, uri, Integer.toUnsignedLong(destflags), dname, bandwidth,
                                domXml)::encode, RemoteDomainMigratePrepare3Ret::decode);
                cookie = r.cookieOut();
                uriOut = r.uriOut();
            }
            if (uriOut != null) {
                u = uriOut;
                if (useParams) {
                    replace(p, URI, uriOut);
                }
            } else if (u == null && (!useParams || string(p, URI) == null)) {
                origErr = LibvirtException.of(ErrorNumber.ERR_INTERNAL_ERROR, ErrorDomain.DOMAIN,
                        "internal error: domainMigratePrepare3 did not set uri");
            }
        } catch (LibvirtException e) {
            if (protection == 0) {
                throw e;
            }
            // Begin started a job on the source: Confirm (cancelled) ends it, keeping this error
            origErr = e;
            cookie = null;
            finish = false;
        }

        if (finish) {
            if (origErr == null) {
                if ((f & OFFLINE) != 0) {
                    cookie = null;
                    cancelled = false;
                } else {
                    try {
                        if (useParams) {
                            cookie = src.session.call(RemoteProcedure.REMOTE_PROC_DOMAIN_MIGRATE_PERFORM3_PARAMS,
                                    new RemoteDomainMigratePerform3ParamsArgs(src.dom, null, Wire.toWire(p), cookie,
                                            f | protection)::encode, RemoteDomainMigratePerform3ParamsRet::decode)
                                    .cookieOut();
                        } else {
                            cookie = src.session.call(RemoteProcedure.REMOTE_PROC_DOMAIN_MIGRATE_PERFORM3,
                                    new RemoteDomainMigratePerform3Args(src.dom, null, cookie, null, u,
                                            Integer.toUnsignedLong(f | protection), dname, bandwidth)::encode,
                                    RemoteDomainMigratePerform3Ret::decode).cookieOut();
                        }
                        cancelled = false;
                    } catch (LibvirtException e) {
                        origErr = e;
                        notifySource = false; // the source already knows Perform failed
                        cookie = null;
                    }
                }
            }
            LibvirtException finishErr = null;
            try {
                if (useParams) {
                    if (string(p, DEST_NAME) == null) {
                        replace(p, DEST_NAME, src.dom.name());
                    }
                    RemoteDomainMigrateFinish3ParamsRet r = dst.call(RemoteProcedure.REMOTE_PROC_DOMAIN_MIGRATE_FINISH3_PARAMS,
                            new RemoteDomainMigrateFinish3ParamsArgs(Wire.toWire(p), orEmpty(cookie), destflags,
                                    cancelled ? 1 : 0)::encode, RemoteDomainMigrateFinish3ParamsRet::decode);
                    ddomain = new RemoteDomain(dst, r.dom());
                    cookie = r.cookieOut();
                } else {
                    RemoteDomainMigrateFinish3Ret r = dst.call(RemoteProcedure.REMOTE_PROC_DOMAIN_MIGRATE_FINISH3,
                            new RemoteDomainMigrateFinish3Args(dname != null ? dname : src.dom.name(), orEmpty(cookie), null,
                                    u, Integer.toUnsignedLong(destflags), cancelled ? 1 : 0)::encode,
                            RemoteDomainMigrateFinish3Ret::decode);
                    ddomain = new RemoteDomain(dst, r.dom());
                    cookie = r.cookieOut();
                }
            } catch (LibvirtException e) {
                finishErr = e;
                cookie = null;
            }
            if (cancelled && ddomain == null && origErr != null && finishErr != null
                    && origErr.domain() == ErrorDomain.QEMU && origErr.code() == ErrorNumber.ERR_OPERATION_FAILED
                    && finishErr.domain() == ErrorDomain.QEMU && finishErr.code() != ErrorNumber.ERR_MIGRATE_FINISH_OK) {
                // the destination's own reason (the guest died there) says more than the source's
                origErr = null;
            }
            cancelled = ddomain == null;
            if (origErr == null) {
                origErr = finishErr;
            }
        }

        if (notifySource) {
            try {
                if (useParams) {
                    src.session.call(RemoteProcedure.REMOTE_PROC_DOMAIN_MIGRATE_CONFIRM3_PARAMS,
                            new RemoteDomainMigrateConfirm3ParamsArgs(src.dom, Wire.toWire(p), orEmpty(cookie), f | protection,
                                    cancelled ? 1 : 0)::encode, null);
                } else {
                    src.session.call(RemoteProcedure.REMOTE_PROC_DOMAIN_MIGRATE_CONFIRM3,
                            new RemoteDomainMigrateConfirm3Args(src.dom, orEmpty(cookie), Integer.toUnsignedLong(f | protection),
                                    cancelled ? 1 : 0)::encode, null);
                }
            } catch (LibvirtException e) {
                // as in libvirt: nothing more to do, the guest is at worst left paused on the source
            }
        }
        if (ddomain == null) {
            throw origErr != null ? origErr : LibvirtException.of(ErrorNumber.ERR_INTERNAL_ERROR, ErrorDomain.DOMAIN,
                    "internal error: migration failed");
        }
        return ddomain;
    }

    /** libvirt's {@code virDomainMigrateVersion2}: Prepare2 on the destination, Perform on the source, Finish2. */
    private static RemoteDomain version2(Source src, Session dst, int flags, String dname, String uri, long bandwidth) {
        int xmlFlags = supports(src.session, FEATURE_XML_MIGRATABLE) ? DomainXMLFlags.MIGRATABLE.value()
                : DomainXMLFlags.SECURE.value() | DomainXMLFlags.UPDATE_CPU.value();
        String domXml = src.session.call(RemoteProcedure.REMOTE_PROC_DOMAIN_GET_XML_DESC,
                new RemoteDomainGetXmlDescArgs(src.dom, xmlFlags)::encode, RemoteDomainGetXmlDescRet::decode).xml();
        int f = flags;
        if (isPaused(src, false)) {
            f |= DomainMigrateFlags.PAUSED.value();
        }
        int destflags = f & ~SOURCE_ONLY;
        RemoteDomainMigratePrepare2Ret r = dst.call(RemoteProcedure.REMOTE_PROC_DOMAIN_MIGRATE_PREPARE2,
                new RemoteDomainMigratePrepare2Args(uri, Integer.toUnsignedLong(destflags), dname, bandwidth, domXml)::encode,
                RemoteDomainMigratePrepare2Ret::decode);
        byte[] cookie = orEmpty(r.cookie());
        LibvirtException origErr = null;
        String u = r.uriOut() != null ? r.uriOut() : uri;
        if (u == null) {
            origErr = LibvirtException.of(ErrorNumber.ERR_INTERNAL_ERROR, ErrorDomain.DOMAIN,
                    "internal error: domainMigratePrepare2 did not set uri");
        } else {
            try {
                src.session.call(RemoteProcedure.REMOTE_PROC_DOMAIN_MIGRATE_PERFORM,
                        new RemoteDomainMigratePerformArgs(src.dom, cookie, u, Integer.toUnsignedLong(f), dname,
                                bandwidth)::encode, null);
            } catch (LibvirtException e) {
                origErr = e;
            }
        }
        RemoteDomain ddomain;
        try {
            ddomain = new RemoteDomain(dst, dst.call(RemoteProcedure.REMOTE_PROC_DOMAIN_MIGRATE_FINISH2,
                    new RemoteDomainMigrateFinish2Args(dname != null ? dname : src.dom.name(), cookie, u,
                            Integer.toUnsignedLong(destflags), origErr != null ? 1 : 0)::encode,
                    RemoteDomainMigrateFinish2Ret::decode).ddom());
        } catch (LibvirtException e) {
            throw origErr != null ? origErr : e;
        }
        return ddomain;
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private static void checkOffline(Session src, Session dst, int flags) {
        if ((flags & OFFLINE) != 0) {
            if (!supports(src, FEATURE_MIGRATION_OFFLINE)) {
                throw unsupported("offline migration is not supported by the source host");
            }
            if (!supports(dst, FEATURE_MIGRATION_OFFLINE)) {
                throw unsupported("offline migration is not supported by the destination host");
            }
        }
    }

    /** Change protection is only the source's business, and v3 adds it back there itself. */
    private static int withoutChangeProtection(Session src, int flags) {
        if ((flags & CHANGE_PROTECTION) != 0 && !supports(src, FEATURE_MIGRATE_CHANGE_PROTECTION)) {
            throw unsupported("cannot enforce change protection");
        }
        return flags & ~CHANGE_PROTECTION;
    }

    /** Whether the source domain is paused; a failure to ask is no reason to stop, as in libvirt. */
    private static boolean isPaused(Source src, boolean state) {
        try {
            int s = state
                    ? src.session.call(RemoteProcedure.REMOTE_PROC_DOMAIN_GET_STATE,
                            new RemoteDomainGetStateArgs(src.dom, 0)::encode, RemoteDomainGetStateRet::decode).state()
                    : src.session.call(RemoteProcedure.REMOTE_PROC_DOMAIN_GET_INFO,
                            new RemoteDomainGetInfoArgs(src.dom)::encode, RemoteDomainGetInfoRet::decode).state();
            return s == DomainState.PAUSED.value();
        } catch (LibvirtException e) {
            return false;
        }
    }

    private static RemoteDomain lookup(Session dst, String name) {
        return new RemoteDomain(dst, dst.call(RemoteProcedure.REMOTE_PROC_DOMAIN_LOOKUP_BY_NAME,
                new org.libvirt4j.remote.generated.RemoteDomainLookupByNameArgs(name)::encode,
                org.libvirt4j.remote.generated.RemoteDomainLookupByNameRet::decode).dom());
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

    /** {@code virTypedParamsCheck}: every parameter is one of {@code names}. */
    private static boolean onlyOf(List<TypedParameter> params, Set<String> names) {
        return params.stream().allMatch(p -> names.contains(p.field()));
    }

    /** {@code virTypedParamsGetString}: the first value of {@code field}, or {@code null}. */
    private static String string(List<TypedParameter> params, String field) {
        for (TypedParameter p : params) {
            if (p.field().equals(field) && p.value() instanceof String s) {
                return s;
            }
        }
        return null;
    }

    private static long ullong(List<TypedParameter> params, String field) {
        for (TypedParameter p : params) {
            if (p.field().equals(field) && p.value() instanceof Number n) {
                return n.longValue();
            }
        }
        return 0;
    }

    /** {@code virTypedParamsReplaceString}: the first {@code field} takes {@code value}, or it is added. */
    private static void replace(List<TypedParameter> params, String field, String value) {
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i).field().equals(field)) {
                params.set(i, TypedParameter.ofString(field, value));
                return;
            }
        }
        params.add(TypedParameter.ofString(field, value));
    }

    private static byte[] orEmpty(byte[] cookie) {
        return cookie == null ? new byte[0] : cookie;
    }

    private static LibvirtException cannotChangeXml() {
        return unsupported("Unable to change target guest XML during migration");
    }

    private static LibvirtException unsupported(String what) {
        return LibvirtException.of(ErrorNumber.ERR_ARGUMENT_UNSUPPORTED, ErrorDomain.DOMAIN, "argument unsupported: " + what);
    }

    private static LibvirtException noSupport(String fn) {
        return LibvirtException.of(ErrorNumber.ERR_NO_SUPPORT, ErrorDomain.DOMAIN,
                "this function is not supported by the connection driver: " + fn);
    }

    private static boolean supports(Session session, int feature) {
        return session.call(RemoteProcedure.REMOTE_PROC_CONNECT_SUPPORTS_FEATURE,
                new RemoteConnectSupportsFeatureArgs(feature)::encode, RemoteConnectSupportsFeatureRet::decode)
                .supported() != 0;
    }
}

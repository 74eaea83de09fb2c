package org.libvirt4j.remote.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.UUID;
import org.libvirt4j.CloseCallback;
import org.libvirt4j.Connect;
import org.libvirt4j.ConnectGetAllDomainStatsFlags;
import org.libvirt4j.ConnectFlags;
import org.libvirt4j.Domain;
import org.libvirt4j.DomainStats;
import org.libvirt4j.DomainStatsTypes;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.Interface;
import org.libvirt4j.LibvirtEnum;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.NWFilter;
import org.libvirt4j.NWFilterBinding;
import org.libvirt4j.Network;
import org.libvirt4j.NodeDevice;
import org.libvirt4j.NodeInfo;
import org.libvirt4j.Secret;
import org.libvirt4j.SecretUsageType;
import org.libvirt4j.StoragePool;
import org.libvirt4j.Stream;
import org.libvirt4j.remote.generated.RemoteConnectGetAllDomainStatsArgs;
import org.libvirt4j.remote.generated.RemoteConnectGetSysinfoArgs;
import org.libvirt4j.remote.generated.RemoteConnectGetSysinfoRet;
import org.libvirt4j.remote.generated.RemoteConnectGetTypeRet;
import org.libvirt4j.remote.generated.RemoteConnectIsSecureRet;
import org.libvirt4j.remote.generated.RemoteConnectListAllDomainsArgs;
import org.libvirt4j.remote.generated.RemoteConnectListAllDomainsRet;
import org.libvirt4j.remote.generated.RemoteConnectListAllInterfacesArgs;
import org.libvirt4j.remote.generated.RemoteConnectListAllInterfacesRet;
import org.libvirt4j.remote.generated.RemoteConnectListAllNetworksArgs;
import org.libvirt4j.remote.generated.RemoteConnectListAllNetworksRet;
import org.libvirt4j.remote.generated.RemoteConnectListAllNodeDevicesArgs;
import org.libvirt4j.remote.generated.RemoteConnectListAllNodeDevicesRet;
import org.libvirt4j.remote.generated.RemoteConnectListAllNwfilterBindingsArgs;
import org.libvirt4j.remote.generated.RemoteConnectListAllNwfilterBindingsRet;
import org.libvirt4j.remote.generated.RemoteConnectListAllNwfiltersArgs;
import org.libvirt4j.remote.generated.RemoteConnectListAllNwfiltersRet;
import org.libvirt4j.remote.generated.RemoteConnectListAllSecretsArgs;
import org.libvirt4j.remote.generated.RemoteConnectListAllSecretsRet;
import org.libvirt4j.remote.generated.RemoteConnectListAllStoragePoolsArgs;
import org.libvirt4j.remote.generated.RemoteConnectListAllStoragePoolsRet;
import org.libvirt4j.remote.generated.RemoteDomainLookupByUuidArgs;
import org.libvirt4j.remote.generated.RemoteNetworkLookupByUuidArgs;
import org.libvirt4j.remote.generated.RemoteNodeGetFreeMemoryRet;
import org.libvirt4j.remote.generated.RemoteNodeGetInfoRet;
import org.libvirt4j.remote.generated.RemoteNonnullDomain;
import org.libvirt4j.remote.generated.RemoteNonnullNetwork;
import org.libvirt4j.remote.generated.RemoteNonnullNodeDevice;
import org.libvirt4j.remote.generated.RemoteNonnullNwfilter;
import org.libvirt4j.remote.generated.RemoteNonnullSecret;
import org.libvirt4j.remote.generated.RemoteNonnullStoragePool;
import org.libvirt4j.remote.generated.RemoteNwfilterLookupByUuidArgs;
import org.libvirt4j.remote.generated.RemoteProcedure;
import org.libvirt4j.remote.generated.RemoteSecretLookupByUsageArgs;
import org.libvirt4j.remote.generated.RemoteSecretLookupByUuidArgs;
import org.libvirt4j.remote.generated.RemoteStoragePoolLookupByUuidArgs;
import org.libvirt4j.spi.CloseCallbacks;
import org.libvirt4j.spi.ObjectKind;
import org.libvirt4j.spi.generated.EventKind;
import org.libvirt4j.spi.Uuids;

/** {@link Connect} over libvirt's RPC protocol. */
public final class RemoteConnect extends RemoteObject implements Connect, org.libvirt4j.spi.generated.ConnectContract,
        org.libvirt4j.spi.generated.ConnectTypedContract, org.libvirt4j.spi.generated.ConnectEventsContract,
        RemoteConnectIrregular, org.libvirt4j.spi.ConnectManualContract , org.libvirt4j.spi.ConnectQemuContract {

    @Override
    public <T> T callRemote(String fn, RemoteProcedure proc, java.util.function.Consumer<
            org.libvirt4j.remote.internal.xdr.XdrWriter> args,
            java.util.function.Function<org.libvirt4j.remote.internal.xdr.XdrReader, T> ret) {
        return call(fn, proc, args, ret);
    }
    /** Set before {@link #close()} forgets registrations, so that a registration racing it is forgotten too. */
    private volatile boolean closing;

    /**
     * A further handle on an open session (a domain's {@code virDomainGetConnect}), owning a
     * reference of its own; the caller holds one on the session, so it cannot close meanwhile.
     */
    static RemoteConnect sharing(Session session) {
        RemoteConnect c = new RemoteConnect(session);
        session.retain();
        return c;
    }

    /** Whether references remain once this handle's is dropped (closeAndCount), as virConnectClose answers. */
    private final java.util.concurrent.CompletableFuture<Integer> closedRefs;

    private RemoteConnect(Session session) {
        this(session, new java.util.concurrent.CompletableFuture<>());
    }

    private RemoteConnect(Session session, java.util.concurrent.CompletableFuture<Integer> refs) {
        // runs just before this handle's reference is dropped; libvirt's virConnectClose answers
        // 1 while references remain, not their number
        super(session, ObjectKind.CONNECT, () -> refs.complete(session.references() > 1 ? 1 : 0));
        this.closedRefs = refs;
        // The Session starts with the reference this handle owns; RemoteObject took a second one.
        session.release();
    }

    @Override
    public int closeAndCount() {
        acquire("virConnectClose");
        release();
        close();
        return closedRefs.join();
    }

    /**
     * Opens a connection.
     *
     * @param uri the URI, {@code ""} for the daemon's default
     * @param flags {@code virConnectFlags}
     * @return the connection
     */
    public static RemoteConnect open(String uri, ConnectFlags... flags) {
        return open(uri, null, flags);
    }

    /**
     * Opens a connection whose transport may ask for credentials ({@code +libssh}).
     *
     * @param uri the URI, {@code ""} for the daemon's default
     * @param auth the credential callback, or {@code null}
     * @param flags {@code virConnectFlags}
     * @return the connection
     */
    public static RemoteConnect open(String uri, org.libvirt4j.ConnectAuth auth, ConnectFlags... flags) {
        return open(uri, auth, OpenSettings.defaults(), flags);
    }

    /**
     * Opens a connection with the options the remote backend honours.
     *
     * @param uri the URI, {@code ""} for the daemon's default
     * @param auth the credential callback, or {@code null}
     * @param options the connection's options
     * @param flags {@code virConnectFlags}
     * @return the connection
     */
    public static RemoteConnect open(String uri, org.libvirt4j.ConnectAuth auth, OpenSettings options,
            ConnectFlags... flags) {
        int mask = LibvirtEnum.mask(flags);
        boolean readOnly = (mask & ConnectFlags.RO.value()) != 0;
        return new RemoteConnect(Session.open(RemoteUri.parse(uri), mask, readOnly, auth, options));
    }

    /**
     * Opens a connection with options: those {@link org.libvirt4j.remote.RemoteBackend#supportedOptions()}
     * lists, already checked.
     *
     * @param uri the URI, {@code ""} for the daemon's default
     * @param options the options
     * @param settings what the options say about the transport, the calls and the events
     * @return the connection
     */
    public static RemoteConnect open(String uri, org.libvirt4j.ConnectOptions options, OpenSettings settings) {
        boolean reconnect = Reconnector.wanted(options);
        ConnectFlags[] flags = options.flags();
        RemoteConnect conn = open(uri, options.auth().orElse(null), settings, flags);
        if (reconnect) {
            Reconnector.install(conn, options, LibvirtEnum.mask(flags));
        }
        return conn;
    }

    /** Forgets this handle's event registrations first: closing ends them, as the native backends do. */
    @Override
    public void close() {
        closing = true;
        session.events.forget(this);
        session.qemuEvents.forget(this);
        super.close();
    }

    @Override
    public void setKeepAlive(int interval, int count) {
        acquire("virConnectSetKeepAlive");
        try {
            if (session.serverKeepAlive) {
                session.setKeepAlive(interval, count);
            }
            // else libvirt returns 1: the daemon cannot answer PINGs, so none are sent
        } finally {
            release();
        }
    }

    @Override
    public void registerCloseCallback(CloseCallback callback) {
        Objects.requireNonNull(callback, "callback");
        // the native backends would wait on libvirt's lock forever here: every backend refuses alike
        CloseCallbacks.refuseInside(this, "virConnectRegisterCloseCallback");
        registerEvent("virConnectRegisterCloseCallback", () -> {
            session.events.registerClose(this, callback);
            return 0;
        });
    }

    @Override
    public void unregisterCloseCallback() {
        CloseCallbacks.refuseInside(this, "virConnectUnregisterCloseCallback");
        acquire("virConnectUnregisterCloseCallback");
        try {
            session.events.unregisterClose();
        } finally {
            release();
        }
    }

    @Override
    public int eventRegister(EventKind kind, Object target, Object callback) {
        EventKind.Family family = kind.family();
        String fn = family.register();
        return registerEvent(fn, () -> {
            Object filter = target == null ? null : switch (family) {
                case DOMAIN -> ofThisConnection(target, RemoteDomain.class, ObjectKind.DOMAIN, fn,
                        d -> LibvirtException.of(ErrorNumber.ERR_INVALID_ARG, ErrorDomain.DOMAIN,
                                "domain '" + d.getName() + "' must match connection")).ref();
                case NETWORK -> ofThisConnection(target, RemoteNetwork.class, ObjectKind.NETWORK, fn,
                        n -> LibvirtException.of(ErrorNumber.ERR_INVALID_ARG, ErrorDomain.NETWORK,
                                "network '" + n.getName() + "' in " + fn + " must match connection")).ref();
                case STORAGE_POOL -> ofThisConnection(target, RemoteStoragePool.class, ObjectKind.STORAGE_POOL, fn,
                        p -> LibvirtException.of(ErrorNumber.ERR_INVALID_ARG, ErrorDomain.STORAGE,
                                "storage pool '" + p.getName() + "' in " + fn + " must match connection")).ref();
                case NODE_DEVICE -> ofThisConnection(target, RemoteNodeDevice.class, ObjectKind.NODE_DEVICE, fn,
                        d -> LibvirtException.of(ErrorNumber.ERR_INVALID_ARG, ErrorDomain.NODEDEV,
                                "node device '" + d.getName() + "' in " + fn + " must match connection")).wireRef();
                case SECRET -> ofThisConnection(target, RemoteSecret.class, ObjectKind.SECRET, fn,
                        x -> LibvirtException.of(ErrorNumber.ERR_INVALID_ARG, ErrorDomain.SECRET,
                                "secret '" + x.getUUIDString() + "' in " + fn + " must match connection")).wireRef();
            };
            return session.events.register(this, kind, filter, callback);
        });
    }

    /**
     * @return {@code obj} as this backend's handle of its kind, open and of this connection
     * @throws LibvirtException the kind's invalid-object error for another backend's or a closed
     *         handle, {@code foreign}'s for another connection's
     */
    private <T extends RemoteObject> T ofThisConnection(Object obj, Class<T> type, ObjectKind kind, String fn,
            Function<T, LibvirtException> foreign) {
        if (!type.isInstance(obj)) {
            throw kind.invalid(fn);
        }
        T t = type.cast(obj);
        t.check(fn);
        if (t.session != session) {
            throw foreign.apply(t);
        }
        return t;
    }

    /** Runs a registration with this handle held, and undoes it if a close raced it. */
    private int registerEvent(String fn, java.util.function.IntSupplier registration) {
        acquire(fn);
        try {
            int id = registration.getAsInt();
            if (closing) {
                session.events.forget(this); // close() may have passed over it already
                session.qemuEvents.forget(this);
            }
            return id;
        } finally {
            release();
        }
    }

    // --- QEMU: ConnectQemuContract ------------------------------------------------------------

    @Override
    public Domain rawDomainQemuAttach(int pid, int flags) {
        String fn = "virDomainQemuAttach";
        acquire(fn);
        try {
            return new RemoteDomain(session, session.callQemu(
                    org.libvirt4j.remote.generated.QemuProcedure.QEMU_PROC_DOMAIN_ATTACH,
                    new org.libvirt4j.remote.generated.QemuDomainAttachArgs(pid, flags)::encode,
                    r -> org.libvirt4j.remote.generated.QemuDomainAttachRet.decode(r).dom()));
        } finally {
            release();
        }
    }

    @Override
    public int rawQemuMonitorEventRegister(Domain dom, String event, org.libvirt4j.DomainQemuMonitorEventCallback callback,
            int flags) {
        String fn = "virConnectDomainQemuMonitorEventRegister";
        return registerEvent(fn, () -> {
            RemoteNonnullDomain filter = dom == null ? null : ofThisConnection(dom, RemoteDomain.class,
                    ObjectKind.DOMAIN, fn, d -> LibvirtException.of(ErrorNumber.ERR_INVALID_ARG, ErrorDomain.NONE,
                            "domain '" + d.getName() + "' in " + fn + " must match connection")).ref();
            return session.qemuEvents.register(this, filter, event, callback, flags);
        });
    }

    @Override
    public void rawQemuMonitorEventDeregister(int callbackId) {
        String fn = "virConnectDomainQemuMonitorEventDeregister";
        acquire(fn);
        try {
            session.qemuEvents.deregister(callbackId);
        } finally {
            release();
        }
    }

    @Override
    public void eventDeregister(EventKind.Family family, int callbackId) {
        ErrorDomain domain = switch (family) {
            case DOMAIN -> ErrorDomain.DOMAIN;
            case NETWORK -> ErrorDomain.NETWORK;
            case STORAGE_POOL -> ErrorDomain.STORAGE;
            case NODE_DEVICE -> ErrorDomain.NODEDEV;
            case SECRET -> ErrorDomain.SECRET;
        };
        deregisterEvent(family.deregister(), domain, family, callbackId);
    }

    /** @param domain the error domain of the public API's own check, as libvirt's source file sets it */
    private void deregisterEvent(String fn, ErrorDomain domain, EventKind.Family family, int callbackId) {
        acquire(fn);
        try {
            if (callbackId < 0) {
                throw LibvirtException.of(ErrorNumber.ERR_INVALID_ARG, domain,
                        "callbackID in " + fn + " must be zero or greater");
            }
            session.events.deregister(family, callbackId);
        } finally {
            release();
        }
    }

    @Override
    public boolean isAlive() {
        acquire("virConnectIsAlive");
        try {
            return session.isAlive();
        } finally {
            release();
        }
    }

    @Override
    public boolean isEncrypted() {
        // Like remoteConnectIsEncrypted: encrypted when the transport is (TLS) and the daemon's side is secure.
        int secure = call("virConnectIsEncrypted", RemoteProcedure.REMOTE_PROC_CONNECT_IS_SECURE, null,
                RemoteConnectIsSecureRet::decode).secure();
        return session.encryptedTransport && secure != 0;
    }

    @Override
    public boolean isSecure() {
        // Like remoteConnectIsSecure: secure when the transport is (unix, TLS) and the daemon's side is.
        int secure = call("virConnectIsSecure", RemoteProcedure.REMOTE_PROC_CONNECT_IS_SECURE, null,
                RemoteConnectIsSecureRet::decode).secure();
        return session.secureTransport && secure != 0;
    }

    @Override
    public String getType() {
        return call("virConnectGetType", RemoteProcedure.REMOTE_PROC_CONNECT_GET_TYPE, null,
                RemoteConnectGetTypeRet::decode).type();
    }

    @Override
    public String getURI() {
        // virConnectGetURI formats the URI the client opened; it sends nothing.
        check("virConnectGetURI");
        return session.canonicalUri;
    }

    @Override
    public String getSysinfo() {
        return call("virConnectGetSysinfo", RemoteProcedure.REMOTE_PROC_CONNECT_GET_SYSINFO,
                new RemoteConnectGetSysinfoArgs(0)::encode, RemoteConnectGetSysinfoRet::decode).sysinfo();
    }

    @Override
    public NodeInfo getNodeInfo() {
        RemoteNodeGetInfoRet i = call("virNodeGetInfo", RemoteProcedure.REMOTE_PROC_NODE_GET_INFO, null,
                RemoteNodeGetInfoRet::decode);
        byte[] model = i.model();
        int len = 0;
        while (len < model.length && model[len] != 0) {
            len++;
        }
        return new NodeInfo(new String(model, 0, len, java.nio.charset.StandardCharsets.UTF_8), i.memory(), i.cpus(),
                i.mhz(), i.nodes(), i.sockets(), i.cores(), i.threads());
    }

    @Override
    public long getFreeMemory() {
        return call("virNodeGetFreeMemory", RemoteProcedure.REMOTE_PROC_NODE_GET_FREE_MEMORY, null,
                RemoteNodeGetFreeMemoryRet::decode).freeMem();
    }

    // --- domains ---------------------------------------------------------------------------

    private Domain dom(RemoteNonnullDomain d) {
        return new RemoteDomain(session, d);
    }

    @Override
    public List<Domain> listAllDomains(int flags) {
        int mask = flags;
        List<RemoteNonnullDomain> refs = call("virConnectListAllDomains",
                RemoteProcedure.REMOTE_PROC_CONNECT_LIST_ALL_DOMAINS,
                new RemoteConnectListAllDomainsArgs(1, mask)::encode,
                r -> RemoteConnectListAllDomainsRet.decode(r).domains());
        return wrap(refs, this::dom);
    }

    @Override
    public List<DomainStats> getAllDomainStats(List<Domain> doms, Set<DomainStatsTypes> statsTypes,
            ConnectGetAllDomainStatsFlags... flags) {
        Objects.requireNonNull(doms, "doms");
        int stats = LibvirtEnum.mask("statsTypes", statsTypes);
        int mask = LibvirtEnum.mask(flags);
        String fn = doms.isEmpty() ? "virConnectGetAllDomainStats" : "virDomainListGetStats";
        List<RemoteNonnullDomain> refs = new ArrayList<>(doms.size());
        for (Domain d : doms) {
            // libvirt's check for domains of several connections, applied to this one too
            refs.add(ofThisConnection(Objects.requireNonNull(d, "dom"), RemoteDomain.class, ObjectKind.DOMAIN, fn,
                    x -> LibvirtException.of(ErrorNumber.ERR_INVALID_ARG, ErrorDomain.DOMAIN,
                            "invalid argument: domains in 'doms' array must belong to a single connection")).ref());
        }
        // both C calls are one procedure: an empty list asks for every domain the flags select
        // decoded straight into the SPI's parameters, within Wire's memory contract for this reply
        List<Wire.StatsRecord> records = call(fn, RemoteProcedure.REMOTE_PROC_CONNECT_GET_ALL_DOMAIN_STATS,
                new RemoteConnectGetAllDomainStatsArgs(refs, stats, mask)::encode, Wire::readAllDomainStats);
        List<DomainStats> out = new ArrayList<>(records.size());
        for (Wire.StatsRecord rec : records) {
            out.add(new DomainStats(dom(rec.dom()), rec.params()));
        }
        return List.copyOf(out);
    }

    @Override
    public Domain lookupDomainByUUID(UUID uuid) {
        Objects.requireNonNull(uuid, "uuid");
        return lookupDomainByUUIDBytes("virDomainLookupByUUID", Uuids.toBytes(uuid));
    }

    @Override
    public Domain lookupDomainByUUIDString(String uuid) {
        Objects.requireNonNull(uuid, "uuid");
        check("virDomainLookupByUUIDString");
        return lookupDomainByUUIDBytes("virDomainLookupByUUIDString", Uuids.parse(uuid, ErrorDomain.DOMAIN, "virDomainLookupByUUIDString"));
    }

    private Domain lookupDomainByUUIDBytes(String fn, byte[] raw) {
        return dom(call(fn, RemoteProcedure.REMOTE_PROC_DOMAIN_LOOKUP_BY_UUID,
                new RemoteDomainLookupByUuidArgs(raw)::encode, RemoteNonnullDomain::decode));
    }

    // --- networks --------------------------------------------------------------------------

    private Network net(RemoteNonnullNetwork n) {
        return new RemoteNetwork(session, n);
    }

    @Override
    public List<Network> listAllNetworks(int flags) {
        int mask = flags;
        return wrap(call("virConnectListAllNetworks", RemoteProcedure.REMOTE_PROC_CONNECT_LIST_ALL_NETWORKS,
                new RemoteConnectListAllNetworksArgs(1, mask)::encode,
                r -> RemoteConnectListAllNetworksRet.decode(r).nets()), this::net);
    }

    @Override
    public Network lookupNetworkByUUID(UUID uuid) {
        Objects.requireNonNull(uuid, "uuid");
        byte[] raw = Uuids.toBytes(uuid);
        return net(call("virNetworkLookupByUUID", RemoteProcedure.REMOTE_PROC_NETWORK_LOOKUP_BY_UUID,
                new RemoteNetworkLookupByUuidArgs(raw)::encode, RemoteNonnullNetwork::decode));
    }

    @Override
    public Network lookupNetworkByUUIDString(String uuid) {
        Objects.requireNonNull(uuid, "uuid");
        check("virNetworkLookupByUUIDString");
        byte[] raw = Uuids.parse(uuid, ErrorDomain.NETWORK, "virNetworkLookupByUUIDString");
        return net(call("virNetworkLookupByUUIDString", RemoteProcedure.REMOTE_PROC_NETWORK_LOOKUP_BY_UUID,
                new RemoteNetworkLookupByUuidArgs(raw)::encode, RemoteNonnullNetwork::decode));
    }

    // --- storage ---------------------------------------------------------------------------

    private StoragePool pool(RemoteNonnullStoragePool n) {
        return new RemoteStoragePool(session, n);
    }

    @Override
    public List<StoragePool> listAllStoragePools(int flags) {
        int mask = flags;
        return wrap(call("virConnectListAllStoragePools", RemoteProcedure.REMOTE_PROC_CONNECT_LIST_ALL_STORAGE_POOLS,
                new RemoteConnectListAllStoragePoolsArgs(1, mask)::encode,
                r -> RemoteConnectListAllStoragePoolsRet.decode(r).pools()), this::pool);
    }

    @Override
    public StoragePool lookupStoragePoolByUUID(UUID uuid) {
        Objects.requireNonNull(uuid, "uuid");
        byte[] raw = Uuids.toBytes(uuid);
        return pool(call("virStoragePoolLookupByUUID", RemoteProcedure.REMOTE_PROC_STORAGE_POOL_LOOKUP_BY_UUID,
                new RemoteStoragePoolLookupByUuidArgs(raw)::encode, RemoteNonnullStoragePool::decode));
    }

    @Override
    public StoragePool lookupStoragePoolByUUIDString(String uuid) {
        Objects.requireNonNull(uuid, "uuid");
        check("virStoragePoolLookupByUUIDString");
        byte[] raw = Uuids.parse(uuid, ErrorDomain.STORAGE, "virStoragePoolLookupByUUIDString");
        return pool(call("virStoragePoolLookupByUUIDString", RemoteProcedure.REMOTE_PROC_STORAGE_POOL_LOOKUP_BY_UUID,
                new RemoteStoragePoolLookupByUuidArgs(raw)::encode, RemoteNonnullStoragePool::decode));
    }

    // --- interfaces, node devices, secrets, filters ----------------------------------------

    @Override
    public List<Interface> listAllInterfaces(int flags) {
        int mask = flags;
        return wrap(call("virConnectListAllInterfaces", RemoteProcedure.REMOTE_PROC_CONNECT_LIST_ALL_INTERFACES,
                new RemoteConnectListAllInterfacesArgs(1, mask)::encode,
                r -> RemoteConnectListAllInterfacesRet.decode(r).ifaces()), i -> new RemoteInterface(session,
                i));
    }

    @Override
    public List<NodeDevice> listAllNodeDevices(int flags) {
        int mask = flags;
        return wrap(call("virConnectListAllNodeDevices", RemoteProcedure.REMOTE_PROC_CONNECT_LIST_ALL_NODE_DEVICES,
                new RemoteConnectListAllNodeDevicesArgs(1, mask)::encode,
                r -> RemoteConnectListAllNodeDevicesRet.decode(r).devices().stream().map(RemoteNonnullNodeDevice::name).toList()), n -> new RemoteNodeDevice(session, n));
    }

    @Override
    public List<Secret> listAllSecrets(int flags) {
        int mask = flags;
        return wrap(call("virConnectListAllSecrets", RemoteProcedure.REMOTE_PROC_CONNECT_LIST_ALL_SECRETS,
                new RemoteConnectListAllSecretsArgs(1, mask)::encode,
                r -> RemoteConnectListAllSecretsRet.decode(r).secrets()), s -> new RemoteSecret(session, s));
    }

    @Override
    public Secret lookupSecretByUUIDString(String uuid) {
        Objects.requireNonNull(uuid, "uuid");
        check("virSecretLookupByUUIDString");
        byte[] raw = Uuids.parse(uuid, ErrorDomain.SECRET, "virSecretLookupByUUIDString");
        return new RemoteSecret(session, call("virSecretLookupByUUIDString",
                RemoteProcedure.REMOTE_PROC_SECRET_LOOKUP_BY_UUID,
                new RemoteSecretLookupByUuidArgs(raw)::encode, RemoteNonnullSecret::decode));
    }

    @Override
    public Secret lookupSecretByUsage(SecretUsageType usageType, String usageID) {
        Objects.requireNonNull(usageType, "usageType");
        Objects.requireNonNull(usageID, "usageID");
        int type = usageType.value();
        return new RemoteSecret(session, call("virSecretLookupByUsage",
                RemoteProcedure.REMOTE_PROC_SECRET_LOOKUP_BY_USAGE,
                new RemoteSecretLookupByUsageArgs(type, usageID)::encode, RemoteNonnullSecret::decode));
    }

    @Override
    public List<NWFilter> listAllNWFilters() {
        return wrap(call("virConnectListAllNWFilters", RemoteProcedure.REMOTE_PROC_CONNECT_LIST_ALL_NWFILTERS,
                new RemoteConnectListAllNwfiltersArgs(1, 0)::encode,
                r -> RemoteConnectListAllNwfiltersRet.decode(r).filters()), n -> new RemoteNWFilter(session, n));
    }

    @Override
    public NWFilter lookupNWFilterByUUIDString(String uuid) {
        Objects.requireNonNull(uuid, "uuid");
        check("virNWFilterLookupByUUIDString");
        byte[] raw = Uuids.parse(uuid, ErrorDomain.NWFILTER, "virNWFilterLookupByUUIDString");
        return new RemoteNWFilter(session, call("virNWFilterLookupByUUIDString",
                RemoteProcedure.REMOTE_PROC_NWFILTER_LOOKUP_BY_UUID,
                new RemoteNwfilterLookupByUuidArgs(raw)::encode, RemoteNonnullNwfilter::decode));
    }

    @Override
    public List<NWFilterBinding> listAllNWFilterBindings() {
        return wrap(call("virConnectListAllNWFilterBindings",
                RemoteProcedure.REMOTE_PROC_CONNECT_LIST_ALL_NWFILTER_BINDINGS,
                new RemoteConnectListAllNwfilterBindingsArgs(1, 0)::encode,
                r -> RemoteConnectListAllNwfilterBindingsRet.decode(r).bindings()),
                b -> new RemoteNWFilterBinding(session, b));
    }

    // --- streams ---------------------------------------------------------------------------

    @Override
    public Stream newStream(int flags) {
        int mask = flags;
        check("virStreamNew");
        return new RemoteStream(session, mask);
    }

    @Override
    public Object invokeManual(org.libvirt4j.spi.ManualFn fn, Object... args) {
        return RemoteManual.invoke(this, fn, args);
    }
}

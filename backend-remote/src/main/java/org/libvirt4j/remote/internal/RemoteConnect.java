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
import org.libvirt4j.ConnectListAllDomainsFlags;
import org.libvirt4j.ConnectListAllInterfacesFlags;
import org.libvirt4j.ConnectListAllNetworksFlags;
import org.libvirt4j.ConnectListAllNodeDeviceFlags;
import org.libvirt4j.ConnectListAllSecretsFlags;
import org.libvirt4j.ConnectListAllStoragePoolsFlags;
import org.libvirt4j.Domain;
import org.libvirt4j.DomainCreateFlags;
import org.libvirt4j.DomainDefineFlags;
import org.libvirt4j.DomainEventLifecycleCallback;
import org.libvirt4j.DomainEventMetadataChangeCallback;
import org.libvirt4j.DomainStats;
import org.libvirt4j.DomainStatsTypes;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.Interface;
import org.libvirt4j.LibvirtEnum;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.NWFilter;
import org.libvirt4j.NWFilterBinding;
import org.libvirt4j.NWFilterBindingCreateFlags;
import org.libvirt4j.NWFilterDefineFlags;
import org.libvirt4j.Network;
import org.libvirt4j.NetworkCreateFlags;
import org.libvirt4j.NetworkDefineFlags;
import org.libvirt4j.NetworkEventLifecycleCallback;
import org.libvirt4j.NodeDevice;
import org.libvirt4j.NodeInfo;
import org.libvirt4j.Secret;
import org.libvirt4j.SecretDefineFlags;
import org.libvirt4j.SecretUsageType;
import org.libvirt4j.StoragePool;
import org.libvirt4j.StoragePoolCreateFlags;
import org.libvirt4j.StoragePoolDefineFlags;
import org.libvirt4j.StoragePoolEventLifecycleCallback;
import org.libvirt4j.StorageVol;
import org.libvirt4j.Stream;
import org.libvirt4j.StreamFlags;
import org.libvirt4j.remote.generated.RemoteConnectGetAllDomainStatsArgs;
import org.libvirt4j.remote.generated.RemoteConnectGetCapabilitiesRet;
import org.libvirt4j.remote.generated.RemoteConnectGetHostnameRet;
import org.libvirt4j.remote.generated.RemoteConnectGetLibVersionRet;
import org.libvirt4j.remote.generated.RemoteConnectGetMaxVcpusArgs;
import org.libvirt4j.remote.generated.RemoteConnectGetMaxVcpusRet;
import org.libvirt4j.remote.generated.RemoteConnectGetSysinfoArgs;
import org.libvirt4j.remote.generated.RemoteConnectGetSysinfoRet;
import org.libvirt4j.remote.generated.RemoteConnectGetTypeRet;
import org.libvirt4j.remote.generated.RemoteConnectGetVersionRet;
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
import org.libvirt4j.remote.generated.RemoteDomainCreateXmlArgs;
import org.libvirt4j.remote.generated.RemoteDomainDefineXmlArgs;
import org.libvirt4j.remote.generated.RemoteDomainDefineXmlFlagsArgs;
import org.libvirt4j.remote.generated.RemoteDomainLookupByIdArgs;
import org.libvirt4j.remote.generated.RemoteDomainLookupByNameArgs;
import org.libvirt4j.remote.generated.RemoteDomainLookupByUuidArgs;
import org.libvirt4j.remote.generated.RemoteInterfaceLookupByMacStringArgs;
import org.libvirt4j.remote.generated.RemoteInterfaceLookupByNameArgs;
import org.libvirt4j.remote.generated.RemoteNetworkCreateXmlArgs;
import org.libvirt4j.remote.generated.RemoteNetworkCreateXmlFlagsArgs;
import org.libvirt4j.remote.generated.RemoteNetworkDefineXmlArgs;
import org.libvirt4j.remote.generated.RemoteNetworkDefineXmlFlagsArgs;
import org.libvirt4j.remote.generated.RemoteNetworkLookupByNameArgs;
import org.libvirt4j.remote.generated.RemoteNetworkLookupByUuidArgs;
import org.libvirt4j.remote.generated.RemoteNodeDeviceLookupByNameArgs;
import org.libvirt4j.remote.generated.RemoteNodeDeviceLookupByNameRet;
import org.libvirt4j.remote.generated.RemoteNodeGetFreeMemoryRet;
import org.libvirt4j.remote.generated.RemoteNodeGetInfoRet;
import org.libvirt4j.remote.generated.RemoteNonnullDomain;
import org.libvirt4j.remote.generated.RemoteNonnullInterface;
import org.libvirt4j.remote.generated.RemoteNonnullNetwork;
import org.libvirt4j.remote.generated.RemoteNonnullNodeDevice;
import org.libvirt4j.remote.generated.RemoteNonnullNwfilter;
import org.libvirt4j.remote.generated.RemoteNonnullNwfilterBinding;
import org.libvirt4j.remote.generated.RemoteNonnullSecret;
import org.libvirt4j.remote.generated.RemoteNonnullStoragePool;
import org.libvirt4j.remote.generated.RemoteNonnullStorageVol;
import org.libvirt4j.remote.generated.RemoteNwfilterBindingCreateXmlArgs;
import org.libvirt4j.remote.generated.RemoteNwfilterBindingLookupByPortDevArgs;
import org.libvirt4j.remote.generated.RemoteNwfilterDefineXmlArgs;
import org.libvirt4j.remote.generated.RemoteNwfilterDefineXmlFlagsArgs;
import org.libvirt4j.remote.generated.RemoteNwfilterLookupByNameArgs;
import org.libvirt4j.remote.generated.RemoteNwfilterLookupByUuidArgs;
import org.libvirt4j.remote.generated.RemoteProcedure;
import org.libvirt4j.remote.generated.RemoteSecretDefineXmlArgs;
import org.libvirt4j.remote.generated.RemoteSecretLookupByUsageArgs;
import org.libvirt4j.remote.generated.RemoteSecretLookupByUuidArgs;
import org.libvirt4j.remote.generated.RemoteStoragePoolCreateXmlArgs;
import org.libvirt4j.remote.generated.RemoteStoragePoolDefineXmlArgs;
import org.libvirt4j.remote.generated.RemoteStoragePoolLookupByNameArgs;
import org.libvirt4j.remote.generated.RemoteStoragePoolLookupByUuidArgs;
import org.libvirt4j.remote.generated.RemoteStorageVolLookupByKeyArgs;
import org.libvirt4j.remote.generated.RemoteStorageVolLookupByPathArgs;
import org.libvirt4j.spi.CloseCallbacks;
import org.libvirt4j.spi.ObjectKind;
import org.libvirt4j.spi.Uuids;

/** {@link Connect} over libvirt's RPC protocol. */
public final class RemoteConnect extends RemoteObject implements Connect, org.libvirt4j.spi.generated.ConnectContract {
    /** Set before {@link #close()} forgets registrations, so that a registration racing it is forgotten too. */
    private volatile boolean closing;

    private RemoteConnect(Session session) {
        super(session, ObjectKind.CONNECT);
        // The Session starts with the reference this handle owns; RemoteObject took a second one.
        session.release();
    }

    /**
     * Opens a connection.
     *
     * @param uri the URI, {@code ""} for the daemon's default
     * @param flags {@code virConnectFlags}
     * @return the connection
     */
    public static RemoteConnect open(String uri, ConnectFlags... flags) {
        int mask = LibvirtEnum.mask(flags);
        boolean readOnly = (mask & ConnectFlags.RO.value()) != 0;
        return new RemoteConnect(Session.open(RemoteUri.parse(uri), mask, readOnly));
    }

    /** Forgets this handle's event registrations first: closing ends them, as the native backends do. */
    @Override
    public void close() {
        closing = true;
        session.events.forget(this);
        super.close();
    }

    @Override
    public void setKeepAlive(int interval, int count) {
        acquire("virConnectSetKeepAlive");
        try {
            if (session.serverKeepAlive) {
                session.rpc.setKeepAlive(interval, count);
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
    public int domainEventLifecycleRegister(Domain dom, DomainEventLifecycleCallback callback) {
        return registerDomainEvent(RemoteEvents.Kind.DOMAIN_LIFECYCLE, dom, callback);
    }

    @Override
    public int domainEventMetadataChangeRegister(Domain dom, DomainEventMetadataChangeCallback callback) {
        return registerDomainEvent(RemoteEvents.Kind.DOMAIN_METADATA_CHANGE, dom, callback);
    }

    private int registerDomainEvent(RemoteEvents.Kind kind, Domain dom, Object callback) {
        Objects.requireNonNull(callback, "callback");
        String fn = "virConnectDomainEventRegisterAny";
        return registerEvent(fn, () -> {
            RemoteNonnullDomain filter = dom == null ? null : ofThisConnection(dom, RemoteDomain.class,
                    ObjectKind.DOMAIN, fn, d -> LibvirtException.of(ErrorNumber.ERR_INVALID_ARG, ErrorDomain.DOMAIN,
                            "domain '" + d.getName() + "' must match connection")).ref();
            return session.events.register(this, kind, filter, callback);
        });
    }

    @Override
    public int networkEventLifecycleRegister(Network net, NetworkEventLifecycleCallback callback) {
        Objects.requireNonNull(callback, "callback");
        String fn = "virConnectNetworkEventRegisterAny";
        return registerEvent(fn, () -> {
            RemoteNonnullNetwork filter = net == null ? null : ofThisConnection(net, RemoteNetwork.class,
                    ObjectKind.NETWORK, fn, n -> LibvirtException.of(ErrorNumber.ERR_INVALID_ARG, ErrorDomain.NETWORK,
                            "network '" + n.getName() + "' in " + fn + " must match connection")).ref();
            return session.events.register(this, RemoteEvents.Kind.NETWORK_LIFECYCLE, filter, callback);
        });
    }

    @Override
    public int storagePoolEventLifecycleRegister(StoragePool pool, StoragePoolEventLifecycleCallback callback) {
        Objects.requireNonNull(callback, "callback");
        String fn = "virConnectStoragePoolEventRegisterAny";
        return registerEvent(fn, () -> {
            RemoteNonnullStoragePool filter = pool == null ? null : ofThisConnection(pool, RemoteStoragePool.class,
                    ObjectKind.STORAGE_POOL, fn, p -> LibvirtException.of(ErrorNumber.ERR_INVALID_ARG,
                            ErrorDomain.STORAGE, "storage pool '" + p.getName() + "' in " + fn
                                    + " must match connection")).ref();
            return session.events.register(this, RemoteEvents.Kind.STORAGE_POOL_LIFECYCLE, filter, callback);
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
            }
            return id;
        } finally {
            release();
        }
    }

    @Override
    public void domainEventDeregister(int callbackId) {
        deregisterEvent("virConnectDomainEventDeregisterAny", ErrorDomain.DOMAIN, RemoteEvents.Family.DOMAIN,
                callbackId);
    }

    @Override
    public void networkEventDeregister(int callbackId) {
        deregisterEvent("virConnectNetworkEventDeregisterAny", ErrorDomain.NETWORK, RemoteEvents.Family.NETWORK,
                callbackId);
    }

    @Override
    public void storagePoolEventDeregister(int callbackId) {
        deregisterEvent("virConnectStoragePoolEventDeregisterAny", ErrorDomain.STORAGE,
                RemoteEvents.Family.STORAGE_POOL, callbackId);
    }

    /** @param domain the error domain of the public API's own check, as libvirt's source file sets it */
    private void deregisterEvent(String fn, ErrorDomain domain, RemoteEvents.Family family, int callbackId) {
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
            return session.rpc.isAlive();
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
    public long getVersion() {
        return call("virConnectGetVersion", RemoteProcedure.REMOTE_PROC_CONNECT_GET_VERSION, null,
                RemoteConnectGetVersionRet::decode).hvVer();
    }

    @Override
    public long getLibVersion() {
        return call("virConnectGetLibVersion", RemoteProcedure.REMOTE_PROC_CONNECT_GET_LIB_VERSION, null,
                RemoteConnectGetLibVersionRet::decode).libVer();
    }

    @Override
    public String getHostname() {
        return call("virConnectGetHostname", RemoteProcedure.REMOTE_PROC_CONNECT_GET_HOSTNAME, null,
                RemoteConnectGetHostnameRet::decode).hostname();
    }

    @Override
    public String getURI() {
        // virConnectGetURI formats the URI the client opened; it sends nothing.
        check("virConnectGetURI");
        return session.canonicalUri;
    }

    @Override
    public String getCapabilities() {
        return call("virConnectGetCapabilities", RemoteProcedure.REMOTE_PROC_CONNECT_GET_CAPABILITIES, null,
                RemoteConnectGetCapabilitiesRet::decode).capabilities();
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

    @Override
    public int getMaxVcpus(String type) {
        return call("virConnectGetMaxVcpus", RemoteProcedure.REMOTE_PROC_CONNECT_GET_MAX_VCPUS,
                new RemoteConnectGetMaxVcpusArgs(type)::encode, RemoteConnectGetMaxVcpusRet::decode).maxVcpus();
    }

    // --- domains ---------------------------------------------------------------------------

    private Domain dom(RemoteNonnullDomain d) {
        return new RemoteDomain(session, d);
    }

    @Override
    public List<Domain> listAllDomains(ConnectListAllDomainsFlags... flags) {
        int mask = LibvirtEnum.mask(flags);
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
    public Domain lookupDomainByName(String name) {
        Objects.requireNonNull(name, "name");
        return dom(call("virDomainLookupByName", RemoteProcedure.REMOTE_PROC_DOMAIN_LOOKUP_BY_NAME,
                new RemoteDomainLookupByNameArgs(name)::encode, RemoteNonnullDomain::decode));
    }

    @Override
    public Domain lookupDomainById(int id) {
        return dom(call("virDomainLookupByID", RemoteProcedure.REMOTE_PROC_DOMAIN_LOOKUP_BY_ID,
                new RemoteDomainLookupByIdArgs(id)::encode, RemoteNonnullDomain::decode));
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

    @Override
    public Domain domainDefineXML(String xml, DomainDefineFlags... flags) {
        Objects.requireNonNull(xml, "xml");
        int mask = LibvirtEnum.mask(flags);
        if (mask == 0) {
            return dom(call("virDomainDefineXML", RemoteProcedure.REMOTE_PROC_DOMAIN_DEFINE_XML,
                    new RemoteDomainDefineXmlArgs(xml)::encode, RemoteNonnullDomain::decode));
        }
        return dom(call("virDomainDefineXMLFlags", RemoteProcedure.REMOTE_PROC_DOMAIN_DEFINE_XML_FLAGS,
                new RemoteDomainDefineXmlFlagsArgs(xml, mask)::encode, RemoteNonnullDomain::decode));
    }

    @Override
    public Domain domainCreateXML(String xml, DomainCreateFlags... flags) {
        Objects.requireNonNull(xml, "xml");
        int mask = LibvirtEnum.mask(flags);
        return dom(call("virDomainCreateXML", RemoteProcedure.REMOTE_PROC_DOMAIN_CREATE_XML,
                new RemoteDomainCreateXmlArgs(xml, mask)::encode, RemoteNonnullDomain::decode));
    }

    // --- networks --------------------------------------------------------------------------

    private Network net(RemoteNonnullNetwork n) {
        return new RemoteNetwork(session, n);
    }

    @Override
    public List<Network> listAllNetworks(ConnectListAllNetworksFlags... flags) {
        int mask = LibvirtEnum.mask(flags);
        return wrap(call("virConnectListAllNetworks", RemoteProcedure.REMOTE_PROC_CONNECT_LIST_ALL_NETWORKS,
                new RemoteConnectListAllNetworksArgs(1, mask)::encode,
                r -> RemoteConnectListAllNetworksRet.decode(r).nets()), this::net);
    }

    @Override
    public Network lookupNetworkByName(String name) {
        Objects.requireNonNull(name, "name");
        return net(call("virNetworkLookupByName", RemoteProcedure.REMOTE_PROC_NETWORK_LOOKUP_BY_NAME,
                new RemoteNetworkLookupByNameArgs(name)::encode, RemoteNonnullNetwork::decode));
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

    @Override
    public Network networkDefineXML(String xml, NetworkDefineFlags... flags) {
        Objects.requireNonNull(xml, "xml");
        int mask = LibvirtEnum.mask(flags);
        if (mask == 0) {
            return net(call("virNetworkDefineXML", RemoteProcedure.REMOTE_PROC_NETWORK_DEFINE_XML,
                    new RemoteNetworkDefineXmlArgs(xml)::encode, RemoteNonnullNetwork::decode));
        }
        return net(call("virNetworkDefineXMLFlags", RemoteProcedure.REMOTE_PROC_NETWORK_DEFINE_XML_FLAGS,
                new RemoteNetworkDefineXmlFlagsArgs(xml, mask)::encode, RemoteNonnullNetwork::decode));
    }

    @Override
    public Network networkCreateXML(String xml, NetworkCreateFlags... flags) {
        Objects.requireNonNull(xml, "xml");
        int mask = LibvirtEnum.mask(flags);
        if (mask == 0) {
            return net(call("virNetworkCreateXML", RemoteProcedure.REMOTE_PROC_NETWORK_CREATE_XML,
                    new RemoteNetworkCreateXmlArgs(xml)::encode, RemoteNonnullNetwork::decode));
        }
        return net(call("virNetworkCreateXMLFlags", RemoteProcedure.REMOTE_PROC_NETWORK_CREATE_XML_FLAGS,
                new RemoteNetworkCreateXmlFlagsArgs(xml, mask)::encode, RemoteNonnullNetwork::decode));
    }

    // --- storage ---------------------------------------------------------------------------

    private StoragePool pool(RemoteNonnullStoragePool n) {
        return new RemoteStoragePool(session, n);
    }

    @Override
    public List<StoragePool> listAllStoragePools(ConnectListAllStoragePoolsFlags... flags) {
        int mask = LibvirtEnum.mask(flags);
        return wrap(call("virConnectListAllStoragePools", RemoteProcedure.REMOTE_PROC_CONNECT_LIST_ALL_STORAGE_POOLS,
                new RemoteConnectListAllStoragePoolsArgs(1, mask)::encode,
                r -> RemoteConnectListAllStoragePoolsRet.decode(r).pools()), this::pool);
    }

    @Override
    public StoragePool lookupStoragePoolByName(String name) {
        Objects.requireNonNull(name, "name");
        return pool(call("virStoragePoolLookupByName", RemoteProcedure.REMOTE_PROC_STORAGE_POOL_LOOKUP_BY_NAME,
                new RemoteStoragePoolLookupByNameArgs(name)::encode,
                RemoteNonnullStoragePool::decode));
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

    @Override
    public StoragePool storagePoolDefineXML(String xml, StoragePoolDefineFlags... flags) {
        Objects.requireNonNull(xml, "xml");
        int mask = LibvirtEnum.mask(flags);
        return pool(call("virStoragePoolDefineXML", RemoteProcedure.REMOTE_PROC_STORAGE_POOL_DEFINE_XML,
                new RemoteStoragePoolDefineXmlArgs(xml, mask)::encode, RemoteNonnullStoragePool::decode));
    }

    @Override
    public StoragePool storagePoolCreateXML(String xml, StoragePoolCreateFlags... flags) {
        Objects.requireNonNull(xml, "xml");
        int mask = LibvirtEnum.mask(flags);
        return pool(call("virStoragePoolCreateXML", RemoteProcedure.REMOTE_PROC_STORAGE_POOL_CREATE_XML,
                new RemoteStoragePoolCreateXmlArgs(xml, mask)::encode, RemoteNonnullStoragePool::decode));
    }

    @Override
    public StorageVol lookupStorageVolByKey(String key) {
        Objects.requireNonNull(key, "key");
        return new RemoteStorageVol(session, call("virStorageVolLookupByKey",
                RemoteProcedure.REMOTE_PROC_STORAGE_VOL_LOOKUP_BY_KEY,
                new RemoteStorageVolLookupByKeyArgs(key)::encode, RemoteNonnullStorageVol::decode));
    }

    @Override
    public StorageVol lookupStorageVolByPath(String path) {
        Objects.requireNonNull(path, "path");
        return new RemoteStorageVol(session, call("virStorageVolLookupByPath",
                RemoteProcedure.REMOTE_PROC_STORAGE_VOL_LOOKUP_BY_PATH,
                new RemoteStorageVolLookupByPathArgs(path)::encode, RemoteNonnullStorageVol::decode));
    }

    // --- interfaces, node devices, secrets, filters ----------------------------------------

    @Override
    public List<Interface> listAllInterfaces(ConnectListAllInterfacesFlags... flags) {
        int mask = LibvirtEnum.mask(flags);
        return wrap(call("virConnectListAllInterfaces", RemoteProcedure.REMOTE_PROC_CONNECT_LIST_ALL_INTERFACES,
                new RemoteConnectListAllInterfacesArgs(1, mask)::encode,
                r -> RemoteConnectListAllInterfacesRet.decode(r).ifaces()), i -> new RemoteInterface(session,
                i));
    }

    @Override
    public Interface lookupInterfaceByName(String name) {
        Objects.requireNonNull(name, "name");
        return new RemoteInterface(session, call("virInterfaceLookupByName",
                RemoteProcedure.REMOTE_PROC_INTERFACE_LOOKUP_BY_NAME,
                new RemoteInterfaceLookupByNameArgs(name)::encode, RemoteNonnullInterface::decode));
    }

    @Override
    public Interface lookupInterfaceByMACString(String mac) {
        Objects.requireNonNull(mac, "mac");
        return new RemoteInterface(session, call("virInterfaceLookupByMACString",
                RemoteProcedure.REMOTE_PROC_INTERFACE_LOOKUP_BY_MAC_STRING,
                new RemoteInterfaceLookupByMacStringArgs(mac)::encode, RemoteNonnullInterface::decode));
    }

    @Override
    public List<NodeDevice> listAllNodeDevices(ConnectListAllNodeDeviceFlags... flags) {
        int mask = LibvirtEnum.mask(flags);
        return wrap(call("virConnectListAllNodeDevices", RemoteProcedure.REMOTE_PROC_CONNECT_LIST_ALL_NODE_DEVICES,
                new RemoteConnectListAllNodeDevicesArgs(1, mask)::encode,
                r -> RemoteConnectListAllNodeDevicesRet.decode(r).devices().stream().map(RemoteNonnullNodeDevice::name).toList()), n -> new RemoteNodeDevice(session, n));
    }

    @Override
    public NodeDevice lookupNodeDeviceByName(String name) {
        Objects.requireNonNull(name, "name");
        return new RemoteNodeDevice(session, call("virNodeDeviceLookupByName",
                RemoteProcedure.REMOTE_PROC_NODE_DEVICE_LOOKUP_BY_NAME,
                new RemoteNodeDeviceLookupByNameArgs(name)::encode,
                RemoteNodeDeviceLookupByNameRet::decode).dev().name());
    }

    @Override
    public List<Secret> listAllSecrets(ConnectListAllSecretsFlags... flags) {
        int mask = LibvirtEnum.mask(flags);
        return wrap(call("virConnectListAllSecrets", RemoteProcedure.REMOTE_PROC_CONNECT_LIST_ALL_SECRETS,
                new RemoteConnectListAllSecretsArgs(1, mask)::encode,
                r -> RemoteConnectListAllSecretsRet.decode(r).secrets()), s -> new RemoteSecret(session, s));
    }

    @Override
    public Secret secretDefineXML(String xml, SecretDefineFlags... flags) {
        Objects.requireNonNull(xml, "xml");
        int mask = LibvirtEnum.mask(flags);
        return new RemoteSecret(session, call("virSecretDefineXML", RemoteProcedure.REMOTE_PROC_SECRET_DEFINE_XML,
                new RemoteSecretDefineXmlArgs(xml, mask)::encode, RemoteNonnullSecret::decode));
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
    public NWFilter nwfilterDefineXML(String xml, NWFilterDefineFlags... flags) {
        Objects.requireNonNull(xml, "xml");
        int mask = LibvirtEnum.mask(flags);
        RemoteNonnullNwfilter n = mask == 0
                ? call("virNWFilterDefineXML", RemoteProcedure.REMOTE_PROC_NWFILTER_DEFINE_XML,
                        new RemoteNwfilterDefineXmlArgs(xml)::encode, RemoteNonnullNwfilter::decode)
                : call("virNWFilterDefineXMLFlags", RemoteProcedure.REMOTE_PROC_NWFILTER_DEFINE_XML_FLAGS,
                        new RemoteNwfilterDefineXmlFlagsArgs(xml, mask)::encode, RemoteNonnullNwfilter::decode);
        return new RemoteNWFilter(session, n);
    }

    @Override
    public NWFilter lookupNWFilterByName(String name) {
        Objects.requireNonNull(name, "name");
        return new RemoteNWFilter(session, call("virNWFilterLookupByName",
                RemoteProcedure.REMOTE_PROC_NWFILTER_LOOKUP_BY_NAME,
                new RemoteNwfilterLookupByNameArgs(name)::encode, RemoteNonnullNwfilter::decode));
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

    @Override
    public NWFilterBinding lookupNWFilterBindingByPortDev(String portDev) {
        Objects.requireNonNull(portDev, "portDev");
        return new RemoteNWFilterBinding(session, call("virNWFilterBindingLookupByPortDev",
                RemoteProcedure.REMOTE_PROC_NWFILTER_BINDING_LOOKUP_BY_PORT_DEV,
                new RemoteNwfilterBindingLookupByPortDevArgs(portDev)::encode, RemoteNonnullNwfilterBinding::decode));
    }

    @Override
    public NWFilterBinding nwfilterBindingCreateXML(String xml, NWFilterBindingCreateFlags... flags) {
        Objects.requireNonNull(xml, "xml");
        int mask = LibvirtEnum.mask(flags);
        return new RemoteNWFilterBinding(session, call("virNWFilterBindingCreateXML",
                RemoteProcedure.REMOTE_PROC_NWFILTER_BINDING_CREATE_XML,
                new RemoteNwfilterBindingCreateXmlArgs(xml, mask)::encode, RemoteNonnullNwfilterBinding::decode));
    }

    // --- streams ---------------------------------------------------------------------------

    @Override
    public Stream newStream(StreamFlags... flags) {
        int mask = LibvirtEnum.mask(flags);
        check("virStreamNew");
        return new RemoteStream(session, mask);
    }
}

package org.libvirt4j;

import java.util.List;
import java.util.UUID;

/**
 * A connection to a hypervisor ({@code virConnectPtr}, Go's {@code Connect}). Obtained from
 * {@link Libvirt}; {@link #close()} is {@code virConnectClose}.
 *
 * <p>Every method throws {@link LibvirtException} with libvirt's error on failure, and
 * {@code ERR_INVALID_CONN} once this handle is closed. Where libvirt has a call and a
 * {@code ...Flags} variant that means the same with no flags, one Java method with varargs
 * flags stands for both.
 */
public interface Connect extends LibvirtObject, ConnectMethods {

    // --- the connection itself -------------------------------------------------------------

    /** @return whether the connection is alive ({@code virConnectIsAlive}) */
    boolean isAlive();

    /** @return whether the connection is encrypted ({@code virConnectIsEncrypted}) */
    boolean isEncrypted();

    /** @return whether the connection is secure ({@code virConnectIsSecure}) */
    boolean isSecure();

    /** @return the hypervisor driver name, e.g. {@code "TEST"} or {@code "QEMU"} ({@code virConnectGetType}) */
    String getType();

    /** @return the hypervisor version, major * 1,000,000 + minor * 1,000 + release ({@code virConnectGetVersion}) */
    long getVersion();

    /** @return the libvirt version of the driver side, encoded as {@link #getVersion()} ({@code virConnectGetLibVersion}) */
    long getLibVersion();

    /** @return the host name of the hypervisor host ({@code virConnectGetHostname}) */
    String getHostname();

    /** @return the canonical URI of this connection ({@code virConnectGetURI}) */
    String getURI();

    /** @return the capabilities XML ({@code virConnectGetCapabilities}) */
    String getCapabilities();

    /** @return the host's SMBIOS system information XML ({@code virConnectGetSysinfo}) */
    String getSysinfo();

    /** @return the host's CPU and memory summary ({@code virNodeGetInfo}) */
    NodeInfo getNodeInfo();

    /** @return the free memory of the host in bytes ({@code virNodeGetFreeMemory}) */
    long getFreeMemory();

    /**
     * @param type the guest type ({@code "kvm"}, ...) or {@code null} for the driver's default
     * @return the maximum number of virtual CPUs per guest ({@code virConnectGetMaxVcpus})
     */
    int getMaxVcpus(String type);

    /**
     * Starts or stops the keepalive messages this client sends ({@code virConnectSetKeepAlive}),
     * with libvirt's rules: after {@code interval} seconds without a message from the daemon the
     * client sends a ping, and after {@code count} unanswered pings it closes the connection as
     * dead; once started, another call with a positive interval changes nothing; an interval of
     * 0 or less stops them. Connections through a daemon only, and on the native backends only
     * once {@link Libvirt#eventRegisterDefaultImpl()} has run.
     *
     * @param interval seconds of silence before a ping; 0 or less stops keepalive
     * @param count unanswered pings before the connection is closed (C {@code unsigned int})
     * @throws LibvirtException {@code ERR_NO_SUPPORT} for drivers without keepalive (an
     *         in-process {@code test:///} connection), {@code ERR_INTERNAL_ERROR} without an event
     *         loop or when restarting with a new interval after a stop
     */
    void setKeepAlive(int interval, int count);

    /**
     * Registers the callback told when this connection closes under the application
     * ({@code virConnectRegisterCloseCallback}, Go's {@code RegisterCloseCallback}). Only
     * connections through a daemon ever close that way; drivers without such a connection accept
     * the registration and never call it, as in libvirt. The native backends notice a dead
     * connection between calls only once {@link Libvirt#eventRegisterDefaultImpl()} has run.
     * Closing the connection unregisters it.
     *
     * @param callback what to call
     * @throws LibvirtException {@code ERR_OPERATION_INVALID} when a callback is already registered,
     *         or when called from inside this connection's close callback (where libvirt's C
     *         client would wait on its own lock forever)
     */
    void registerCloseCallback(CloseCallback callback);

    /**
     * Removes the close callback ({@code virConnectUnregisterCloseCallback}, Go's
     * {@code UnregisterCloseCallback}).
     *
     * @throws LibvirtException {@code ERR_OPERATION_INVALID} when none is registered (through a
     *         daemon), or from inside this connection's close callback
     */
    void unregisterCloseCallback();

    // --- events ----------------------------------------------------------------------------

    /**
     * Registers a callback for domain lifecycle events ({@code virConnectDomainEventRegisterAny}
     * with {@code VIR_DOMAIN_EVENT_ID_LIFECYCLE}, Go's {@code DomainEventLifecycleRegister}).
     * As in libvirt and Go, a connection holds at most one lifecycle registration per domain
     * filter (one for all domains, one per domain); fan out inside the callback. The native
     * backends deliver events only once {@link Libvirt#eventRegisterDefaultImpl()} has run
     * (before this connection was opened, for connections through a daemon). A registration keeps
     * this handle reachable, so a forgotten connection with callbacks is not closed by the
     * Cleaner; closing it deregisters what was registered on it.
     *
     * @param dom only this domain's events, or {@code null} for every domain's
     * @param callback what to call
     * @return the callback id for {@link #domainEventDeregister(int)}
     * @throws LibvirtException {@code ERR_INVALID_ARG} for a domain of another connection or a
     *         second registration with the same filter ("event callback already tracked")
     */
    int domainEventLifecycleRegister(Domain dom, DomainEventLifecycleCallback callback);

    /**
     * Registers a callback for domain metadata changes ({@code virConnectDomainEventRegisterAny}
     * with {@code VIR_DOMAIN_EVENT_ID_METADATA_CHANGE}, Go's {@code DomainEventMetadataChangeRegister}),
     * with the rules of {@link #domainEventLifecycleRegister(Domain, DomainEventLifecycleCallback)}.
     *
     * @param dom only this domain's changes, or {@code null} for every domain's
     * @param callback what to call
     * @return the callback id for {@link #domainEventDeregister(int)}
     */
    int domainEventMetadataChangeRegister(Domain dom, DomainEventMetadataChangeCallback callback);

    /**
     * Removes a domain event callback ({@code virConnectDomainEventDeregisterAny}, Go's
     * {@code DomainEventDeregister}). When this returns, the callback is not called again, unless
     * it is running on the event thread at that moment.
     *
     * @param callbackId what the register call returned
     * @throws LibvirtException {@code ERR_INVALID_ARG} for an id that is not registered
     */
    void domainEventDeregister(int callbackId);

    /**
     * Registers a callback for network lifecycle events ({@code virConnectNetworkEventRegisterAny}
     * with {@code VIR_NETWORK_EVENT_ID_LIFECYCLE}, Go's {@code NetworkEventLifecycleRegister}), with
     * the rules of {@link #domainEventLifecycleRegister(Domain, DomainEventLifecycleCallback)}.
     *
     * @param net only this network's events, or {@code null} for every network's
     * @param callback what to call
     * @return the callback id for {@link #networkEventDeregister(int)}
     */
    int networkEventLifecycleRegister(Network net, NetworkEventLifecycleCallback callback);

    /**
     * Removes a network event callback ({@code virConnectNetworkEventDeregisterAny}, Go's
     * {@code NetworkEventDeregister}).
     *
     * @param callbackId what the register call returned
     * @throws LibvirtException {@code ERR_INVALID_ARG} for an id that is not registered
     */
    void networkEventDeregister(int callbackId);

    /**
     * Registers a callback for storage pool lifecycle events
     * ({@code virConnectStoragePoolEventRegisterAny} with {@code VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE},
     * Go's {@code StoragePoolEventLifecycleRegister}), with the rules of
     * {@link #domainEventLifecycleRegister(Domain, DomainEventLifecycleCallback)}.
     *
     * @param pool only this pool's events, or {@code null} for every pool's
     * @param callback what to call
     * @return the callback id for {@link #storagePoolEventDeregister(int)}
     */
    int storagePoolEventLifecycleRegister(StoragePool pool, StoragePoolEventLifecycleCallback callback);

    /**
     * Removes a storage pool event callback ({@code virConnectStoragePoolEventDeregisterAny}, Go's
     * {@code StoragePoolEventDeregister}).
     *
     * @param callbackId what the register call returned
     * @throws LibvirtException {@code ERR_INVALID_ARG} for an id that is not registered
     */
    void storagePoolEventDeregister(int callbackId);

    // --- domains ---------------------------------------------------------------------------

    /**
     * @param flags filters; none lists every domain
     * @return the matching domains, each to be closed by the caller ({@code virConnectListAllDomains})
     */
    List<Domain> listAllDomains(ConnectListAllDomainsFlags... flags);

    /**
     * @param name the domain name
     * @return the domain ({@code virDomainLookupByName})
     * @throws LibvirtException {@code ERR_NO_DOMAIN} if there is none of that name
     */
    Domain lookupDomainByName(String name);

    /**
     * @param id the running domain's id
     * @return the domain ({@code virDomainLookupByID})
     * @throws LibvirtException {@code ERR_NO_DOMAIN} if no running domain has it
     */
    Domain lookupDomainById(int id);

    /**
     * @param uuid the domain UUID
     * @return the domain ({@code virDomainLookupByUUID})
     * @throws LibvirtException {@code ERR_NO_DOMAIN} if there is none
     */
    Domain lookupDomainByUUID(UUID uuid);

    /**
     * @param uuid the UUID in libvirt's string form
     * @return the domain ({@code virDomainLookupByUUIDString})
     * @throws LibvirtException {@code ERR_INVALID_ARG} for a malformed UUID, {@code ERR_NO_DOMAIN} if there is none
     */
    Domain lookupDomainByUUIDString(String uuid);

    /**
     * Defines a persistent domain ({@code virDomainDefineXML}, or {@code virDomainDefineXMLFlags}
     * when flags are given).
     *
     * @param xml the domain XML
     * @param flags {@code VALIDATE} to check the XML against the schema
     * @return the defined domain
     * @throws LibvirtException {@code ERR_XML_ERROR} and kin for bad XML
     */
    Domain domainDefineXML(String xml, DomainDefineFlags... flags);

    /**
     * Creates and starts a transient domain ({@code virDomainCreateXML}).
     *
     * @param xml the domain XML
     * @param flags start options
     * @return the running domain
     */
    Domain domainCreateXML(String xml, DomainCreateFlags... flags);

    /**
     * Statistics of many domains in one call (Go's {@code GetAllDomainStats}):
     * {@code virDomainListGetStats} for the given domains, or {@code virConnectGetAllDomainStats}
     * when the list is empty.
     *
     * @param doms the domains, all of this connection, or an empty list for every domain the flags select
     * @param statsTypes the groups to collect; empty for every group the driver has
     * @param flags which domains (for an empty list) and how ({@code ENFORCE_STATS}, {@code BACKING}, {@code NOWAIT})
     * @return one record per domain; close each (its domain is a handle)
     * @throws LibvirtException {@code ERR_NO_SUPPORT} from drivers without it, {@code ERR_INVALID_ARG}
     *         for a domain of another connection ("domains in 'doms' array must belong to a single
     *         connection", libvirt's words: the C call takes no connection and would ask theirs)
     */
    List<DomainStats> getAllDomainStats(List<Domain> doms, java.util.Set<DomainStatsTypes> statsTypes,
            ConnectGetAllDomainStatsFlags... flags);

    // --- networks --------------------------------------------------------------------------

    /** @param flags filters @return the matching networks ({@code virConnectListAllNetworks}) */
    List<Network> listAllNetworks(ConnectListAllNetworksFlags... flags);

    /** @param name the name @return the network ({@code virNetworkLookupByName}) @throws LibvirtException {@code ERR_NO_NETWORK} */
    Network lookupNetworkByName(String name);

    /** @param uuid the UUID @return the network ({@code virNetworkLookupByUUID}) @throws LibvirtException {@code ERR_NO_NETWORK} */
    Network lookupNetworkByUUID(UUID uuid);

    /** @param uuid the UUID string @return the network ({@code virNetworkLookupByUUIDString}) @throws LibvirtException {@code ERR_INVALID_ARG}, {@code ERR_NO_NETWORK} */
    Network lookupNetworkByUUIDString(String uuid);

    /** @param xml the network XML @param flags options @return the defined network ({@code virNetworkDefineXML[Flags]}) */
    Network networkDefineXML(String xml, NetworkDefineFlags... flags);

    /** @param xml the network XML @param flags options @return the started transient network ({@code virNetworkCreateXML[Flags]}) */
    Network networkCreateXML(String xml, NetworkCreateFlags... flags);

    // --- storage ---------------------------------------------------------------------------

    /** @param flags filters @return the matching pools ({@code virConnectListAllStoragePools}) */
    List<StoragePool> listAllStoragePools(ConnectListAllStoragePoolsFlags... flags);

    /** @param name the name @return the pool ({@code virStoragePoolLookupByName}) @throws LibvirtException {@code ERR_NO_STORAGE_POOL} */
    StoragePool lookupStoragePoolByName(String name);

    /** @param uuid the UUID @return the pool ({@code virStoragePoolLookupByUUID}) @throws LibvirtException {@code ERR_NO_STORAGE_POOL} */
    StoragePool lookupStoragePoolByUUID(UUID uuid);

    /** @param uuid the UUID string @return the pool ({@code virStoragePoolLookupByUUIDString}) @throws LibvirtException {@code ERR_INVALID_ARG}, {@code ERR_NO_STORAGE_POOL} */
    StoragePool lookupStoragePoolByUUIDString(String uuid);

    /** @param xml the pool XML @param flags options @return the defined pool ({@code virStoragePoolDefineXML}) */
    StoragePool storagePoolDefineXML(String xml, StoragePoolDefineFlags... flags);

    /** @param xml the pool XML @param flags options @return the started transient pool ({@code virStoragePoolCreateXML}) */
    StoragePool storagePoolCreateXML(String xml, StoragePoolCreateFlags... flags);

    /** @param key the volume key @return the volume ({@code virStorageVolLookupByKey}) @throws LibvirtException {@code ERR_NO_STORAGE_VOL} */
    StorageVol lookupStorageVolByKey(String key);

    /** @param path the volume path @return the volume ({@code virStorageVolLookupByPath}) @throws LibvirtException {@code ERR_NO_STORAGE_VOL} */
    StorageVol lookupStorageVolByPath(String path);

    // --- interfaces, node devices, secrets, filters ----------------------------------------

    /** @param flags filters @return the host interfaces ({@code virConnectListAllInterfaces}) */
    List<Interface> listAllInterfaces(ConnectListAllInterfacesFlags... flags);

    /** @param name the name @return the interface ({@code virInterfaceLookupByName}) @throws LibvirtException {@code ERR_NO_INTERFACE} */
    Interface lookupInterfaceByName(String name);

    /** @param mac the MAC address @return the interface ({@code virInterfaceLookupByMACString}) @throws LibvirtException {@code ERR_NO_INTERFACE} */
    Interface lookupInterfaceByMACString(String mac);

    /** @param flags filters @return the node devices ({@code virConnectListAllNodeDevices}) */
    List<NodeDevice> listAllNodeDevices(ConnectListAllNodeDeviceFlags... flags);

    /** @param name the name @return the device ({@code virNodeDeviceLookupByName}) @throws LibvirtException {@code ERR_NO_NODE_DEVICE} */
    NodeDevice lookupNodeDeviceByName(String name);

    /** @param flags filters @return the secrets ({@code virConnectListAllSecrets}) */
    List<Secret> listAllSecrets(ConnectListAllSecretsFlags... flags);

    /** @param xml the secret XML @param flags options @return the defined secret ({@code virSecretDefineXML}) */
    Secret secretDefineXML(String xml, SecretDefineFlags... flags);

    /** @param uuid the UUID string @return the secret ({@code virSecretLookupByUUIDString}) @throws LibvirtException {@code ERR_INVALID_ARG}, {@code ERR_NO_SECRET} */
    Secret lookupSecretByUUIDString(String uuid);

    /** @param usageType what the secret is for @param usageID the usage key @return the secret ({@code virSecretLookupByUsage}) @throws LibvirtException {@code ERR_NO_SECRET} */
    Secret lookupSecretByUsage(SecretUsageType usageType, String usageID);

    /** @return the network filters ({@code virConnectListAllNWFilters}) */
    List<NWFilter> listAllNWFilters();

    /** @param xml the filter XML @param flags options @return the defined filter ({@code virNWFilterDefineXML[Flags]}) */
    NWFilter nwfilterDefineXML(String xml, NWFilterDefineFlags... flags);

    /** @param name the name @return the filter ({@code virNWFilterLookupByName}) @throws LibvirtException {@code ERR_NO_NWFILTER} */
    NWFilter lookupNWFilterByName(String name);

    /** @param uuid the UUID string @return the filter ({@code virNWFilterLookupByUUIDString}) @throws LibvirtException {@code ERR_INVALID_ARG}, {@code ERR_NO_NWFILTER} */
    NWFilter lookupNWFilterByUUIDString(String uuid);

    /** @return the network filter bindings ({@code virConnectListAllNWFilterBindings}) */
    List<NWFilterBinding> listAllNWFilterBindings();

    /** @param portDev the port device name @return the binding ({@code virNWFilterBindingLookupByPortDev}) @throws LibvirtException {@code ERR_NO_NWFILTER_BINDING} */
    NWFilterBinding lookupNWFilterBindingByPortDev(String portDev);

    /** @param xml the binding XML @param flags options @return the binding ({@code virNWFilterBindingCreateXML}) */
    NWFilterBinding nwfilterBindingCreateXML(String xml, NWFilterBindingCreateFlags... flags);

    // --- streams ---------------------------------------------------------------------------

    /** @param flags stream options @return a new, unattached stream ({@code virStreamNew}) */
    Stream newStream(StreamFlags... flags);
}

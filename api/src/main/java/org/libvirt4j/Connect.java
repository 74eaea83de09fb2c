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
 *
 * @see <a href="https://libvirt.org/html/libvirt-libvirt-host.html#virConnectClose">virConnectClose</a>
 */
public interface Connect extends LibvirtObject, ConnectMethods, ConnectTypedMethods, ConnectEvents, ConnectQemuMethods,
        ConnectIrregularMethods, ConnectManualMethods {

    // --- the connection itself -------------------------------------------------------------

    /**
     * {@return whether the connection is alive}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-host.html#virConnectIsAlive">virConnectIsAlive</a>
     */
    boolean isAlive();

    /**
     * {@return whether the connection is encrypted}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-host.html#virConnectIsEncrypted">virConnectIsEncrypted</a>
     */
    boolean isEncrypted();

    /**
     * {@return whether the connection is secure}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-host.html#virConnectIsSecure">virConnectIsSecure</a>
     */
    boolean isSecure();

    /**
     * {@return the hypervisor driver name, e.g. {@code "TEST"} or {@code "QEMU"}}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-host.html#virConnectGetType">virConnectGetType</a>
     */
    String getType();

    /**
     * {@return the canonical URI of this connection}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-host.html#virConnectGetURI">virConnectGetURI</a>
     */
    String getURI();

    /**
     * {@return the host's SMBIOS system information XML}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-host.html#virConnectGetSysinfo">virConnectGetSysinfo</a>
     */
    String getSysinfo();

    /**
     * {@return the host's CPU and memory summary}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-host.html#virNodeGetInfo">virNodeGetInfo</a>
     */
    NodeInfo getNodeInfo();

    /**
     * {@return the free memory of the host in bytes}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-host.html#virNodeGetFreeMemory">virNodeGetFreeMemory</a>
     */
    long getFreeMemory();

    /**
     * Starts or stops the keepalive messages this client sends,
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
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-host.html#virConnectSetKeepAlive">virConnectSetKeepAlive</a>
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
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-host.html#virConnectRegisterCloseCallback">virConnectRegisterCloseCallback</a>
     */
    void registerCloseCallback(CloseCallback callback);

    /**
     * Removes the close callback ({@code virConnectUnregisterCloseCallback}, Go's
     * {@code UnregisterCloseCallback}).
     *
     * @throws LibvirtException {@code ERR_OPERATION_INVALID} when none is registered (through a
     *         daemon), or from inside this connection's close callback
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-host.html#virConnectUnregisterCloseCallback">virConnectUnregisterCloseCallback</a>
     */
    void unregisterCloseCallback();

    // --- events: ConnectEvents (generated) ---------------------------------------------------

    // --- domains ---------------------------------------------------------------------------

    /**
     * {@return the matching domains, each to be closed by the caller}
     *
     * @param flags a bitwise OR of {@link ConnectListAllDomainsFlags} values (raw, so bits newer than this binding pass too); filters; none lists every domain
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virConnectListAllDomains">virConnectListAllDomains</a>
     */
    List<Domain> listAllDomains(int flags);

    /**
     * {@return the matching domains, each to be closed by the caller}
     *
     * @param flags the flags as enum constants; none gives 0
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virConnectListAllDomains">virConnectListAllDomains</a>
     */
    default List<Domain> listAllDomains(ConnectListAllDomainsFlags... flags) {
        return listAllDomains(LibvirtEnum.mask(flags));
    }

    /**
     * Looks up a domain by its UUID.
     *
     * @param uuid the domain UUID
     * @return the domain
     * @throws LibvirtException {@code ERR_NO_DOMAIN} if there is none
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainLookupByUUID">virDomainLookupByUUID</a>
     */
    Domain lookupDomainByUUID(UUID uuid);

    /**
     * Looks up a domain by its UUID in libvirt's string form.
     *
     * @param uuid the UUID in libvirt's string form
     * @return the domain
     * @throws LibvirtException {@code ERR_INVALID_ARG} for a malformed UUID, {@code ERR_NO_DOMAIN} if there is none
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainLookupByUUIDString">virDomainLookupByUUIDString</a>
     */
    Domain lookupDomainByUUIDString(String uuid);

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
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainListGetStats">virDomainListGetStats</a>
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virConnectGetAllDomainStats">virConnectGetAllDomainStats</a>
     */
    List<DomainStats> getAllDomainStats(List<Domain> doms, java.util.Set<DomainStatsTypes> statsTypes,
            ConnectGetAllDomainStatsFlags... flags);

    // --- networks --------------------------------------------------------------------------

    /**
     * {@return the matching networks}
     *
     * @param flags a bitwise OR of {@link ConnectListAllNetworksFlags} values (raw, so bits newer than this binding pass too); filters
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-network.html#virConnectListAllNetworks">virConnectListAllNetworks</a>
     */
    List<Network> listAllNetworks(int flags);

    /**
     * {@return the matching networks}
     *
     * @param flags the flags as enum constants; none gives 0
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-network.html#virConnectListAllNetworks">virConnectListAllNetworks</a>
     */
    default List<Network> listAllNetworks(ConnectListAllNetworksFlags... flags) {
        return listAllNetworks(LibvirtEnum.mask(flags));
    }

    /**
     * Looks up a network by its UUID.
     *
     * @param uuid the UUID
     * @return the network
     * @throws LibvirtException {@code ERR_NO_NETWORK} if there is none
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-network.html#virNetworkLookupByUUID">virNetworkLookupByUUID</a>
     */
    Network lookupNetworkByUUID(UUID uuid);

    /**
     * Looks up a network by its UUID in string form.
     *
     * @param uuid the UUID string
     * @return the network
     * @throws LibvirtException {@code ERR_INVALID_ARG} for a malformed UUID, {@code ERR_NO_NETWORK} if there is none
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-network.html#virNetworkLookupByUUIDString">virNetworkLookupByUUIDString</a>
     */
    Network lookupNetworkByUUIDString(String uuid);

    // --- storage ---------------------------------------------------------------------------

    /**
     * {@return the matching pools}
     *
     * @param flags a bitwise OR of {@link ConnectListAllStoragePoolsFlags} values (raw, so bits newer than this binding pass too); filters
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-storage.html#virConnectListAllStoragePools">virConnectListAllStoragePools</a>
     */
    List<StoragePool> listAllStoragePools(int flags);

    /**
     * {@return the matching pools}
     *
     * @param flags the flags as enum constants; none gives 0
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-storage.html#virConnectListAllStoragePools">virConnectListAllStoragePools</a>
     */
    default List<StoragePool> listAllStoragePools(ConnectListAllStoragePoolsFlags... flags) {
        return listAllStoragePools(LibvirtEnum.mask(flags));
    }

    /**
     * Looks up a storage pool by its UUID.
     *
     * @param uuid the UUID
     * @return the pool
     * @throws LibvirtException {@code ERR_NO_STORAGE_POOL} if there is none
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-storage.html#virStoragePoolLookupByUUID">virStoragePoolLookupByUUID</a>
     */
    StoragePool lookupStoragePoolByUUID(UUID uuid);

    /**
     * Looks up a storage pool by its UUID in string form.
     *
     * @param uuid the UUID string
     * @return the pool
     * @throws LibvirtException {@code ERR_INVALID_ARG} for a malformed UUID, {@code ERR_NO_STORAGE_POOL} if there is none
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-storage.html#virStoragePoolLookupByUUIDString">virStoragePoolLookupByUUIDString</a>
     */
    StoragePool lookupStoragePoolByUUIDString(String uuid);

    // --- interfaces, node devices, secrets, filters ----------------------------------------

    /**
     * {@return the host interfaces}
     *
     * @param flags a bitwise OR of {@link ConnectListAllInterfacesFlags} values (raw, so bits newer than this binding pass too); filters
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-interface.html#virConnectListAllInterfaces">virConnectListAllInterfaces</a>
     */
    List<Interface> listAllInterfaces(int flags);

    /**
     * {@return the host interfaces}
     *
     * @param flags the flags as enum constants; none gives 0
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-interface.html#virConnectListAllInterfaces">virConnectListAllInterfaces</a>
     */
    default List<Interface> listAllInterfaces(ConnectListAllInterfacesFlags... flags) {
        return listAllInterfaces(LibvirtEnum.mask(flags));
    }

    /**
     * {@return the node devices}
     *
     * @param flags a bitwise OR of {@link ConnectListAllNodeDeviceFlags} values (raw, so bits newer than this binding pass too); filters
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-nodedev.html#virConnectListAllNodeDevices">virConnectListAllNodeDevices</a>
     */
    List<NodeDevice> listAllNodeDevices(int flags);

    /**
     * {@return the node devices}
     *
     * @param flags the flags as enum constants; none gives 0
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-nodedev.html#virConnectListAllNodeDevices">virConnectListAllNodeDevices</a>
     */
    default List<NodeDevice> listAllNodeDevices(ConnectListAllNodeDeviceFlags... flags) {
        return listAllNodeDevices(LibvirtEnum.mask(flags));
    }

    /**
     * {@return the secrets}
     *
     * @param flags a bitwise OR of {@link ConnectListAllSecretsFlags} values (raw, so bits newer than this binding pass too); filters
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-secret.html#virConnectListAllSecrets">virConnectListAllSecrets</a>
     */
    List<Secret> listAllSecrets(int flags);

    /**
     * {@return the secrets}
     *
     * @param flags the flags as enum constants; none gives 0
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-secret.html#virConnectListAllSecrets">virConnectListAllSecrets</a>
     */
    default List<Secret> listAllSecrets(ConnectListAllSecretsFlags... flags) {
        return listAllSecrets(LibvirtEnum.mask(flags));
    }

    /**
     * Looks up a secret by its UUID in string form.
     *
     * @param uuid the UUID string
     * @return the secret
     * @throws LibvirtException {@code ERR_INVALID_ARG} for a malformed UUID, {@code ERR_NO_SECRET} if there is none
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-secret.html#virSecretLookupByUUIDString">virSecretLookupByUUIDString</a>
     */
    Secret lookupSecretByUUIDString(String uuid);

    /**
     * Looks up a secret by what it is used for.
     *
     * @param usageType what the secret is for
     * @param usageID the usage key
     * @return the secret
     * @throws LibvirtException {@code ERR_NO_SECRET} if there is none
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-secret.html#virSecretLookupByUsage">virSecretLookupByUsage</a>
     */
    Secret lookupSecretByUsage(SecretUsageType usageType, String usageID);

    /**
     * {@return the network filters}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-nwfilter.html#virConnectListAllNWFilters">virConnectListAllNWFilters</a>
     */
    List<NWFilter> listAllNWFilters();

    /**
     * Looks up a network filter by its UUID in string form.
     *
     * @param uuid the UUID string
     * @return the filter
     * @throws LibvirtException {@code ERR_INVALID_ARG} for a malformed UUID, {@code ERR_NO_NWFILTER} if there is none
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-nwfilter.html#virNWFilterLookupByUUIDString">virNWFilterLookupByUUIDString</a>
     */
    NWFilter lookupNWFilterByUUIDString(String uuid);

    /**
     * {@return the network filter bindings}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-nwfilter.html#virConnectListAllNWFilterBindings">virConnectListAllNWFilterBindings</a>
     */
    List<NWFilterBinding> listAllNWFilterBindings();

    // --- streams ---------------------------------------------------------------------------

    /**
     * Creates a stream to pass to a call that transfers data, such as a volume upload.
     *
     * @param flags a bitwise OR of {@link StreamFlags} values (raw, so bits newer than this binding pass too); stream options
     * @return the stream, not yet attached to any transfer
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-stream.html#virStreamNew">virStreamNew</a>
     */
    Stream newStream(int flags);

    /**
     * Creates a stream to pass to a call that transfers data, such as a volume upload.
     *
     * @param flags the flags as enum constants; none gives 0
     * @return the stream, not yet attached to any transfer
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-stream.html#virStreamNew">virStreamNew</a>
     */
    default Stream newStream(StreamFlags... flags) {
        return newStream(LibvirtEnum.mask(flags));
    }
}

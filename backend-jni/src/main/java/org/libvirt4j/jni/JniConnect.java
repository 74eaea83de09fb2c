package org.libvirt4j.jni;

import static org.libvirt4j.jni.LibvirtNatives.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.libvirt4j.CloseCallback;
import org.libvirt4j.Connect;
import org.libvirt4j.ConnectGetAllDomainStatsFlags;
import org.libvirt4j.Domain;
import org.libvirt4j.DomainStats;
import org.libvirt4j.DomainStatsTypes;
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
import org.libvirt4j.spi.CloseCallbacks;
import org.libvirt4j.spi.NativeHandle;
import org.libvirt4j.spi.ObjectKind;
import org.libvirt4j.spi.generated.EventKind;
import org.libvirt4j.spi.Uuids;

/** {@link Connect} over a {@code virConnectPtr}; {@link #close()} is {@code virConnectClose}. */
final class JniConnect extends JniObject implements Connect, org.libvirt4j.spi.generated.ConnectContract,
        org.libvirt4j.spi.generated.ConnectTypedContract, org.libvirt4j.spi.generated.ConnectEventsContract,
        JniConnectIrregular, org.libvirt4j.spi.ConnectManualContract, org.libvirt4j.spi.ConnectQemuContract , org.libvirt4j.spi.EventCallbackRunner.Host {

    /** Deregisters through the family's C function. */
    private static void deregister(EventKind.Family family, long c, int id) {
        switch (family) {
            case DOMAIN -> virConnectDomainEventDeregisterAny(c, id);
            case NETWORK -> virConnectNetworkEventDeregisterAny(c, id);
            case STORAGE_POOL -> virConnectStoragePoolEventDeregisterAny(c, id);
            case NODE_DEVICE -> virConnectNodeDeviceEventDeregisterAny(c, id);
            case SECRET -> virConnectSecretEventDeregisterAny(c, id);
        }
    }

    /** A callback registered through this handle: its id, and the family that tells how to deregister it. */
    private record Registered(EventKind.Family family, int id) {
    }

    /** The event callbacks registered through this handle, deregistered by {@link #close()}. */
    private final Set<Registered> callbacks = ConcurrentHashMap.newKeySet();
    /** Runs this connection's event callbacks: libvirt's loop thread, or the EVENT_EXECUTOR given at open. */
    private volatile org.libvirt4j.spi.EventCallbackRunner eventCallbacks = org.libvirt4j.spi.EventCallbackRunner.INLINE;

    @Override
    public void runEventCallbacks(org.libvirt4j.spi.EventCallbackRunner runner) {
        eventCallbacks = runner;
    }

    /** {@return where this connection's event callbacks run} */
    org.libvirt4j.spi.EventCallbackRunner eventCallbacks() {
        return eventCallbacks;
    }
    /** The QEMU monitor event callbacks registered through this handle, deregistered by {@link #close()}. */
    private final Set<Integer> qemuCallbacks = ConcurrentHashMap.newKeySet();
    /** Set before {@link #close()} deregisters, so that a registration racing it deregisters itself. */
    private volatile boolean closing;
    /**
     * The key of the close callback registered through this handle, 0 for none. Whoever undoes
     * it ({@link #close()}, or a registration racing it) takes it with {@code getAndSet(0)}.
     */
    private final AtomicLong closeKey = new AtomicLong();
    /**
     * Orders {@link #registerCloseCallback} and {@link #unregisterCloseCallback}, which share
     * libvirt's one close callback per connection; {@link #close()} and the upcall never take it.
     */
    private final Object closeLock = new Object();

    /** What virConnectClose answered, once this handle's pointer is freed (closeAndCount). */
    private final java.util.concurrent.CompletableFuture<Integer> closedRefs;

    JniConnect(long conn) {
        this(conn, new java.util.concurrent.CompletableFuture<>());
    }

    private JniConnect(long conn, java.util.concurrent.CompletableFuture<Integer> refs) {
        super(ObjectKind.CONNECT, conn, p -> {
            try {
                refs.complete(LibvirtNatives.virConnectClose(p));
            } catch (RuntimeException | Error e) {
                refs.completeExceptionally(e);
            }
        });
        this.closedRefs = refs;
    }

    @Override
    public int closeAndCount() {
        if (h.isClosed()) {
            throw ObjectKind.CONNECT.invalid("virConnectClose");
        }
        close();
        return closedRefs.join();
    }

    /**
     * Deregisters this handle's event callbacks and close callback, then closes it: libvirt keeps
     * a connection referenced by its callbacks, and this handle is their only way out.
     */
    @Override
    public void close() {
        closing = true;
        if (!callbacks.isEmpty() || !qemuCallbacks.isEmpty() || closeKey.get() != 0) {
            deregisterAll();
        }
        super.close();
    }

    private void deregisterAll() {
        long c;
        try {
            c = h.acquireForCleanup(EventKind.Family.DOMAIN.deregister());
        } catch (LibvirtException alreadyClosed) {
            return; // a concurrent close won, and deregistered before closing
        }
        try {
            for (Registered r : callbacks) {
                deregisterQuietly(c, r);
            }
            for (Integer id : qemuCallbacks) {
                deregisterQemuQuietly(c, id);
            }
            unregisterCloseQuietly(c);
        } finally {
            h.release();
        }
    }

    /** Deregisters a QEMU monitor callback unless another thread took it out first; never throws. */
    private void deregisterQemuQuietly(long c, int id) {
        if (qemuCallbacks.remove(id)) {
            try {
                JniQemuNatives.qemuEventDeregister(c, id);
            } catch (LibvirtException ignored) {
                // close() never throws, and a callback libvirt no longer knows needs no undoing
            }
        }
    }

    // --- QEMU: ConnectQemuContract -------------------------------------------------------------

    @Override
    public org.libvirt4j.Domain rawDomainQemuAttach(int pid, int flags) {
        return h.call("virDomainQemuAttach", c -> new JniDomain(JniQemuNatives.qemuAttach(c, pid, flags)));
    }

    @Override
    public int rawQemuMonitorEventRegister(org.libvirt4j.Domain dom, String event,
            org.libvirt4j.DomainQemuMonitorEventCallback callback, int flags) {
        String fn = "virConnectDomainQemuMonitorEventRegister";
        NativeHandle target = dom == null ? null : handleOf(dom, JniDomain.class, ObjectKind.DOMAIN, fn);
        return h.call(fn, c -> {
            long t = target == null ? 0 : target.acquire(fn);
            try {
                long key = JniEvents.add(this, callback, null);
                int id;
                try {
                    id = JniQemuNatives.qemuEventRegister(c, t, event, key, flags);
                } catch (RuntimeException | Error e) {
                    JniEvents.forget(key);
                    throw e;
                }
                qemuCallbacks.add(id);
                if (closing) {
                    deregisterQemuQuietly(c, id); // close() may have passed over it already
                }
                return id;
            } finally {
                if (target != null) {
                    target.release();
                }
            }
        });
    }

    @Override
    public void rawQemuMonitorEventDeregister(int callbackId) {
        run("virConnectDomainQemuMonitorEventDeregister", c -> JniQemuNatives.qemuEventDeregister(c, callbackId));
        qemuCallbacks.remove(callbackId);
    }

    /** Deregisters r unless another thread took it out of {@link #callbacks} first; never throws. */
    private void deregisterQuietly(long c, Registered r) {
        if (callbacks.remove(r)) {
            try {
                deregister(r.family(), c, r.id());
            } catch (LibvirtException ignored) {
                // close() never throws, and a callback libvirt no longer knows needs no undoing
            }
        }
    }

    @Override
    public void setKeepAlive(int interval, int count) {
        run("virConnectSetKeepAlive", c -> virConnectSetKeepAlive(c, interval, count));
    }

    // --- the close callback ----------------------------------------------------------------

    @Override
    public void registerCloseCallback(CloseCallback callback) {
        Objects.requireNonNull(callback, "callback");
        CloseCallbacks.refuseInside(this, "virConnectRegisterCloseCallback");
        synchronized (closeLock) {
            h.run("virConnectRegisterCloseCallback", c -> {
                long key = JniEvents.add(this, callback, null);
                boolean registered = false;
                try {
                    JniNatives.closeCallbackRegister(c, key);
                    registered = true;
                } finally {
                    if (!registered) {
                        JniEvents.forget(key); // refused: libvirt never frees it
                    }
                }
                // Drivers through a daemon refuse a second registration; the others (test:///)
                // accept every one, keep none and so never free the key this one replaces.
                long replaced = closeKey.getAndSet(key);
                if (replaced != 0) {
                    JniEvents.forget(replaced);
                }
                if (closing) {
                    unregisterCloseQuietly(c); // close() may have passed over it already
                }
            });
        }
    }

    @Override
    public void unregisterCloseCallback() {
        CloseCallbacks.refuseInside(this, "virConnectUnregisterCloseCallback");
        synchronized (closeLock) {
            h.run("virConnectUnregisterCloseCallback", c -> {
                JniNatives.closeCallbackUnregister(c);
                // libvirt freed the registration, or (drivers that keep none) never held it
                long key = closeKey.getAndSet(0);
                if (key != 0) {
                    JniEvents.forget(key);
                }
            });
        }
    }

    /**
     * Unregisters the close callback registered through this handle unless another thread took
     * it first or libvirt already called it (and so dropped its reference on the connection;
     * unregistering from inside the callback would wait for libvirt's lock forever); never throws.
     */
    private void unregisterCloseQuietly(long c) {
        long key = closeKey.getAndSet(0);
        if (key == 0) {
            return;
        }
        if (JniEvents.registered(key)) {
            try {
                JniNatives.closeCallbackUnregister(c);
            } catch (LibvirtException ignored) {
                // close() never throws, and a callback libvirt no longer knows needs no undoing
            }
        }
        JniEvents.forget(key);
    }

    // --- events: the generated ConnectEventsContract hands every kind here ----------------------

    @Override
    public int eventRegister(EventKind kind, Object target, Object callback) {
        EventKind.Family family = kind.family();
        NativeHandle th = target == null ? null : switch (family) {
            case DOMAIN -> handleOf(target, JniDomain.class, ObjectKind.DOMAIN, family.register());
            case NETWORK -> handleOf(target, JniNetwork.class, ObjectKind.NETWORK, family.register());
            case STORAGE_POOL -> handleOf(target, JniStoragePool.class, ObjectKind.STORAGE_POOL, family.register());
            case NODE_DEVICE -> handleOf(target, JniNodeDevice.class, ObjectKind.NODE_DEVICE, family.register());
            case SECRET -> handleOf(target, JniSecret.class, ObjectKind.SECRET, family.register());
        };
        return register(kind, th, callback);
    }

    @Override
    public void eventDeregister(EventKind.Family family, int callbackId) {
        run(family.deregister(), c -> deregister(family, c, callbackId));
        callbacks.remove(new Registered(family, callbackId));
    }

    /**
     * Registers callback for one event kind, filtered on target's object (null: every object),
     * and remembers it for {@link #close()}.
     */
    private int register(EventKind kind, NativeHandle target, Object callback) {
        String fn = kind.family().register();
        return h.call(fn, c -> {
            long t = target == null ? 0 : target.acquire(fn);
            try {
                Registered r = new Registered(kind.family(), register(kind, c, t, callback));
                callbacks.add(r);
                if (closing) {
                    deregisterQuietly(c, r); // close() may have passed over it already
                }
                return r.id();
            } finally {
                if (target != null) {
                    target.release();
                }
            }
        });
    }

    /** Registers with a fresh key, forgotten again if libvirt refuses it (it then never frees it). */
    private int register(EventKind kind, long c, long t, Object callback) {
        long key = JniEvents.add(this, callback, kind);
        boolean registered = false;
        try {
            int id = JniNatives.eventRegister(kind.ordinal(), c, t, key);
            registered = true;
            return id;
        } finally {
            if (!registered) {
                JniEvents.forget(key);
            }
        }
    }

    // --- the connection itself -------------------------------------------------------------

    @Override
    public boolean isAlive() {
        return bool("virConnectIsAlive", c -> virConnectIsAlive(c));
    }

    @Override
    public boolean isEncrypted() {
        return bool("virConnectIsEncrypted", c -> virConnectIsEncrypted(c));
    }

    @Override
    public boolean isSecure() {
        return bool("virConnectIsSecure", c -> virConnectIsSecure(c));
    }

    @Override
    public String getType() {
        return str("virConnectGetType", c -> virConnectGetType(c));
    }

    @Override
    public String getURI() {
        return str("virConnectGetURI", c -> virConnectGetURI(c));
    }

    @Override
    public String getSysinfo() {
        return str("virConnectGetSysinfo", c -> virConnectGetSysinfo(c, 0));
    }

    @Override
    public NodeInfo getNodeInfo() {
        return h.call("virNodeGetInfo", c -> {
            long[] v = new long[7];
            String model = JniNatives.nodeGetInfo(c, v);
            return new NodeInfo(model, v[0], (int) v[1], (int) v[2], (int) v[3], (int) v[4], (int) v[5], (int) v[6]);
        });
    }

    @Override
    public long getFreeMemory() {
        return lng("virNodeGetFreeMemory", c -> virNodeGetFreeMemory(c));
    }

    // --- domains ---------------------------------------------------------------------------

    @Override
    public List<Domain> listAllDomains(int flags) {
        int mask = flags;
        long c = h.acquire("virConnectListAllDomains");
        long[] ptrs;
        try {
            ptrs = JniNatives.listAll(JniNatives.L_DOMAINS, c, mask);
        } finally {
            h.release();
        }
        return wrap(ptrs, JniDomain::new);
    }

    /**
     * Written out instead of the generated contract's {@code invoke}: a lookup and its close are
     * a hot pair, and the generic path adds an argument array, a boxed pointer and a dispatch.
     */
    @Override
    public Domain lookupDomainByName(String name) {
        org.libvirt4j.spi.CStrings.requireNoNul(Objects.requireNonNull(name, "name"));
        long c = h.acquire("virDomainLookupByName");
        long dom;
        try {
            dom = virDomainLookupByName(c, name);
        } finally {
            h.release();
        }
        return new JniDomain(ptr(dom, "virDomainLookupByName"));
    }

    @Override
    public Domain lookupDomainByUUID(UUID uuid) {
        byte[] raw = Uuids.toBytes(Objects.requireNonNull(uuid, "uuid"));
        return obj("virDomainLookupByUUID",
                c -> new JniDomain(ptr(virDomainLookupByUUID(c, raw), "virDomainLookupByUUID")));
    }

    @Override
    public Domain lookupDomainByUUIDString(String uuid) {
        Objects.requireNonNull(uuid, "uuid");
        return obj("virDomainLookupByUUIDString",
                c -> new JniDomain(ptr(virDomainLookupByUUIDString(c, uuid), "virDomainLookupByUUIDString")));
    }

    @Override
    public List<DomainStats> getAllDomainStats(List<Domain> doms, Set<DomainStatsTypes> statsTypes,
            ConnectGetAllDomainStatsFlags... flags) {
        Domain[] list = Objects.requireNonNull(doms, "doms").toArray(new Domain[0]);
        int stats = LibvirtEnum.mask("statsTypes", statsTypes);
        int mask = LibvirtEnum.mask(flags);
        String fn = list.length == 0 ? "virConnectGetAllDomainStats" : "virDomainListGetStats";
        NativeHandle[] handles = new NativeHandle[list.length];
        for (int i = 0; i < list.length; i++) {
            handles[i] = handleOf(Objects.requireNonNull(list[i], "dom"), JniDomain.class, ObjectKind.DOMAIN, fn);
        }
        Object[] raw;
        long c = h.acquire(fn);
        int held = 0;
        try {
            long[] ptrs = new long[handles.length];
            for (; held < handles.length; held++) {
                ptrs[held] = handles[held].acquire(fn);
            }
            raw = JniNatives.getAllDomainStats(c, ptrs, stats, mask);
        } finally {
            for (int i = 0; i < held; i++) {
                handles[i].release();
            }
            h.release();
        }
        return wrapStats((long[]) raw[0], (Object[]) raw[1]);
    }

    /** One record per domain pointer, each owning its reference; on failure every reference is dropped. */
    private static List<DomainStats> wrapStats(long[] domains, Object[] params) {
        List<DomainStats> out = new ArrayList<>(domains.length);
        JniDomain[] wrapped = new JniDomain[domains.length];
        int n = 0;
        boolean done = false;
        try {
            for (; n < domains.length; n++) {
                wrapped[n] = new JniDomain(domains[n]);
            }
            for (int i = 0; i < domains.length; i++) {
                out.add(new DomainStats(wrapped[i], Params.fromNative((Object[]) params[i])));
            }
            done = true;
            return Collections.unmodifiableList(out);
        } finally {
            if (!done) {
                for (int i = 0; i < n; i++) {
                    wrapped[i].close();
                }
                for (int i = n; i < domains.length; i++) {
                    JniNatives.free(JniNatives.K_DOMAIN, domains[i]);
                }
            }
        }
    }

    // --- networks --------------------------------------------------------------------------

    @Override
    public List<Network> listAllNetworks(int flags) {
        int mask = flags;
        return wrap(obj("virConnectListAllNetworks", c -> JniNatives.listAll(JniNatives.L_NETWORKS, c, mask)),
                JniNetwork::new);
    }

    @Override
    public Network lookupNetworkByUUID(UUID uuid) {
        byte[] raw = Uuids.toBytes(Objects.requireNonNull(uuid, "uuid"));
        return obj("virNetworkLookupByUUID",
                c -> new JniNetwork(ptr(virNetworkLookupByUUID(c, raw), "virNetworkLookupByUUID")));
    }

    @Override
    public Network lookupNetworkByUUIDString(String uuid) {
        Objects.requireNonNull(uuid, "uuid");
        return obj("virNetworkLookupByUUIDString",
                c -> new JniNetwork(ptr(virNetworkLookupByUUIDString(c, uuid), "virNetworkLookupByUUIDString")));
    }

    // --- storage ---------------------------------------------------------------------------

    @Override
    public List<StoragePool> listAllStoragePools(int flags) {
        int mask = flags;
        return wrap(obj("virConnectListAllStoragePools",
                c -> JniNatives.listAll(JniNatives.L_STORAGE_POOLS, c, mask)), JniStoragePool::new);
    }

    @Override
    public StoragePool lookupStoragePoolByUUID(UUID uuid) {
        byte[] raw = Uuids.toBytes(Objects.requireNonNull(uuid, "uuid"));
        return obj("virStoragePoolLookupByUUID",
                c -> new JniStoragePool(ptr(virStoragePoolLookupByUUID(c, raw), "virStoragePoolLookupByUUID")));
    }

    @Override
    public StoragePool lookupStoragePoolByUUIDString(String uuid) {
        Objects.requireNonNull(uuid, "uuid");
        return obj("virStoragePoolLookupByUUIDString", c -> new JniStoragePool(
                ptr(virStoragePoolLookupByUUIDString(c, uuid), "virStoragePoolLookupByUUIDString")));
    }

    // --- interfaces, node devices, secrets, filters ----------------------------------------

    @Override
    public List<Interface> listAllInterfaces(int flags) {
        int mask = flags;
        return wrap(obj("virConnectListAllInterfaces", c -> JniNatives.listAll(JniNatives.L_INTERFACES, c, mask)),
                JniInterface::new);
    }

    @Override
    public List<NodeDevice> listAllNodeDevices(int flags) {
        int mask = flags;
        return wrap(obj("virConnectListAllNodeDevices", c -> JniNatives.listAll(JniNatives.L_NODE_DEVICES, c, mask)),
                JniNodeDevice::new);
    }

    @Override
    public List<Secret> listAllSecrets(int flags) {
        int mask = flags;
        return wrap(obj("virConnectListAllSecrets", c -> JniNatives.listAll(JniNatives.L_SECRETS, c, mask)),
                JniSecret::new);
    }

    @Override
    public Secret lookupSecretByUUIDString(String uuid) {
        Objects.requireNonNull(uuid, "uuid");
        return obj("virSecretLookupByUUIDString",
                c -> new JniSecret(ptr(virSecretLookupByUUIDString(c, uuid), "virSecretLookupByUUIDString")));
    }

    @Override
    public Secret lookupSecretByUsage(SecretUsageType usageType, String usageID) {
        int type = Objects.requireNonNull(usageType, "usageType").value();
        Objects.requireNonNull(usageID, "usageID");
        return obj("virSecretLookupByUsage",
                c -> new JniSecret(ptr(virSecretLookupByUsage(c, type, usageID), "virSecretLookupByUsage")));
    }

    @Override
    public List<NWFilter> listAllNWFilters() {
        return wrap(obj("virConnectListAllNWFilters", c -> JniNatives.listAll(JniNatives.L_NWFILTERS, c, 0)),
                JniNWFilter::new);
    }

    @Override
    public NWFilter lookupNWFilterByUUIDString(String uuid) {
        Objects.requireNonNull(uuid, "uuid");
        return obj("virNWFilterLookupByUUIDString",
                c -> new JniNWFilter(ptr(virNWFilterLookupByUUIDString(c, uuid), "virNWFilterLookupByUUIDString")));
    }

    @Override
    public List<NWFilterBinding> listAllNWFilterBindings() {
        return wrap(obj("virConnectListAllNWFilterBindings",
                c -> JniNatives.listAll(JniNatives.L_NWFILTER_BINDINGS, c, 0)), JniNWFilterBinding::new);
    }

    // --- streams ---------------------------------------------------------------------------

    @Override
    public Stream newStream(int flags) {
        int mask = flags;
        return obj("virStreamNew", c -> new JniStream(ptr(virStreamNew(c, mask), "virStreamNew")));
    }

    @Override
    public Object invokeManual(org.libvirt4j.spi.ManualFn fn, Object... args) {
        return JniManual.invoke(this, fn, args);
    }
}

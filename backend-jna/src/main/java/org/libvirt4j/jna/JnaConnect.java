package org.libvirt4j.jna;

import com.sun.jna.Function;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.libvirt4j.jna.internal.CStrings;
import org.libvirt4j.jna.internal.Errors;
import org.libvirt4j.jna.internal.TypedParams;
import org.libvirt4j.jna.internal.Natives;
import org.libvirt4j.jna.internal.Virt;
import org.libvirt4j.spi.generated.EventKind;
import org.libvirt4j.jna.internal.VirtBindings;
import org.libvirt4j.spi.CloseCallbacks;
import org.libvirt4j.spi.NativeHandle;
import org.libvirt4j.spi.ObjectKind;
import org.libvirt4j.spi.Uuids;

/** {@link Connect} over a {@code virConnectPtr}; {@link #close()} is {@code virConnectClose}. */
final class JnaConnect implements Connect, org.libvirt4j.spi.generated.ConnectContract,
        org.libvirt4j.spi.generated.ConnectTypedContract, org.libvirt4j.spi.generated.ConnectEventsContract,
        JnaConnectIrregular, org.libvirt4j.spi.ConnectManualContract, org.libvirt4j.spi.ConnectQemuContract,
        org.libvirt4j.spi.EventCallbackRunner.Host {
    private final NativeHandle h;

    @Override
    public NativeHandle guard() {
        return h;
    }
    /** The event callbacks registered through this handle, deregistered by {@link #close()}. */
    private final Map<Integer, EventKind.Family> callbackIds = new ConcurrentHashMap<>();
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
    private final java.util.Set<Integer> qemuCallbackIds = ConcurrentHashMap.newKeySet();
    /** Set before {@link #close()} deregisters, so that a registration racing it deregisters itself. */
    private volatile boolean closing;
    /** The registry key of the close callback registered through this handle, 0 for none. */
    private final AtomicLong closeKey = new AtomicLong();
    /** Keeps register and unregister of the close callback from interleaving; never taken by close(). */
    private final Object closeLock = new Object();

    /** What virConnectClose answered, once this handle's pointer is freed (closeAndCount). */
    private final java.util.concurrent.CompletableFuture<Integer> closedRefs = new java.util.concurrent.CompletableFuture<>();

    JnaConnect(long conn) {
        java.util.concurrent.CompletableFuture<Integer> refs = closedRefs;
        this.h = new NativeHandle(ObjectKind.CONNECT, conn, p -> {
            try {
                refs.complete(Virt.virConnectClose(p));
            } catch (RuntimeException | Error e) {
                refs.completeExceptionally(e);
            }
        });
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
     * Deregisters this handle's event callbacks, then closes it: libvirt keeps a connection
     * referenced by its callbacks, and this handle is their only way out.
     */
    @Override
    public void close() {
        closing = true;
        if (!callbackIds.isEmpty() || !qemuCallbackIds.isEmpty() || closeKey.get() != 0) {
            deregisterAll();
        }
        h.close();
    }

    private void deregisterAll() {
        long c;
        try {
            c = h.acquireForCleanup("virConnectDomainEventDeregisterAny");
        } catch (LibvirtException alreadyClosed) {
            return; // a concurrent close won, and deregistered before closing
        }
        try {
            for (Integer id : callbackIds.keySet()) {
                deregisterQuietly(c, id);
            }
            for (Integer id : qemuCallbackIds) {
                deregisterQemuQuietly(c, id);
            }
            unregisterCloseQuietly(c);
        } finally {
            h.release();
        }
    }

    /** Deregisters id unless another thread took it out of {@link #callbackIds} first; never throws. */
    private void deregisterQuietly(long c, int id) {
        EventKind.Family family = callbackIds.remove(id);
        if (family != null) {
            // close() never throws, and a callback libvirt no longer knows needs no undoing
            deregisterCall(family, c, id);
        }
    }

    /** Deregisters a QEMU monitor callback unless another thread took it out first; never throws. */
    private void deregisterQemuQuietly(long c, int id) {
        if (qemuCallbackIds.remove(id)) {
            JnaQemuEvents.deregisterQuietly(c, id);
        }
    }

    // --- QEMU: ConnectQemuContract -------------------------------------------------------------

    @Override
    public Domain rawDomainQemuAttach(int pid, int flags) {
        return JnaQemuEvents.attach(h, pid, flags);
    }

    @Override
    public int rawQemuMonitorEventRegister(Domain dom, String event, org.libvirt4j.DomainQemuMonitorEventCallback callback,
            int flags) {
        int id = JnaQemuEvents.register(this, h, dom, event, callback, flags);
        qemuCallbackIds.add(id);
        if (closing) {
            try {
                long c = h.acquire(JnaQemuEvents.DEREGISTER);
                try {
                    deregisterQemuQuietly(c, id); // close() may have passed over it already
                } finally {
                    h.release();
                }
            } catch (LibvirtException closed) {
                // close() won the race; the handle's pointer is gone with its callbacks
            }
        }
        return id;
    }

    @Override
    public void rawQemuMonitorEventDeregister(int callbackId) {
        JnaQemuEvents.deregister(h, callbackId);
        qemuCallbackIds.remove(callbackId);
    }

    /** Unregisters the close callback if this handle registered one; never throws. */
    private void unregisterCloseQuietly(long c) {
        long key = closeKey.getAndSet(0);
        if (key != 0) {
            Virt.virConnectUnregisterCloseCallback(c, Events.CLOSE_FUNCTION);
            // drivers without a daemon accept a registration and never free it: forget it here too
            Events.forget(key);
        }
    }

    /**
     * Called on the event thread just before this handle's close callback runs: libvirt drops the
     * registration after the call, and unregistering from inside it would wait on libvirt's own
     * lock, so a {@link #close()} inside the callback must not try.
     */
    void closeCallbackFired(long key) {
        closeKey.compareAndSet(key, 0);
    }

    @Override
    public void registerCloseCallback(CloseCallback callback) {
        Objects.requireNonNull(callback, "callback");
        CloseCallbacks.refuseInside(this, "virConnectRegisterCloseCallback");
        String fn = "virConnectRegisterCloseCallback";
        synchronized (closeLock) {
            h.run(fn, c -> {
                long key = Events.add(this, callback, null);
                if (Virt.virConnectRegisterCloseCallback(c, Events.CLOSE_FUNCTION, key, Events.freeFunction()) < 0) {
                    Events.forget(key);
                    throw Errors.last(fn);
                }
                long replaced = closeKey.getAndSet(key);
                if (replaced != 0) {
                    Events.forget(replaced); // a driver without a daemon took both, and keeps neither
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
        String fn = "virConnectUnregisterCloseCallback";
        synchronized (closeLock) {
            h.run(fn, c -> {
                Errors.check(Virt.virConnectUnregisterCloseCallback(c, Events.CLOSE_FUNCTION), fn);
                long key = closeKey.getAndSet(0);
                if (key != 0) {
                    Events.forget(key);
                }
            });
        }
    }

    @Override
    public void setKeepAlive(int interval, int count) {
        h.run("virConnectSetKeepAlive", c -> {
            Errors.check(Virt.virConnectSetKeepAlive(c, interval, count), "virConnectSetKeepAlive");
        });
    }

    // --- events: the generated ConnectEventsContract hands every kind here ----------------------

    @Override
    public int eventRegister(EventKind kind, Object target, Object callback) {
        return register(kind, target == null ? null : filter(kind.family(), target), callback);
    }

    @Override
    public void eventDeregister(EventKind.Family family, int callbackId) {
        deregister(family, callbackId);
    }

    private static NativeHandle filter(EventKind.Family family, Object target) {
        Class<? extends JnaHandle> type = switch (family) {
            case DOMAIN -> JnaDomain.class;
            case NETWORK -> JnaNetwork.class;
            case STORAGE_POOL -> JnaStoragePool.class;
            case NODE_DEVICE -> JnaNodeDevice.class;
            case SECRET -> JnaSecret.class;
        };
        return JnaHandle.of(target, type, family.objectKind(), family.register());
    }

    /** libvirt's register and deregister functions of each family, looked up once. */
    private static final Map<String, Function> FUNCTIONS = new ConcurrentHashMap<>();

    private static Function function(String name) {
        return FUNCTIONS.computeIfAbsent(name, n -> Natives.library().getFunction(n));
    }

    private static Pointer pointer(long p) {
        return p == 0 ? null : new Pointer(p);
    }

    /** Deregisters through the family's C function; returns libvirt's result. */
    private static int deregisterCall(EventKind.Family family, long c, int id) {
        return function(family.deregister()).invokeInt(new Object[] {pointer(c), id});
    }

    /**
     * {@code virConnectXxxEventRegisterAny} with the kind's one C function and a fresh key,
     * forgotten again if libvirt refuses it (it then never calls the free callback).
     *
     * @param target the filter's handle, or {@code null} for every object's events
     * @param callback the user's callback, already checked for null by the contract
     */
    private int register(EventKind kind, NativeHandle target, Object callback) {
        String fn = kind.family().register();
        return h.call(fn, c -> {
            long t = target == null ? 0 : target.acquire(fn);
            try {
                long key = Events.add(this, callback, kind);
                int id = function(fn).invokeInt(new Object[] {pointer(c), pointer(t), kind.eventId(),
                    pointer(Events.function(kind)), pointer(key), pointer(Events.freeFunction())});
                if (id < 0) {
                    Events.forget(key);
                    throw Errors.last(fn);
                }
                callbackIds.put(id, kind.family());
                if (closing) {
                    deregisterQuietly(c, id); // close() may have passed over it already
                }
                return id;
            } finally {
                if (target != null) {
                    target.release();
                }
            }
        });
    }

    private void deregister(EventKind.Family family, int callbackId) {
        h.run(family.deregister(), c -> {
            Errors.check(deregisterCall(family, c, callbackId), family.deregister());
            callbackIds.remove(callbackId);
        });
    }

    // --- the connection itself -------------------------------------------------------------

    @Override
    public boolean isAlive() {
        return h.call("virConnectIsAlive", c -> Errors.bool(Virt.virConnectIsAlive(c), "virConnectIsAlive"));
    }

    @Override
    public boolean isEncrypted() {
        return h.call("virConnectIsEncrypted", c -> {
            return Errors.bool(Virt.virConnectIsEncrypted(c), "virConnectIsEncrypted");
        });
    }

    @Override
    public boolean isSecure() {
        return h.call("virConnectIsSecure", c -> Errors.bool(Virt.virConnectIsSecure(c), "virConnectIsSecure"));
    }

    @Override
    public String getType() {
        return h.call("virConnectGetType", c -> Errors.constString(Virt.virConnectGetType(c), "virConnectGetType"));
    }

    @Override
    public String getURI() {
        return h.call("virConnectGetURI", c -> Errors.ownedString(Virt.virConnectGetURI(c), "virConnectGetURI"));
    }

    @Override
    public String getSysinfo() {
        return h.call("virConnectGetSysinfo", c -> {
            return Errors.ownedString(Virt.virConnectGetSysinfo(c, 0), "virConnectGetSysinfo");
        });
    }

    @Override
    public NodeInfo getNodeInfo() {
        return h.call("virNodeGetInfo", c -> {
            // struct _virNodeInfo: char model[32]; unsigned long memory; then six unsigned ints.
            byte[] raw = new byte[64];
            Errors.check(Virt.virNodeGetInfo(c, raw), "virNodeGetInfo");
            ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.nativeOrder());
            byte[] model = new byte[32];
            b.get(model);
            return new NodeInfo(CStrings.fromBuffer(model), b.getLong(32), b.getInt(40), b.getInt(44),
                    b.getInt(48), b.getInt(52), b.getInt(56), b.getInt(60));
        });
    }

    @Override
    public long getFreeMemory() {
        return h.call("virNodeGetFreeMemory", c -> {
            long free = Virt.virNodeGetFreeMemory(c);
            if (free == 0 && Errors.pending()) {
                throw Errors.last("virNodeGetFreeMemory");
            }
            return free;
        });
    }

    // --- domains ---------------------------------------------------------------------------

    @Override
    public List<Domain> listAllDomains(int flags) {
        int mask = flags;
        return h.call("virConnectListAllDomains", c -> {
            long[] array = new long[1];
            int n = Errors.check(Virt.virConnectListAllDomains(c, array, mask), "virConnectListAllDomains");
            return NativeLists.wrap(array[0], n, JnaDomain::new);
        });
    }

    @Override
    public List<DomainStats> getAllDomainStats(List<Domain> doms, Set<DomainStatsTypes> statsTypes,
            ConnectGetAllDomainStatsFlags... flags) {
        Objects.requireNonNull(doms, "doms");
        int stats = LibvirtEnum.mask("statsTypes", statsTypes);
        int mask = Flags.mask(flags);
        String fn = doms.isEmpty() ? "virConnectGetAllDomainStats" : "virDomainListGetStats";
        List<NativeHandle> handles = new ArrayList<>(doms.size());
        for (Domain d : doms) {
            handles.add(JnaHandle.of(Objects.requireNonNull(d, "dom"), JnaDomain.class, ObjectKind.DOMAIN, fn));
        }
        long c = h.acquire(fn);
        int held = 0;
        try {
            long[] array = new long[handles.size() + 1]; // NULL-terminated, as libvirt reads it
            for (NativeHandle dh : handles) {
                array[held] = dh.acquire(fn);
                held++;
                if (Virt.virDomainGetConnect(array[held - 1]) != c) {
                    throw foreignDomain();
                }
            }
            long[] records = new long[1];
            int n = Errors.check(doms.isEmpty() ? Virt.virConnectGetAllDomainStats(c, stats, records, mask)
                    : Virt.virDomainListGetStats(array, stats, records, mask), fn);
            try {
                return readStats(records[0], n);
            } finally {
                Virt.virDomainStatsRecordListFree(records[0]);
            }
        } finally {
            for (int i = 0; i < held; i++) {
                handles.get(i).release();
            }
            h.release();
        }
    }

    /**
     * The libvirt check for domains of several connections, applied to this one too: the C call
     * takes no connection, so a list of another connection's domains would silently ask that one.
     */
    private static LibvirtException foreignDomain() {
        return LibvirtException.of(ErrorNumber.ERR_INVALID_ARG, ErrorDomain.DOMAIN,
                "invalid argument: domains in 'doms' array must belong to a single connection");
    }

    /** Reads {@code virDomainStatsRecordPtr[n]}: per record {@code dom}, {@code params}, {@code nparams} on LP64. */
    private static List<DomainStats> readStats(long records, int n) {
        List<DomainStats> out = new ArrayList<>(n);
        Pointer list = new Pointer(records);
        for (int i = 0; i < n; i++) {
            Pointer r = list.getPointer((long) i * Long.BYTES);
            long dom = Pointer.nativeValue(r.getPointer(0));
            // the list's free drops its references: each record's handle takes one of its own
            Errors.check(Virt.virDomainRef(dom), "virDomainRef");
            out.add(new DomainStats(new JnaDomain(dom), TypedParams.read(r.getPointer(8), r.getInt(16))));
        }
        return List.copyOf(out);
    }

    /**
     * Direct-mapped instead of the generated contract's {@code invoke}, whose JNA
     * {@code Function.invoke} converts each argument by reflection: a lookup and its close are
     * a hot pair.
     */
    @Override
    public Domain lookupDomainByName(String name) {
        byte[] s = CStrings.of(Objects.requireNonNull(name, "name"));
        long c = h.acquire("virDomainLookupByName");
        long dom;
        try {
            // libvirt's error is read before release(), which may close the connection
            dom = Errors.ptr(Virt.virDomainLookupByName(c, s), "virDomainLookupByName");
        } finally {
            h.release();
        }
        return new JnaDomain(dom);
    }

    @Override
    public Domain lookupDomainByUUID(UUID uuid) {
        byte[] raw = Uuids.toBytes(Objects.requireNonNull(uuid, "uuid"));
        return h.call("virDomainLookupByUUID", c -> {
            return new JnaDomain(Errors.ptr(Virt.virDomainLookupByUUID(c, raw), "virDomainLookupByUUID"));
        });
    }

    @Override
    public Domain lookupDomainByUUIDString(String uuid) {
        byte[] s = CStrings.of(Objects.requireNonNull(uuid, "uuid"));
        return h.call("virDomainLookupByUUIDString", c -> {
            return new JnaDomain(Errors.ptr(Virt.virDomainLookupByUUIDString(c, s), "virDomainLookupByUUIDString"));
        });
    }

    // --- networks --------------------------------------------------------------------------

    @Override
    public List<Network> listAllNetworks(int flags) {
        int mask = flags;
        return h.call("virConnectListAllNetworks", c -> {
            long[] array = new long[1];
            int n = Errors.check(Virt.virConnectListAllNetworks(c, array, mask), "virConnectListAllNetworks");
            return NativeLists.wrap(array[0], n, JnaNetwork::new);
        });
    }

    @Override
    public Network lookupNetworkByUUID(UUID uuid) {
        byte[] raw = Uuids.toBytes(Objects.requireNonNull(uuid, "uuid"));
        return h.call("virNetworkLookupByUUID", c -> {
            return new JnaNetwork(Errors.ptr(Virt.virNetworkLookupByUUID(c, raw), "virNetworkLookupByUUID"));
        });
    }

    @Override
    public Network lookupNetworkByUUIDString(String uuid) {
        byte[] s = CStrings.of(Objects.requireNonNull(uuid, "uuid"));
        return h.call("virNetworkLookupByUUIDString", c -> {
            return new JnaNetwork(Errors.ptr(Virt.virNetworkLookupByUUIDString(c, s), "virNetworkLookupByUUIDString"));
        });
    }

    // --- storage ---------------------------------------------------------------------------

    @Override
    public List<StoragePool> listAllStoragePools(int flags) {
        int mask = flags;
        return h.call("virConnectListAllStoragePools", c -> {
            long[] array = new long[1];
            int n = Errors.check(Virt.virConnectListAllStoragePools(c, array, mask), "virConnectListAllStoragePools");
            return NativeLists.wrap(array[0], n, JnaStoragePool::new);
        });
    }

    @Override
    public StoragePool lookupStoragePoolByUUID(UUID uuid) {
        byte[] raw = Uuids.toBytes(Objects.requireNonNull(uuid, "uuid"));
        return h.call("virStoragePoolLookupByUUID", c -> {
            return new JnaStoragePool(Errors.ptr(Virt.virStoragePoolLookupByUUID(c, raw), "virStoragePoolLookupByUUID"));
        });
    }

    @Override
    public StoragePool lookupStoragePoolByUUIDString(String uuid) {
        byte[] s = CStrings.of(Objects.requireNonNull(uuid, "uuid"));
        return h.call("virStoragePoolLookupByUUIDString", c -> {
            return new JnaStoragePool(Errors.ptr(Virt.virStoragePoolLookupByUUIDString(c, s),
                    "virStoragePoolLookupByUUIDString"));
        });
    }

    // --- interfaces, node devices, secrets, filters ----------------------------------------

    @Override
    public List<Interface> listAllInterfaces(int flags) {
        int mask = flags;
        return h.call("virConnectListAllInterfaces", c -> {
            long[] array = new long[1];
            int n = Errors.check(Virt.virConnectListAllInterfaces(c, array, mask), "virConnectListAllInterfaces");
            return NativeLists.wrap(array[0], n, JnaInterface::new);
        });
    }

    @Override
    public List<NodeDevice> listAllNodeDevices(int flags) {
        int mask = flags;
        return h.call("virConnectListAllNodeDevices", c -> {
            long[] array = new long[1];
            int n = Errors.check(Virt.virConnectListAllNodeDevices(c, array, mask), "virConnectListAllNodeDevices");
            return NativeLists.wrap(array[0], n, JnaNodeDevice::new);
        });
    }

    @Override
    public List<Secret> listAllSecrets(int flags) {
        int mask = flags;
        return h.call("virConnectListAllSecrets", c -> {
            long[] array = new long[1];
            int n = Errors.check(Virt.virConnectListAllSecrets(c, array, mask), "virConnectListAllSecrets");
            return NativeLists.wrap(array[0], n, JnaSecret::new);
        });
    }

    @Override
    public Secret lookupSecretByUUIDString(String uuid) {
        byte[] s = CStrings.of(Objects.requireNonNull(uuid, "uuid"));
        return h.call("virSecretLookupByUUIDString", c -> {
            return new JnaSecret(Errors.ptr(Virt.virSecretLookupByUUIDString(c, s), "virSecretLookupByUUIDString"));
        });
    }

    @Override
    public Secret lookupSecretByUsage(SecretUsageType usageType, String usageID) {
        int type = Objects.requireNonNull(usageType, "usageType").value();
        byte[] id = CStrings.of(Objects.requireNonNull(usageID, "usageID"));
        return h.call("virSecretLookupByUsage", c -> {
            return new JnaSecret(Errors.ptr(Virt.virSecretLookupByUsage(c, type, id), "virSecretLookupByUsage"));
        });
    }

    @Override
    public List<NWFilter> listAllNWFilters() {
        return h.call("virConnectListAllNWFilters", c -> {
            long[] array = new long[1];
            int n = Errors.check(Virt.virConnectListAllNWFilters(c, array, 0), "virConnectListAllNWFilters");
            return NativeLists.wrap(array[0], n, JnaNWFilter::new);
        });
    }

    @Override
    public NWFilter lookupNWFilterByUUIDString(String uuid) {
        byte[] s = CStrings.of(Objects.requireNonNull(uuid, "uuid"));
        return h.call("virNWFilterLookupByUUIDString", c -> {
            return new JnaNWFilter(Errors.ptr(Virt.virNWFilterLookupByUUIDString(c, s), "virNWFilterLookupByUUIDString"));
        });
    }

    @Override
    public List<NWFilterBinding> listAllNWFilterBindings() {
        long c = h.acquire("virConnectListAllNWFilterBindings");
        try {
            long[] array = new long[1];
            int n = Errors.check(VirtBindings.virConnectListAllNWFilterBindings(c, array, 0),
                    "virConnectListAllNWFilterBindings");
            return NativeLists.wrap(array[0], n, JnaNWFilterBinding::new);
        } catch (UnsatisfiedLinkError e) {
            throw Errors.noSupport("virConnectListAllNWFilterBindings", e);
        } finally {
            h.release();
        }
    }

    // --- streams ---------------------------------------------------------------------------

    @Override
    public Stream newStream(int flags) {
        int mask = flags;
        return h.call("virStreamNew", c -> new JnaStream(Errors.ptr(Virt.virStreamNew(c, mask), "virStreamNew")));
    }

    @Override
    public Object invoke(org.libvirt4j.spi.generated.Fn fn, Object... args) {
        return JnaCalls.invoke(h, fn, args);
    }

    @Override
    public org.libvirt4j.spi.TypedReply invokeTyped(org.libvirt4j.spi.generated.TypedFn fn,
            java.util.List<org.libvirt4j.spi.TypedParameter> params, Object... args) {
        return JnaTypedCalls.invoke(h, fn, params, args);
    }

    @Override
    public Object invokeManual(org.libvirt4j.spi.ManualFn fn, Object... args) {
        return JnaManual.invoke(h, fn, args);
    }
}

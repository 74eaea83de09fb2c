package org.libvirt4j.jna;

import com.sun.jna.Callback;
import com.sun.jna.CallbackReference;
import com.sun.jna.Pointer;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.libvirt4j.CloseCallback;
import org.libvirt4j.DomainEventID;
import org.libvirt4j.DomainEventLifecycle;
import org.libvirt4j.DomainEventLifecycleCallback;
import org.libvirt4j.DomainEventMetadataChange;
import org.libvirt4j.DomainEventMetadataChangeCallback;
import org.libvirt4j.LibvirtEnum;
import org.libvirt4j.NetworkEventID;
import org.libvirt4j.NetworkEventLifecycle;
import org.libvirt4j.NetworkEventLifecycleCallback;
import org.libvirt4j.StoragePoolEventID;
import org.libvirt4j.StoragePoolEventLifecycle;
import org.libvirt4j.StoragePoolEventLifecycleCallback;
import org.libvirt4j.jna.internal.CStrings;
import org.libvirt4j.spi.CloseCallbacks;
import org.libvirt4j.jna.internal.Errors;
import org.libvirt4j.jna.internal.Natives;
import org.libvirt4j.jna.internal.Virt;

/**
 * libvirt's default event loop, run on one daemon thread, and the native callbacks through which
 * it delivers events to Java.
 *
 * <p>Every registration of one event kind passes the same C function to libvirt (as Go's binding
 * does), so libvirt's rule of one registration per kind and filter holds here as everywhere; the
 * {@code opaque} pointer is a key into {@link #REGISTRATIONS}. libvirt calls {@link #FREE} when
 * it drops a registration, which is the one safe moment to forget it.
 */
final class Events {
    private static final System.Logger LOG = System.getLogger(Events.class.getName());
    private static final Map<Long, Registration> REGISTRATIONS = new ConcurrentHashMap<>();
    private static final AtomicLong KEYS = new AtomicLong();
    // JNA finds a callback's method by reflection: plain classes, not lambdas, to be sure of it
    private static final DomainLifecycle ON_DOMAIN_LIFECYCLE = new DomainLifecycle() {
        @Override
        public int invoke(long conn, long dom, int event, int detail, long opaque) {
            deliver(opaque, DomainEventLifecycleCallback.class, (r, cb) -> {
                try (JnaDomain d = domain(dom)) {
                    cb.onEvent(r.conn(), d, new DomainEventLifecycle(event, detail));
                }
            });
            return 0;
        }
    };
    private static final DomainMetadataChange ON_DOMAIN_METADATA_CHANGE = new DomainMetadataChange() {
        @Override
        public void invoke(long conn, long dom, int type, long nsuri, long opaque) {
            deliver(opaque, DomainEventMetadataChangeCallback.class, (r, cb) -> {
                try (JnaDomain d = domain(dom)) {
                    cb.onEvent(r.conn(), d, new DomainEventMetadataChange(type, CStrings.read(nsuri)));
                }
            });
        }
    };
    private static final ObjectLifecycle ON_NETWORK_LIFECYCLE = new ObjectLifecycle() {
        @Override
        public void invoke(long conn, long net, int event, int detail, long opaque) {
            deliver(opaque, NetworkEventLifecycleCallback.class, (r, cb) -> {
                Errors.check(Virt.virNetworkRef(net), "virNetworkRef");
                try (JnaNetwork n = new JnaNetwork(net)) {
                    cb.onEvent(r.conn(), n, new NetworkEventLifecycle(event, detail));
                }
            });
        }
    };
    private static final ObjectLifecycle ON_STORAGE_POOL_LIFECYCLE = new ObjectLifecycle() {
        @Override
        public void invoke(long conn, long pool, int event, int detail, long opaque) {
            deliver(opaque, StoragePoolEventLifecycleCallback.class, (r, cb) -> {
                Errors.check(Virt.virStoragePoolRef(pool), "virStoragePoolRef");
                try (JnaStoragePool p = new JnaStoragePool(pool)) {
                    cb.onEvent(r.conn(), p, new StoragePoolEventLifecycle(event, detail));
                }
            });
        }
    };
    private static final ConnectClose ON_CLOSE = new ConnectClose() {
        @Override
        public void invoke(long conn, int reason, long opaque) {
            deliver(opaque, CloseCallback.class, (r, cb) -> {
                r.conn().closeCallbackFired(opaque);
                CloseCallbacks.run(r.conn(), () -> cb.onClose(r.conn(), reason));
            });
        }
    };
    /** The one close function every registration passes, so that unregistering names it too. */
    static final long CLOSE_FUNCTION = Pointer.nativeValue(CallbackReference.getFunctionPointer(ON_CLOSE));
    private static final FreeCallback FREE = new FreeCallback() {
        @Override
        public void invoke(long opaque) {
            REGISTRATIONS.remove(opaque);
        }
    };
    private static boolean loopRunning;

    private Events() {
    }

    /** A Java callback (one of the API's event callback types) and the connection it was registered on. */
    record Registration(JnaConnect conn, Object callback) {
    }

    /**
     * The event kinds: libvirt's event id, the C function every registration of the kind passes,
     * and the family's register and deregister functions.
     */
    enum Kind {
        DOMAIN_LIFECYCLE(DomainEventID.LIFECYCLE, ON_DOMAIN_LIFECYCLE, Family.DOMAIN),
        DOMAIN_METADATA_CHANGE(DomainEventID.METADATA_CHANGE, ON_DOMAIN_METADATA_CHANGE, Family.DOMAIN),
        NETWORK_LIFECYCLE(NetworkEventID.LIFECYCLE, ON_NETWORK_LIFECYCLE, Family.NETWORK),
        STORAGE_POOL_LIFECYCLE(StoragePoolEventID.LIFECYCLE, ON_STORAGE_POOL_LIFECYCLE, Family.STORAGE_POOL);

        final int eventId;
        final long function;
        final Family family;

        Kind(LibvirtEnum eventId, Callback function, Family family) {
            this.eventId = eventId.value();
            this.function = Pointer.nativeValue(CallbackReference.getFunctionPointer(function));
            this.family = family;
        }
    }

    /** The objects events are about, each with its own pair of C functions and id space checks. */
    enum Family {
        DOMAIN("virConnectDomainEventRegisterAny", Virt::virConnectDomainEventRegisterAny,
                "virConnectDomainEventDeregisterAny", Virt::virConnectDomainEventDeregisterAny),
        NETWORK("virConnectNetworkEventRegisterAny", Virt::virConnectNetworkEventRegisterAny,
                "virConnectNetworkEventDeregisterAny", Virt::virConnectNetworkEventDeregisterAny),
        STORAGE_POOL("virConnectStoragePoolEventRegisterAny", Virt::virConnectStoragePoolEventRegisterAny,
                "virConnectStoragePoolEventDeregisterAny", Virt::virConnectStoragePoolEventDeregisterAny);

        final String registerName;
        final Register register;
        final String deregisterName;
        final Deregister deregister;

        Family(String registerName, Register register, String deregisterName, Deregister deregister) {
            this.registerName = registerName;
            this.register = register;
            this.deregisterName = deregisterName;
            this.deregister = deregister;
        }
    }

    /** {@code virConnectXxxEventRegisterAny}. */
    interface Register {
        int call(long conn, long object, int eventId, long cb, long opaque, long freecb);
    }

    /** {@code virConnectXxxEventDeregisterAny}. */
    interface Deregister {
        int call(long conn, int callbackId);
    }

    /** {@code virConnectDomainEventCallback}: {@code int (*)(virConnectPtr, virDomainPtr, int, int, void *)}. */
    interface DomainLifecycle extends Callback {
        int invoke(long conn, long dom, int event, int detail, long opaque);
    }

    /** {@code virConnectDomainEventMetadataChangeCallback}: {@code void (*)(virConnectPtr, virDomainPtr, int, const char *, void *)}. */
    interface DomainMetadataChange extends Callback {
        void invoke(long conn, long dom, int type, long nsuri, long opaque);
    }

    /** The network and storage pool lifecycle callbacks: {@code void (*)(virConnectPtr, virXxxPtr, int, int, void *)}. */
    interface ObjectLifecycle extends Callback {
        void invoke(long conn, long object, int event, int detail, long opaque);
    }

    /** {@code virConnectCloseFunc}: {@code void (*)(virConnectPtr, int, void *)}. */
    interface ConnectClose extends Callback {
        void invoke(long conn, int reason, long opaque);
    }

    /** {@code virFreeCallback}: {@code void (*)(void *)}. */
    interface FreeCallback extends Callback {
        void invoke(long opaque);
    }

    /** Registers libvirt's default event loop once and starts the thread that runs it. */
    static synchronized void registerDefaultImpl() {
        if (loopRunning) {
            return;
        }
        Natives.ensureLoaded();
        Errors.check(Virt.virEventRegisterDefaultImpl(), "virEventRegisterDefaultImpl");
        Thread loop = new Thread(Events::run, "libvirt4j-jna-events");
        loop.setDaemon(true);
        loop.start();
        loopRunning = true;
    }

    private static void run() {
        while (true) {
            if (Virt.virEventRunDefaultImpl() < 0) {
                // libvirt's loop failing once (a poll error) is no reason to stop delivering events
                LOG.log(Level.WARNING, "virEventRunDefaultImpl failed: {0}", Errors.last("virEventRunDefaultImpl").getMessage());
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** @return the key that travels as {@code opaque}, valid until libvirt calls the free callback */
    static long add(JnaConnect conn, Object callback) {
        long key = KEYS.incrementAndGet();
        REGISTRATIONS.put(key, new Registration(conn, callback));
        return key;
    }

    /** Forgets a key libvirt refused, so never calls the free callback for. */
    static void forget(long key) {
        REGISTRATIONS.remove(key);
    }

    static long freeFunction() {
        return Pointer.nativeValue(CallbackReference.getFunctionPointer(FREE));
    }

    /** One delivery to a user callback of type {@code T}. */
    private interface Delivery<T> {
        void deliver(Registration r, T callback);
    }

    private static <T> void deliver(long opaque, Class<T> type, Delivery<T> delivery) {
        Registration r = REGISTRATIONS.get(opaque);
        if (r == null || !type.isInstance(r.callback())) {
            return;
        }
        // Nothing may unwind through libvirt's C frames: what the callback throws stops here.
        try {
            delivery.deliver(r, type.cast(r.callback()));
        } catch (Throwable t) {
            LOG.log(Level.WARNING, "an event callback threw; the event is dropped", t);
        }
    }

    /** @return a handle of its own on libvirt's borrowed domain pointer, for the duration of a callback */
    private static JnaDomain domain(long dom) {
        Errors.check(Virt.virDomainRef(dom), "virDomainRef");
        return new JnaDomain(dom);
    }
}

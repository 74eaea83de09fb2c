package org.libvirt4j.jni;

import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.libvirt4j.CloseCallback;
import org.libvirt4j.DomainEventLifecycle;
import org.libvirt4j.DomainEventLifecycleCallback;
import org.libvirt4j.DomainEventMetadataChange;
import org.libvirt4j.DomainEventMetadataChangeCallback;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.NetworkEventLifecycle;
import org.libvirt4j.NetworkEventLifecycleCallback;
import org.libvirt4j.StoragePoolEventLifecycle;
import org.libvirt4j.StoragePoolEventLifecycleCallback;
import org.libvirt4j.spi.CloseCallbacks;

/**
 * libvirt's default event loop, run on one daemon thread, and the Java end of the C callbacks
 * through which it delivers domain, network and storage pool events and a connection's closing
 * ({@code lv_manual.c}).
 *
 * <p>Every registration of one event kind passes the same C function to libvirt, so libvirt's
 * rule of one registration per event and filter holds here as everywhere (and every close
 * callback registration the same close function, so that unregistering names it); the {@code opaque}
 * pointer is a key into {@link #REGISTRATIONS}, whose callback is of the type of that kind's
 * upcall. libvirt calls the free callback, and so {@link #freed}, when it drops a registration,
 * which is the one safe moment to forget it; a close callback's key is also forgotten when it
 * fires (libvirt frees it right after) and by {@code JniConnect} where the driver never held it.
 * {@code JNI_OnLoad} looks this class's upcalls up by name and signature.
 */
final class JniEvents {
    private static final System.Logger LOG = System.getLogger(JniEvents.class.getName());
    private static final Map<Long, Registration> REGISTRATIONS = new ConcurrentHashMap<>();
    private static final AtomicLong KEYS = new AtomicLong();
    private static boolean loopRunning;

    private JniEvents() {
    }

    /**
     * A Java callback and the connection it was registered on. The callback is one of the
     * {@code *Callback} interfaces: the one of the upcall that the registration's C function makes.
     */
    record Registration(JniConnect conn, Object callback) {
    }

    /** Registers libvirt's default event loop once and starts the thread that runs it. */
    static synchronized void registerDefaultImpl() {
        if (loopRunning) {
            return;
        }
        NativeLibrary.ensureLoaded();
        LibvirtNatives.virEventRegisterDefaultImpl();
        Thread loop = new Thread(JniEvents::run, "libvirt4j-jni-events");
        loop.setDaemon(true);
        loop.start();
        loopRunning = true;
    }

    private static void run() {
        while (true) {
            try {
                LibvirtNatives.virEventRunDefaultImpl();
            } catch (LibvirtException e) {
                // libvirt's loop failing once (a poll error) is no reason to stop delivering events
                LOG.log(Level.WARNING, "virEventRunDefaultImpl failed: {0}", e.getMessage());
                try {
                    Thread.sleep(100);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** @return the key that travels as {@code opaque}, valid until libvirt calls the free callback */
    static long add(JniConnect conn, Object callback) {
        long key = KEYS.incrementAndGet();
        REGISTRATIONS.put(key, new Registration(conn, callback));
        return key;
    }

    /** Forgets a key libvirt refused, so never calls the free callback for. */
    static void forget(long key) {
        REGISTRATIONS.remove(key);
    }

    /**
     * Called from C by libvirt's free callback: the registration is gone.
     *
     * @param key the registration's opaque pointer
     */
    static void freed(long key) {
        REGISTRATIONS.remove(key);
    }

    /** @return whether key is still registered: libvirt has neither freed it nor called its close callback */
    static boolean registered(long key) {
        return REGISTRATIONS.containsKey(key);
    }

    /** @return how many registrations libvirt has not freed yet (for tests) */
    static int registrations() {
        return REGISTRATIONS.size();
    }

    // The upcalls, one per event kind, on the thread running libvirt's event loop. Nothing may
    // unwind through libvirt's C frames: what a callback throws stops in each of them.

    /**
     * One domain lifecycle event.
     *
     * @param key the registration's opaque pointer
     * @param dom libvirt's {@code virDomainPtr}, borrowed for the duration of the call
     */
    static void lifecycle(long key, long dom, int event, int detail) {
        try {
            Registration r = REGISTRATIONS.get(key);
            if (r != null && r.callback() instanceof DomainEventLifecycleCallback cb) {
                try (JniDomain d = domain(dom)) {
                    cb.onEvent(r.conn(), d, new DomainEventLifecycle(event, detail));
                }
            }
        } catch (Throwable t) {
            dropped("domain lifecycle", t);
        }
    }

    /**
     * One domain metadata change.
     *
     * @param key the registration's opaque pointer
     * @param dom libvirt's {@code virDomainPtr}, borrowed for the duration of the call
     * @param nsuri the changed element's namespace, {@code null} for the title and description
     */
    static void metadataChange(long key, long dom, int type, String nsuri) {
        try {
            Registration r = REGISTRATIONS.get(key);
            if (r != null && r.callback() instanceof DomainEventMetadataChangeCallback cb) {
                try (JniDomain d = domain(dom)) {
                    cb.onEvent(r.conn(), d, new DomainEventMetadataChange(type, nsuri));
                }
            }
        } catch (Throwable t) {
            dropped("domain metadata change", t);
        }
    }

    /**
     * One network lifecycle event.
     *
     * @param key the registration's opaque pointer
     * @param net libvirt's {@code virNetworkPtr}, borrowed for the duration of the call
     */
    static void networkLifecycle(long key, long net, int event, int detail) {
        try {
            Registration r = REGISTRATIONS.get(key);
            if (r != null && r.callback() instanceof NetworkEventLifecycleCallback cb) {
                try (JniNetwork n = network(net)) {
                    cb.onEvent(r.conn(), n, new NetworkEventLifecycle(event, detail));
                }
            }
        } catch (Throwable t) {
            dropped("network lifecycle", t);
        }
    }

    /**
     * One storage pool lifecycle event.
     *
     * @param key the registration's opaque pointer
     * @param pool libvirt's {@code virStoragePoolPtr}, borrowed for the duration of the call
     */
    static void storagePoolLifecycle(long key, long pool, int event, int detail) {
        try {
            Registration r = REGISTRATIONS.get(key);
            if (r != null && r.callback() instanceof StoragePoolEventLifecycleCallback cb) {
                try (JniStoragePool p = storagePool(pool)) {
                    cb.onEvent(r.conn(), p, new StoragePoolEventLifecycle(event, detail));
                }
            }
        } catch (Throwable t) {
            dropped("storage pool lifecycle", t);
        }
    }

    /**
     * The connection closed under the application. libvirt calls a close function at most once
     * per registration, holding the connection's close-callback lock, and frees the registration
     * right after: it is forgotten before the callback runs, so that a callback closing its
     * connection finds nothing to unregister (unregistering would wait for that lock forever).
     *
     * @param key the registration's opaque pointer
     * @param reason libvirt's {@code virConnectCloseReason}
     */
    static void closed(long key, int reason) {
        try {
            Registration r = REGISTRATIONS.remove(key);
            if (r != null && r.callback() instanceof CloseCallback cb) {
                CloseCallbacks.run(r.conn(), () -> cb.onClose(r.conn(), reason));
            }
        } catch (Throwable t) {
            dropped("connection close", t);
        }
    }

    // A callback gets an object of its own, closed once it returns, as the API promises: libvirt
    // frees its pointer after the callback, so the handle takes a reference of its own.

    private static JniDomain domain(long dom) {
        LibvirtNatives.virDomainRef(dom);
        return new JniDomain(dom);
    }

    private static JniNetwork network(long net) {
        LibvirtNatives.virNetworkRef(net);
        return new JniNetwork(net);
    }

    private static JniStoragePool storagePool(long pool) {
        LibvirtNatives.virStoragePoolRef(pool);
        return new JniStoragePool(pool);
    }

    private static void dropped(String kind, Throwable t) {
        LOG.log(Level.WARNING, "a " + kind + " callback threw; the event is dropped", t);
    }
}

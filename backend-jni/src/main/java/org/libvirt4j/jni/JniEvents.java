package org.libvirt4j.jni;

import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.libvirt4j.DomainEventLifecycle;
import org.libvirt4j.DomainEventLifecycleCallback;
import org.libvirt4j.LibvirtException;

/**
 * libvirt's default event loop, run on one daemon thread, and the Java end of the C callbacks
 * through which it delivers domain events ({@code lv_manual.c}).
 *
 * <p>Every registration passes the same C function to libvirt, so libvirt's rule of one
 * registration per event and filter holds here as everywhere; the {@code opaque} pointer is a
 * key into {@link #REGISTRATIONS}. libvirt calls the free callback, and so {@link #freed}, when
 * it drops a registration, which is the one safe moment to forget it. {@code JNI_OnLoad} looks
 * this class's upcalls up by name and signature.
 */
final class JniEvents {
    private static final System.Logger LOG = System.getLogger(JniEvents.class.getName());
    private static final Map<Long, Registration> REGISTRATIONS = new ConcurrentHashMap<>();
    private static final AtomicLong KEYS = new AtomicLong();
    private static boolean loopRunning;

    private JniEvents() {
    }

    /** A Java callback and the connection it was registered on. */
    record Registration(JniConnect conn, DomainEventLifecycleCallback callback) {
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
    static long add(JniConnect conn, DomainEventLifecycleCallback callback) {
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

    /**
     * Called from C on the thread running libvirt's event loop, for one lifecycle event. Nothing
     * may unwind through libvirt's C frames: what the callback throws stops here.
     *
     * @param key the registration's opaque pointer
     * @param dom libvirt's {@code virDomainPtr}, borrowed for the duration of the call
     */
    static void lifecycle(long key, long dom, int event, int detail) {
        try {
            Registration r = REGISTRATIONS.get(key);
            if (r != null) {
                deliver(r, dom, new DomainEventLifecycle(event, detail));
            }
        } catch (Throwable t) {
            LOG.log(Level.WARNING, "a domain lifecycle callback threw; the event is dropped", t);
        }
    }

    /** Hands the callback a domain of its own, closed once it returns, as the API promises. */
    private static void deliver(Registration r, long dom, DomainEventLifecycle event) {
        // libvirt frees its pointer after the callback: the handle needs a reference of its own
        LibvirtNatives.virDomainRef(dom);
        try (JniDomain d = new JniDomain(dom)) {
            r.callback().onEvent(r.conn(), d, event);
        }
    }
}

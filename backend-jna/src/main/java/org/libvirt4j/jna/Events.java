package org.libvirt4j.jna;

import com.sun.jna.Callback;
import com.sun.jna.CallbackReference;
import com.sun.jna.Pointer;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.libvirt4j.DomainEventLifecycle;
import org.libvirt4j.DomainEventLifecycleCallback;
import org.libvirt4j.jna.internal.Errors;
import org.libvirt4j.jna.internal.Natives;
import org.libvirt4j.jna.internal.Virt;

/**
 * libvirt's default event loop, run on one daemon thread, and the native callbacks through which
 * it delivers domain events to Java.
 *
 * <p>Every registration passes the same C function to libvirt (as Go's binding does), so
 * libvirt's rule of one registration per event and filter holds here as everywhere; the
 * {@code opaque} pointer is a key into {@link #REGISTRATIONS}. libvirt calls {@link #FREE} when
 * it drops a registration, which is the one safe moment to forget it.
 */
final class Events {
    private static final System.Logger LOG = System.getLogger(Events.class.getName());
    private static final Map<Long, Registration> REGISTRATIONS = new ConcurrentHashMap<>();
    private static final AtomicLong KEYS = new AtomicLong();
    // JNA finds a callback's method by reflection: plain classes, not lambdas, to be sure of it
    private static final LifecycleCallback LIFECYCLE = new LifecycleCallback() {
        @Override
        public int invoke(long conn, long dom, int event, int detail, long opaque) {
            return lifecycle(dom, event, detail, opaque);
        }
    };
    private static final FreeCallback FREE = new FreeCallback() {
        @Override
        public void invoke(long opaque) {
            REGISTRATIONS.remove(opaque);
        }
    };
    private static boolean loopRunning;

    private Events() {
    }

    /** A Java callback and the connection it was registered on. */
    record Registration(JnaConnect conn, DomainEventLifecycleCallback callback) {
    }

    /** {@code virConnectDomainEventCallback}: {@code int (*)(virConnectPtr, virDomainPtr, int, int, void *)}. */
    interface LifecycleCallback extends Callback {
        int invoke(long conn, long dom, int event, int detail, long opaque);
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
    static long add(JnaConnect conn, DomainEventLifecycleCallback callback) {
        long key = KEYS.incrementAndGet();
        REGISTRATIONS.put(key, new Registration(conn, callback));
        return key;
    }

    /** Forgets a key libvirt refused, so never calls the free callback for. */
    static void forget(long key) {
        REGISTRATIONS.remove(key);
    }

    static long lifecycleFunction() {
        return Pointer.nativeValue(CallbackReference.getFunctionPointer(LIFECYCLE));
    }

    static long freeFunction() {
        return Pointer.nativeValue(CallbackReference.getFunctionPointer(FREE));
    }

    private static int lifecycle(long dom, int event, int detail, long opaque) {
        Registration r = REGISTRATIONS.get(opaque);
        if (r == null || Virt.virDomainRef(dom) < 0) {
            return 0;
        }
        // Nothing may unwind through libvirt's C frames: what the callback throws stops here.
        try (JnaDomain d = new JnaDomain(dom)) {
            r.callback().onEvent(r.conn(), d, new DomainEventLifecycle(event, detail));
        } catch (Throwable t) {
            LOG.log(Level.WARNING, "a domain lifecycle callback threw; the event is dropped", t);
        }
        return 0;
    }
}

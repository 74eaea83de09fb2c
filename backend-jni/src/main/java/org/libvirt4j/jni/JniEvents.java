package org.libvirt4j.jni;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.libvirt4j.CloseCallback;
import org.libvirt4j.DomainEventGraphicsAddress;
import org.libvirt4j.DomainEventGraphicsSubjectIdentity;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.LibvirtObject;
import org.libvirt4j.spi.CloseCallbacks;
import org.libvirt4j.spi.generated.EventKind;

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
     * A Java callback and the connection it was registered on. The callback is of the kind's
     * interface; the kind is {@code null} for a close callback.
     */
    record Registration(JniConnect conn, Object callback, EventKind kind) {
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
    static long add(JniConnect conn, Object callback, EventKind kind) {
        long key = KEYS.incrementAndGet();
        REGISTRATIONS.put(key, new Registration(conn, callback, kind));
        return key;
    }

    /** {@return the registration of key, or {@code null} once libvirt freed it} */
    static Registration registration(long key) {
        return REGISTRATIONS.get(key);
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

    private static final EventKind[] KINDS = EventKind.values();

    /**
     * One event of any kind (the generated C callbacks of {@code lv_events.c}): the kind's fields
     * packed as its signature says, numbers and strings in C's order.
     *
     * @param key the registration's opaque pointer
     * @param kind the {@link EventKind}'s ordinal
     * @param obj libvirt's object pointer, with a reference taken for this call that the handle owns
     * @param nums the int and 64-bit fields, and each graphics address's family
     * @param strs the string fields ({@code null} for {@code NULL}), and each address's node and service
     * @param extra the typed parameters (as {@code lv_params_to_java} packs them) or the graphics
     *        subject (type, name pairs), else {@code null}
     */
    static void event(long key, int kind, long obj, long[] nums, String[] strs, Object extra) {
        EventKind k = KINDS[kind];
        LibvirtObject handle = null;
        try {
            handle = handle(k.family(), obj);
            Registration r = REGISTRATIONS.get(key);
            if (r == null || r.kind() != k) {
                handle.close();
                return;
            }
            Object event = k.event(fields(k, nums, strs, extra));
            LibvirtObject h = handle;
            handle = null; // the runner closes it after the callback
            r.conn().eventCallbacks().deliver(h, () -> {
                if (REGISTRATIONS.get(key) == r) { // not deregistered while the event waited
                    k.deliver(r.callback(), r.conn(), h, event);
                }
            });
        } catch (Throwable t) {
            if (handle != null) {
                handle.close();
            }
            dropped(k.name(), t);
        }
    }

    private static Object[] fields(EventKind k, long[] nums, String[] strs, Object extra) {
        String sig = k.signature();
        Object[] out = new Object[sig.length()];
        int n = 0;
        int s = 0;
        for (int f = 0; f < sig.length(); f++) {
            out[f] = switch (sig.charAt(f)) {
                case 'I' -> (int) nums[n++];
                case 'J' -> nums[n++];
                case 'S' -> strs[s++];
                case 'P' -> Params.fromNative((Object[]) extra);
                case 'A' -> new DomainEventGraphicsAddress((int) nums[n++], strs[s++], strs[s++]);
                case 'U' -> {
                    String[] pairs = (String[]) extra;
                    List<DomainEventGraphicsSubjectIdentity> ids = new ArrayList<>();
                    for (int i = 0; i + 1 < pairs.length; i += 2) {
                        ids.add(new DomainEventGraphicsSubjectIdentity(pairs[i], pairs[i + 1]));
                    }
                    yield ids;
                }
                default -> throw new IllegalStateException(sig);
            };
        }
        return out;
    }

    /** The handle that owns the reference the C callback took on libvirt's object. */
    private static LibvirtObject handle(EventKind.Family family, long p) {
        return switch (family) {
            case DOMAIN -> new JniDomain(p);
            case NETWORK -> new JniNetwork(p);
            case STORAGE_POOL -> new JniStoragePool(p);
            case NODE_DEVICE -> new JniNodeDevice(p);
            case SECRET -> new JniSecret(p);
        };
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

    /**
     * A stream's event callback and the handle the application holds, which the callback is given.
     *
     * @param stream the stream
     * @param callback the application's callback
     */
    record StreamTarget(org.libvirt4j.Stream stream, org.libvirt4j.StreamEventCallback callback) {
    }

    /**
     * Called from C by the glue's {@code virStreamEventCallback}.
     *
     * @param key the registration's opaque pointer
     * @param events libvirt's {@code virStreamEventType} bits
     */
    static void streamEvent(long key, int events) {
        try {
            Registration r = REGISTRATIONS.get(key);
            if (r != null && r.callback() instanceof StreamTarget t) {
                t.callback().onEvent(t.stream(), events);
            }
        } catch (Throwable t) {
            dropped("stream event", t);
        }
    }

    private static void dropped(String kind, Throwable t) {
        LOG.log(Level.WARNING, "a " + kind + " callback threw; the event is dropped", t);
    }
}

package org.libvirt4j.jna;

import com.sun.jna.Callback;
import com.sun.jna.CallbackProxy;
import com.sun.jna.CallbackReference;
import com.sun.jna.Function;
import com.sun.jna.Pointer;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.libvirt4j.CloseCallback;
import org.libvirt4j.DomainEventGraphicsAddress;
import org.libvirt4j.DomainEventGraphicsSubjectIdentity;
import org.libvirt4j.jna.internal.CStrings;
import org.libvirt4j.jna.internal.TypedParams;
import org.libvirt4j.spi.CloseCallbacks;
import org.libvirt4j.jna.internal.Errors;
import org.libvirt4j.jna.internal.Natives;
import org.libvirt4j.jna.internal.Virt;
import org.libvirt4j.spi.generated.EventKind;

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
    private static final StreamEventFunc ON_STREAM = new StreamEventFunc() {
        @Override
        public void invoke(long stream, int events, long opaque) {
            deliver(opaque, StreamTarget.class, (r, t) -> t.callback().onEvent(t.stream(), events));
        }
    };
    /** The one {@code virStreamEventCallback} every stream registration passes. */
    static final long STREAM_FUNCTION = Pointer.nativeValue(CallbackReference.getFunctionPointer(ON_STREAM));
    private static boolean loopRunning;

    private Events() {
    }

    /**
     * A Java callback and the connection it was registered on.
     *
     * @param kind the event kind, {@code null} for a close callback
     */
    record Registration(JnaConnect conn, Object callback, EventKind kind) {
    }

    /**
     * One C function per event kind, each a {@link CallbackProxy} laid out from the kind's
     * signature: libvirt's rule of one registration per function, event and filter holds as
     * everywhere. Held here for the process's life, as libvirt may call them at any time.
     */
    private static final Map<EventKind, KindProxy> PROXIES = new EnumMap<>(EventKind.class);
    private static final Map<EventKind, Long> FUNCTIONS = new EnumMap<>(EventKind.class);

    static {
        for (EventKind k : EventKind.values()) {
            KindProxy p = new KindProxy(k);
            PROXIES.put(k, p);
            FUNCTIONS.put(k, Pointer.nativeValue(CallbackReference.getFunctionPointer(p)));
        }
    }

    /** {@return the C function every registration of kind passes} */
    static long function(EventKind kind) {
        return FUNCTIONS.get(kind);
    }

    /** The callback of one kind: conn, object, the kind's fields as C passes them, opaque. */
    private static final class KindProxy implements CallbackProxy {
        private final EventKind kind;
        private final Class<?>[] types;

        KindProxy(EventKind kind) {
            this.kind = kind;
            List<Class<?>> t = new ArrayList<>();
            t.add(long.class);
            t.add(long.class);
            for (char c : kind.signature().toCharArray()) {
                switch (c) {
                    case 'I' -> t.add(int.class);
                    case 'P' -> {
                        t.add(long.class);
                        t.add(int.class);
                    }
                    default -> t.add(long.class); // J, and the pointers S, A, U
                }
            }
            t.add(long.class);
            this.types = t.toArray(new Class<?>[0]);
        }

        @Override
        public Object callback(Object[] args) {
            try {
                long opaque = (Long) args[args.length - 1];
                Registration r = REGISTRATIONS.get(opaque);
                if (r != null && r.kind() == kind) {
                    deliver(opaque, r, kind, (Long) args[1], fields(args));
                }
            } catch (Throwable t) {
                // Nothing may unwind through libvirt's C frames
                LOG.log(Level.WARNING, "an event callback threw; the event is dropped", t);
            }
            return kind.returnsInt() ? Integer.valueOf(0) : null;
        }

        private Object[] fields(Object[] args) {
            String sig = kind.signature();
            Object[] out = new Object[sig.length()];
            int i = 2;
            for (int f = 0; f < sig.length(); f++) {
                out[f] = switch (sig.charAt(f)) {
                    case 'I', 'J' -> args[i++];
                    case 'S' -> CStrings.read((Long) args[i++]);
                    case 'P' -> {
                        long p = (Long) args[i++];
                        int n = (Integer) args[i++];
                        yield p == 0 ? List.of() : TypedParams.read(new Pointer(p), n);
                    }
                    case 'A' -> address((Long) args[i++]);
                    case 'U' -> subject((Long) args[i++]);
                    default -> throw new IllegalStateException(sig);
                };
            }
            return out;
        }

        @Override
        public Class<?>[] getParameterTypes() {
            return types.clone();
        }

        @Override
        public Class<?> getReturnType() {
            return kind.returnsInt() ? int.class : void.class;
        }
    }

    /** {@code virDomainEventGraphicsAddress}: {@code int family; char *node; char *service} (LP64). */
    private static DomainEventGraphicsAddress address(long p) {
        if (p == 0) {
            return new DomainEventGraphicsAddress(0, null, null);
        }
        Pointer a = new Pointer(p);
        return new DomainEventGraphicsAddress(a.getInt(0), CStrings.read(a.getLong(8)), CStrings.read(a.getLong(16)));
    }

    /** {@code virDomainEventGraphicsSubject}: {@code int nidentity; {char *type; char *name} *identities}. */
    private static List<DomainEventGraphicsSubjectIdentity> subject(long p) {
        List<DomainEventGraphicsSubjectIdentity> out = new ArrayList<>();
        if (p == 0) {
            return out;
        }
        Pointer s = new Pointer(p);
        int n = s.getInt(0);
        long ids = s.getLong(8);
        for (int i = 0; i < n && ids != 0; i++) {
            Pointer id = new Pointer(ids + 16L * i);
            out.add(new DomainEventGraphicsSubjectIdentity(CStrings.read(id.getLong(0)), CStrings.read(id.getLong(8))));
        }
        return out;
    }

    private static final Map<EventKind.Family, Function> REFS = new ConcurrentHashMap<>();

    /** Delivers one event: the object gets a handle of its own (a reference taken here), closed after the callback. */
    private static void deliver(long opaque, Registration r, EventKind kind, long object, Object[] fields) {
        Object event = kind.event(fields);
        Function ref = REFS.computeIfAbsent(kind.family(), f -> Natives.library().getFunction(f.ref()));
        Errors.check(ref.invokeInt(new Object[] {new Pointer(object)}), kind.family().ref());
        org.libvirt4j.LibvirtObject h = handle(kind.family(), object);
        r.conn().eventCallbacks().deliver(h, () -> {
            if (REGISTRATIONS.get(opaque) == r) { // not deregistered while the event waited
                kind.deliver(r.callback(), r.conn(), h, event);
            }
        });
    }

    private static org.libvirt4j.LibvirtObject handle(EventKind.Family family, long p) {
        return switch (family) {
            case DOMAIN -> new JnaDomain(p);
            case NETWORK -> new JnaNetwork(p);
            case STORAGE_POOL -> new JnaStoragePool(p);
            case NODE_DEVICE -> new JnaNodeDevice(p);
            case SECRET -> new JnaSecret(p);
        };
    }

    /** {@code virConnectCloseFunc}: {@code void (*)(virConnectPtr, int, void *)}. */
    interface ConnectClose extends Callback {
        void invoke(long conn, int reason, long opaque);
    }

    /** {@code virStreamEventCallback}: {@code void (*)(virStreamPtr, int, void *)}. */
    interface StreamEventFunc extends Callback {
        void invoke(long stream, int events, long opaque);
    }

    /**
     * A stream's event callback and the handle the application holds, which the callback is
     * given (libvirt passes the pointer, which needs no new handle).
     */
    record StreamTarget(org.libvirt4j.Stream stream, org.libvirt4j.StreamEventCallback callback) {
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
    static long add(JnaConnect conn, Object callback, EventKind kind) {
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
}

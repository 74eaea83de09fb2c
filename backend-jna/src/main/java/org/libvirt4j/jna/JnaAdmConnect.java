package org.libvirt4j.jna;

import com.sun.jna.Callback;
import com.sun.jna.CallbackReference;
import com.sun.jna.Pointer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.libvirt4j.AdmCloseCallback;
import org.libvirt4j.AdmServer;
import org.libvirt4j.jna.internal.AdminNatives;
import org.libvirt4j.jna.internal.CStrings;
import org.libvirt4j.jna.internal.Errors;
import org.libvirt4j.spi.AdmConnectContract;
import org.libvirt4j.spi.CloseCallbacks;
import org.libvirt4j.spi.NativeHandle;
import org.libvirt4j.spi.ObjectKind;

/** {@link org.libvirt4j.AdmConnect} over a {@code virAdmConnectPtr} of {@code libvirt-admin.so.0}. */
final class JnaAdmConnect implements AdmConnectContract {
    private static final System.Logger LOG = System.getLogger(JnaAdmConnect.class.getName());
    /** Close-callback registrations by the key that travels as {@code opaque}. */
    private static final Map<Long, Registration> REGISTRATIONS = new ConcurrentHashMap<>();
    private static final AtomicLong KEYS = new AtomicLong();
    private static final CloseFunc ON_CLOSE = (conn, reason, opaque) -> {
        Registration r = REGISTRATIONS.get(opaque);
        if (r == null) {
            return;
        }
        // nothing may unwind through libvirt's C frames
        try {
            CloseCallbacks.run(r.conn(), () -> r.callback().onClose(r.conn(), reason));
        } catch (Throwable t) {
            LOG.log(System.Logger.Level.WARNING, "an admin close callback threw", t);
        }
    };
    private static final FreeFunc ON_FREE = REGISTRATIONS::remove;
    /** The one close function every registration passes, so that unregistering names it too. */
    private static final long CLOSE_FUNCTION = Pointer.nativeValue(CallbackReference.getFunctionPointer(ON_CLOSE));
    private static final long FREE_FUNCTION = Pointer.nativeValue(CallbackReference.getFunctionPointer(ON_FREE));

    /** {@code virAdmConnectCloseFunc}. */
    interface CloseFunc extends Callback {
        void invoke(long conn, int reason, long opaque);
    }

    /** {@code virFreeCallback}. */
    interface FreeFunc extends Callback {
        void invoke(long opaque);
    }

    private record Registration(JnaAdmConnect conn, AdmCloseCallback callback) {
    }

    private final NativeHandle h;
    /** Whether a close callback is registered, so that freeing the connection unregisters it first. */
    private final AtomicLong closeKey = new AtomicLong();
    private final Object closeLock = new Object();

    JnaAdmConnect(long conn) {
        AtomicLong key = closeKey;
        this.h = new NativeHandle(ObjectKind.ADM_CONNECT, conn, p -> {
            if (key.getAndSet(0) != 0) {
                AdminNatives.function("virAdmConnectUnregisterCloseCallback").invokeInt(new Object[] {p, CLOSE_FUNCTION});
            }
            AdminNatives.free("virAdmConnectClose", p);
        });
    }

    @Override
    public void close() {
        h.close();
    }

    @Override
    public List<AdmServer> rawListServers(int flags) {
        String fn = "virAdmConnectListServers";
        return h.call(fn, c -> {
            long[] array = new long[1];
            int n = AdminNatives.check(fn, c, array, flags);
            return NativeLists.wrap(array[0], n, JnaAdmServer::new);
        });
    }

    @Override
    public AdmServer rawLookupServer(String name, int flags) {
        String fn = "virAdmConnectLookupServer";
        return h.call(fn, c -> new JnaAdmServer(AdminNatives.pointer(fn, c, CStrings.of(name), flags)));
    }

    @Override
    public String rawGetLogging(Logging which, int flags) {
        String fn = which.getter();
        return h.call(fn, c -> {
            long[] out = new long[1];
            AdminNatives.check(fn, c, out, flags);
            String s = CStrings.take(out[0]);
            return s == null ? "" : s;
        });
    }

    @Override
    public void rawSetLogging(Logging which, String value, int flags) {
        String fn = which.setter();
        h.run(fn, c -> AdminNatives.check(fn, c, CStrings.of(value), flags));
    }

    @Override
    public void rawSetDaemonTimeout(int timeout, int flags) {
        String fn = "virAdmConnectSetDaemonTimeout";
        h.run(fn, c -> AdminNatives.check(fn, c, timeout, flags));
    }

    @Override
    public long rawGetLibVersion() {
        String fn = "virAdmConnectGetLibVersion";
        return h.call(fn, c -> {
            long[] v = new long[1];
            AdminNatives.check(fn, c, v);
            return v[0];
        });
    }

    @Override
    public String rawGetURI() {
        String fn = "virAdmConnectGetURI";
        return h.call(fn, c -> CStrings.take(AdminNatives.pointer(fn, c)));
    }

    @Override
    public boolean rawIsAlive() {
        String fn = "virAdmConnectIsAlive";
        return h.call(fn, c -> Errors.bool(AdminNatives.function(fn).invokeInt(new Object[] {c}), fn));
    }

    @Override
    public void rawRegisterCloseCallback(AdmCloseCallback callback) {
        String fn = "virAdmConnectRegisterCloseCallback";
        synchronized (closeLock) {
            h.run(fn, c -> {
                long key = KEYS.incrementAndGet();
                REGISTRATIONS.put(key, new Registration(this, callback));
                if (AdminNatives.function(fn).invokeInt(new Object[] {c, CLOSE_FUNCTION, key, FREE_FUNCTION}) < 0) {
                    REGISTRATIONS.remove(key);
                    throw Errors.last(fn);
                }
                closeKey.set(key);
            });
        }
    }

    @Override
    public void rawUnregisterCloseCallback() {
        String fn = "virAdmConnectUnregisterCloseCallback";
        synchronized (closeLock) {
            h.run(fn, c -> {
                AdminNatives.check(fn, c, CLOSE_FUNCTION);
                closeKey.set(0);
            });
        }
    }
}

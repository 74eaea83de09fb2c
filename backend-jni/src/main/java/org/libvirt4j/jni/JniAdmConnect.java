package org.libvirt4j.jni;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.libvirt4j.AdmCloseCallback;
import org.libvirt4j.AdmServer;
import org.libvirt4j.spi.AdmConnectContract;
import org.libvirt4j.spi.CloseCallbacks;
import org.libvirt4j.spi.NativeHandle;
import org.libvirt4j.spi.ObjectKind;

/** {@link org.libvirt4j.AdmConnect} over a {@code virAdmConnectPtr}, through {@code lv_admin.c}. */
final class JniAdmConnect implements AdmConnectContract {
    private static final System.Logger LOG = System.getLogger(JniAdmConnect.class.getName());
    /** Close-callback registrations by the key that travels as {@code opaque}. */
    private static final Map<Long, Registration> REGISTRATIONS = new ConcurrentHashMap<>();
    private static final AtomicLong KEYS = new AtomicLong();

    private record Registration(JniAdmConnect conn, AdmCloseCallback callback) {
    }

    private final NativeHandle h;
    /** The registered callback's key, 0 for none: freeing the connection unregisters it first. */
    private final AtomicLong closeKey = new AtomicLong();
    private final Object closeLock = new Object();

    JniAdmConnect(long conn) {
        AtomicLong key = closeKey;
        this.h = new NativeHandle(ObjectKind.ADM_CONNECT, conn, p -> {
            long k = key.getAndSet(0);
            if (k != 0) {
                REGISTRATIONS.remove(k);
                try {
                    JniAdmNatives.closeCallbackUnregister(p);
                } catch (RuntimeException e) {
                    // the connection is being freed either way
                }
            }
            JniAdmNatives.free(JniAdmNatives.F_CONNECT, p);
        });
    }

    /** Called by {@code lv_admin.c} when libvirt reports the connection closed; libvirt then drops the registration. */
    static void closed(long key, int reason) {
        Registration r = REGISTRATIONS.remove(key);
        if (r == null) {
            return;
        }
        r.conn().closeKey.compareAndSet(key, 0);
        try {
            CloseCallbacks.run(r.conn(), () -> r.callback().onClose(r.conn(), reason));
        } catch (RuntimeException | Error e) {
            LOG.log(System.Logger.Level.WARNING, "an admin close callback threw", e);
        }
    }

    @Override
    public void close() {
        h.close();
    }

    @Override
    public List<AdmServer> rawListServers(int flags) {
        return h.call("virAdmConnectListServers", c -> {
            long[] ptrs = JniAdmNatives.list(JniAdmNatives.L_SERVERS, c, flags);
            List<AdmServer> out = new ArrayList<>(ptrs.length);
            for (long p : ptrs) {
                out.add(new JniAdmServer(p));
            }
            return List.copyOf(out);
        });
    }

    @Override
    public AdmServer rawLookupServer(String name, int flags) {
        return h.call("virAdmConnectLookupServer", c -> new JniAdmServer(JniAdmNatives.lookupServer(c, name, flags)));
    }

    @Override
    public String rawGetLogging(Logging which, int flags) {
        return h.call(which.getter(), c -> {
            return JniAdmNatives.getString(which == Logging.OUTPUTS ? JniAdmNatives.S_LOGGING_OUTPUTS
                    : JniAdmNatives.S_LOGGING_FILTERS, c, flags);
        });
    }

    @Override
    public void rawSetLogging(Logging which, String value, int flags) {
        h.run(which.setter(), c -> JniAdmNatives.setString(which == Logging.OUTPUTS ? 0 : 1, c, value, flags));
    }

    @Override
    public void rawSetDaemonTimeout(int timeout, int flags) {
        h.run("virAdmConnectSetDaemonTimeout", c -> {
            JniAdmNatives.intCall(JniAdmNatives.I_DAEMON_TIMEOUT, c, timeout, flags);
        });
    }

    @Override
    public long rawGetLibVersion() {
        return number("virAdmConnectGetLibVersion", JniAdmNatives.N_LIB_VERSION);
    }

    @Override
    public String rawGetURI() {
        return h.call("virAdmConnectGetURI", c -> JniAdmNatives.getString(JniAdmNatives.S_URI, c, 0));
    }

    @Override
    public boolean rawIsAlive() {
        return number("virAdmConnectIsAlive", JniAdmNatives.N_ALIVE) != 0;
    }

    private long number(String fn, int which) {
        return h.call(fn, c -> JniAdmNatives.getNumber(which, c));
    }

    @Override
    public void rawRegisterCloseCallback(AdmCloseCallback callback) {
        synchronized (closeLock) {
            h.run("virAdmConnectRegisterCloseCallback", c -> {
                long key = KEYS.incrementAndGet();
                REGISTRATIONS.put(key, new Registration(this, callback));
                try {
                    JniAdmNatives.closeCallbackRegister(c, key);
                } catch (RuntimeException e) {
                    REGISTRATIONS.remove(key);
                    throw e;
                }
                closeKey.set(key);
            });
        }
    }

    @Override
    public void rawUnregisterCloseCallback() {
        synchronized (closeLock) {
            h.run("virAdmConnectUnregisterCloseCallback", c -> {
                JniAdmNatives.closeCallbackUnregister(c);
                long key = closeKey.getAndSet(0);
                if (key != 0) {
                    REGISTRATIONS.remove(key);
                }
            });
        }
    }
}

package org.libvirt4j.remote.internal;

import java.lang.System.Logger.Level;
import java.lang.ref.WeakReference;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.libvirt4j.ConnectAuth;
import org.libvirt4j.ConnectOption;
import org.libvirt4j.ConnectOptions;
import org.libvirt4j.ConnectionListener;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.ReconnectPolicy;
import org.libvirt4j.remote.internal.rpc.RpcConnection;

/**
 * Reopens a {@link Session} whose daemon went away ({@link ConnectOption#RECONNECT}): after the
 * policy's delay it connects and makes the handshake again, registers the session's event
 * callbacks, QEMU monitor callbacks and close callback in the new daemon, and only then lets calls
 * through. Handles need nothing: each holds the session, which now calls on the new connection,
 * and names its object on the wire by name and UUID (or name and key), which the daemon resolves
 * again on every call.
 *
 * <p>One state machine per session: {@code UP}, {@code DOWN} (calls fail at once with
 * {@code ERR_NO_CONNECT} naming the attempt), then {@code UP} again or {@code GAVE_UP}, and
 * {@code STOPPED} once the session's last reference is dropped. Attempts run on a small shared
 * pool whose threads end when idle, so closed or idle connections keep no thread. The listener
 * hears disconnected and reconnected strictly alternating, on that pool, never on the event loop.
 */
final class Reconnector {
    private static final System.Logger LOG = System.getLogger(Reconnector.class.getName());
    /** Attempts of all connections; a few at once, since each may wait up to the call timeout to connect. */
    private static final ScheduledThreadPoolExecutor POOL = pool();

    private enum State { UP, DOWN, GAVE_UP, STOPPED }

    private final Session session;
    private final ReconnectPolicy policy;
    private final ConnectionListener listener;
    private final int flags;
    private final ConnectAuth auth;
    /** Weak: the listener's {@code Connect} must not keep a forgotten handle from its Cleaner. */
    private volatile WeakReference<RemoteConnect> conn = new WeakReference<>(null);
    /** Serialises the listener's calls, so that it hears every disconnect before the reconnect that ends it. */
    private final Object notifying = new Object();

    // written under this; read without it on every call, which must stay cheap
    private volatile State state = State.UP;
    private volatile int attempt;
    // guarded by this
    private ScheduledFuture<?> next;

    private Reconnector(Session session, ReconnectPolicy policy, ConnectionListener listener, int flags,
            ConnectAuth auth) {
        this.session = session;
        this.policy = policy;
        this.listener = listener;
        this.flags = flags;
        this.auth = auth;
    }

    private static ScheduledThreadPoolExecutor pool() {
        AtomicInteger n = new AtomicInteger();
        ScheduledThreadPoolExecutor p = new ScheduledThreadPoolExecutor(4, r -> {
            Thread t = new Thread(r, "libvirt4j-reconnect-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        p.setKeepAliveTime(2, TimeUnit.SECONDS);
        p.allowCoreThreadTimeOut(true);
        p.setRemoveOnCancelPolicy(true);
        return p;
    }

    /**
     * Checks the options of reconnecting before the connection opens.
     *
     * @param options the options the connection is opened with
     * @return whether they ask for reconnecting
     * @throws IllegalArgumentException for a listener without a policy
     */
    static boolean wanted(ConnectOptions options) {
        if (options.get(ConnectOption.RECONNECT).isEmpty()) {
            if (options.get(ConnectOption.CONNECTION_LISTENER).isPresent()) {
                throw new IllegalArgumentException("the connectionListener option needs the reconnect option: "
                        + "without it a connection never comes back, and Connect.registerCloseCallback "
                        + "hears its end");
            }
            return false;
        }
        return true;
    }

    /**
     * Turns reconnecting on for a connection just opened with options {@link #wanted} accepted.
     *
     * @param conn the connection
     * @param options the options it was opened with
     * @param flags the open flags, for the handshake again
     */
    static void install(RemoteConnect conn, ConnectOptions options, int flags) {
        Reconnector r = new Reconnector(conn.session, options.get(ConnectOption.RECONNECT).orElseThrow(),
                options.get(ConnectOption.CONNECTION_LISTENER).orElse(null), flags, options.auth().orElse(null));
        r.conn = new WeakReference<>(conn);
        conn.session.reconnectWith(r);
        RpcConnection client = conn.session.rpc;
        if (!client.isAlive()) {
            r.onLost(client, org.libvirt4j.ConnectCloseReason.ERROR.value()); // it died before reconnecting was on
        }
    }

    /** {@return whether calls go through now} */
    boolean isUp() {
        return state == State.UP;
    }

    /**
     * Lets a call through, or refuses it while the daemon is away.
     *
     * @throws LibvirtException {@code ERR_NO_CONNECT} saying which attempt is under way, or that
     *         reconnecting gave up
     */
    void requireUp() {
        State now = state;
        if (now == State.UP) {
            return;
        }
        switch (now) {
            case UP, STOPPED -> { } // a stopped session's calls fail on its closed connection, as without reconnect
            case DOWN -> throw LibvirtException.of(ErrorNumber.ERR_NO_CONNECT, ErrorDomain.REMOTE,
                    "no connection driver available for " + session.canonicalUri + ": the daemon went away; "
                            + "reconnecting, attempt " + Math.max(1, attempt));
            case GAVE_UP -> throw LibvirtException.of(ErrorNumber.ERR_NO_CONNECT, ErrorDomain.REMOTE,
                    "no connection driver available for " + session.canonicalUri + ": the daemon went away and "
                            + "reconnecting gave up after " + attempt + " attempts");
        }
    }

    /**
     * The close listener of {@code client}, on the event loop, so it only changes state, queues
     * the close callback and hands the rest to the pool. Only the first report of the connection
     * handed out counts.
     *
     * @param reason the {@code virConnectCloseReason} for the close callback
     */
    void onLost(RpcConnection client, int reason) {
        synchronized (this) {
            if (state != State.UP || client != session.rpc) {
                return; // stopped, already heard, or an attempt's connection never handed out
            }
            state = State.DOWN;
            attempt = 0;
        }
        session.events.onClose(reason);
        // the old daemon's ids mean nothing to the next one: no event may match them meanwhile
        session.events.unbindAll();
        session.qemuEvents.unbindAll();
        LibvirtException cause = client.deathCause();
        POOL.execute(() -> {
            tell(c -> listener.disconnected(c, cause));
            schedule();
        });
    }

    private synchronized void schedule() {
        if (state != State.DOWN) {
            return;
        }
        attempt++;
        long delay = policy.delayBefore(attempt).toNanos();
        next = POOL.schedule(this::attempt, delay, TimeUnit.NANOSECONDS);
    }

    private void attempt() {
        int n;
        synchronized (this) {
            if (state != State.DOWN) {
                return;
            }
            n = attempt;
        }
        Session.Link link;
        try {
            link = Session.connect(session.uri, flags, session.readOnly, auth, session.settings);
        } catch (LibvirtException e) {
            failed(n, e);
            return;
        } catch (RuntimeException e) {
            failed(n, LibvirtException.of(ErrorNumber.ERR_INTERNAL_ERROR, ErrorDomain.REMOTE,
                    "internal error: reconnecting failed: " + e));
            return;
        }
        RpcConnection client = link.rpc();
        session.listen(client);
        try {
            // registered before calls may go through, so that no event of the new daemon is missed
            session.events.rebind(client);
            session.qemuEvents.rebind(client);
            session.restoreKeepAlive(client);
        } catch (LibvirtException e) {
            client.close();
            failed(n, e);
            return;
        }
        synchronized (notifying) {
            synchronized (this) {
                if (state != State.DOWN) {
                    client.close(); // stopped meanwhile
                    return;
                }
                session.rpc = client;
                state = State.UP;
            }
            tell(c -> listener.reconnected(c, n));
        }
        if (!client.isAlive()) {
            // it died before it was handed out, when its close listener still ignored it
            onLost(client, org.libvirt4j.ConnectCloseReason.ERROR.value());
        }
    }

    private void failed(int n, LibvirtException e) {
        LOG.log(Level.DEBUG, () -> "reconnect attempt " + n + " to " + session.canonicalUri + " failed: " + e.getMessage());
        synchronized (this) {
            if (state != State.DOWN) {
                return;
            }
            if (policy.maxAttempts() == 0 || n < policy.maxAttempts()) {
                attempt = n;
                schedule();
                return;
            }
            state = State.GAVE_UP;
        }
        tell(c -> listener.gaveUp(c, e));
    }

    /** Stops for good: the session's last reference is gone; a scheduled attempt is cancelled, a running one undone. */
    void stop() {
        ScheduledFuture<?> f;
        synchronized (this) {
            state = State.STOPPED;
            f = next;
            next = null;
        }
        if (f != null) {
            f.cancel(false);
        }
    }

    private interface Call {
        void run(RemoteConnect c);
    }

    private void tell(Call call) {
        if (listener == null) {
            return;
        }
        RemoteConnect c = conn.get();
        if (c == null) {
            return; // the handle was forgotten: no one to tell
        }
        synchronized (notifying) {
            try {
                call.run(c);
            } catch (RuntimeException t) {
                LOG.log(Level.WARNING, "a connection listener threw", t);
            }
        }
    }
}

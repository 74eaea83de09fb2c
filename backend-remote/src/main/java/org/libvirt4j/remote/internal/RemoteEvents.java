package org.libvirt4j.remote.internal;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.libvirt4j.DomainEventID;
import org.libvirt4j.DomainEventLifecycle;
import org.libvirt4j.DomainEventLifecycleCallback;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.remote.generated.RemoteConnectDomainEventCallbackDeregisterAnyArgs;
import org.libvirt4j.remote.generated.RemoteConnectDomainEventCallbackRegisterAnyArgs;
import org.libvirt4j.remote.generated.RemoteConnectDomainEventCallbackRegisterAnyRet;
import org.libvirt4j.remote.generated.RemoteDomainEventCallbackLifecycleMsg;
import org.libvirt4j.remote.generated.RemoteNonnullDomain;
import org.libvirt4j.remote.generated.RemoteProcedure;
import org.libvirt4j.remote.internal.xdr.XdrReader;

/**
 * One connection's domain event registrations, kept as libvirt's C client keeps them: ids are
 * numbered here from 0, one per connection, and each registration (at most one per domain
 * filter, as libvirt allows one per callback function and filter) has its own registration in
 * the daemon, whose id the daemon's events carry.
 *
 * <p>Events are decoded on the event loop and run on {@link #DISPATCH}, one daemon thread for
 * all connections, so a callback may call back into libvirt (the event loop must stay free to
 * read the reply) and events keep their order. Its queue is bounded: a daemon that floods
 * events faster than callbacks consume them loses events, not memory.
 */
final class RemoteEvents {
    private static final System.Logger LOG = System.getLogger(RemoteEvents.class.getName());
    /** Events waiting for delivery, across all connections, before new ones are dropped. */
    static final int MAX_QUEUED = 10_000;
    /** Package-private for the tests that check it stays bounded. */
    static final ThreadPoolExecutor DISPATCH = dispatcher();

    private final Session session;
    /** By local id; guarded by itself. */
    private final Map<Integer, Registration> registrations = new HashMap<>();
    /** libvirt's {@code nextID}; guarded by {@link #registrations}. */
    private int nextId;

    /**
     * @param remoteId the daemon's id for it, -1 while the daemon has not answered
     * @param uuid the domain filter, {@code null} for all domains
     */
    private record Registration(int localId, int remoteId, byte[] uuid, RemoteConnect conn,
            DomainEventLifecycleCallback callback) {
        boolean sameFilter(byte[] other) {
            return uuid == null ? other == null : other != null && Arrays.equals(uuid, other);
        }
    }

    RemoteEvents(Session session) {
        this.session = session;
    }

    private static ThreadPoolExecutor dispatcher() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(MAX_QUEUED), r -> {
                    Thread t = new Thread(r, "libvirt4j-remote-events");
                    t.setDaemon(true);
                    return t;
                }, (r, executor) -> LOG.log(Level.WARNING, "more than " + MAX_QUEUED
                        + " domain events wait for their callbacks; this one is dropped"));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /**
     * {@code virConnectDomainEventRegisterAny} for lifecycle events.
     *
     * @param dom the filter's domain, already checked to belong to this connection, or {@code null}
     */
    int registerLifecycle(RemoteConnect conn, RemoteNonnullDomain dom, DomainEventLifecycleCallback callback) {
        byte[] uuid = dom == null ? null : dom.uuid();
        Registration reserved;
        synchronized (registrations) {
            for (Registration r : registrations.values()) {
                if (r.sameFilter(uuid)) {
                    throw LibvirtException.of(ErrorNumber.ERR_INVALID_ARG, ErrorDomain.NONE,
                            "invalid argument: event callback already tracked");
                }
            }
            reserved = new Registration(nextId++, -1, uuid, conn, callback);
            registrations.put(reserved.localId(), reserved);
        }
        try {
            // bound while the reply is decoded, on the event loop: the daemon's events that follow
            // the reply are matched on that same thread, so none can come too early for it
            session.call(RemoteProcedure.REMOTE_PROC_CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY,
                    new RemoteConnectDomainEventCallbackRegisterAnyArgs(DomainEventID.LIFECYCLE.value(), dom)::encode,
                    r -> bind(reserved, RemoteConnectDomainEventCallbackRegisterAnyRet.decode(r).callbackID()));
        } catch (RuntimeException e) {
            synchronized (registrations) {
                registrations.remove(reserved.localId());
            }
            throw e;
        }
        return reserved.localId();
    }

    private Registration bind(Registration reserved, int remoteId) {
        Registration bound = new Registration(reserved.localId(), remoteId, reserved.uuid(), reserved.conn(),
                reserved.callback());
        synchronized (registrations) {
            registrations.replace(reserved.localId(), reserved, bound);
        }
        return bound;
    }

    /** {@code virConnectDomainEventDeregisterAny}: forgotten here first, then in the daemon. */
    void deregister(int localId) {
        Registration r;
        synchronized (registrations) {
            r = registrations.get(localId);
            if (r == null || r.remoteId() < 0) {
                throw LibvirtException.of(ErrorNumber.ERR_INVALID_ARG, ErrorDomain.NONE,
                        "invalid argument: event callback id " + localId + " not registered");
            }
            registrations.remove(localId);
        }
        session.call(RemoteProcedure.REMOTE_PROC_CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY,
                new RemoteConnectDomainEventCallbackDeregisterAnyArgs(r.remoteId())::encode, null);
    }

    /** Forgets the registrations made through {@code conn}, which is closing; queued events for them are dropped. */
    void forget(RemoteConnect conn) {
        synchronized (registrations) {
            registrations.values().removeIf(r -> r.conn() == conn);
        }
    }

    /** The event sink: decodes on the event loop, queues the delivery. Unknown events are ignored. */
    void onEvent(int proc, XdrReader body) {
        if (proc != RemoteProcedure.REMOTE_PROC_DOMAIN_EVENT_CALLBACK_LIFECYCLE.value()) {
            return;
        }
        RemoteDomainEventCallbackLifecycleMsg m = RemoteDomainEventCallbackLifecycleMsg.decode(body);
        List<Registration> targets = new ArrayList<>(1);
        synchronized (registrations) {
            for (Registration r : registrations.values()) {
                if (r.remoteId() == m.callbackID()) {
                    targets.add(r);
                }
            }
        }
        for (Registration r : targets) {
            DISPATCH.execute(() -> deliver(r, m));
        }
    }

    private void deliver(Registration r, RemoteDomainEventCallbackLifecycleMsg m) {
        synchronized (registrations) {
            if (registrations.get(r.localId()) != r) {
                return; // deregistered while queued
            }
        }
        try (RemoteDomain dom = new RemoteDomain(session, m.msg().dom())) {
            r.callback().onEvent(r.conn(), dom, new DomainEventLifecycle(m.msg().event(), m.msg().detail()));
        } catch (Throwable t) {
            LOG.log(Level.WARNING, "a domain lifecycle callback threw; the event is dropped", t);
        }
    }
}

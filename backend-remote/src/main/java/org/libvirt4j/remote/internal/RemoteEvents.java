package org.libvirt4j.remote.internal;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.libvirt4j.CloseCallback;
import org.libvirt4j.DomainEventID;
import org.libvirt4j.DomainEventLifecycle;
import org.libvirt4j.DomainEventLifecycleCallback;
import org.libvirt4j.DomainEventMetadataChange;
import org.libvirt4j.DomainEventMetadataChangeCallback;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.NetworkEventID;
import org.libvirt4j.NetworkEventLifecycle;
import org.libvirt4j.NetworkEventLifecycleCallback;
import org.libvirt4j.StoragePoolEventID;
import org.libvirt4j.StoragePoolEventLifecycle;
import org.libvirt4j.StoragePoolEventLifecycleCallback;
import org.libvirt4j.remote.generated.RemoteConnectDomainEventCallbackDeregisterAnyArgs;
import org.libvirt4j.remote.generated.RemoteConnectDomainEventCallbackRegisterAnyArgs;
import org.libvirt4j.remote.generated.RemoteConnectDomainEventCallbackRegisterAnyRet;
import org.libvirt4j.remote.generated.RemoteConnectNetworkEventDeregisterAnyArgs;
import org.libvirt4j.remote.generated.RemoteConnectNetworkEventRegisterAnyArgs;
import org.libvirt4j.remote.generated.RemoteConnectNetworkEventRegisterAnyRet;
import org.libvirt4j.remote.generated.RemoteConnectStoragePoolEventDeregisterAnyArgs;
import org.libvirt4j.remote.generated.RemoteConnectStoragePoolEventRegisterAnyArgs;
import org.libvirt4j.remote.generated.RemoteConnectStoragePoolEventRegisterAnyRet;
import org.libvirt4j.remote.generated.RemoteDomainEventCallbackLifecycleMsg;
import org.libvirt4j.remote.generated.RemoteDomainEventCallbackMetadataChangeMsg;
import org.libvirt4j.remote.generated.RemoteNetworkEventLifecycleMsg;
import org.libvirt4j.remote.generated.RemoteNonnullDomain;
import org.libvirt4j.remote.generated.RemoteNonnullNetwork;
import org.libvirt4j.remote.generated.RemoteNonnullStoragePool;
import org.libvirt4j.remote.generated.RemoteProcedure;
import org.libvirt4j.remote.generated.RemoteStoragePoolEventLifecycleMsg;
import org.libvirt4j.remote.internal.xdr.XdrException;
import org.libvirt4j.spi.CloseCallbacks;
import org.libvirt4j.remote.internal.xdr.XdrReader;
import org.libvirt4j.remote.internal.xdr.XdrWriter;

/**
 * One connection's event registrations, kept as libvirt's C client keeps them: ids are numbered
 * here from 0, one sequence per connection for every kind, and each registration (at most one
 * per kind and filter, as libvirt allows one per callback function and filter) has its own
 * registration in the daemon, whose id the daemon's events carry.
 *
 * <p>Events are decoded on the event loop and run by {@link EventDispatcher#SHARED}, one daemon
 * thread for all connections, so a callback may call back into libvirt (the event loop must stay
 * free to read the reply) and events keep their order. Each connection has its own bounded queue
 * there, served in turn with the others': a daemon that floods events faster than callbacks
 * consume them loses its own connection's events, not memory, and no other connection's.
 */
final class RemoteEvents {
    private static final System.Logger LOG = System.getLogger(RemoteEvents.class.getName());

    private final Session session;
    /** This connection's events waiting for their callbacks. */
    private final EventDispatcher.Queue queue;
    /** By local id; guarded by itself. */
    private final Map<Integer, Registration> registrations = new HashMap<>();
    /** libvirt's {@code nextID}; guarded by {@link #registrations}. */
    private int nextId;
    /** The close callback, at most one as in libvirt; guarded by {@link #registrations}. */
    private CloseRegistration close;

    private record CloseRegistration(RemoteConnect conn, CloseCallback callback) {
    }

    /** The objects events are about: each has its own register and deregister procedures. */
    enum Family {
        DOMAIN(RemoteProcedure.REMOTE_PROC_CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY,
                RemoteProcedure.REMOTE_PROC_CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY,
                id -> new RemoteConnectDomainEventCallbackDeregisterAnyArgs(id)::encode),
        NETWORK(RemoteProcedure.REMOTE_PROC_CONNECT_NETWORK_EVENT_REGISTER_ANY,
                RemoteProcedure.REMOTE_PROC_CONNECT_NETWORK_EVENT_DEREGISTER_ANY,
                id -> new RemoteConnectNetworkEventDeregisterAnyArgs(id)::encode),
        STORAGE_POOL(RemoteProcedure.REMOTE_PROC_CONNECT_STORAGE_POOL_EVENT_REGISTER_ANY,
                RemoteProcedure.REMOTE_PROC_CONNECT_STORAGE_POOL_EVENT_DEREGISTER_ANY,
                id -> new RemoteConnectStoragePoolEventDeregisterAnyArgs(id)::encode);

        final RemoteProcedure register;
        final RemoteProcedure deregister;
        final Function<Integer, Consumer<XdrWriter>> deregisterArgs;

        Family(RemoteProcedure register, RemoteProcedure deregister,
                Function<Integer, Consumer<XdrWriter>> deregisterArgs) {
            this.register = register;
            this.deregister = deregister;
            this.deregisterArgs = deregisterArgs;
        }
    }

    /** The event kinds this client registers for, with the event id the daemon is asked for. */
    enum Kind {
        DOMAIN_LIFECYCLE(Family.DOMAIN, DomainEventID.LIFECYCLE.value()),
        DOMAIN_METADATA_CHANGE(Family.DOMAIN, DomainEventID.METADATA_CHANGE.value()),
        NETWORK_LIFECYCLE(Family.NETWORK, NetworkEventID.LIFECYCLE.value()),
        STORAGE_POOL_LIFECYCLE(Family.STORAGE_POOL, StoragePoolEventID.LIFECYCLE.value());

        final Family family;
        final int eventId;

        Kind(Family family, int eventId) {
            this.family = family;
            this.eventId = eventId;
        }
    }

    /**
     * @param remoteId the daemon's id for it, -1 while the daemon has not answered
     * @param uuid the filter's object, {@code null} for all objects
     * @param callback one of the API's event callback types, matching {@code kind}
     */
    private record Registration(int localId, int remoteId, Kind kind, byte[] uuid, RemoteConnect conn,
            Object callback) {
        boolean sameFilter(Kind otherKind, byte[] otherUuid) {
            return kind == otherKind && (uuid == null ? otherUuid == null
                    : otherUuid != null && Arrays.equals(uuid, otherUuid));
        }
    }

    RemoteEvents(Session session) {
        this.session = session;
        this.queue = EventDispatcher.SHARED.newQueue(session.canonicalUri);
    }

    /** {@return how many of this connection's events were dropped because its callbacks did not keep up} */
    long droppedEvents() {
        return queue.dropped();
    }

    /** {@return how many of this connection's events wait for their callbacks} */
    int queuedEvents() {
        return queue.size();
    }

    /** @param dom the filter, already checked to belong to this connection, or {@code null} */
    int register(RemoteConnect conn, Kind kind, RemoteNonnullDomain dom, Object callback) {
        return register(conn, kind, dom == null ? null : dom.uuid(), callback,
                new RemoteConnectDomainEventCallbackRegisterAnyArgs(kind.eventId, dom)::encode,
                r -> RemoteConnectDomainEventCallbackRegisterAnyRet.decode(r).callbackID());
    }

    /** @param net the filter, already checked to belong to this connection, or {@code null} */
    int register(RemoteConnect conn, Kind kind, RemoteNonnullNetwork net, Object callback) {
        return register(conn, kind, net == null ? null : net.uuid(), callback,
                new RemoteConnectNetworkEventRegisterAnyArgs(kind.eventId, net)::encode,
                r -> RemoteConnectNetworkEventRegisterAnyRet.decode(r).callbackID());
    }

    /** @param pool the filter, already checked to belong to this connection, or {@code null} */
    int register(RemoteConnect conn, Kind kind, RemoteNonnullStoragePool pool, Object callback) {
        return register(conn, kind, pool == null ? null : pool.uuid(), callback,
                new RemoteConnectStoragePoolEventRegisterAnyArgs(kind.eventId, pool)::encode,
                r -> RemoteConnectStoragePoolEventRegisterAnyRet.decode(r).callbackID());
    }

    /** {@code virConnectXxxEventRegisterAny}: reserved here, then registered in the daemon. */
    private int register(RemoteConnect conn, Kind kind, byte[] uuid, Object callback, Consumer<XdrWriter> args,
            Function<XdrReader, Integer> remoteIdOf) {
        Registration reserved;
        synchronized (registrations) {
            for (Registration r : registrations.values()) {
                if (r.sameFilter(kind, uuid)) {
                    throw LibvirtException.of(ErrorNumber.ERR_INVALID_ARG, ErrorDomain.NONE,
                            "invalid argument: event callback already tracked");
                }
            }
            reserved = new Registration(nextId++, -1, kind, uuid, conn, callback);
            registrations.put(reserved.localId(), reserved);
        }
        try {
            // bound while the reply is decoded, on the event loop: the daemon's events that follow
            // the reply are matched on that same thread, so none can come too early for it
            session.call(kind.family.register, args, r -> bind(reserved, remoteIdOf.apply(r)));
        } catch (RuntimeException e) {
            synchronized (registrations) {
                registrations.remove(reserved.localId());
            }
            throw e;
        }
        return reserved.localId();
    }

    private Registration bind(Registration reserved, int remoteId) {
        Registration bound = new Registration(reserved.localId(), remoteId, reserved.kind(), reserved.uuid(),
                reserved.conn(), reserved.callback());
        synchronized (registrations) {
            registrations.replace(reserved.localId(), reserved, bound);
        }
        return bound;
    }

    /** {@code virConnectXxxEventDeregisterAny}: forgotten here first, then in the daemon. */
    void deregister(Family family, int localId) {
        Registration r;
        synchronized (registrations) {
            r = registrations.get(localId);
            if (r == null || r.remoteId() < 0 || r.kind().family != family) {
                throw LibvirtException.of(ErrorNumber.ERR_INVALID_ARG, ErrorDomain.NONE,
                        "invalid argument: event callback id " + localId + " not registered");
            }
            registrations.remove(localId);
        }
        session.call(family.deregister, family.deregisterArgs.apply(r.remoteId()), null);
    }

    /** Forgets the registrations made through {@code conn}, which is closing; queued events for them are dropped. */
    void forget(RemoteConnect conn) {
        synchronized (registrations) {
            registrations.values().removeIf(r -> r.conn() == conn);
            if (close != null && close.conn() == conn) {
                close = null;
            }
        }
    }

    /** {@code virConnectRegisterCloseCallback}, held here as libvirt's remote driver holds it. */
    void registerClose(RemoteConnect conn, CloseCallback callback) {
        synchronized (registrations) {
            if (close != null) {
                throw LibvirtException.of(ErrorNumber.ERR_OPERATION_INVALID, ErrorDomain.REMOTE,
                        "Requested operation is not valid: A close callback is already registered");
            }
            close = new CloseRegistration(conn, callback);
        }
    }

    /** {@code virConnectUnregisterCloseCallback}. */
    void unregisterClose() {
        synchronized (registrations) {
            if (close == null) {
                throw LibvirtException.of(ErrorNumber.ERR_OPERATION_INVALID, ErrorDomain.REMOTE,
                        "Requested operation is not valid: A different callback was requested");
            }
            close = null;
        }
    }

    /** The connection's close listener: the callback runs on the dispatch thread, after the events before it. */
    void onClose(int reason) {
        CloseRegistration r;
        synchronized (registrations) {
            r = close;
        }
        if (r != null) {
            queue.offerAlways(() -> {
                synchronized (registrations) {
                    if (close != r) {
                        return; // unregistered meanwhile
                    }
                }
                try {
                    CloseCallbacks.run(r.conn(), () -> r.callback().onClose(r.conn(), reason));
                } catch (Throwable t) {
                    LOG.log(Level.WARNING, "a close callback threw", t);
                }
            });
        }
    }

    /** The event sink: decodes on the event loop, queues the delivery. Unknown events are ignored. */
    void onEvent(int proc, XdrReader body) {
        RemoteProcedure p;
        try {
            p = RemoteProcedure.fromValue(proc);
        } catch (XdrException unknown) {
            return; // a procedure newer than this client: nothing registered for it
        }
        switch (p) {
            case REMOTE_PROC_DOMAIN_EVENT_CALLBACK_LIFECYCLE -> {
                RemoteDomainEventCallbackLifecycleMsg m = RemoteDomainEventCallbackLifecycleMsg.decode(body);
                queue(Kind.DOMAIN_LIFECYCLE, m.callbackID(), DomainEventLifecycleCallback.class,
                        (r, cb) -> {
                            try (RemoteDomain d = new RemoteDomain(session, m.msg().dom())) {
                                cb.onEvent(r.conn(), d, new DomainEventLifecycle(m.msg().event(), m.msg().detail()));
                            }
                        });
            }
            case REMOTE_PROC_DOMAIN_EVENT_CALLBACK_METADATA_CHANGE -> {
                RemoteDomainEventCallbackMetadataChangeMsg m = RemoteDomainEventCallbackMetadataChangeMsg.decode(body);
                queue(Kind.DOMAIN_METADATA_CHANGE, m.callbackID(), DomainEventMetadataChangeCallback.class,
                        (r, cb) -> {
                            try (RemoteDomain d = new RemoteDomain(session, m.dom())) {
                                cb.onEvent(r.conn(), d, new DomainEventMetadataChange(m.type(), m.nsuri()));
                            }
                        });
            }
            case REMOTE_PROC_NETWORK_EVENT_LIFECYCLE -> {
                RemoteNetworkEventLifecycleMsg m = RemoteNetworkEventLifecycleMsg.decode(body);
                queue(Kind.NETWORK_LIFECYCLE, m.callbackID(), NetworkEventLifecycleCallback.class,
                        (r, cb) -> {
                            try (RemoteNetwork n = new RemoteNetwork(session, m.net())) {
                                cb.onEvent(r.conn(), n, new NetworkEventLifecycle(m.event(), m.detail()));
                            }
                        });
            }
            case REMOTE_PROC_STORAGE_POOL_EVENT_LIFECYCLE -> {
                RemoteStoragePoolEventLifecycleMsg m = RemoteStoragePoolEventLifecycleMsg.decode(body);
                queue(Kind.STORAGE_POOL_LIFECYCLE, m.callbackID(), StoragePoolEventLifecycleCallback.class,
                        (r, cb) -> {
                            try (RemoteStoragePool sp = new RemoteStoragePool(session, m.pool())) {
                                cb.onEvent(r.conn(), sp, new StoragePoolEventLifecycle(m.event(), m.detail()));
                            }
                        });
            }
            default -> {
                // an event this client never registers for
            }
        }
    }

    /** One delivery to a user callback of type {@code T}. */
    private interface Delivery<T> {
        void deliver(Registration r, T callback);
    }

    private <T> void queue(Kind kind, int remoteId, Class<T> type, Delivery<T> delivery) {
        List<Registration> targets = new ArrayList<>(1);
        synchronized (registrations) {
            for (Registration r : registrations.values()) {
                if (r.kind() == kind && r.remoteId() == remoteId) {
                    targets.add(r);
                }
            }
        }
        for (Registration r : targets) {
            queue.offer(() -> deliver(r, type, delivery));
        }
    }

    private <T> void deliver(Registration r, Class<T> type, Delivery<T> delivery) {
        synchronized (registrations) {
            if (registrations.get(r.localId()) != r) {
                return; // deregistered while queued
            }
        }
        try {
            delivery.deliver(r, type.cast(r.callback()));
        } catch (Throwable t) {
            LOG.log(Level.WARNING, "an event callback threw; the event is dropped", t);
        }
    }
}

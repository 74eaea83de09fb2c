package org.libvirt4j.remote.internal;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import org.libvirt4j.CloseCallback;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.LibvirtObject;
import org.libvirt4j.remote.generated.RemoteConnectDomainEventCallbackDeregisterAnyArgs;
import org.libvirt4j.remote.generated.RemoteConnectDomainEventCallbackRegisterAnyArgs;
import org.libvirt4j.remote.generated.RemoteConnectDomainEventCallbackRegisterAnyRet;
import org.libvirt4j.remote.generated.RemoteConnectNetworkEventDeregisterAnyArgs;
import org.libvirt4j.remote.generated.RemoteConnectNetworkEventRegisterAnyArgs;
import org.libvirt4j.remote.generated.RemoteConnectNetworkEventRegisterAnyRet;
import org.libvirt4j.remote.generated.RemoteConnectNodeDeviceEventDeregisterAnyArgs;
import org.libvirt4j.remote.generated.RemoteConnectNodeDeviceEventRegisterAnyArgs;
import org.libvirt4j.remote.generated.RemoteConnectNodeDeviceEventRegisterAnyRet;
import org.libvirt4j.remote.generated.RemoteConnectSecretEventDeregisterAnyArgs;
import org.libvirt4j.remote.generated.RemoteConnectSecretEventRegisterAnyArgs;
import org.libvirt4j.remote.generated.RemoteConnectSecretEventRegisterAnyRet;
import org.libvirt4j.remote.generated.RemoteConnectStoragePoolEventDeregisterAnyArgs;
import org.libvirt4j.remote.generated.RemoteConnectStoragePoolEventRegisterAnyArgs;
import org.libvirt4j.remote.generated.RemoteConnectStoragePoolEventRegisterAnyRet;
import org.libvirt4j.remote.generated.RemoteNonnullDomain;
import org.libvirt4j.remote.generated.RemoteNonnullNetwork;
import org.libvirt4j.remote.generated.RemoteNonnullNodeDevice;
import org.libvirt4j.remote.generated.RemoteNonnullSecret;
import org.libvirt4j.remote.generated.RemoteNonnullStoragePool;
import org.libvirt4j.remote.generated.RemoteProcedure;
import org.libvirt4j.remote.internal.rpc.RpcConnection;
import org.libvirt4j.remote.internal.xdr.XdrException;
import org.libvirt4j.spi.CloseCallbacks;
import org.libvirt4j.spi.generated.EventKind;
import org.libvirt4j.remote.internal.xdr.XdrReader;
import org.libvirt4j.remote.internal.xdr.XdrWriter;

/**
 * One connection's event registrations, kept as libvirt's C client keeps them: ids are numbered
 * here from 0, one sequence per connection for every kind, and each registration (at most one
 * per kind and filter, as libvirt allows one per callback function and filter) has its own
 * registration in the daemon, whose id the daemon's events carry.
 *
 * <p>Events are decoded on the event loop and run by the connection's {@link EventDispatcher}:
 * {@link EventDispatcher#SHARED}'s one daemon thread for all connections, or the application's
 * {@code EVENT_EXECUTOR}; never the event loop, so a callback may call back into libvirt (the
 * event loop must stay free to read the reply), and events keep their order. Each connection has its own bounded queue
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

    /** Each family's register and deregister procedures. */
    private static RemoteProcedure registerProc(EventKind.Family f) {
        return switch (f) {
            case DOMAIN -> RemoteProcedure.REMOTE_PROC_CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY;
            case NETWORK -> RemoteProcedure.REMOTE_PROC_CONNECT_NETWORK_EVENT_REGISTER_ANY;
            case STORAGE_POOL -> RemoteProcedure.REMOTE_PROC_CONNECT_STORAGE_POOL_EVENT_REGISTER_ANY;
            case NODE_DEVICE -> RemoteProcedure.REMOTE_PROC_CONNECT_NODE_DEVICE_EVENT_REGISTER_ANY;
            case SECRET -> RemoteProcedure.REMOTE_PROC_CONNECT_SECRET_EVENT_REGISTER_ANY;
        };
    }

    private static RemoteProcedure deregisterProc(EventKind.Family f) {
        return switch (f) {
            case DOMAIN -> RemoteProcedure.REMOTE_PROC_CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY;
            case NETWORK -> RemoteProcedure.REMOTE_PROC_CONNECT_NETWORK_EVENT_DEREGISTER_ANY;
            case STORAGE_POOL -> RemoteProcedure.REMOTE_PROC_CONNECT_STORAGE_POOL_EVENT_DEREGISTER_ANY;
            case NODE_DEVICE -> RemoteProcedure.REMOTE_PROC_CONNECT_NODE_DEVICE_EVENT_DEREGISTER_ANY;
            case SECRET -> RemoteProcedure.REMOTE_PROC_CONNECT_SECRET_EVENT_DEREGISTER_ANY;
        };
    }

    private static Consumer<XdrWriter> deregisterArgs(EventKind.Family f, int id) {
        return switch (f) {
            case DOMAIN -> new RemoteConnectDomainEventCallbackDeregisterAnyArgs(id)::encode;
            case NETWORK -> new RemoteConnectNetworkEventDeregisterAnyArgs(id)::encode;
            case STORAGE_POOL -> new RemoteConnectStoragePoolEventDeregisterAnyArgs(id)::encode;
            case NODE_DEVICE -> new RemoteConnectNodeDeviceEventDeregisterAnyArgs(id)::encode;
            case SECRET -> new RemoteConnectSecretEventDeregisterAnyArgs(id)::encode;
        };
    }

    /**
     * @param remoteId the daemon's id for it, -1 while the daemon has not answered
     * @param filter the filter's object (its UUID, or a node device's name), {@code null} for all objects
     * @param callback one of the API's event callback types, matching {@code kind}
     */
    private record Registration(int localId, int remoteId, EventKind kind, String filter, RemoteConnect conn,
            Object callback, Consumer<XdrWriter> args, Function<XdrReader, Integer> remoteIdOf) {
        boolean sameFilter(EventKind otherKind, String otherFilter) {
            return kind == otherKind && Objects.equals(filter, otherFilter);
        }

        Registration withRemoteId(int id) {
            return new Registration(localId, id, kind, filter, conn, callback, args, remoteIdOf);
        }
    }

    /** {@link Registration#remoteId} while the daemon is away: kept, to be registered again by a reconnect. */
    static final int AWAY = -2;

    RemoteEvents(Session session) {
        this.session = session;
        this.queue = session.dispatcher.newQueue(session.canonicalUri);
    }

    /** {@return the next callback id: libvirt's client numbers every event kind's callbacks, QEMU's too, from one sequence} */
    int nextCallbackId() {
        synchronized (registrations) {
            return nextId++;
        }
    }

    /** Queues a delivery behind this connection's other events (the QEMU monitor's share the queue). */
    void enqueue(Runnable delivery) {
        queue.offer(delivery);
    }

    /** {@return how many of this connection's events were dropped because its callbacks did not keep up} */
    long droppedEvents() {
        return queue.dropped();
    }

    /** {@return how many of this connection's events wait for their callbacks} */
    int queuedEvents() {
        return queue.size();
    }

    /**
     * @param target the filter's {@code remote_nonnull_*} record, already checked to belong to
     *        this connection, or {@code null}
     */
    int register(RemoteConnect conn, EventKind kind, Object target, Object callback) {
        int id = kind.eventId();
        return switch (kind.family()) {
            case DOMAIN -> {
                RemoteNonnullDomain t = (RemoteNonnullDomain) target;
                yield register(conn, kind, t == null ? null : HexFormat.of().formatHex(t.uuid()), callback,
                        new RemoteConnectDomainEventCallbackRegisterAnyArgs(id, t)::encode,
                        r -> RemoteConnectDomainEventCallbackRegisterAnyRet.decode(r).callbackID());
            }
            case NETWORK -> {
                RemoteNonnullNetwork t = (RemoteNonnullNetwork) target;
                yield register(conn, kind, t == null ? null : HexFormat.of().formatHex(t.uuid()), callback,
                        new RemoteConnectNetworkEventRegisterAnyArgs(id, t)::encode,
                        r -> RemoteConnectNetworkEventRegisterAnyRet.decode(r).callbackID());
            }
            case STORAGE_POOL -> {
                RemoteNonnullStoragePool t = (RemoteNonnullStoragePool) target;
                yield register(conn, kind, t == null ? null : HexFormat.of().formatHex(t.uuid()), callback,
                        new RemoteConnectStoragePoolEventRegisterAnyArgs(id, t)::encode,
                        r -> RemoteConnectStoragePoolEventRegisterAnyRet.decode(r).callbackID());
            }
            case NODE_DEVICE -> {
                RemoteNonnullNodeDevice t = (RemoteNonnullNodeDevice) target;
                yield register(conn, kind, t == null ? null : t.name(), callback,
                        new RemoteConnectNodeDeviceEventRegisterAnyArgs(id, t)::encode,
                        r -> RemoteConnectNodeDeviceEventRegisterAnyRet.decode(r).callbackID());
            }
            case SECRET -> {
                RemoteNonnullSecret t = (RemoteNonnullSecret) target;
                yield register(conn, kind, t == null ? null : HexFormat.of().formatHex(t.uuid()), callback,
                        new RemoteConnectSecretEventRegisterAnyArgs(id, t)::encode,
                        r -> RemoteConnectSecretEventRegisterAnyRet.decode(r).callbackID());
            }
        };
    }

    /** {@code virConnectXxxEventRegisterAny}: reserved here, then registered in the daemon. */
    private int register(RemoteConnect conn, EventKind kind, String filter, Object callback, Consumer<XdrWriter> args,
            Function<XdrReader, Integer> remoteIdOf) {
        Registration reserved;
        synchronized (registrations) {
            for (Registration r : registrations.values()) {
                if (r.sameFilter(kind, filter)) {
                    throw LibvirtException.of(ErrorNumber.ERR_INVALID_ARG, ErrorDomain.NONE,
                            "invalid argument: event callback already tracked");
                }
            }
            reserved = new Registration(nextId++, -1, kind, filter, conn, callback, args, remoteIdOf);
            registrations.put(reserved.localId(), reserved);
        }
        try {
            // bound while the reply is decoded, on the event loop: the daemon's events that follow
            // the reply are matched on that same thread, so none can come too early for it
            session.call(registerProc(kind.family()), args, r -> bind(reserved, remoteIdOf.apply(r)));
        } catch (RuntimeException e) {
            synchronized (registrations) {
                registrations.remove(reserved.localId());
            }
            throw e;
        }
        return reserved.localId();
    }

    private Registration bind(Registration reserved, int remoteId) {
        Registration bound = reserved.withRemoteId(remoteId);
        synchronized (registrations) {
            registrations.replace(reserved.localId(), reserved, bound);
        }
        return bound;
    }

    /** {@return how many callbacks are registered}: for the reconnect tests' leak check */
    int registered() {
        synchronized (registrations) {
            return registrations.size();
        }
    }

    /** The daemon went away: its ids must match no event of the next one. */
    void unbindAll() {
        synchronized (registrations) {
            registrations.replaceAll((id, r) -> r.withRemoteId(AWAY));
        }
    }

    /**
     * Registers every registration, and the close callback, in a reconnected daemon, before
     * calls may go through. A registration whose filter object is gone from the new daemon
     * ({@code ERR_NO_DOMAIN}, ...) is dropped: there is nothing left for it to hear.
     *
     * @param client the new connection, not yet handed out
     * @throws LibvirtException when the new connection fails meanwhile
     */
    void rebind(RpcConnection client) {
        List<Registration> away;
        CloseRegistration c;
        synchronized (registrations) {
            away = new ArrayList<>(registrations.values());
            c = close;
        }
        away.sort(java.util.Comparator.comparingInt(Registration::localId));
        for (Registration r : away) {
            int[] remoteId = {AWAY};
            boolean kept;
            try {
                // bound while the reply is decoded, on the event loop, as at first registration
                kept = client.call(registerProc(r.kind().family()).value(), r.args(), reply -> {
                    remoteId[0] = r.remoteIdOf().apply(reply);
                    synchronized (registrations) {
                        return registrations.replace(r.localId(), r, r.withRemoteId(remoteId[0]));
                    }
                });
            } catch (LibvirtException e) {
                if (!client.isAlive()) {
                    throw e;
                }
                LOG.log(Level.WARNING, "event callback " + r.localId() + " could not be registered again after "
                        + "a reconnect and is dropped: " + e.getMessage());
                synchronized (registrations) {
                    registrations.remove(r.localId(), r);
                }
                continue;
            }
            if (!kept) {
                // deregistered meanwhile: the daemon must not keep it
                client.call(deregisterProc(r.kind().family()).value(),
                        deregisterArgs(r.kind().family(), remoteId[0]), null);
            }
        }
        if (c != null && session.serverCloseCallback) {
            client.call(RemoteProcedure.REMOTE_PROC_CONNECT_REGISTER_CLOSE_CALLBACK.value(), null, null);
        }
    }

    /** {@code virConnectXxxEventDeregisterAny}: forgotten here first, then in the daemon. */
    void deregister(EventKind.Family family, int localId) {
        Registration r;
        synchronized (registrations) {
            r = registrations.get(localId);
            if (r == null || r.remoteId() == -1 || r.kind().family() != family) {
                throw LibvirtException.of(ErrorNumber.ERR_INVALID_ARG, ErrorDomain.NONE,
                        "invalid argument: event callback id " + localId + " not registered");
            }
            registrations.remove(localId);
        }
        if (r.remoteId() == AWAY) {
            return; // the daemon that had it is gone, and a reconnect will not register it again
        }
        session.call(deregisterProc(family), deregisterArgs(family, r.remoteId()), null);
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
        CloseRegistration reserved = new CloseRegistration(conn, callback);
        synchronized (registrations) {
            if (close != null) {
                throw LibvirtException.of(ErrorNumber.ERR_OPERATION_INVALID, ErrorDomain.REMOTE,
                        "Requested operation is not valid: A close callback is already registered");
            }
            close = reserved;
        }
        if (session.serverCloseCallback) {
            // as libvirt's C client: the daemon then reports its own hypervisor connection closing
            try {
                session.call(RemoteProcedure.REMOTE_PROC_CONNECT_REGISTER_CLOSE_CALLBACK, null, null);
            } catch (RuntimeException e) {
                synchronized (registrations) {
                    if (close == reserved) {
                        close = null;
                    }
                }
                throw e;
            }
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
        if (session.serverCloseCallback) {
            session.call(RemoteProcedure.REMOTE_PROC_CONNECT_UNREGISTER_CLOSE_CALLBACK, null, null);
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
        if (p == RemoteProcedure.REMOTE_PROC_CONNECT_EVENT_CONNECTION_CLOSED) {
            // the daemon lost its hypervisor connection: the close callback hears it, once, as in libvirt
            int reason = org.libvirt4j.remote.generated.RemoteConnectEventConnectionClosedMsg.decode(body).reason();
            CloseRegistration r;
            synchronized (registrations) {
                r = close;
                close = null; // libvirt calls a close callback once, then drops it
            }
            if (r != null) {
                queue.offerAlways(() -> {
                    try {
                        CloseCallbacks.run(r.conn(), () -> r.callback().onClose(r.conn(), reason));
                    } catch (Throwable t) {
                        LOG.log(Level.WARNING, "a close callback threw", t);
                    }
                });
            }
            return;
        }
        RemoteEventMessages.Decoded d = RemoteEventMessages.decode(p, body);
        if (d == null) {
            return; // an event this client never registers for
        }
        List<Registration> targets = new ArrayList<>(1);
        synchronized (registrations) {
            for (Registration r : registrations.values()) {
                if (r.kind() == d.kind() && r.remoteId() == d.callbackId()) {
                    targets.add(r);
                }
            }
        }
        for (Registration r : targets) {
            queue.offer(() -> deliver(r, d));
        }
    }

    private void deliver(Registration r, RemoteEventMessages.Decoded d) {
        synchronized (registrations) {
            if (!registrations.containsKey(r.localId())) {
                return; // deregistered while queued (local ids are never reused)
            }
        }
        EventKind k = d.kind();
        try (LibvirtObject object = object(k.family(), d.object())) {
            k.deliver(r.callback(), r.conn(), object, k.event(d.args()));
        } catch (Throwable t) {
            LOG.log(Level.WARNING, "an event callback threw; the event is dropped", t);
        }
    }

    private LibvirtObject object(EventKind.Family family, Object ref) {
        return switch (family) {
            case DOMAIN -> new RemoteDomain(session, (RemoteNonnullDomain) ref);
            case NETWORK -> new RemoteNetwork(session, (RemoteNonnullNetwork) ref);
            case STORAGE_POOL -> new RemoteStoragePool(session, (RemoteNonnullStoragePool) ref);
            case NODE_DEVICE -> new RemoteNodeDevice(session, ((RemoteNonnullNodeDevice) ref).name());
            case SECRET -> new RemoteSecret(session, (RemoteNonnullSecret) ref);
        };
    }
}

package org.libvirt4j.remote.internal;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.libvirt4j.DomainQemuMonitorEvent;
import org.libvirt4j.DomainQemuMonitorEventCallback;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.remote.generated.QemuConnectDomainMonitorEventDeregisterArgs;
import org.libvirt4j.remote.generated.QemuConnectDomainMonitorEventRegisterArgs;
import org.libvirt4j.remote.generated.QemuConnectDomainMonitorEventRegisterRet;
import org.libvirt4j.remote.generated.QemuDomainMonitorEventMsg;
import org.libvirt4j.remote.generated.QemuProcedure;
import org.libvirt4j.remote.generated.RemoteNonnullDomain;
import org.libvirt4j.remote.internal.rpc.Rpc;
import org.libvirt4j.remote.internal.rpc.RpcConnection;
import org.libvirt4j.remote.internal.xdr.XdrException;
import org.libvirt4j.remote.internal.xdr.XdrReader;

/**
 * One connection's QEMU monitor event registrations, kept as libvirt's C client keeps them
 * ({@code remoteConnectDomainQemuMonitorEventRegister}): unlike the other event kinds, whose
 * callbacks with one filter share one registration in the daemon, each QEMU monitor callback has
 * a registration of its own there (libvirt's client matches every callback that has a filter of
 * its own to exactly one daemon callback), with its own name filter and flags, which the daemon
 * applies; the daemon hears of each deregistration. Callback ids come from the connection's one
 * sequence ({@link RemoteEvents#nextCallbackId()}), and events go through its queue, in order
 * with its other events.
 */
final class RemoteQemuEvents {
    private static final System.Logger LOG = System.getLogger(RemoteQemuEvents.class.getName());

    private final Session session;
    private final RemoteEvents events;
    /** By local id; guarded by itself. */
    private final Map<Integer, Registration> registrations = new HashMap<>();

    /**
     * @param remoteId the daemon's id, -1 until it answered
     * @param filter the domain filter's UUID in hex, {@code null} for every domain
     */
    private record Registration(int localId, int remoteId, String filter, RemoteConnect conn,
            DomainQemuMonitorEventCallback callback, QemuConnectDomainMonitorEventRegisterArgs args) {
        Registration withRemoteId(int id) {
            return new Registration(localId, id, filter, conn, callback, args);
        }
    }

    RemoteQemuEvents(Session session, RemoteEvents events) {
        this.session = session;
        this.events = events;
    }

    /**
     * {@code virConnectDomainQemuMonitorEventRegister}.
     *
     * @param dom the domain filter, already checked to belong to this connection, or {@code null}
     */
    int register(RemoteConnect conn, RemoteNonnullDomain dom, String event, DomainQemuMonitorEventCallback callback,
            int flags) {
        String filter = dom == null ? null : HexFormat.of().formatHex(dom.uuid());
        QemuConnectDomainMonitorEventRegisterArgs args = new QemuConnectDomainMonitorEventRegisterArgs(dom, event,
                flags);
        Registration reserved = new Registration(events.nextCallbackId(), -1, filter, conn, callback, args);
        synchronized (registrations) {
            registrations.put(reserved.localId(), reserved);
        }
        try {
            // bound while the reply is decoded, on the event loop: events that follow the reply
            // are matched on that same thread, so none can come too early for it
            session.callQemu(QemuProcedure.QEMU_PROC_CONNECT_DOMAIN_MONITOR_EVENT_REGISTER, args::encode,
                    r -> bind(reserved, QemuConnectDomainMonitorEventRegisterRet.decode(r).callbackID()));
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

    /** The daemon went away: its ids must match no event of the next one. */
    void unbindAll() {
        synchronized (registrations) {
            registrations.replaceAll((id, r) -> r.withRemoteId(RemoteEvents.AWAY));
        }
    }

    /**
     * Registers every callback in a reconnected daemon, as {@link RemoteEvents#rebind} does.
     *
     * @param client the new connection, not yet handed out
     * @throws LibvirtException when the new connection fails meanwhile
     */
    void rebind(RpcConnection client) {
        List<Registration> away;
        synchronized (registrations) {
            away = new ArrayList<>(registrations.values());
        }
        away.sort(java.util.Comparator.comparingInt(Registration::localId));
        for (Registration r : away) {
            int[] remoteId = {RemoteEvents.AWAY};
            boolean kept;
            try {
                kept = client.callProgram(org.libvirt4j.remote.generated.QemuProtocol.QEMU_PROGRAM, QemuProcedure.QEMU_PROC_CONNECT_DOMAIN_MONITOR_EVENT_REGISTER
                        .value(), r.args()::encode, reply -> {
                            remoteId[0] = QemuConnectDomainMonitorEventRegisterRet.decode(reply).callbackID();
                            synchronized (registrations) {
                                return registrations.replace(r.localId(), r, r.withRemoteId(remoteId[0]));
                            }
                        });
            } catch (LibvirtException e) {
                if (!client.isAlive()) {
                    throw e;
                }
                LOG.log(Level.WARNING, "QEMU monitor event callback " + r.localId() + " could not be registered "
                        + "again after a reconnect and is dropped: " + e.getMessage());
                synchronized (registrations) {
                    registrations.remove(r.localId(), r);
                }
                continue;
            }
            if (!kept) {
                client.callProgram(org.libvirt4j.remote.generated.QemuProtocol.QEMU_PROGRAM, QemuProcedure.QEMU_PROC_CONNECT_DOMAIN_MONITOR_EVENT_DEREGISTER
                        .value(), new QemuConnectDomainMonitorEventDeregisterArgs(remoteId[0])::encode, null);
            }
        }
    }

    /** {@code virConnectDomainQemuMonitorEventDeregister}: forgotten here first, then in the daemon. */
    void deregister(int localId) {
        Registration r;
        synchronized (registrations) {
            r = registrations.get(localId);
            if (r == null || r.remoteId() == -1) {
                throw LibvirtException.of(ErrorNumber.ERR_INVALID_ARG, ErrorDomain.NONE,
                        "invalid argument: event callback id " + localId + " not registered");
            }
            registrations.remove(localId);
        }
        if (r.remoteId() == RemoteEvents.AWAY) {
            return; // the daemon that had it is gone, and a reconnect will not register it again
        }
        session.callQemu(QemuProcedure.QEMU_PROC_CONNECT_DOMAIN_MONITOR_EVENT_DEREGISTER,
                new QemuConnectDomainMonitorEventDeregisterArgs(r.remoteId())::encode, null);
    }

    /** Forgets the registrations made through {@code conn}, which is closing. */
    void forget(RemoteConnect conn) {
        synchronized (registrations) {
            registrations.values().removeIf(r -> r.conn() == conn);
        }
    }

    /** The QEMU program's event sink: decodes on the event loop, queues the delivery. */
    void onEvent(int proc, XdrReader body) {
        QemuProcedure p;
        try {
            p = QemuProcedure.fromValue(proc);
        } catch (XdrException unknown) {
            return; // a procedure newer than this client
        }
        if (p != QemuProcedure.QEMU_PROC_DOMAIN_MONITOR_EVENT) {
            return;
        }
        QemuDomainMonitorEventMsg m = QemuDomainMonitorEventMsg.decode(body);
        body.expectEnd("QEMU monitor event");
        String uuid = HexFormat.of().formatHex(m.dom().uuid());
        List<Registration> targets = new ArrayList<>(1);
        synchronized (registrations) {
            for (Registration r : registrations.values()) {
                if (r.remoteId() == m.callbackID() && (r.filter() == null || r.filter().equals(uuid))) {
                    targets.add(r);
                }
            }
        }
        for (Registration r : targets) {
            events.enqueue(() -> deliver(r, m));
        }
    }

    private void deliver(Registration r, QemuDomainMonitorEventMsg m) {
        synchronized (registrations) {
            if (registrations.get(r.localId()) == null) {
                return; // deregistered while queued
            }
        }
        try (RemoteDomain d = new RemoteDomain(session, m.dom())) {
            r.callback().onEvent(r.conn(), d, new DomainQemuMonitorEvent(m.event(), m.seconds(), m.micros(),
                    m.details()));
        } catch (Throwable t) {
            LOG.log(Level.WARNING, "a QEMU monitor event callback threw; the event is dropped", t);
        }
    }
}

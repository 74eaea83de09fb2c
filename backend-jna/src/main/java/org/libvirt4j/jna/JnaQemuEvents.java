package org.libvirt4j.jna;

import com.sun.jna.Callback;
import com.sun.jna.CallbackReference;
import com.sun.jna.Pointer;
import java.lang.System.Logger.Level;
import org.libvirt4j.Domain;
import org.libvirt4j.DomainQemuMonitorEvent;
import org.libvirt4j.DomainQemuMonitorEventCallback;
import org.libvirt4j.jna.internal.CStrings;
import org.libvirt4j.jna.internal.Errors;
import org.libvirt4j.jna.internal.Virt;
import org.libvirt4j.spi.NativeHandle;
import org.libvirt4j.spi.ObjectKind;

/**
 * {@code virDomainQemuAttach} and the QEMU monitor events through {@code libvirt-qemu.so.0}. Every
 * registration passes the one C callback below, its {@code opaque} a key of {@link Events}'
 * registry, which libvirt's free callback clears.
 */
final class JnaQemuEvents {
    private static final System.Logger LOG = System.getLogger(JnaQemuEvents.class.getName());
    static final String REGISTER = "virConnectDomainQemuMonitorEventRegister";
    static final String DEREGISTER = "virConnectDomainQemuMonitorEventDeregister";

    /** {@code virConnectDomainQemuMonitorEventCallback}. */
    interface MonitorEvent extends Callback {
        void invoke(long conn, long dom, long event, long seconds, int micros, long details, long opaque);
    }

    private static final MonitorEvent ON_EVENT = JnaQemuEvents::onEvent;
    /** Held for the process's life: libvirt may call it at any time. */
    private static final long FUNCTION = Pointer.nativeValue(CallbackReference.getFunctionPointer(ON_EVENT));

    private JnaQemuEvents() {
    }

    private static void onEvent(long conn, long dom, long event, long seconds, int micros, long details, long opaque) {
        try {
            Events.Registration r = Events.registration(opaque);
            if (r == null || !(r.callback() instanceof DomainQemuMonitorEventCallback cb)) {
                return;
            }
            DomainQemuMonitorEvent e = new DomainQemuMonitorEvent(CStrings.read(event), seconds, micros,
                    CStrings.read(details));
            // the domain is libvirt's for the call's length: a reference of our own for the handle
            Errors.check(Virt.virDomainRef(dom), "virDomainRef");
            JnaDomain d = new JnaDomain(dom);
            r.conn().eventCallbacks().deliver(d, () -> {
                if (Events.registration(opaque) == r) { // not deregistered while the event waited
                    cb.onEvent(r.conn(), d, e);
                }
            });
        } catch (Throwable t) {
            // nothing may unwind through libvirt's C frames
            LOG.log(Level.WARNING, "a QEMU monitor event callback threw; the event is dropped", t);
        }
    }

    static Domain attach(NativeHandle conn, int pid, int flags) {
        String fn = "virDomainQemuAttach";
        var f = QemuNatives.get(QemuNatives.Lib.QEMU, fn);
        return conn.call(fn, c -> {
            long d = f.invokeLong(new Object[] {new Pointer(c), pid, flags});
            if (d == 0) {
                throw Errors.last(fn);
            }
            return new JnaDomain(d);
        });
    }

    static int register(JnaConnect owner, NativeHandle conn, Domain dom, String event, DomainQemuMonitorEventCallback cb,
            int flags) {
        var f = QemuNatives.get(QemuNatives.Lib.QEMU, REGISTER);
        NativeHandle target = dom == null ? null : JnaHandle.of(dom, JnaDomain.class, ObjectKind.DOMAIN, REGISTER);
        return conn.call(REGISTER, c -> {
            long t = target == null ? 0 : target.acquire(REGISTER);
            try {
                long key = Events.add(owner, cb, null);
                int id = f.invokeInt(new Object[] {new Pointer(c), t == 0 ? null : new Pointer(t),
                    event == null ? null : CStrings.of(event), new Pointer(FUNCTION), new Pointer(key),
                    new Pointer(Events.freeFunction()), flags});
                if (id < 0) {
                    Events.forget(key);
                    throw Errors.last(REGISTER);
                }
                return id;
            } finally {
                if (target != null) {
                    target.release();
                }
            }
        });
    }

    static void deregister(NativeHandle conn, int id) {
        var f = QemuNatives.get(QemuNatives.Lib.QEMU, DEREGISTER);
        conn.run(DEREGISTER, c -> Errors.check(f.invokeInt(new Object[] {new Pointer(c), id}), DEREGISTER));
    }

    /** For close(): libvirt's answer does not matter, a callback it no longer knows needs no undoing. */
    static void deregisterQuietly(long c, int id) {
        try {
            QemuNatives.get(QemuNatives.Lib.QEMU, DEREGISTER).invokeInt(new Object[] {new Pointer(c), id});
        } catch (RuntimeException e) {
            // the library went missing: nothing was registered through it
        }
    }
}

package org.libvirt4j.jni;

import java.lang.System.Logger.Level;
import org.libvirt4j.DomainQemuMonitorEvent;
import org.libvirt4j.DomainQemuMonitorEventCallback;
import org.libvirt4j.FileDescriptors;

/**
 * The natives of {@code lv_qemu.c} over {@code libvirt-qemu.so.0} and {@code libvirt-lxc.so.0},
 * and the upcall of the QEMU monitor event callback. Descriptor arrays returned here are the
 * caller's to close.
 */
final class JniQemuNatives {
    private static final System.Logger LOG = System.getLogger(JniQemuNatives.class.getName());

    private JniQemuNatives() {
    }

    static native String qemuMonitorCommand(long dom, String cmd, int flags);

    /** {@return {@code { String result, int[] outfiles }}} */
    static native Object[] qemuMonitorCommandWithFiles(long dom, String cmd, int[] infiles, int flags);

    static native String qemuAgentCommand(long dom, String cmd, int timeout, int flags);

    static native long qemuAttach(long conn, int pid, int flags);

    static native int qemuEventRegister(long conn, long dom, String event, long key, int flags);

    static native void qemuEventDeregister(long conn, int id);

    static native int[] lxcOpenNamespace(long dom, int flags);

    static native int[] lxcEnterNamespace(long dom, int[] fdlist, int flags);

    static native void lxcEnterCGroup(long dom, int flags);

    /** {@return {@code { String label, Boolean enforcing }}}: the previous label */
    static native Object[] lxcEnterSecurityLabel(String model, String doi, String label, boolean enforcing, int flags);

    static native void closeFd(int fd);

    /** {@return the holder that owns fds} */
    static FileDescriptors own(int[] fds) {
        return FileDescriptors.of(fds, JniQemuNatives::closeFd);
    }

    /**
     * Called from C for each QEMU monitor event, on libvirt's event loop thread.
     *
     * @param key the registration's opaque pointer
     * @param dom the domain, with a reference taken for the handle made here
     * @param event the event's name
     * @param seconds the seconds of its timestamp
     * @param micros the microseconds of its timestamp
     * @param details its JSON data, or {@code null}
     */
    static void monitorEvent(long key, long dom, String event, long seconds, int micros, String details) {
        JniDomain d = new JniDomain(dom);
        try {
            JniEvents.Registration r = JniEvents.registration(key);
            if (r == null || !(r.callback() instanceof DomainQemuMonitorEventCallback cb)) {
                d.close();
                return;
            }
            DomainQemuMonitorEvent e = new DomainQemuMonitorEvent(event, seconds, micros, details);
            r.conn().eventCallbacks().deliver(d, () -> {
                if (JniEvents.registration(key) == r) { // not deregistered while the event waited
                    cb.onEvent(r.conn(), d, e);
                }
            });
        } catch (Throwable t) {
            // nothing may unwind through libvirt's C frames
            d.close();
            LOG.log(Level.WARNING, "a QEMU monitor event callback threw; the event is dropped", t);
        }
    }
}

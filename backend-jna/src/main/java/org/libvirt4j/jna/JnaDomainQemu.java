package org.libvirt4j.jna;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import org.libvirt4j.DomainQemuMonitorCommandWithFilesResult;
import org.libvirt4j.FileDescriptors;
import org.libvirt4j.jna.internal.CStrings;
import org.libvirt4j.jna.internal.Errors;
import org.libvirt4j.spi.DomainQemuContract;
import org.libvirt4j.spi.NativeHandle;

/** The raw operations of {@link DomainQemuContract} through JNA, over {@code libvirt-qemu.so.0} and {@code libvirt-lxc.so.0}. */
interface JnaDomainQemu extends DomainQemuContract {

    /** {@return the domain's guarded pointer} */
    NativeHandle handle();

    @Override
    default String rawQemuMonitorCommand(String command, int flags) {
        String fn = "virDomainQemuMonitorCommand";
        var f = QemuNatives.get(QemuNatives.Lib.QEMU, fn);
        NativeHandle h = handle();
        long d = h.acquire(fn);
        try (Memory result = new Memory(8)) {
            result.setLong(0, 0);
            Errors.check(f.invokeInt(new Object[] {new Pointer(d), CStrings.of(command), result, flags}), fn);
            return CStrings.take(result.getLong(0));
        } finally {
            h.release();
        }
    }

    @Override
    default DomainQemuMonitorCommandWithFilesResult rawQemuMonitorCommandWithFiles(String command, int[] infiles,
            int flags) {
        String fn = "virDomainQemuMonitorCommandWithFiles";
        var f = QemuNatives.get(QemuNatives.Lib.QEMU, fn);
        NativeHandle h = handle();
        long d = h.acquire(fn);
        try (Memory out = new Memory(24)) {
            out.clear();
            // out: unsigned int noutfiles at 0, int *outfiles at 8, char *result at 16
            Errors.check(f.invokeInt(new Object[] {new Pointer(d), CStrings.of(command), infiles.length,
                QemuNatives.ints(infiles), out, out.share(8), out.share(16), flags}), fn);
            FileDescriptors files = QemuNatives.takeFds(out.getLong(8), out.getInt(0));
            return new DomainQemuMonitorCommandWithFilesResult(CStrings.take(out.getLong(16)), files);
        } finally {
            h.release();
        }
    }

    @Override
    default String rawQemuAgentCommand(String command, int timeout, int flags) {
        String fn = "virDomainQemuAgentCommand";
        var f = QemuNatives.get(QemuNatives.Lib.QEMU, fn);
        return handle().call(fn, d -> {
            long r = f.invokeLong(new Object[] {new Pointer(d), CStrings.of(command), timeout, flags});
            if (r == 0) {
                throw Errors.last(fn);
            }
            return CStrings.take(r);
        });
    }

    @Override
    default FileDescriptors rawLxcOpenNamespace(int flags) {
        String fn = "virDomainLxcOpenNamespace";
        var f = QemuNatives.get(QemuNatives.Lib.LXC, fn);
        NativeHandle h = handle();
        long d = h.acquire(fn);
        try (Memory out = new Memory(8)) {
            out.setLong(0, 0);
            int n = Errors.check(f.invokeInt(new Object[] {new Pointer(d), out, flags}), fn);
            return QemuNatives.takeFds(out.getLong(0), n);
        } finally {
            h.release();
        }
    }

    @Override
    default FileDescriptors rawLxcEnterNamespace(int[] fdlist, int flags) {
        String fn = "virDomainLxcEnterNamespace";
        var f = QemuNatives.get(QemuNatives.Lib.LXC, fn);
        NativeHandle h = handle();
        long d = h.acquire(fn);
        try (Memory out = new Memory(16)) {
            out.clear();
            // out: unsigned int noldfdlist at 0, int *oldfdlist at 8
            Errors.check(f.invokeInt(new Object[] {new Pointer(d), fdlist.length, QemuNatives.ints(fdlist), out,
                out.share(8), flags}), fn);
            return QemuNatives.takeFds(out.getLong(8), out.getInt(0));
        } finally {
            h.release();
        }
    }

    @Override
    default void rawLxcEnterCGroup(int flags) {
        String fn = "virDomainLxcEnterCGroup";
        var f = QemuNatives.get(QemuNatives.Lib.LXC, fn);
        handle().run(fn, d -> Errors.check(f.invokeInt(new Object[] {new Pointer(d), flags}), fn));
    }
}

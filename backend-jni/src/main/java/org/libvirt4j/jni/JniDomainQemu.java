package org.libvirt4j.jni;

import org.libvirt4j.DomainQemuMonitorCommandWithFilesResult;
import org.libvirt4j.FileDescriptors;
import org.libvirt4j.spi.DomainQemuContract;
import org.libvirt4j.spi.NativeHandle;

/** The raw operations of {@link DomainQemuContract} over {@code lv_qemu.c}. */
interface JniDomainQemu extends DomainQemuContract {

    /** {@return the domain's guarded pointer} */
    NativeHandle guard();

    @Override
    default String rawQemuMonitorCommand(String command, int flags) {
        NativeHandle h = guard();
        return h.call("virDomainQemuMonitorCommand", d -> JniQemuNatives.qemuMonitorCommand(d, command, flags));
    }

    @Override
    default DomainQemuMonitorCommandWithFilesResult rawQemuMonitorCommandWithFiles(String command, int[] infiles,
            int flags) {
        NativeHandle h = guard();
        return h.call("virDomainQemuMonitorCommandWithFiles", d -> {
            Object[] r = JniQemuNatives.qemuMonitorCommandWithFiles(d, command, infiles, flags);
            return new DomainQemuMonitorCommandWithFilesResult((String) r[0], JniQemuNatives.own((int[]) r[1]));
        });
    }

    @Override
    default String rawQemuAgentCommand(String command, int timeout, int flags) {
        NativeHandle h = guard();
        return h.call("virDomainQemuAgentCommand", d -> JniQemuNatives.qemuAgentCommand(d, command, timeout, flags));
    }

    @Override
    default FileDescriptors rawLxcOpenNamespace(int flags) {
        NativeHandle h = guard();
        return h.call("virDomainLxcOpenNamespace", d -> JniQemuNatives.own(JniQemuNatives.lxcOpenNamespace(d, flags)));
    }

    @Override
    default FileDescriptors rawLxcEnterNamespace(int[] fdlist, int flags) {
        NativeHandle h = guard();
        return h.call("virDomainLxcEnterNamespace", d -> {
            return JniQemuNatives.own(JniQemuNatives.lxcEnterNamespace(d, fdlist, flags));
        });
    }

    @Override
    default void rawLxcEnterCGroup(int flags) {
        NativeHandle h = guard();
        h.run("virDomainLxcEnterCGroup", d -> JniQemuNatives.lxcEnterCGroup(d, flags));
    }
}

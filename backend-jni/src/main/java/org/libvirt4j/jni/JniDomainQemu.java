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
        long d = h.acquire("virDomainQemuMonitorCommand");
        try {
            return JniQemuNatives.qemuMonitorCommand(d, command, flags);
        } finally {
            h.release();
        }
    }

    @Override
    default DomainQemuMonitorCommandWithFilesResult rawQemuMonitorCommandWithFiles(String command, int[] infiles,
            int flags) {
        NativeHandle h = guard();
        long d = h.acquire("virDomainQemuMonitorCommandWithFiles");
        try {
            Object[] r = JniQemuNatives.qemuMonitorCommandWithFiles(d, command, infiles, flags);
            return new DomainQemuMonitorCommandWithFilesResult((String) r[0], JniQemuNatives.own((int[]) r[1]));
        } finally {
            h.release();
        }
    }

    @Override
    default String rawQemuAgentCommand(String command, int timeout, int flags) {
        NativeHandle h = guard();
        long d = h.acquire("virDomainQemuAgentCommand");
        try {
            return JniQemuNatives.qemuAgentCommand(d, command, timeout, flags);
        } finally {
            h.release();
        }
    }

    @Override
    default FileDescriptors rawLxcOpenNamespace(int flags) {
        NativeHandle h = guard();
        long d = h.acquire("virDomainLxcOpenNamespace");
        try {
            return JniQemuNatives.own(JniQemuNatives.lxcOpenNamespace(d, flags));
        } finally {
            h.release();
        }
    }

    @Override
    default FileDescriptors rawLxcEnterNamespace(int[] fdlist, int flags) {
        NativeHandle h = guard();
        long d = h.acquire("virDomainLxcEnterNamespace");
        try {
            return JniQemuNatives.own(JniQemuNatives.lxcEnterNamespace(d, fdlist, flags));
        } finally {
            h.release();
        }
    }

    @Override
    default void rawLxcEnterCGroup(int flags) {
        NativeHandle h = guard();
        long d = h.acquire("virDomainLxcEnterCGroup");
        try {
            JniQemuNatives.lxcEnterCGroup(d, flags);
        } finally {
            h.release();
        }
    }
}

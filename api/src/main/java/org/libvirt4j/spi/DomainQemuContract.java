package org.libvirt4j.spi;

import java.util.Objects;
import org.libvirt4j.DomainLxcMethods;
import org.libvirt4j.DomainQemuMethods;
import org.libvirt4j.DomainQemuMonitorCommandWithFilesResult;
import org.libvirt4j.FileDescriptors;

/**
 * The QEMU and LXC domain calls, written once for every backend: null and NUL checks, then one
 * raw operation each (one C call of {@code libvirt-qemu.so.0} / {@code libvirt-lxc.so.0}, or one
 * procedure of the daemon's QEMU or LXC program).
 */
public interface DomainQemuContract extends DomainQemuMethods, DomainLxcMethods {

    /**
     * {@code virDomainQemuMonitorCommand}.
     *
     * @param command the command, checked
     * @param flags the flags
     * @return the reply
     */
    String rawQemuMonitorCommand(String command, int flags);

    /**
     * {@code virDomainQemuMonitorCommandWithFiles}, asking for the returned files as Go does.
     *
     * @param command the command, checked
     * @param infiles the descriptors to pass, a copy
     * @param flags the flags
     * @return the reply and the returned descriptors
     */
    DomainQemuMonitorCommandWithFilesResult rawQemuMonitorCommandWithFiles(String command, int[] infiles, int flags);

    /**
     * {@code virDomainQemuAgentCommand}.
     *
     * @param command the command, checked
     * @param timeout the timeout
     * @param flags the flags
     * @return the reply
     */
    String rawQemuAgentCommand(String command, int timeout, int flags);

    /**
     * {@code virDomainLxcOpenNamespace}.
     *
     * @param flags the flags
     * @return the descriptors
     */
    FileDescriptors rawLxcOpenNamespace(int flags);

    /**
     * {@code virDomainLxcEnterNamespace}, asking for the old namespaces as Go does.
     *
     * @param fdlist the namespace descriptors, a copy
     * @param flags the flags
     * @return the old namespaces' descriptors
     */
    FileDescriptors rawLxcEnterNamespace(int[] fdlist, int flags);

    /**
     * {@code virDomainLxcEnterCGroup}.
     *
     * @param flags the flags
     */
    void rawLxcEnterCGroup(int flags);

    @Override
    default String qemuMonitorCommand(String command, int flags) {
        Objects.requireNonNull(command, "command");
        return rawQemuMonitorCommand(CStrings.requireNoNul(command), flags);
    }

    @Override
    default DomainQemuMonitorCommandWithFilesResult qemuMonitorCommandWithFiles(String command, int[] infiles,
            int flags) {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(infiles, "infiles");
        return rawQemuMonitorCommandWithFiles(CStrings.requireNoNul(command), infiles.clone(), flags);
    }

    @Override
    default String qemuAgentCommand(String command, int timeout, int flags) {
        Objects.requireNonNull(command, "command");
        return rawQemuAgentCommand(CStrings.requireNoNul(command), timeout, flags);
    }

    @Override
    default FileDescriptors lxcOpenNamespace(int flags) {
        return rawLxcOpenNamespace(flags);
    }

    @Override
    default FileDescriptors lxcEnterNamespace(int[] fdlist, int flags) {
        Objects.requireNonNull(fdlist, "fdlist");
        return rawLxcEnterNamespace(fdlist.clone(), flags);
    }

    @Override
    default void lxcEnterCGroup(int flags) {
        rawLxcEnterCGroup(flags);
    }
}

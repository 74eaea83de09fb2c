package org.libvirt4j.remote.internal;

import org.libvirt4j.remote.internal.rpc.RpcConnection;
import org.libvirt4j.DomainQemuMonitorCommandWithFilesResult;
import org.libvirt4j.FileDescriptors;
import org.libvirt4j.remote.generated.LxcDomainOpenNamespaceArgs;
import org.libvirt4j.remote.generated.LxcProcedure;
import org.libvirt4j.remote.generated.QemuDomainAgentCommandArgs;
import org.libvirt4j.remote.generated.QemuDomainAgentCommandRet;
import org.libvirt4j.remote.generated.QemuDomainMonitorCommandArgs;
import org.libvirt4j.remote.generated.QemuDomainMonitorCommandRet;
import org.libvirt4j.remote.generated.QemuDomainMonitorCommandWithFilesArgs;
import org.libvirt4j.remote.generated.QemuDomainMonitorCommandWithFilesRet;
import org.libvirt4j.remote.generated.QemuProcedure;
import org.libvirt4j.remote.generated.RemoteNonnullDomain;
import org.libvirt4j.spi.DomainQemuContract;
import org.libvirt4j.spi.QemuChecks;

/**
 * The raw operations of {@link DomainQemuContract} over the daemon's QEMU and LXC programs. What
 * needs descriptors to cross the socket, or acts on the calling process, is refused with
 * {@code ERR_NO_SUPPORT}, after the checks libvirt's C library makes first.
 */
interface RemoteDomainQemu extends DomainQemuContract {
    /** Why the calls that act on the calling process are refused. */
    String NOT_HERE = "it acts on the calling process, and the remote backend runs no libvirt library in it";

    /**
     * @param fn the C function
     * @return the session, checked open for fn
     */
    Session sessionFor(String fn);

    /** {@return the domain as the wire names it} */
    RemoteNonnullDomain wireDomain();

    @Override
    default String rawQemuMonitorCommand(String command, int flags) {
        return sessionFor("virDomainQemuMonitorCommand").callQemu(QemuProcedure.QEMU_PROC_DOMAIN_MONITOR_COMMAND,
                new QemuDomainMonitorCommandArgs(wireDomain(), command, flags)::encode,
                r -> QemuDomainMonitorCommandRet.decode(r).result());
    }

    @Override
    default DomainQemuMonitorCommandWithFilesResult rawQemuMonitorCommandWithFiles(String command, int[] infiles,
            int flags) {
        String fn = "virDomainQemuMonitorCommandWithFiles";
        RpcConnection.FdReply<String> reply = sessionFor(fn).callWithFds(org.libvirt4j.remote.generated.QemuProtocol.QEMU_PROGRAM,
                QemuProcedure.QEMU_PROC_DOMAIN_MONITOR_COMMAND_WITH_FILES.value(),
                new QemuDomainMonitorCommandWithFilesArgs(wireDomain(), command, flags)::encode, infiles,
                r -> QemuDomainMonitorCommandWithFilesRet.decode(r).result());
        return new DomainQemuMonitorCommandWithFilesResult(reply.value(), reply.fds());
    }

    @Override
    default String rawQemuAgentCommand(String command, int timeout, int flags) {
        return sessionFor("virDomainQemuAgentCommand").callQemu(QemuProcedure.QEMU_PROC_DOMAIN_AGENT_COMMAND,
                new QemuDomainAgentCommandArgs(wireDomain(), command, timeout, flags)::encode,
                r -> QemuDomainAgentCommandRet.decode(r).result());
    }

    @Override
    default FileDescriptors rawLxcOpenNamespace(int flags) {
        // the daemon's refusal (a driver other than LXC) comes back as it is
        return sessionFor("virDomainLxcOpenNamespace").callWithFds(org.libvirt4j.remote.generated.LxcProtocol.LXC_PROGRAM,
                LxcProcedure.LXC_PROC_DOMAIN_OPEN_NAMESPACE.value(),
                new LxcDomainOpenNamespaceArgs(wireDomain(), flags)::encode, new int[0], null).fds();
    }

    @Override
    default FileDescriptors rawLxcEnterNamespace(int[] fdlist, int flags) {
        String fn = "virDomainLxcEnterNamespace";
        sessionFor(fn);
        QemuChecks.requireNoFlags(flags, fn);
        throw QemuChecks.noSupport(fn, NOT_HERE);
    }

    @Override
    default void rawLxcEnterCGroup(int flags) {
        String fn = "virDomainLxcEnterCGroup";
        sessionFor(fn);
        QemuChecks.requireNoFlags(flags, fn);
        throw QemuChecks.noSupport(fn, NOT_HERE);
    }
}

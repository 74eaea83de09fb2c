package org.libvirt4j;

/**
 * The QEMU-specific domain calls of {@code libvirt-qemu} (Go's {@code qemu.go}): talking to the
 * domain's QEMU monitor and guest agent directly. libvirt does not track what these commands
 * change; use them for what its API does not offer. The native backends load
 * {@code libvirt-qemu.so.0} on first use; the remote backend calls the daemon's QEMU program.
 */
public interface DomainQemuMethods {

    /**
     * Sends a command to the domain's QEMU monitor and returns its reply.
     *
     * @param command a QMP command ({@code {"execute":"query-status"}}), or an HMP command
     *        ({@code info status}) with {@link DomainQemuMonitorCommandFlags#HMP}
     * @param flags a bitwise OR of {@link DomainQemuMonitorCommandFlags} values
     * @return QEMU's reply: QMP's JSON, or HMP's text
     * @throws LibvirtException {@code ERR_NO_SUPPORT} from drivers other than QEMU, or the monitor's error
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-qemu.html#virDomainQemuMonitorCommand">virDomainQemuMonitorCommand</a>
     */
    String qemuMonitorCommand(String command, int flags);

    /**
     * Enum form of {@link #qemuMonitorCommand(String, int)}.
     *
     * @param command the command
     * @param flags the flags
     * @return QEMU's reply
     * @throws LibvirtException as {@link #qemuMonitorCommand(String, int)}
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-qemu.html#virDomainQemuMonitorCommand">virDomainQemuMonitorCommand</a>
     */
    default String qemuMonitorCommand(String command, DomainQemuMonitorCommandFlags... flags) {
        return qemuMonitorCommand(command, LibvirtEnum.mask(flags));
    }

    /**
     * Sends a command to the domain's QEMU monitor together with file descriptors, and returns the
     * reply with the descriptors QEMU handed back. With no descriptors to send this works on every
     * backend. The remote backend cannot pass descriptors yet (that needs {@code SCM_RIGHTS} on the
     * unix socket): with {@code infiles} it refuses with {@code ERR_NO_SUPPORT}, and a reply that
     * carries descriptors fails the call the same way.
     *
     * @param command the command, as for {@link #qemuMonitorCommand(String, int)}
     * @param infiles descriptors to pass to QEMU; still the caller's to close afterwards
     * @param flags a bitwise OR of {@link DomainQemuMonitorCommandFlags} values
     * @return the reply and the returned descriptors, which the caller owns
     * @throws LibvirtException {@code ERR_ARGUMENT_UNSUPPORTED} when the connection cannot pass
     *         descriptors, {@code ERR_NO_SUPPORT} as said above, or the monitor's error
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-qemu.html#virDomainQemuMonitorCommandWithFiles">virDomainQemuMonitorCommandWithFiles</a>
     */
    DomainQemuMonitorCommandWithFilesResult qemuMonitorCommandWithFiles(String command, int[] infiles, int flags);

    /**
     * Enum form of {@link #qemuMonitorCommandWithFiles(String, int[], int)}.
     *
     * @param command the command
     * @param infiles descriptors to pass, still the caller's
     * @param flags the flags
     * @return the reply and the returned descriptors
     * @throws LibvirtException as {@link #qemuMonitorCommandWithFiles(String, int[], int)}
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-qemu.html#virDomainQemuMonitorCommandWithFiles">virDomainQemuMonitorCommandWithFiles</a>
     */
    default DomainQemuMonitorCommandWithFilesResult qemuMonitorCommandWithFiles(String command, int[] infiles,
            DomainQemuMonitorCommandFlags... flags) {
        return qemuMonitorCommandWithFiles(command, infiles, LibvirtEnum.mask(flags));
    }

    /**
     * Sends a command to the QEMU guest agent running in the domain and returns its reply.
     *
     * @param command the agent's JSON command ({@code {"execute":"guest-info"}})
     * @param timeout seconds to wait for the reply, or one of {@link DomainQemuAgentCommandTimeout}'s values
     * @param flags reserved, 0
     * @return the agent's JSON reply
     * @throws LibvirtException {@code ERR_AGENT_UNRESPONSIVE} or {@code ERR_ARGUMENT_UNSUPPORTED}
     *         when the domain has no agent, or the agent's error
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-qemu.html#virDomainQemuAgentCommand">virDomainQemuAgentCommand</a>
     */
    String qemuAgentCommand(String command, int timeout, int flags);

    /**
     * {@link #qemuAgentCommand(String, int, int)} with one of libvirt's named timeouts.
     *
     * @param command the agent's JSON command
     * @param timeout the named timeout
     * @param flags reserved, 0
     * @return the agent's JSON reply
     * @throws LibvirtException as {@link #qemuAgentCommand(String, int, int)}
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-qemu.html#virDomainQemuAgentCommand">virDomainQemuAgentCommand</a>
     */
    default String qemuAgentCommand(String command, DomainQemuAgentCommandTimeout timeout, int flags) {
        java.util.Objects.requireNonNull(timeout, "timeout");
        return qemuAgentCommand(command, LibvirtEnum.mask("timeout", java.util.List.of(timeout)), flags);
    }
}

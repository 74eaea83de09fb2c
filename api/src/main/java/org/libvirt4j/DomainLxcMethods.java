package org.libvirt4j;

/**
 * The LXC-specific domain calls of {@code libvirt-lxc} (Go's {@code lxc.go}): entering a
 * container's namespaces and control group. The native backends load {@code libvirt-lxc.so.0} on
 * first use.
 *
 * <p>{@link #lxcEnterNamespace} and {@link #lxcEnterCGroup} act on the calling process itself
 * (libvirt's C library does them locally, with {@code setns(2)} and a write to the cgroup file
 * system): in a JVM they move the calling thread or the whole process, so call them only from a
 * process made for it. The remote backend has no C library running in the caller's process, and
 * cannot receive the descriptors {@link #lxcOpenNamespace} returns without {@code SCM_RIGHTS}
 * passing: it refuses these three with {@code ERR_NO_SUPPORT} naming the C function, after the
 * argument checks libvirt makes first.
 */
public interface DomainLxcMethods {

    /**
     * Opens the namespaces of an LXC container's init process.
     *
     * @param flags reserved, 0
     * @return one descriptor per namespace, owned by the caller
     * @throws LibvirtException {@code ERR_NO_SUPPORT} from drivers other than LXC; on the remote
     *         backend when the daemon answers with descriptors
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-lxc.html#virDomainLxcOpenNamespace">virDomainLxcOpenNamespace</a>
     */
    FileDescriptors lxcOpenNamespace(int flags);

    /**
     * Moves the calling thread into the namespaces {@code fdlist} stands for (from
     * {@link #lxcOpenNamespace}), returning descriptors of the namespaces it leaves.
     *
     * @param fdlist the namespace descriptors; still the caller's
     * @param flags reserved, 0
     * @return descriptors of the previous namespaces, owned by the caller
     * @throws LibvirtException libvirt's error; {@code ERR_NO_SUPPORT} on the remote backend
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-lxc.html#virDomainLxcEnterNamespace">virDomainLxcEnterNamespace</a>
     */
    FileDescriptors lxcEnterNamespace(int[] fdlist, int flags);

    /**
     * Moves the calling process into the domain's control group.
     *
     * @param flags reserved, 0
     * @throws LibvirtException libvirt's error; {@code ERR_NO_SUPPORT} on the remote backend
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-lxc.html#virDomainLxcEnterCGroup">virDomainLxcEnterCGroup</a>
     */
    void lxcEnterCGroup(int flags);
}

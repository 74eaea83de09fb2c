package org.libvirt4j;

/**
 * One client connected to a daemon's server ({@code virAdmClientPtr}). {@link #close()} is
 * {@code virAdmClientFree} and leaves the client connected; {@link #close(int)} disconnects it.
 *
 * @see <a href="https://libvirt.org/html/libvirt-libvirt-admin.html#virAdmClientFree">virAdmClientFree</a>
 */
public interface AdmClient extends LibvirtObject {
    /**
     * {@return the client's id, unique within its daemon}
     *
     * @throws LibvirtException on a closed handle
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-admin.html#virAdmClientGetID">virAdmClientGetID</a>
     */
    long getID();

    /**
     * {@return when the client connected, in seconds since the epoch (UTC); 0 when the daemon does not know}
     *
     * @throws LibvirtException on a closed handle
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-admin.html#virAdmClientGetTimestamp">virAdmClientGetTimestamp</a>
     */
    long getTimestamp();

    /**
     * {@return how the client is connected: unix socket, TCP or TLS}
     *
     * @throws LibvirtException on a closed handle
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-admin.html#virAdmClientGetTransport">virAdmClientGetTransport</a>
     */
    ClientTransport getTransport();

    /**
     * Reads what the daemon knows about the client: its identity, access mode and address.
     *
     * @param flags reserved, 0
     * @return the information, with every parameter the daemon sent in {@code raw()}
     * @throws LibvirtException {@code ERR_NO_CLIENT} when the client has gone
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-admin.html#virAdmClientGetInfo">virAdmClientGetInfo</a>
     */
    AdmClientInfo getInfo(int flags);

    /**
     * Disconnects the client from the daemon (its connection ends, its close callback fires).
     * This handle stays open until {@link #close()}.
     *
     * @param flags reserved, 0
     * @throws LibvirtException {@code ERR_NO_CLIENT} when the client has gone
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-admin.html#virAdmClientClose">virAdmClientClose</a>
     */
    void close(int flags);
}

package org.libvirt4j;

import java.util.List;

/**
 * One server of a daemon ({@code virAdmServerPtr}): a set of listening sockets with its own
 * worker pool and clients. {@link #close()} is {@code virAdmServerFree}: the server keeps running.
 *
 * @see <a href="https://libvirt.org/html/libvirt-libvirt-admin.html#virAdmServerFree">virAdmServerFree</a>
 */
public interface AdmServer extends LibvirtObject {
    /**
     * {@return the server's name}
     *
     * @throws LibvirtException on a closed handle
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-admin.html#virAdmServerGetName">virAdmServerGetName</a>
     */
    String getName();

    /**
     * Reads the server's worker pool: its limits and current counts.
     *
     * @param flags reserved, 0
     * @return the parameters, with every one the daemon sent in {@code raw()}
     * @throws LibvirtException the daemon's error
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-admin.html#virAdmServerGetThreadPoolParameters">virAdmServerGetThreadPoolParameters</a>
     */
    AdmServerThreadPoolParameters getThreadPoolParameters(int flags);

    /**
     * Changes the worker pool limits that are set in the record ({@code workersMin},
     * {@code workersMax}, {@code workersPriority}); the daemon refuses the read-only counts.
     *
     * @param params the limits to change
     * @param flags reserved, 0
     * @throws LibvirtException {@code ERR_INVALID_ARG} for a read-only or inconsistent value
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-admin.html#virAdmServerSetThreadPoolParameters">virAdmServerSetThreadPoolParameters</a>
     */
    void setThreadPoolParameters(AdmServerThreadPoolParameters params, int flags);

    /**
     * Lists the clients connected to the server.
     *
     * @param flags reserved, 0
     * @return the clients, each a handle the caller closes; immutable
     * @throws LibvirtException the daemon's error
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-admin.html#virAdmServerListClients">virAdmServerListClients</a>
     */
    List<AdmClient> listClients(int flags);

    /**
     * Finds a connected client by its id.
     *
     * @param id the client's id ({@link AdmClient#getID()})
     * @param flags reserved, 0
     * @return the client
     * @throws LibvirtException {@code ERR_NO_CLIENT} when no client has that id
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-admin.html#virAdmServerLookupClient">virAdmServerLookupClient</a>
     */
    AdmClient lookupClient(long id, int flags);

    /**
     * Reads the server's client limits and current client counts.
     *
     * @param flags reserved, 0
     * @return the limits, with every parameter the daemon sent in {@code raw()}
     * @throws LibvirtException the daemon's error
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-admin.html#virAdmServerGetClientLimits">virAdmServerGetClientLimits</a>
     */
    AdmServerClientLimits getClientLimits(int flags);

    /**
     * Changes the client limits that are set in the record ({@code max}, {@code unauthMax}); the
     * daemon refuses the read-only counts.
     *
     * @param limits the limits to change
     * @param flags reserved, 0
     * @throws LibvirtException {@code ERR_INVALID_ARG} for a read-only or inconsistent value
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-admin.html#virAdmServerSetClientLimits">virAdmServerSetClientLimits</a>
     */
    void setClientLimits(AdmServerClientLimits limits, int flags);

    /**
     * Makes the server read its TLS certificates and keys again (after they were renewed on disk).
     *
     * @param flags reserved, 0
     * @throws LibvirtException the daemon's error, e.g. for a server without TLS
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-admin.html#virAdmServerUpdateTlsFiles">virAdmServerUpdateTlsFiles</a>
     */
    void updateTlsFiles(int flags);
}

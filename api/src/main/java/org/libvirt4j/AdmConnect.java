package org.libvirt4j;

import java.util.List;

/**
 * A connection to a daemon's administration interface ({@code virAdmConnectPtr}): its servers,
 * their worker pools, client limits and clients, and the daemon's logging. Opened with
 * {@link Libvirt#newAdmConnect(String, ConnectFlags...)}; {@link #close()} is
 * {@code virAdmConnectClose}. libvirt-go-module has no admin binding: the names follow the C
 * functions by this project's rules (the C name without its {@code virAdmConnect} prefix).
 *
 * <p>Reserved flags (libvirt defines none yet) are a raw {@code int}: pass 0.
 *
 * @see <a href="https://libvirt.org/html/libvirt-libvirt-admin.html#virAdmConnectClose">virAdmConnectClose</a>
 */
public interface AdmConnect extends LibvirtObject {
    /**
     * Lists the daemon's servers (libvirtd has {@code libvirtd} and {@code admin}).
     *
     * @param flags reserved, 0
     * @return the servers, each a handle the caller closes; immutable
     * @throws LibvirtException the daemon's error
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-admin.html#virAdmConnectListServers">virAdmConnectListServers</a>
     */
    List<AdmServer> listServers(int flags);

    /**
     * Finds a server of the daemon by name.
     *
     * @param name the server's name, e.g. {@code "libvirtd"}
     * @param flags reserved, 0
     * @return the server
     * @throws LibvirtException {@code ERR_NO_SERVER} when the daemon has no such server
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-admin.html#virAdmConnectLookupServer">virAdmConnectLookupServer</a>
     */
    AdmServer lookupServer(String name, int flags);

    /**
     * {@return the daemon's logging outputs, in libvirt's {@code level:kind:target} syntax, separated by spaces}
     *
     * @param flags reserved, 0
     * @throws LibvirtException the daemon's error
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-admin.html#virAdmConnectGetLoggingOutputs">virAdmConnectGetLoggingOutputs</a>
     */
    String getLoggingOutputs(int flags);

    /**
     * {@return the daemon's logging filters, in libvirt's {@code level:match} syntax, separated by spaces; empty when none}
     *
     * @param flags reserved, 0
     * @throws LibvirtException the daemon's error
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-admin.html#virAdmConnectGetLoggingFilters">virAdmConnectGetLoggingFilters</a>
     */
    String getLoggingFilters(int flags);

    /**
     * Replaces the daemon's logging outputs.
     *
     * @param outputs the outputs in libvirt's syntax; {@code ""} restores the daemon's default
     * @param flags reserved, 0
     * @throws LibvirtException {@code ERR_CONFIG_UNSUPPORTED} and kin for outputs the daemon cannot parse
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-admin.html#virAdmConnectSetLoggingOutputs">virAdmConnectSetLoggingOutputs</a>
     */
    void setLoggingOutputs(String outputs, int flags);

    /**
     * Replaces the daemon's logging filters.
     *
     * @param filters the filters in libvirt's syntax; {@code ""} removes them all
     * @param flags reserved, 0
     * @throws LibvirtException {@code ERR_INVALID_ARG} and kin for filters the daemon cannot parse
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-admin.html#virAdmConnectSetLoggingFilters">virAdmConnectSetLoggingFilters</a>
     */
    void setLoggingFilters(String filters, int flags);

    /**
     * Sets how long the daemon waits, idle, before it exits.
     *
     * @param timeout the timeout in seconds, 0 for none
     * @param flags reserved, 0
     * @throws LibvirtException the daemon's error, e.g. when it was started without a timeout
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-admin.html#virAdmConnectSetDaemonTimeout">virAdmConnectSetDaemonTimeout</a>
     */
    void setDaemonTimeout(int timeout, int flags);

    /**
     * {@return the daemon's libvirt version, encoded as {@code virGetVersion} encodes it}
     *
     * @throws LibvirtException the daemon's error
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-admin.html#virAdmConnectGetLibVersion">virAdmConnectGetLibVersion</a>
     */
    long getLibVersion();

    /**
     * {@return the URI of this connection: the one it was opened with, or the default one chosen}
     *
     * @throws LibvirtException on a closed handle
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-admin.html#virAdmConnectGetURI">virAdmConnectGetURI</a>
     */
    String getURI();

    /**
     * {@return whether the connection to the daemon is still open}
     *
     * @throws LibvirtException on a closed handle
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-admin.html#virAdmConnectIsAlive">virAdmConnectIsAlive</a>
     */
    boolean isAlive();

    /**
     * Registers the one callback told when the connection to the daemon closes under the
     * application (the daemon went away or an error ended it).
     *
     * @param callback the callback
     * @throws LibvirtException {@code ERR_OPERATION_INVALID} when one is already registered, or
     *         when called from inside this connection's own close callback
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-admin.html#virAdmConnectRegisterCloseCallback">virAdmConnectRegisterCloseCallback</a>
     */
    void registerCloseCallback(AdmCloseCallback callback);

    /**
     * Removes the close callback.
     *
     * @throws LibvirtException {@code ERR_OPERATION_INVALID} when none is registered, or when
     *         called from inside this connection's own close callback
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-admin.html#virAdmConnectUnregisterCloseCallback">virAdmConnectUnregisterCloseCallback</a>
     */
    void unregisterCloseCallback();
}

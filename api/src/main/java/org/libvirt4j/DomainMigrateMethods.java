package org.libvirt4j;

import java.util.Set;

/**
 * The migration calls that take a second connection or several optional strings (Go's
 * {@code Domain.Migrate}, {@code Migrate2}, {@code Migrate3}, {@code MigrateToURI},
 * {@code MigrateToURI2}); {@link DomainTypedMethods#migrateToURI3} is generated with the other
 * typed-parameter calls. Optional strings take {@code null} for C's {@code NULL}. Arguments are
 * in Go's order; the flags come either as a raw {@code int} or as a set of
 * {@link DomainMigrateFlags}.
 */
public interface DomainMigrateMethods {

    /**
     * Migrates the domain to the host of {@code dconn}, this client driving the steps between the
     * two connections (or, with {@link DomainMigrateFlags#PEER2PEER}, the source daemon doing so).
     *
     * @param dconn the destination connection, of the same backend
     * @param flags a bitwise OR of {@link DomainMigrateFlags} values
     * @param dname the name on the destination, or {@code null} to keep the name
     * @param uri the destination's migration URI as the source host sees it, or {@code null}
     * @param bandwidth the bandwidth limit in MiB/s, 0 for none
     * @return the domain on the destination connection, a handle the caller closes
     * @throws LibvirtException libvirt's error, {@code ERR_INVALID_CONN} for a connection of another backend
     * @throws NullPointerException for a {@code null} connection
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainMigrate">virDomainMigrate</a>
     */
    Domain migrate(Connect dconn, int flags, String dname, String uri, long bandwidth);

    /**
     * Migrates the domain to the host of {@code dconn}, with the flags as a set.
     *
     * @param dconn the destination connection, of the same backend
     * @param flags the flags, possibly empty
     * @param dname the name on the destination, or {@code null} to keep the name
     * @param uri the destination's migration URI as the source host sees it, or {@code null}
     * @param bandwidth the bandwidth limit in MiB/s, 0 for none
     * @return the domain on the destination connection, a handle the caller closes
     * @throws LibvirtException libvirt's error
     * @throws NullPointerException for a {@code null} connection or flag set
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainMigrate">virDomainMigrate</a>
     */
    default Domain migrate(Connect dconn, Set<DomainMigrateFlags> flags, String dname, String uri, long bandwidth) {
        return migrate(dconn, LibvirtEnum.mask("flags", flags), dname, uri, bandwidth);
    }

    /**
     * Migrates the domain to the host of {@code dconn}, optionally with new domain XML for the destination.
     *
     * @param dconn the destination connection, of the same backend
     * @param dxml the domain XML to start the guest with on the destination, or {@code null}
     * @param flags a bitwise OR of {@link DomainMigrateFlags} values
     * @param dname the name on the destination, or {@code null} to keep the name
     * @param uri the destination's migration URI as the source host sees it, or {@code null}
     * @param bandwidth the bandwidth limit in MiB/s, 0 for none
     * @return the domain on the destination connection, a handle the caller closes
     * @throws LibvirtException libvirt's error, {@code ERR_INVALID_CONN} for a connection of another backend
     * @throws NullPointerException for a {@code null} connection
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainMigrate2">virDomainMigrate2</a>
     */
    Domain migrate2(Connect dconn, String dxml, int flags, String dname, String uri, long bandwidth);

    /**
     * Migrates the domain to the host of {@code dconn}, with new domain XML, the flags as a set.
     *
     * @param dconn the destination connection, of the same backend
     * @param dxml the domain XML to start the guest with on the destination, or {@code null}
     * @param flags the flags, possibly empty
     * @param dname the name on the destination, or {@code null} to keep the name
     * @param uri the destination's migration URI as the source host sees it, or {@code null}
     * @param bandwidth the bandwidth limit in MiB/s, 0 for none
     * @return the domain on the destination connection, a handle the caller closes
     * @throws LibvirtException libvirt's error
     * @throws NullPointerException for a {@code null} connection or flag set
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainMigrate2">virDomainMigrate2</a>
     */
    default Domain migrate2(Connect dconn, String dxml, Set<DomainMigrateFlags> flags, String dname, String uri,
            long bandwidth) {
        return migrate2(dconn, dxml, LibvirtEnum.mask("flags", flags), dname, uri, bandwidth);
    }

    /**
     * Migrates the domain to the host of {@code dconn} as the parameters describe; peer-to-peer
     * and tunnelled migration go through {@link DomainTypedMethods#migrateToURI3} instead.
     *
     * @param dconn the destination connection, of the same backend
     * @param params the parameters; only the set components and raw entries of unknown fields are sent
     * @param flags a bitwise OR of {@link DomainMigrateFlags} values
     * @return the domain on the destination connection, a handle the caller closes
     * @throws LibvirtException libvirt's error, {@code ERR_INVALID_CONN} for a connection of another backend
     * @throws NullPointerException for a {@code null} connection or parameters
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainMigrate3">virDomainMigrate3</a>
     */
    Domain migrate3(Connect dconn, DomainMigrateParameters params, int flags);

    /**
     * Migrates the domain to the host of {@code dconn} as the parameters describe, the flags as a set.
     *
     * @param dconn the destination connection, of the same backend
     * @param params the parameters; only the set components and raw entries of unknown fields are sent
     * @param flags the flags, possibly empty
     * @return the domain on the destination connection, a handle the caller closes
     * @throws LibvirtException libvirt's error
     * @throws NullPointerException for a {@code null} connection, parameters or flag set
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainMigrate3">virDomainMigrate3</a>
     */
    default Domain migrate3(Connect dconn, DomainMigrateParameters params, Set<DomainMigrateFlags> flags) {
        return migrate3(dconn, params, LibvirtEnum.mask("flags", flags));
    }

    /**
     * Migrates the domain without a destination connection in this client: with
     * {@link DomainMigrateFlags#PEER2PEER} {@code duri} is the destination's libvirt URI, which
     * the source daemon connects to, else the hypervisor's own migration URI.
     *
     * @param duri the destination URI
     * @param flags a bitwise OR of {@link DomainMigrateFlags} values
     * @param dname the name on the destination, or {@code null} to keep the name
     * @param bandwidth the bandwidth limit in MiB/s, 0 for none
     * @throws LibvirtException libvirt's error
     * @throws NullPointerException for a {@code null} URI
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainMigrateToURI">virDomainMigrateToURI</a>
     */
    void migrateToURI(String duri, int flags, String dname, long bandwidth);

    /**
     * Migrates the domain without a destination connection in this client, the flags as a set.
     *
     * @param duri the destination URI
     * @param flags the flags, possibly empty
     * @param dname the name on the destination, or {@code null} to keep the name
     * @param bandwidth the bandwidth limit in MiB/s, 0 for none
     * @throws LibvirtException libvirt's error
     * @throws NullPointerException for a {@code null} URI or flag set
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainMigrateToURI">virDomainMigrateToURI</a>
     */
    default void migrateToURI(String duri, Set<DomainMigrateFlags> flags, String dname, long bandwidth) {
        migrateToURI(duri, LibvirtEnum.mask("flags", flags), dname, bandwidth);
    }

    /**
     * Migrates the domain without a destination connection in this client, with separate libvirt
     * and hypervisor URIs and optional new domain XML.
     *
     * @param dconnuri the destination's libvirt URI (needed with {@link DomainMigrateFlags#PEER2PEER}, else ignored), or {@code null}
     * @param miguri the hypervisor's migration URI, or {@code null}
     * @param dxml the domain XML to start the guest with on the destination, or {@code null}
     * @param flags a bitwise OR of {@link DomainMigrateFlags} values
     * @param dname the name on the destination, or {@code null} to keep the name
     * @param bandwidth the bandwidth limit in MiB/s, 0 for none
     * @throws LibvirtException libvirt's error
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainMigrateToURI2">virDomainMigrateToURI2</a>
     */
    void migrateToURI2(String dconnuri, String miguri, String dxml, int flags, String dname, long bandwidth);

    /**
     * Migrates the domain without a destination connection in this client, the flags as a set.
     *
     * @param dconnuri the destination's libvirt URI (needed with {@link DomainMigrateFlags#PEER2PEER}, else ignored), or {@code null}
     * @param miguri the hypervisor's migration URI, or {@code null}
     * @param dxml the domain XML to start the guest with on the destination, or {@code null}
     * @param flags the flags, possibly empty
     * @param dname the name on the destination, or {@code null} to keep the name
     * @param bandwidth the bandwidth limit in MiB/s, 0 for none
     * @throws LibvirtException libvirt's error
     * @throws NullPointerException for a {@code null} flag set
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainMigrateToURI2">virDomainMigrateToURI2</a>
     */
    default void migrateToURI2(String dconnuri, String miguri, String dxml, Set<DomainMigrateFlags> flags, String dname,
            long bandwidth) {
        migrateToURI2(dconnuri, miguri, dxml, LibvirtEnum.mask("flags", flags), dname, bandwidth);
    }
}

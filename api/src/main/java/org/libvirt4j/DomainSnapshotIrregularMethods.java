package org.libvirt4j;

import java.util.List;

/**
 * The snapshot methods whose C shape the binding generator does not cover (arrays sized by the
 * caller): written by hand once, in {@code spi.DomainSnapshotIrregularContract}.
 */
public interface DomainSnapshotIrregularMethods {

    /**
     * Returns the names of this snapshot's children that match the flags.
     *
     * @param flags a bitwise OR of {@link DomainSnapshotListFlags} values; bits newer than this binding are passed as they are
     * @return the names
     * @throws LibvirtException libvirt's error when the call fails
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain-snapshot.html#virDomainSnapshotListChildrenNames">virDomainSnapshotListChildrenNames</a>
     */
    List<String> listChildrenNames(int flags);

    /**
     * Returns the names of this snapshot's children that match the flags.
     *
     * <p>The same call with the flags as enum constants.
     *
     * @param flags {@link DomainSnapshotListFlags} values to OR together; none gives 0
     * @return the names
     * @throws LibvirtException libvirt's error when the call fails
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain-snapshot.html#virDomainSnapshotListChildrenNames">virDomainSnapshotListChildrenNames</a>
     */
    default List<String> listChildrenNames(DomainSnapshotListFlags... flags) {
        return listChildrenNames(LibvirtEnum.mask(flags));
    }

    /**
     * Returns a new handle on the domain this snapshot belongs to; the caller closes it.
     *
     * @return the domain
     * @throws LibvirtException libvirt's error when the call fails
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain-snapshot.html#virDomainSnapshotGetDomain">virDomainSnapshotGetDomain</a>
     */
    Domain getDomain();

    /**
     * Returns a new handle on the connection this snapshot's domain belongs to; the caller closes it.
     *
     * @return the connection
     * @throws LibvirtException libvirt's error when the call fails
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain-snapshot.html#virDomainSnapshotGetConnect">virDomainSnapshotGetConnect</a>
     */
    Connect getConnect();
}

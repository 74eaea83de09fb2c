package org.libvirt4j;

import java.util.List;

/**
 * A domain snapshot ({@code virDomainSnapshotPtr}); {@link #close()} is
 * {@code virDomainSnapshotFree}. Throws {@code ERR_INVALID_DOMAIN_SNAPSHOT} once closed.
 *
 * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain-snapshot.html#virDomainSnapshotFree">virDomainSnapshotFree</a>
 */
public interface DomainSnapshot extends LibvirtObject, DomainSnapshotMethods, DomainSnapshotIrregularMethods {
    /**
     * {@return the name}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain-snapshot.html#virDomainSnapshotGetName">virDomainSnapshotGetName</a>
     */
    String getName();

    /**
     * {@return the parent snapshot}
     *
     * @throws LibvirtException {@code ERR_NO_DOMAIN_SNAPSHOT} for a root
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain-snapshot.html#virDomainSnapshotGetParent">virDomainSnapshotGetParent</a>
     */
    DomainSnapshot getParent();

    /**
     * {@return whether it is the domain's current snapshot}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain-snapshot.html#virDomainSnapshotIsCurrent">virDomainSnapshotIsCurrent</a>
     */
    boolean isCurrent();

    /**
     * {@return the snapshots whose parent this one is}
     *
     * @param flags a bitwise OR of {@link DomainSnapshotListFlags} values (raw, so bits newer than this binding pass too); filters
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain-snapshot.html#virDomainSnapshotListAllChildren">virDomainSnapshotListAllChildren</a>
     */
    List<DomainSnapshot> listAllChildren(int flags);

    /**
     * {@return the snapshots whose parent this one is}
     *
     * @param flags the flags as enum constants; none gives 0
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain-snapshot.html#virDomainSnapshotListAllChildren">virDomainSnapshotListAllChildren</a>
     */
    default List<DomainSnapshot> listAllChildren(DomainSnapshotListFlags... flags) {
        return listAllChildren(LibvirtEnum.mask(flags));
    }

}

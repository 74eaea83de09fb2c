package org.libvirt4j;

import java.util.List;

/**
 * A domain snapshot ({@code virDomainSnapshotPtr}); {@link #close()} is
 * {@code virDomainSnapshotFree}. Throws {@code ERR_INVALID_DOMAIN_SNAPSHOT} once closed.
 */
public interface DomainSnapshot extends LibvirtObject, DomainSnapshotMethods {
    /** @return the name ({@code virDomainSnapshotGetName}) */
    String getName();

    /** @param flags what to include @return the snapshot XML ({@code virDomainSnapshotGetXMLDesc}) */
    String getXMLDesc(DomainSnapshotXMLFlags... flags);

    /** @return the parent snapshot ({@code virDomainSnapshotGetParent}) @throws LibvirtException {@code ERR_NO_DOMAIN_SNAPSHOT} for a root */
    DomainSnapshot getParent();

    /** @return whether it is the domain's current snapshot ({@code virDomainSnapshotIsCurrent}) */
    boolean isCurrent();

    /** @param flags filters @return the children ({@code virDomainSnapshotListAllChildren}) */
    List<DomainSnapshot> listAllChildren(DomainSnapshotListFlags... flags);

    /** @param flags revert options ({@code virDomainRevertToSnapshot}) */
    void revertTo(DomainSnapshotRevertFlags... flags);

    /** @param flags what to delete ({@code virDomainSnapshotDelete}) */
    void delete(DomainSnapshotDeleteFlags... flags);
}

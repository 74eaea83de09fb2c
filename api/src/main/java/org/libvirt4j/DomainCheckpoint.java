package org.libvirt4j;

import java.util.List;

/**
 * A domain checkpoint ({@code virDomainCheckpointPtr}); {@link #close()} is
 * {@code virDomainCheckpointFree}. Throws {@code ERR_INVALID_DOMAIN_CHECKPOINT} once closed.
 */
public interface DomainCheckpoint extends LibvirtObject {
    /** @return the name ({@code virDomainCheckpointGetName}) */
    String getName();

    /** @param flags what to include @return the checkpoint XML ({@code virDomainCheckpointGetXMLDesc}) */
    String getXMLDesc(DomainCheckpointXMLFlags... flags);

    /** @return the parent ({@code virDomainCheckpointGetParent}) @throws LibvirtException {@code ERR_NO_DOMAIN_CHECKPOINT} for a root */
    DomainCheckpoint getParent();

    /** @param flags filters @return the children ({@code virDomainCheckpointListAllChildren}) */
    List<DomainCheckpoint> listAllChildren(DomainCheckpointListFlags... flags);

    /** @param flags what to delete ({@code virDomainCheckpointDelete}) */
    void delete(DomainCheckpointDeleteFlags... flags);
}

package org.libvirt4j;

import java.util.List;

/**
 * A domain checkpoint ({@code virDomainCheckpointPtr}); {@link #close()} is
 * {@code virDomainCheckpointFree}. Throws {@code ERR_INVALID_DOMAIN_CHECKPOINT} once closed.
 *
 * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain-checkpoint.html#virDomainCheckpointFree">virDomainCheckpointFree</a>
 */
public interface DomainCheckpoint extends LibvirtObject, DomainCheckpointMethods {
    /**
     * {@return the name}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain-checkpoint.html#virDomainCheckpointGetName">virDomainCheckpointGetName</a>
     */
    String getName();

    /**
     * {@return the parent checkpoint}
     *
     * @throws LibvirtException {@code ERR_NO_DOMAIN_CHECKPOINT} for a root
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain-checkpoint.html#virDomainCheckpointGetParent">virDomainCheckpointGetParent</a>
     */
    DomainCheckpoint getParent();

    /**
     * {@return the checkpoints whose parent this one is}
     *
     * @param flags filters
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain-checkpoint.html#virDomainCheckpointListAllChildren">virDomainCheckpointListAllChildren</a>
     */
    List<DomainCheckpoint> listAllChildren(DomainCheckpointListFlags... flags);

}

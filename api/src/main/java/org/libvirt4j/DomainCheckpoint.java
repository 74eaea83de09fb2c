package org.libvirt4j;

import java.util.List;

/**
 * A domain checkpoint ({@code virDomainCheckpointPtr}); {@link #close()} is
 * {@code virDomainCheckpointFree}. Throws {@code ERR_INVALID_DOMAIN_CHECKPOINT} once closed.
 *
 * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain-checkpoint.html#virDomainCheckpointFree">virDomainCheckpointFree</a>
 */
public interface DomainCheckpoint extends LibvirtObject, DomainCheckpointMethods, DomainCheckpointIrregularMethods {
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
     * @param flags a bitwise OR of {@link DomainCheckpointListFlags} values (raw, so bits newer than this binding pass too); filters
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain-checkpoint.html#virDomainCheckpointListAllChildren">virDomainCheckpointListAllChildren</a>
     */
    List<DomainCheckpoint> listAllChildren(int flags);

    /**
     * {@return the checkpoints whose parent this one is}
     *
     * @param flags the flags as enum constants; none gives 0
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain-checkpoint.html#virDomainCheckpointListAllChildren">virDomainCheckpointListAllChildren</a>
     */
    default List<DomainCheckpoint> listAllChildren(DomainCheckpointListFlags... flags) {
        return listAllChildren(LibvirtEnum.mask(flags));
    }

}

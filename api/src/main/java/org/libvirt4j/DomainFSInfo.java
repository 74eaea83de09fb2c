package org.libvirt4j;

import java.util.List;

/**
 * A filesystem mounted in the guest, as its agent reports it through {@code virDomainGetFSInfo}
 * (Go's {@code DomainFSInfo}).
 *
 * @param mountPoint where it is mounted in the guest
 * @param name the guest's name for its device
 * @param fsType its type, such as {@code ext4}
 * @param devAlias the targets ({@code vda}) of the domain's disks it lives on
 */
public record DomainFSInfo(String mountPoint, String name, String fsType, List<String> devAlias) {
    /**
     * Keeps an immutable copy of the list.
     *
     * @param mountPoint where it is mounted in the guest
     * @param name the guest's name for its device
     * @param fsType its type
     * @param devAlias the targets of the disks it lives on
     */
    public DomainFSInfo {
        devAlias = List.copyOf(devAlias);
    }
}

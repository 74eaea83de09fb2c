package org.libvirt4j;

/**
 * The sizes of one disk of a domain, as {@code virDomainGetBlockInfo} reports them (Go's
 * {@code DomainBlockInfo}).
 *
 * @param capacity the size the guest sees, in bytes
 * @param allocation the bytes the image occupies on the host (its highest written offset for a block device)
 * @param physical the size of the host file or device holding the image, in bytes
 */
public record DomainBlockInfo(long capacity, long allocation, long physical) {
}

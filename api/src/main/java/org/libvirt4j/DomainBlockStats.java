package org.libvirt4j;

/**
 * What {@code virDomainBlockStats} returns for one disk (Go's {@code DomainBlockStats}); a
 * counter the hypervisor does not keep is -1, as in libvirt.
 *
 * @param rdReq read requests
 * @param rdBytes bytes read
 * @param wrReq write requests
 * @param wrBytes bytes written
 * @param errs errors, in a hypervisor-specific sense
 */
public record DomainBlockStats(long rdReq, long rdBytes, long wrReq, long wrBytes, long errs) {
}

package org.libvirt4j;

/**
 * What {@code virDomainInterfaceStats} returns for one network interface (Go's
 * {@code DomainInterfaceStats}); a counter the hypervisor does not keep is -1, as in libvirt.
 *
 * @param rxBytes bytes received
 * @param rxPackets packets received
 * @param rxErrs receive errors
 * @param rxDrop received packets dropped
 * @param txBytes bytes sent
 * @param txPackets packets sent
 * @param txErrs send errors
 * @param txDrop packets dropped on sending
 */
public record DomainInterfaceStats(long rxBytes, long rxPackets, long rxErrs, long rxDrop, long txBytes,
        long txPackets, long txErrs, long txDrop) {
}

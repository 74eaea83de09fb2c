package org.libvirt4j;

import java.util.OptionalLong;

/**
 * The host's CPU time counters, in nanoseconds, or its utilisation in percent (Go's
 * {@code NodeCPUStats}); a counter the driver does not report is empty.
 *
 * @param kernel time spent in the kernel
 * @param user time spent in user space
 * @param idle idle time
 * @param iowait time spent waiting for I/O
 * @param intr time spent serving interrupts
 * @param utilization the CPU utilisation in percent
 * @see <a href="https://libvirt.org/html/libvirt-libvirt-host.html#virNodeGetCPUStats">virNodeGetCPUStats</a>
 */
public record NodeCPUStats(OptionalLong kernel, OptionalLong user, OptionalLong idle, OptionalLong iowait,
        OptionalLong intr, OptionalLong utilization) {
}

package org.libvirt4j;

import java.util.OptionalLong;

/**
 * The CPU time a domain used on one host CPU, or in total, as {@code virDomainGetCPUStats}
 * reports it (Go's {@code DomainCPUStats}); a field the driver did not send is empty.
 *
 * @param cpuTime the CPU time, in nanoseconds
 * @param userTime the time in user mode, in nanoseconds
 * @param systemTime the time in kernel mode, in nanoseconds
 * @param vcpuTime the time its vCPUs ran, in nanoseconds
 */
public record DomainCPUStats(OptionalLong cpuTime, OptionalLong userTime, OptionalLong systemTime,
        OptionalLong vcpuTime) {
}

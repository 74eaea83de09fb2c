package org.libvirt4j;

import java.util.List;

/**
 * Which of the host's CPUs are online (Go's {@code GetCPUMap} results).
 *
 * @param cpus one entry per CPU the host has, {@code true} where the CPU is online
 * @param online how many CPUs are online
 * @see <a href="https://libvirt.org/html/libvirt-libvirt-host.html#virNodeGetCPUMap">virNodeGetCPUMap</a>
 */
public record NodeCPUMap(List<Boolean> cpus, int online) {
    /**
     * Copies the list.
     *
     * @param cpus one entry per CPU
     * @param online how many CPUs are online
     */
    public NodeCPUMap {
        cpus = List.copyOf(cpus);
    }
}

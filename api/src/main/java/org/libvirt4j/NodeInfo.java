package org.libvirt4j;

/**
 * What {@code virNodeGetInfo} returns (Go's {@code NodeInfo}).
 *
 * @param model the CPU model
 * @param memory the memory size in KiB
 * @param cpus the number of active CPUs
 * @param mhz the expected CPU frequency
 * @param nodes the number of NUMA cells
 * @param sockets the number of CPU sockets per node
 * @param cores the number of cores per socket
 * @param threads the number of threads per core
 */
public record NodeInfo(String model, long memory, int cpus, int mhz, int nodes, int sockets,
        int cores, int threads) {
}

package org.libvirt4j;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The connection's hand-written methods of the host, list and lookup functions whose shapes the
 * generated {@link ConnectMethods} do not cover (arrays, structs, raw UUIDs).
 */
public interface ConnectManualMethods {
    /**
     * Closes this connection handle as {@link LibvirtObject#close()} does, and tells whether
     * references to the connection remain (Go's {@code Close() (int, error)}): 0 once the
     * connection is gone, a positive number (libvirt answers 1, not the count) while objects
     * obtained from it (domains, networks, ...) or a registered callback keep it open. Leak checks
     * rely on it. When calls on other threads still use this handle, libvirt's close happens, and
     * this returns, once the last of them ends.
     *
     * @return 0 when no reference remains, else a positive number
     * @throws LibvirtException {@code ERR_INVALID_CONN} when this handle is already closed
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-host.html#virConnectClose">virConnectClose</a>
     */
    int closeAndCount();


    /**
     * Lists the names of the active virtual networks with libvirt's legacy call, sized by {@code virConnectNumOfNetworks} first (as Go does):
     * an object added between the two calls may be missing. Prefer the {@code listAll...} form.
     *
     * @return the names, immutable
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-network.html#virConnectListNetworks">virConnectListNetworks</a>
     */
    List<String> listNetworks();

    /**
     * Lists the names of the virtual networks that are defined but not active with libvirt's legacy call, sized by {@code virConnectNumOfDefinedNetworks} first (as Go does):
     * an object added between the two calls may be missing. Prefer the {@code listAll...} form.
     *
     * @return the names, immutable
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-network.html#virConnectListDefinedNetworks">virConnectListDefinedNetworks</a>
     */
    List<String> listDefinedNetworks();

    /**
     * Lists the names of the active host interfaces with libvirt's legacy call, sized by {@code virConnectNumOfInterfaces} first (as Go does):
     * an object added between the two calls may be missing. Prefer the {@code listAll...} form.
     *
     * @return the names, immutable
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-interface.html#virConnectListInterfaces">virConnectListInterfaces</a>
     */
    List<String> listInterfaces();

    /**
     * Lists the names of the host interfaces that are defined but not active with libvirt's legacy call, sized by {@code virConnectNumOfDefinedInterfaces} first (as Go does):
     * an object added between the two calls may be missing. Prefer the {@code listAll...} form.
     *
     * @return the names, immutable
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-interface.html#virConnectListDefinedInterfaces">virConnectListDefinedInterfaces</a>
     */
    List<String> listDefinedInterfaces();

    /**
     * Lists the names of the active storage pools with libvirt's legacy call, sized by {@code virConnectNumOfStoragePools} first (as Go does):
     * an object added between the two calls may be missing. Prefer the {@code listAll...} form.
     *
     * @return the names, immutable
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-storage.html#virConnectListStoragePools">virConnectListStoragePools</a>
     */
    List<String> listStoragePools();

    /**
     * Lists the names of the storage pools that are defined but not active with libvirt's legacy call, sized by {@code virConnectNumOfDefinedStoragePools} first (as Go does):
     * an object added between the two calls may be missing. Prefer the {@code listAll...} form.
     *
     * @return the names, immutable
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-storage.html#virConnectListDefinedStoragePools">virConnectListDefinedStoragePools</a>
     */
    List<String> listDefinedStoragePools();

    /**
     * Lists the names of the network filters with libvirt's legacy call, sized by {@code virConnectNumOfNWFilters} first (as Go does):
     * an object added between the two calls may be missing. Prefer the {@code listAll...} form.
     *
     * @return the names, immutable
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-nwfilter.html#virConnectListNWFilters">virConnectListNWFilters</a>
     */
    List<String> listNWFilters();

    /**
     * Lists the UUID strings of the secrets with libvirt's legacy call, sized by {@code virConnectNumOfSecrets} first (as Go does):
     * an object added between the two calls may be missing. Prefer the {@code listAll...} form.
     *
     * @return the names, immutable
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-secret.html#virConnectListSecrets">virConnectListSecrets</a>
     */
    List<String> listSecrets();

    /**
     * Lists the names of the host devices, all or those with one capability, with libvirt's legacy
     * call, sized by {@code virNodeNumOfDevices} first.
     *
     * @param cap a capability such as {@code "pci"}, or {@code null} for every device
     * @param flags reserved, 0
     * @return the device names, immutable
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-nodedev.html#virNodeListDevices">virNodeListDevices</a>
     */
    List<String> listDevices(String cap, int flags);

    /**
     * Looks up a network filter by its UUID.
     *
     * @param uuid the UUID
     * @return the filter
     * @throws LibvirtException {@code ERR_NO_NWFILTER} if there is none
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-nwfilter.html#virNWFilterLookupByUUID">virNWFilterLookupByUUID</a>
     */
    NWFilter lookupNWFilterByUUID(UUID uuid);

    /**
     * Looks up a secret by its UUID.
     *
     * @param uuid the UUID
     * @return the secret
     * @throws LibvirtException {@code ERR_NO_SECRET} if there is none
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-secret.html#virSecretLookupByUUID">virSecretLookupByUUID</a>
     */
    Secret lookupSecretByUUID(UUID uuid);

    /**
     * Lists the CPU models the hypervisor knows for an architecture.
     *
     * @param arch the architecture, such as {@code "x86_64"}
     * @param flags reserved, 0
     * @return the model names, immutable
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-host.html#virConnectGetCPUModelNames">virConnectGetCPUModelNames</a>
     */
    List<String> getCPUModelNames(String arch, int flags);

    /**
     * Computes the most capable CPU that every one of the given host CPUs can provide.
     *
     * @param xmlCPUs the CPUs, each a {@code <cpu>} element or a capabilities XML holding one
     * @param flags a bitwise OR of {@link ConnectBaselineCPUFlags} values
     * @return the baseline CPU's XML
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-host.html#virConnectBaselineCPU">virConnectBaselineCPU</a>
     */
    String baselineCPU(List<String> xmlCPUs, int flags);

    /**
     * Computes the most capable CPU that every one of the given host CPUs can provide.
     *
     * @param xmlCPUs the CPUs, each a {@code <cpu>} element or a capabilities XML holding one
     * @param flags the flags as enum constants
     * @return the baseline CPU's XML
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-host.html#virConnectBaselineCPU">virConnectBaselineCPU</a>
     */
    default String baselineCPU(List<String> xmlCPUs, ConnectBaselineCPUFlags... flags) {
        return baselineCPU(xmlCPUs, LibvirtEnum.mask(flags));
    }

    /**
     * Computes the most capable CPU that every one of the given CPUs can provide and that a
     * hypervisor can offer its guests.
     *
     * @param emulator the emulator's path, or {@code null} for the default
     * @param arch the architecture, or {@code null} for the default
     * @param machine the machine type, or {@code null} for the default
     * @param virttype the virtualization type, such as {@code "kvm"}, or {@code null} for the default
     * @param xmlCPUs the CPUs, each a {@code <cpu>} element or a capabilities XML holding one
     * @param flags a bitwise OR of {@link ConnectBaselineCPUFlags} values
     * @return the baseline CPU's XML
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-host.html#virConnectBaselineHypervisorCPU">virConnectBaselineHypervisorCPU</a>
     */
    String baselineHypervisorCPU(String emulator, String arch, String machine, String virttype, List<String> xmlCPUs,
            int flags);

    /**
     * Computes the most capable CPU that every one of the given CPUs can provide and that a
     * hypervisor can offer its guests.
     *
     * @param emulator the emulator's path, or {@code null} for the default
     * @param arch the architecture, or {@code null} for the default
     * @param machine the machine type, or {@code null} for the default
     * @param virttype the virtualization type, or {@code null} for the default
     * @param xmlCPUs the CPUs, each a {@code <cpu>} element or a capabilities XML holding one
     * @param flags the flags as enum constants
     * @return the baseline CPU's XML
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-host.html#virConnectBaselineHypervisorCPU">virConnectBaselineHypervisorCPU</a>
     */
    default String baselineHypervisorCPU(String emulator, String arch, String machine, String virttype,
            List<String> xmlCPUs, ConnectBaselineCPUFlags... flags) {
        return baselineHypervisorCPU(emulator, arch, machine, virttype, xmlCPUs, LibvirtEnum.mask(flags));
    }

    /**
     * {@return which of the host's CPUs are online}
     *
     * @param flags reserved, 0
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-host.html#virNodeGetCPUMap">virNodeGetCPUMap</a>
     */
    NodeCPUMap getCPUMap(int flags);

    /**
     * Returns the free memory, in bytes, of consecutive NUMA cells.
     *
     * @param startCell the first cell
     * @param maxCells how many cells at most
     * @return one figure per cell, immutable
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-host.html#virNodeGetCellsFreeMemory">virNodeGetCellsFreeMemory</a>
     */
    List<Long> getCellsFreeMemory(int startCell, int maxCells);

    /**
     * Counts the free pages of each given size on consecutive NUMA cells.
     *
     * @param pageSizes the page sizes in KiB
     * @param startCell the first cell, -1 for the whole host as one
     * @param cellCount how many cells
     * @param flags reserved, 0
     * @return the counts, cell by cell and within a cell in the order of {@code pageSizes}, immutable
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-host.html#virNodeGetFreePages">virNodeGetFreePages</a>
     */
    List<Long> getFreePages(List<Integer> pageSizes, int startCell, int cellCount, int flags);

    /**
     * Allocates (or frees) huge pages of the given sizes on consecutive NUMA cells.
     *
     * @param pageCounts page size in KiB to the number of pages wanted
     * @param startCell the first cell, -1 for the whole host as one
     * @param cellCount how many cells
     * @param flags a bitwise OR of {@link NodeAllocPagesFlags} values
     * @return how many cells were changed
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-host.html#virNodeAllocPages">virNodeAllocPages</a>
     */
    int allocPages(Map<Integer, Long> pageCounts, int startCell, int cellCount, int flags);

    /**
     * Allocates (or frees) huge pages of the given sizes on consecutive NUMA cells.
     *
     * @param pageCounts page size in KiB to the number of pages wanted
     * @param startCell the first cell, -1 for the whole host as one
     * @param cellCount how many cells
     * @param flags the flags as enum constants
     * @return how many cells were changed
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-host.html#virNodeAllocPages">virNodeAllocPages</a>
     */
    default int allocPages(Map<Integer, Long> pageCounts, int startCell, int cellCount, NodeAllocPagesFlags... flags) {
        return allocPages(pageCounts, startCell, cellCount, LibvirtEnum.mask(flags));
    }

    /**
     * Returns the host's CPU time counters, of one CPU or all together.
     *
     * @param cpuNum the CPU, or {@link NodeGetCPUStatsAllCPUs#CPUS}'s value (-1) for all
     * @param flags reserved, 0
     * @return the counters the driver reports
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-host.html#virNodeGetCPUStats">virNodeGetCPUStats</a>
     */
    NodeCPUStats getCPUStats(int cpuNum, int flags);

    /**
     * Returns the host's memory figures, of one NUMA cell or the whole host.
     *
     * @param cellNum the cell, or {@link NodeGetMemoryStatsAllCells#CELLS}'s value (-1) for all
     * @param flags reserved, 0
     * @return the figures the driver reports
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-host.html#virNodeGetMemoryStats">virNodeGetMemoryStats</a>
     */
    NodeMemoryStats getMemoryStats(int cellNum, int flags);

    /**
     * {@return the security model the hypervisor confines guests with}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-host.html#virNodeGetSecurityModel">virNodeGetSecurityModel</a>
     */
    NodeSecurityModel getSecurityModel();

    /**
     * Asks the host which storage sources of a pool type it can find.
     *
     * @param type the pool type, such as {@code "logical"} or {@code "netfs"}
     * @param srcSpec an XML source description narrowing the search, or {@code null}
     * @param flags reserved, 0
     * @return the XML list of the sources found
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-storage.html#virConnectFindStoragePoolSources">virConnectFindStoragePoolSources</a>
     */
    String findStoragePoolSources(String type, String srcSpec, int flags);
}

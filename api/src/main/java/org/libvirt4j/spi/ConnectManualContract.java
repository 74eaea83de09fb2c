package org.libvirt4j.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;
import org.libvirt4j.ConnectManualMethods;
import org.libvirt4j.ConnectMethods;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.NWFilter;
import org.libvirt4j.NodeCPUMap;
import org.libvirt4j.NodeCPUStats;
import org.libvirt4j.NodeMemoryStats;
import org.libvirt4j.NodeSecurityModel;
import org.libvirt4j.Secret;

/**
 * The backend contract of {@link ConnectManualMethods}, written once: argument checks (the ones
 * libvirt's C library makes before it reaches a driver, so that a bad argument never reaches a
 * daemon and every backend refuses it alike), the legacy lists sized by their counts, and the
 * conversion of raw results into records; the call itself is {@link #invokeManual}.
 */
public interface ConnectManualContract extends ConnectManualMethods, ConnectMethods, ManualInvocable {

    @Override
    default List<String> listNetworks() {
        return names(ManualFn.virConnectListNetworks, numOfNetworks());
    }

    @Override
    default List<String> listDefinedNetworks() {
        return names(ManualFn.virConnectListDefinedNetworks, numOfDefinedNetworks());
    }

    @Override
    default List<String> listInterfaces() {
        return names(ManualFn.virConnectListInterfaces, numOfInterfaces());
    }

    @Override
    default List<String> listDefinedInterfaces() {
        return names(ManualFn.virConnectListDefinedInterfaces, numOfDefinedInterfaces());
    }

    @Override
    default List<String> listStoragePools() {
        return names(ManualFn.virConnectListStoragePools, numOfStoragePools());
    }

    @Override
    default List<String> listDefinedStoragePools() {
        return names(ManualFn.virConnectListDefinedStoragePools, numOfDefinedStoragePools());
    }

    @Override
    default List<String> listNWFilters() {
        return names(ManualFn.virConnectListNWFilters, numOfNWFilters());
    }

    @Override
    default List<String> listSecrets() {
        return names(ManualFn.virConnectListSecrets, numOfSecrets());
    }

    @Override
    default List<String> listDevices(String cap, int flags) {
        if (cap != null) {
            CStrings.requireNoNul(cap);
        }
        int n = numOfDevices(cap, flags);
        return List.of((String[]) invokeManual(ManualFn.virNodeListDevices, cap, n, flags));
    }

    private List<String> names(ManualFn fn, int count) {
        return List.of((String[]) invokeManual(fn, count));
    }

    @Override
    default NWFilter lookupNWFilterByUUID(UUID uuid) {
        return (NWFilter) invokeManual(ManualFn.virNWFilterLookupByUUID, Uuids.toBytes(Objects.requireNonNull(uuid,
                "uuid")));
    }

    @Override
    default Secret lookupSecretByUUID(UUID uuid) {
        return (Secret) invokeManual(ManualFn.virSecretLookupByUUID, Uuids.toBytes(Objects.requireNonNull(uuid, "uuid")));
    }

    @Override
    default List<String> getCPUModelNames(String arch, int flags) {
        CStrings.requireNoNul(Objects.requireNonNull(arch, "arch"));
        return List.of((String[]) invokeManual(ManualFn.virConnectGetCPUModelNames, arch, flags));
    }

    @Override
    default String baselineCPU(List<String> xmlCPUs, int flags) {
        return (String) invokeManual(ManualFn.virConnectBaselineCPU, strings(xmlCPUs, "xmlCPUs"), flags);
    }

    @Override
    default String baselineHypervisorCPU(String emulator, String arch, String machine, String virttype,
            List<String> xmlCPUs, int flags) {
        for (String s : new String[] {emulator, arch, machine, virttype}) {
            if (s != null) {
                CStrings.requireNoNul(s);
            }
        }
        return (String) invokeManual(ManualFn.virConnectBaselineHypervisorCPU, emulator, arch, machine, virttype,
                strings(xmlCPUs, "xmlCPUs"), flags);
    }

    private static String[] strings(List<String> list, String name) {
        String[] out = Objects.requireNonNull(list, name).toArray(new String[0]);
        for (String s : out) {
            CStrings.requireNoNul(Objects.requireNonNull(s, name + " element"));
        }
        return out;
    }

    @Override
    default NodeCPUMap getCPUMap(int flags) {
        Object[] r = (Object[]) invokeManual(ManualFn.virNodeGetCPUMap, flags);
        byte[] map = (byte[]) r[0];
        int cpus = (Integer) r[2];
        List<Boolean> bits = new ArrayList<>(cpus);
        for (int i = 0; i < cpus; i++) {
            bits.add(i / 8 < map.length && (map[i / 8] & (1 << (i % 8))) != 0);
        }
        return new NodeCPUMap(bits, (Integer) r[1]);
    }

    @Override
    default List<Long> getCellsFreeMemory(int startCell, int maxCells) {
        if (maxCells <= 0) {
            throw ManualChecks.invalid(ErrorDomain.DOMAIN, "maxCells in virNodeGetCellsFreeMemory must be greater than zero");
        }
        if (startCell < 0) {
            throw ManualChecks.invalid(ErrorDomain.DOMAIN, "startCell in virNodeGetCellsFreeMemory must be zero or greater");
        }
        ManualChecks.cells(maxCells);
        return ManualChecks.longs((long[]) invokeManual(ManualFn.virNodeGetCellsFreeMemory, startCell, maxCells));
    }

    @Override
    default List<Long> getFreePages(List<Integer> pageSizes, int startCell, int cellCount, int flags) {
        int[] pages = ManualChecks.ints(Objects.requireNonNull(pageSizes, "pageSizes"), "pageSizes");
        if (pages.length == 0) {
            throw ManualChecks.invalid(ErrorDomain.DOMAIN, "npages in virNodeGetFreePages must not be zero");
        }
        if (cellCount == 0) {
            throw ManualChecks.invalid(ErrorDomain.DOMAIN, "cellCount in virNodeGetFreePages must not be zero");
        }
        ManualChecks.cells(pages.length * Integer.toUnsignedLong(cellCount));
        return ManualChecks.longs((long[]) invokeManual(ManualFn.virNodeGetFreePages, pages, startCell, cellCount, flags));
    }

    @Override
    default int allocPages(Map<Integer, Long> pageCounts, int startCell, int cellCount, int flags) {
        Objects.requireNonNull(pageCounts, "pageCounts");
        int[] sizes = new int[pageCounts.size()];
        long[] counts = new long[pageCounts.size()];
        int i = 0;
        for (Map.Entry<Integer, Long> e : pageCounts.entrySet()) {
            sizes[i] = Objects.requireNonNull(e.getKey(), "pageCounts key");
            counts[i++] = Objects.requireNonNull(e.getValue(), "pageCounts value");
        }
        if (sizes.length == 0) {
            throw ManualChecks.invalid(ErrorDomain.DOMAIN, "npages in virNodeAllocPages must not be zero");
        }
        if (cellCount == 0) {
            throw ManualChecks.invalid(ErrorDomain.DOMAIN, "cellCount in virNodeAllocPages must not be zero");
        }
        ManualChecks.cells(sizes.length);
        return (Integer) invokeManual(ManualFn.virNodeAllocPages, sizes, counts, startCell, cellCount, flags);
    }

    @Override
    default NodeCPUStats getCPUStats(int cpuNum, int flags) {
        if (cpuNum < -1) {
            throw ManualChecks.invalid(ErrorDomain.DOMAIN, "cpuNum in virNodeGetCPUStats only accepts -1 as a negative value");
        }
        Map<String, Long> m = ManualChecks.fields((Object[]) invokeManual(ManualFn.virNodeGetCPUStats, cpuNum, flags));
        return new NodeCPUStats(opt(m, "kernel"), opt(m, "user"), opt(m, "idle"), opt(m, "iowait"), opt(m, "intr"),
                opt(m, "utilization"));
    }

    @Override
    default NodeMemoryStats getMemoryStats(int cellNum, int flags) {
        if (cellNum < -1) {
            throw ManualChecks.invalid(ErrorDomain.DOMAIN,
                    "cellNum in virNodeGetMemoryStats only accepts -1 as a negative value");
        }
        Map<String, Long> m = ManualChecks.fields((Object[]) invokeManual(ManualFn.virNodeGetMemoryStats, cellNum, flags));
        return new NodeMemoryStats(opt(m, "total"), opt(m, "free"), opt(m, "buffers"), opt(m, "cached"));
    }

    private static OptionalLong opt(Map<String, Long> m, String field) {
        Long v = m.get(field);
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }

    @Override
    default NodeSecurityModel getSecurityModel() {
        String[] r = (String[]) invokeManual(ManualFn.virNodeGetSecurityModel);
        return new NodeSecurityModel(r[0], r[1]);
    }

    @Override
    default String findStoragePoolSources(String type, String srcSpec, int flags) {
        CStrings.requireNoNul(Objects.requireNonNull(type, "type"));
        if (srcSpec != null) {
            CStrings.requireNoNul(srcSpec);
        }
        return (String) invokeManual(ManualFn.virConnectFindStoragePoolSources, type, srcSpec, flags);
    }
}

package org.libvirt4j.tck;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.libvirt4j.Connect;
import org.libvirt4j.Network;
import org.libvirt4j.NodeDevice;
import org.libvirt4j.StoragePool;
import org.libvirt4j.StorageVol;

/**
 * The differential scenario of the hand-written host, list and device functions
 * ({@code spi.ManualFn}): values, the test driver's refusals and the contract's argument checks,
 * each recorded whole (code, domain, level, message) so that every backend must agree.
 */
final class HostApiDifferential {
    private HostApiDifferential() {
    }

    static void observe(Connect c, DifferentialTck.Observations o, java.util.function.Supplier<Connect> another) {
        Connect second = another.get();
        Network held = second.lookupNetworkByName(NodeFixture.NETWORK);
        o.record("closeAndCountHeld", second::closeAndCount);
        o.record("closeAndCountAgain", second::closeAndCount);
        o.record("heldAfterClose", held::getName);
        held.close();
        o.record("closeAndCountAlone", () -> another.get().closeAndCount());
        o.record("listNetworks", c::listNetworks);
        o.record("listDefinedNetworks", c::listDefinedNetworks);
        o.record("listInterfaces", c::listInterfaces);
        o.record("listDefinedInterfaces", c::listDefinedInterfaces);
        o.record("listStoragePools", c::listStoragePools);
        o.record("listDefinedStoragePools", c::listDefinedStoragePools);
        o.record("listSecrets", c::listSecrets);
        o.record("listNWFilters", c::listNWFilters);
        o.record("listDevices", () -> c.listDevices(null, 0));
        o.record("listDevicesPci", () -> c.listDevices("pci", 0));
        o.record("listDevicesFlags", () -> c.listDevices(null, 1));
        o.record("lookupSecretByUUID", () -> c.lookupSecretByUUID(UUID.fromString("11111111-2222-3333-4444-555555555599")));
        o.record("lookupNWFilterByUUID", () -> c.lookupNWFilterByUUID(UUID.fromString("11111111-2222-3333-4444-555555555598")));
        o.record("cpuModelNames", () -> c.getCPUModelNames("x86_64", 0));
        o.record("cpuModelNamesBogus", () -> c.getCPUModelNames("bogus", 0));
        o.record("cpuModelNamesFlags", () -> c.getCPUModelNames("x86_64", 1));
        o.record("baselineCPU", () -> c.baselineCPU(List.of(HostApiTck.CPU_XML), 0));
        o.record("baselineCPUEmpty", () -> c.baselineCPU(List.of(), 0));
        o.record("baselineCPUBadXml", () -> c.baselineCPU(List.of("<cpu"), 0));
        o.record("baselineHypervisorCPU", () -> c.baselineHypervisorCPU(null, "x86_64", null, null,
                List.of(HostApiTck.CPU_XML), 0));
        o.record("cpuMap", () -> c.getCPUMap(0));
        o.record("cpuMapFlags", () -> c.getCPUMap(1));
        o.record("cellsFreeMemory", () -> c.getCellsFreeMemory(0, 1));
        o.record("cellsFreeMemoryZero", () -> c.getCellsFreeMemory(0, 0));
        o.record("cellsFreeMemoryTooMany", () -> c.getCellsFreeMemory(0, 1025));
        o.record("freePagesEmpty", () -> c.getFreePages(List.of(), 0, 1, 0));
        o.record("freePagesTooMany", () -> c.getFreePages(List.of(4, 2048), 0, 513, 0));
        o.record("allocPages", () -> c.allocPages(Map.of(2048, 1L), 0, 1, 0));
        o.record("allocPagesNoCells", () -> c.allocPages(Map.of(2048, 1L), 0, 0, 0));
        o.record("cpuStats", () -> c.getCPUStats(-1, 0));
        o.record("cpuStatsOne", () -> c.getCPUStats(0, 0));
        o.record("cpuStatsBad", () -> c.getCPUStats(-2, 0));
        o.record("memoryStats", () -> c.getMemoryStats(-1, 0));
        o.record("securityModel", c::getSecurityModel);
        o.record("findLogical", () -> c.findStoragePoolSources("logical", null, 0));
        o.record("findNetfs", () -> c.findStoragePoolSources("netfs", null, 0));
        o.record("findBogus", () -> c.findStoragePoolSources("bogus", null, 0));
        try (StoragePool pool = c.lookupStoragePoolByName(NodeFixture.POOL);
                StorageVol vol = pool.lookupStorageVolByName(NodeFixture.VOLUME);
                Network net = c.lookupNetworkByName(NodeFixture.NETWORK);
                NodeDevice dev = c.lookupNodeDeviceByName(NodeFixture.NODE_DEVICE)) {
            o.record("listStorageVolumes", pool::listStorageVolumes);
            o.record("createXMLFrom", () -> {
                try (StorageVol clone = pool.storageVolCreateXMLFrom(StorageTck.volXml("tck-diff-clone.img", 1024), vol)) {
                    return clone.getName() + " " + pool.listStorageVolumes();
                }
            });
            o.record("createXMLFromTaken", () -> pool.storageVolCreateXMLFrom(
                    StorageTck.volXml(NodeFixture.VOLUME, 1024), vol));
            o.record("volInfoFlags", () -> vol.getInfoFlags(0));
            o.record("dhcpLeases", () -> net.getDHCPLeases(null, 0));
            o.record("dhcpLeasesMac", () -> net.getDHCPLeases("52:54:00:aa:bb:01", 0));
            o.record("portByUUID", () -> net.lookupNetworkPortByUUID(UUID.fromString("11111111-2222-3333-4444-555555555597")));
            o.record("detach", () -> {
                dev.detach();
                return "detached";
            });
            o.record("detachFlags", () -> {
                dev.detachFlags("vfio", 0);
                return "detached";
            });
            o.record("reAttach", () -> {
                dev.reAttach();
                return "reattached";
            });
            o.record("reset", () -> {
                dev.reset();
                return "reset";
            });
        }
    }
}

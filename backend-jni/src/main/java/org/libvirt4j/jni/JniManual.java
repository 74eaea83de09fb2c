package org.libvirt4j.jni;

import java.util.ArrayList;
import java.util.List;
import org.libvirt4j.NetworkDHCPLease;
import org.libvirt4j.spi.ManualFn;
import org.libvirt4j.spi.NativeHandle;
import org.libvirt4j.spi.ObjectKind;

/**
 * The hand-written functions of {@link ManualFn} over JNI: the raw wrappers of
 * {@link LibvirtNatives} where the C shape is mechanical, {@link JniHostNatives} where it needs C.
 */
final class JniManual {
    private JniManual() {
    }

    /**
     * Calls {@code fn} on {@code self}, holding its handle for the duration of the call.
     *
     * @param self the object
     * @param fn the function
     * @param a the checked arguments, as {@link ManualFn} lists them
     * @return the result, as {@link ManualFn} lists it
     */
    static Object invoke(JniObject self, ManualFn fn, Object[] a) {
        String name = fn.name();
        if (fn == ManualFn.virStorageVolCreateXMLFrom) {
            NativeHandle vol = JniObject.handleOf(a[1], JniStorageVol.class, ObjectKind.STORAGE_VOL, name);
            return vol.call(name, v -> {
                return self.obj(name, p -> new JniStorageVol(JniObject.ptr(
                        LibvirtNatives.virStorageVolCreateXMLFrom(p, (String) a[0], v, (Integer) a[2]), name)));
            });
        }
        return self.obj(name, p -> switch (fn) {
            case virConnectListNetworks -> JniHostNatives.listNames(JniHostNatives.N_NETWORKS, p, null, (Integer) a[0], 0);
            case virConnectListDefinedNetworks -> JniHostNatives.listNames(JniHostNatives.N_DEFINED_NETWORKS, p, null,
                    (Integer) a[0], 0);
            case virConnectListInterfaces -> JniHostNatives.listNames(JniHostNatives.N_INTERFACES, p, null, (Integer) a[0],
                    0);
            case virConnectListDefinedInterfaces -> JniHostNatives.listNames(JniHostNatives.N_DEFINED_INTERFACES, p, null,
                    (Integer) a[0], 0);
            case virConnectListStoragePools -> JniHostNatives.listNames(JniHostNatives.N_STORAGE_POOLS, p, null,
                    (Integer) a[0], 0);
            case virConnectListDefinedStoragePools -> JniHostNatives.listNames(JniHostNatives.N_DEFINED_STORAGE_POOLS, p,
                    null, (Integer) a[0], 0);
            case virConnectListNWFilters -> JniHostNatives.listNames(JniHostNatives.N_NWFILTERS, p, null, (Integer) a[0], 0);
            case virConnectListSecrets -> JniHostNatives.listNames(JniHostNatives.N_SECRETS, p, null, (Integer) a[0], 0);
            case virStoragePoolListVolumes -> JniHostNatives.listNames(JniHostNatives.N_POOL_VOLUMES, p, null,
                    (Integer) a[0], 0);
            case virNodeListDevices -> JniHostNatives.listNames(JniHostNatives.N_NODE_DEVICES, p, (String) a[0],
                    (Integer) a[1], (Integer) a[2]);
            case virNWFilterLookupByUUID -> new JniNWFilter(JniObject.ptr(
                    LibvirtNatives.virNWFilterLookupByUUID(p, (byte[]) a[0]), name));
            case virSecretLookupByUUID -> new JniSecret(JniObject.ptr(
                    LibvirtNatives.virSecretLookupByUUID(p, (byte[]) a[0]), name));
            case virNetworkPortLookupByUUID -> new JniNetworkPort(JniObject.ptr(
                    LibvirtNatives.virNetworkPortLookupByUUID(p, (byte[]) a[0]), name));
            case virConnectGetCPUModelNames -> JniHostNatives.cpuModelNames(p, (String) a[0], (Integer) a[1]);
            case virConnectBaselineCPU -> JniHostNatives.baseline(p, null, (String[]) a[0], (Integer) a[1], false);
            case virConnectBaselineHypervisorCPU -> JniHostNatives.baseline(p, new String[] {(String) a[0], (String) a[1],
                (String) a[2], (String) a[3]}, (String[]) a[4], (Integer) a[5], true);
            case virNodeGetCPUMap -> {
                int[] out = new int[2];
                byte[] bits = JniHostNatives.cpuMap(p, (Integer) a[0], out);
                yield new Object[] {bits, out[0], out[1]};
            }
            case virNodeGetCellsFreeMemory -> JniHostNatives.cellsFreeMemory(p, (Integer) a[0], (Integer) a[1]);
            case virNodeGetFreePages -> JniHostNatives.freePages(p, (int[]) a[0], (Integer) a[1], (Integer) a[2],
                    (Integer) a[3]);
            case virNodeAllocPages -> JniHostNatives.allocPages(p, (int[]) a[0], (long[]) a[1], (Integer) a[2],
                    (Integer) a[3], (Integer) a[4]);
            case virNodeGetCPUStats -> JniHostNatives.nodeStats(0, p, (Integer) a[0], (Integer) a[1]);
            case virNodeGetMemoryStats -> JniHostNatives.nodeStats(1, p, (Integer) a[0], (Integer) a[1]);
            case virNodeGetSecurityModel -> JniHostNatives.securityModel(p);
            case virConnectFindStoragePoolSources -> LibvirtNatives.virConnectFindStoragePoolSources(p, (String) a[0],
                    (String) a[1], (Integer) a[2]);
            case virStorageVolGetInfoFlags -> JniHostNatives.volInfoFlags(p, (Integer) a[0]);
            case virNetworkGetDHCPLeases -> leases(JniHostNatives.dhcpLeases(p, (String) a[0], (Integer) a[1]));
            case virNodeDeviceDettach -> {
                LibvirtNatives.virNodeDeviceDettach(p);
                yield null;
            }
            case virNodeDeviceDetachFlags -> {
                LibvirtNatives.virNodeDeviceDetachFlags(p, (String) a[0], (Integer) a[1]);
                yield null;
            }
            case virNodeDeviceReAttach -> {
                LibvirtNatives.virNodeDeviceReAttach(p);
                yield null;
            }
            case virNodeDeviceReset -> {
                LibvirtNatives.virNodeDeviceReset(p);
                yield null;
            }
            case virStreamRecvFlags -> {
                byte[] buffer = (byte[]) a[0];
                yield JniNatives.streamRecvFlags(p, buffer, 0, buffer.length, (Integer) a[1]);
            }
            case virStreamSendHole -> {
                LibvirtNatives.virStreamSendHole(p, (Long) a[0], (Integer) a[1]);
                yield null;
            }
            case virStreamRecvHole -> JniNatives.streamRecvHole(p, (Integer) a[0]);
            case virStreamEventAddCallback -> {
                long key = JniEvents.add(null, a[1], null);
                try {
                    JniNatives.streamEventAdd(p, (Integer) a[0], key);
                } catch (RuntimeException | Error e) {
                    JniEvents.forget(key);
                    throw e;
                }
                yield null;
            }
            case virStreamEventUpdateCallback -> {
                LibvirtNatives.virStreamEventUpdateCallback(p, (Integer) a[0]);
                yield null;
            }
            case virStreamEventRemoveCallback -> {
                LibvirtNatives.virStreamEventRemoveCallback(p);
                yield null;
            }
            case virStorageVolCreateXMLFrom -> throw new IllegalStateException(name);
        });
    }

    private static List<NetworkDHCPLease> leases(Object[] raw) {
        String[] s = (String[]) raw[0];
        long[] v = (long[]) raw[1];
        List<NetworkDHCPLease> out = new ArrayList<>(v.length / 3);
        for (int i = 0; i < v.length / 3; i++) {
            out.add(new NetworkDHCPLease(s[6 * i], v[3 * i], (int) v[3 * i + 1], s[6 * i + 1], s[6 * i + 2],
                    s[6 * i + 3], (int) v[3 * i + 2], s[6 * i + 4], s[6 * i + 5]));
        }
        return List.copyOf(out);
    }
}

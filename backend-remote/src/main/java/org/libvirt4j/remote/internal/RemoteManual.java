package org.libvirt4j.remote.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.NetworkDHCPLease;
import org.libvirt4j.remote.generated.*;
import org.libvirt4j.spi.ManualFn;
import org.libvirt4j.spi.ObjectKind;

/**
 * The hand-written functions of {@link ManualFn} on the wire, as libvirt's own remote client
 * sends them: the procedure, its argument record, and the reply's decoding (two round trips where
 * the C client makes two, as for the node statistics).
 */
final class RemoteManual {
    private RemoteManual() {
    }

    /**
     * Calls {@code fn} on {@code self}.
     *
     * @param self the object, whose guard holds for each round trip
     * @param fn the function
     * @param a the checked arguments, as {@link ManualFn} lists them
     * @return the result, as {@link ManualFn} lists it
     */
    static Object invoke(RemoteObject self, ManualFn fn, Object[] a) {
        String name = fn.name();
        Session s = self.session;
        return switch (fn) {
            case virConnectListNetworks -> names(name, (Integer) a[0], self.call(name,
                    RemoteProcedure.REMOTE_PROC_CONNECT_LIST_NETWORKS, new RemoteConnectListNetworksArgs((Integer) a[0])::encode,
                    r -> RemoteConnectListNetworksRet.decode(r).names()));
            case virConnectListDefinedNetworks -> names(name, (Integer) a[0], self.call(name,
                    RemoteProcedure.REMOTE_PROC_CONNECT_LIST_DEFINED_NETWORKS,
                    new RemoteConnectListDefinedNetworksArgs((Integer) a[0])::encode,
                    r -> RemoteConnectListDefinedNetworksRet.decode(r).names()));
            case virConnectListInterfaces -> names(name, (Integer) a[0], self.call(name,
                    RemoteProcedure.REMOTE_PROC_CONNECT_LIST_INTERFACES,
                    new RemoteConnectListInterfacesArgs((Integer) a[0])::encode,
                    r -> RemoteConnectListInterfacesRet.decode(r).names()));
            case virConnectListDefinedInterfaces -> names(name, (Integer) a[0], self.call(name,
                    RemoteProcedure.REMOTE_PROC_CONNECT_LIST_DEFINED_INTERFACES,
                    new RemoteConnectListDefinedInterfacesArgs((Integer) a[0])::encode,
                    r -> RemoteConnectListDefinedInterfacesRet.decode(r).names()));
            case virConnectListStoragePools -> names(name, (Integer) a[0], self.call(name,
                    RemoteProcedure.REMOTE_PROC_CONNECT_LIST_STORAGE_POOLS,
                    new RemoteConnectListStoragePoolsArgs((Integer) a[0])::encode,
                    r -> RemoteConnectListStoragePoolsRet.decode(r).names()));
            case virConnectListDefinedStoragePools -> names(name, (Integer) a[0], self.call(name,
                    RemoteProcedure.REMOTE_PROC_CONNECT_LIST_DEFINED_STORAGE_POOLS,
                    new RemoteConnectListDefinedStoragePoolsArgs((Integer) a[0])::encode,
                    r -> RemoteConnectListDefinedStoragePoolsRet.decode(r).names()));
            case virConnectListNWFilters -> names(name, (Integer) a[0], self.call(name,
                    RemoteProcedure.REMOTE_PROC_CONNECT_LIST_NWFILTERS, new RemoteConnectListNwfiltersArgs((Integer) a[0])::encode,
                    r -> RemoteConnectListNwfiltersRet.decode(r).names()));
            case virConnectListSecrets -> names(name, (Integer) a[0], self.call(name,
                    RemoteProcedure.REMOTE_PROC_CONNECT_LIST_SECRETS, new RemoteConnectListSecretsArgs((Integer) a[0])::encode,
                    r -> RemoteConnectListSecretsRet.decode(r).uuids()));
            case virNodeListDevices -> names(name, (Integer) a[1], self.call(name,
                    RemoteProcedure.REMOTE_PROC_NODE_LIST_DEVICES,
                    new RemoteNodeListDevicesArgs((String) a[0], (Integer) a[1], (Integer) a[2])::encode,
                    r -> RemoteNodeListDevicesRet.decode(r).names()));
            case virStoragePoolListVolumes -> names(name, (Integer) a[0], self.call(name,
                    RemoteProcedure.REMOTE_PROC_STORAGE_POOL_LIST_VOLUMES,
                    new RemoteStoragePoolListVolumesArgs((RemoteNonnullStoragePool) self.wireRef(), (Integer) a[0])::encode,
                    r -> RemoteStoragePoolListVolumesRet.decode(r).names()));
            case virNWFilterLookupByUUID -> new RemoteNWFilter(s, self.call(name,
                    RemoteProcedure.REMOTE_PROC_NWFILTER_LOOKUP_BY_UUID, new RemoteNwfilterLookupByUuidArgs((byte[]) a[0])::encode,
                    r -> RemoteNwfilterLookupByUuidRet.decode(r).nwfilter()));
            case virSecretLookupByUUID -> new RemoteSecret(s, self.call(name,
                    RemoteProcedure.REMOTE_PROC_SECRET_LOOKUP_BY_UUID, new RemoteSecretLookupByUuidArgs((byte[]) a[0])::encode,
                    r -> RemoteSecretLookupByUuidRet.decode(r).secret()));
            case virNetworkPortLookupByUUID -> new RemoteNetworkPort(s, self.call(name,
                    RemoteProcedure.REMOTE_PROC_NETWORK_PORT_LOOKUP_BY_UUID,
                    new RemoteNetworkPortLookupByUuidArgs((RemoteNonnullNetwork) self.wireRef(), (byte[]) a[0])::encode,
                    r -> RemoteNetworkPortLookupByUuidRet.decode(r).port()));
            case virConnectGetCPUModelNames -> self.call(name, RemoteProcedure.REMOTE_PROC_CONNECT_GET_CPU_MODEL_NAMES,
                    new RemoteConnectGetCpuModelNamesArgs((String) a[0], 1, (Integer) a[1])::encode,
                    r -> RemoteConnectGetCpuModelNamesRet.decode(r).models()).toArray(new String[0]);
            case virConnectBaselineCPU -> self.call(name, RemoteProcedure.REMOTE_PROC_CONNECT_BASELINE_CPU,
                    new RemoteConnectBaselineCpuArgs(List.of((String[]) a[0]), (Integer) a[1])::encode,
                    r -> RemoteConnectBaselineCpuRet.decode(r).cpu());
            case virConnectBaselineHypervisorCPU -> self.call(name, RemoteProcedure.REMOTE_PROC_CONNECT_BASELINE_HYPERVISOR_CPU,
                    new RemoteConnectBaselineHypervisorCpuArgs((String) a[0], (String) a[1], (String) a[2], (String) a[3],
                            List.of((String[]) a[4]), (Integer) a[5])::encode,
                    r -> RemoteConnectBaselineHypervisorCpuRet.decode(r).cpu());
            case virNodeGetCPUMap -> {
                RemoteNodeGetCpuMapRet r = self.call(name, RemoteProcedure.REMOTE_PROC_NODE_GET_CPU_MAP,
                        new RemoteNodeGetCpuMapArgs(1, 1, (Integer) a[0])::encode, RemoteNodeGetCpuMapRet::decode);
                yield new Object[] {r.cpumap(), r.online(), r.ret()};
            }
            case virNodeGetCellsFreeMemory -> longs(self.call(name, RemoteProcedure.REMOTE_PROC_NODE_GET_CELLS_FREE_MEMORY,
                    new RemoteNodeGetCellsFreeMemoryArgs((Integer) a[0], (Integer) a[1])::encode,
                    r -> RemoteNodeGetCellsFreeMemoryRet.decode(r).cells()));
            case virNodeGetFreePages -> {
                int[] pages = (int[]) a[0];
                List<Integer> p = new ArrayList<>(pages.length);
                for (int v : pages) {
                    p.add(v);
                }
                long[] counts = longs(self.call(name, RemoteProcedure.REMOTE_PROC_NODE_GET_FREE_PAGES,
                        new RemoteNodeGetFreePagesArgs(p, (Integer) a[1], (Integer) a[2], (Integer) a[3])::encode,
                        r -> RemoteNodeGetFreePagesRet.decode(r).counts()));
                // C's caller owns an array of npages * cellCount; the reply fills its beginning
                yield java.util.Arrays.copyOf(counts, (int) (pages.length * Integer.toUnsignedLong((Integer) a[2])));
            }
            case virNodeAllocPages -> {
                int[] sizes = (int[]) a[0];
                long[] counts = (long[]) a[1];
                List<Integer> ps = new ArrayList<>(sizes.length);
                List<Long> pc = new ArrayList<>(counts.length);
                for (int i = 0; i < sizes.length; i++) {
                    ps.add(sizes[i]);
                    pc.add(counts[i]);
                }
                yield self.call(name, RemoteProcedure.REMOTE_PROC_NODE_ALLOC_PAGES,
                        new RemoteNodeAllocPagesArgs(ps, pc, (Integer) a[2], (Integer) a[3], (Integer) a[4])::encode,
                        r -> RemoteNodeAllocPagesRet.decode(r).ret());
            }
            case virNodeGetCPUStats -> {
                int n = self.call(name, RemoteProcedure.REMOTE_PROC_NODE_GET_CPU_STATS,
                        new RemoteNodeGetCpuStatsArgs((Integer) a[0], 0, (Integer) a[1])::encode,
                        r -> RemoteNodeGetCpuStatsRet.decode(r).nparams());
                if (n <= 0) {
                    yield new Object[] {new String[0], new long[0]};
                }
                List<RemoteNodeGetCpuStats> params = self.call(name, RemoteProcedure.REMOTE_PROC_NODE_GET_CPU_STATS,
                        new RemoteNodeGetCpuStatsArgs((Integer) a[0], n, (Integer) a[1])::encode,
                        r -> RemoteNodeGetCpuStatsRet.decode(r).params());
                yield stats(name, n, params, RemoteNodeGetCpuStats::field, RemoteNodeGetCpuStats::value);
            }
            case virNodeGetMemoryStats -> {
                int n = self.call(name, RemoteProcedure.REMOTE_PROC_NODE_GET_MEMORY_STATS,
                        new RemoteNodeGetMemoryStatsArgs(0, (Integer) a[0], (Integer) a[1])::encode,
                        r -> RemoteNodeGetMemoryStatsRet.decode(r).nparams());
                if (n <= 0) {
                    yield new Object[] {new String[0], new long[0]};
                }
                List<RemoteNodeGetMemoryStats> params = self.call(name, RemoteProcedure.REMOTE_PROC_NODE_GET_MEMORY_STATS,
                        new RemoteNodeGetMemoryStatsArgs(n, (Integer) a[0], (Integer) a[1])::encode,
                        r -> RemoteNodeGetMemoryStatsRet.decode(r).params());
                yield stats(name, n, params, RemoteNodeGetMemoryStats::field, RemoteNodeGetMemoryStats::value);
            }
            case virNodeGetSecurityModel -> {
                RemoteNodeGetSecurityModelRet r = self.call(name, RemoteProcedure.REMOTE_PROC_NODE_GET_SECURITY_MODEL, null,
                        RemoteNodeGetSecurityModelRet::decode);
                yield new String[] {text(r.model()), text(r.doi())};
            }
            case virConnectFindStoragePoolSources -> self.call(name,
                    RemoteProcedure.REMOTE_PROC_CONNECT_FIND_STORAGE_POOL_SOURCES,
                    new RemoteConnectFindStoragePoolSourcesArgs((String) a[0], (String) a[1], (Integer) a[2])::encode,
                    r -> RemoteConnectFindStoragePoolSourcesRet.decode(r).xml());
            case virStorageVolCreateXMLFrom -> {
                if (!(a[1] instanceof RemoteStorageVol clone)) {
                    throw ObjectKind.STORAGE_VOL.invalid(name);
                }
                clone.acquire(name);
                try {
                    yield new RemoteStorageVol(s, self.call(name, RemoteProcedure.REMOTE_PROC_STORAGE_VOL_CREATE_XML_FROM,
                            new RemoteStorageVolCreateXmlFromArgs((RemoteNonnullStoragePool) self.wireRef(), (String) a[0],
                                    (RemoteNonnullStorageVol) clone.wireRef(), (Integer) a[2])::encode,
                            r -> RemoteStorageVolCreateXmlFromRet.decode(r).vol()));
                } finally {
                    clone.release();
                }
            }
            case virStorageVolGetInfoFlags -> {
                RemoteStorageVolGetInfoFlagsRet r = self.call(name, RemoteProcedure.REMOTE_PROC_STORAGE_VOL_GET_INFO_FLAGS,
                        new RemoteStorageVolGetInfoFlagsArgs((RemoteNonnullStorageVol) self.wireRef(), (Integer) a[0])::encode,
                        RemoteStorageVolGetInfoFlagsRet::decode);
                yield new long[] {r.type(), r.capacity(), r.allocation()};
            }
            case virNetworkGetDHCPLeases -> {
                RemoteNetworkGetDhcpLeasesRet r = self.call(name, RemoteProcedure.REMOTE_PROC_NETWORK_GET_DHCP_LEASES,
                        new RemoteNetworkGetDhcpLeasesArgs((RemoteNonnullNetwork) self.wireRef(), (String) a[0], 1,
                                (Integer) a[1])::encode, RemoteNetworkGetDhcpLeasesRet::decode);
                List<NetworkDHCPLease> out = new ArrayList<>(r.leases().size());
                for (RemoteNetworkDhcpLease l : r.leases()) {
                    out.add(new NetworkDHCPLease(l.iface(), l.expirytime(), l.type(), l.mac(), l.iaid(), l.ipaddr(),
                            l.prefix(), l.hostname(), l.clientid()));
                }
                yield List.copyOf(out);
            }
            case virNodeDeviceDettach -> {
                self.call(name, RemoteProcedure.REMOTE_PROC_NODE_DEVICE_DETTACH,
                        new RemoteNodeDeviceDettachArgs(device(self))::encode, null);
                yield null;
            }
            case virNodeDeviceDetachFlags -> {
                self.call(name, RemoteProcedure.REMOTE_PROC_NODE_DEVICE_DETACH_FLAGS,
                        new RemoteNodeDeviceDetachFlagsArgs(device(self), (String) a[0], (Integer) a[1])::encode, null);
                yield null;
            }
            case virNodeDeviceReAttach -> {
                self.call(name, RemoteProcedure.REMOTE_PROC_NODE_DEVICE_RE_ATTACH,
                        new RemoteNodeDeviceReAttachArgs(device(self))::encode, null);
                yield null;
            }
            case virNodeDeviceReset -> {
                self.call(name, RemoteProcedure.REMOTE_PROC_NODE_DEVICE_RESET,
                        new RemoteNodeDeviceResetArgs(device(self))::encode, null);
                yield null;
            }
            case virStreamRecvFlags, virStreamSendHole, virStreamRecvHole, virStreamEventAddCallback,
                    virStreamEventUpdateCallback, virStreamEventRemoveCallback -> ((RemoteStream) self).manual(fn, a);
        };
    }

    private static String device(RemoteObject self) {
        return ((RemoteNonnullNodeDevice) self.wireRef()).name();
    }

    /** libvirt's client refuses a reply with more names than it asked for. */
    private static String[] names(String fn, int max, List<String> names) {
        if (names.size() > max) {
            throw LibvirtException.of(ErrorNumber.ERR_RPC, ErrorDomain.REMOTE,
                    "too many remote names: " + names.size() + " > " + max + " in " + fn);
        }
        return names.toArray(new String[0]);
    }

    private static long[] longs(List<Long> values) {
        long[] out = new long[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    private static <P> Object[] stats(String fn, int n, List<P> params, Function<P, String> field,
            java.util.function.ToLongFunction<P> value) {
        if (params.size() > n) {
            throw LibvirtException.of(ErrorNumber.ERR_RPC, ErrorDomain.REMOTE,
                    "remote " + fn + " returned more parameters than asked for");
        }
        String[] fields = new String[params.size()];
        long[] values = new long[params.size()];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = field.apply(params.get(i));
            values[i] = value.applyAsLong(params.get(i));
        }
        return new Object[] {fields, values};
    }

    /** A {@code char<>} the daemon sends with its terminating NUL. */
    private static String text(byte[] raw) {
        int len = 0;
        while (len < raw.length && raw[len] != 0) {
            len++;
        }
        return new String(raw, 0, len, StandardCharsets.UTF_8);
    }
}

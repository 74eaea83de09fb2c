package org.libvirt4j.jna;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.libvirt4j.NetworkDHCPLease;
import org.libvirt4j.jna.internal.CStrings;
import org.libvirt4j.jna.internal.Errors;
import org.libvirt4j.jna.internal.Natives;
import org.libvirt4j.spi.ManualFn;
import org.libvirt4j.spi.NativeHandle;
import org.libvirt4j.spi.ObjectKind;

/**
 * The hand-written functions of {@link ManualFn} through JNA: each symbol is looked up once (a
 * missing one is {@code ERR_NO_SUPPORT}); arrays and structs are laid out here, and what libvirt
 * allocates is freed here.
 */
final class JnaManual {
    private static final AtomicReferenceArray<Function> FUNCTIONS = new AtomicReferenceArray<>(ManualFn.values().length);
    /** {@code sizeof(virNodeCPUStats)} and {@code sizeof(virNodeMemoryStats)}: {@code char field[80]; unsigned long long value}. */
    private static final int STATS_SIZE = 88;
    private static final int STATS_FIELD = 80;
    /** {@code VIR_SECURITY_MODEL_BUFLEN} and {@code VIR_SECURITY_DOI_BUFLEN}. */
    private static final int MODEL_BUFLEN = 257;
    private static final int DOI_BUFLEN = 257;

    private JnaManual() {
    }

    /**
     * Calls {@code fn} on the object behind {@code h}.
     *
     * @param h the object's handle, held for the duration of the call
     * @param fn the function
     * @param args the checked arguments, as {@link ManualFn} lists them
     * @return the result, as {@link ManualFn} lists it
     */
    static Object invoke(NativeHandle h, ManualFn fn, Object[] args) {
        Function f = function(fn);
        String name = fn.name();
        if (fn == ManualFn.virStorageVolCreateXMLFrom) {
            // the second object is held too, for the duration of the call
            NativeHandle vol = JnaHandle.of(args[1], JnaStorageVol.class, ObjectKind.STORAGE_VOL, name);
            return vol.call(name, v -> {
                long self = h.acquire(name);
                try {
                    return new JnaStorageVol(Errors.ptr(f.invokeLong(new Object[] {new Pointer(self),
                        CStrings.of((String) args[0]), new Pointer(v), args[2]}), name));
                } finally {
                    h.release();
                }
            });
        }
        return h.call(name, self -> {
            Pointer p = new Pointer(self);
            return switch (fn) {
                case virConnectListNetworks, virConnectListDefinedNetworks, virConnectListInterfaces,
                        virConnectListDefinedInterfaces, virConnectListStoragePools,
                        virConnectListDefinedStoragePools, virConnectListNWFilters, virConnectListSecrets,
                        virStoragePoolListVolumes -> {
                    int max = (Integer) args[0];
                    Memory names = max == 0 ? null : new Memory(8L * max);
                    int n = Errors.check(f.invokeInt(new Object[] {p, names, max}), name);
                    yield takeStrings(names, n);
                }
                case virNodeListDevices -> {
                    int max = (Integer) args[1];
                    Memory names = max == 0 ? null : new Memory(8L * max);
                    int n = Errors.check(f.invokeInt(new Object[] {p, CStrings.of((String) args[0]), names, max,
                        args[2]}), name);
                    yield takeStrings(names, n);
                }
                case virNWFilterLookupByUUID -> new JnaNWFilter(Errors.ptr(f.invokeLong(new Object[] {p, args[0]}), name));
                case virSecretLookupByUUID -> new JnaSecret(Errors.ptr(f.invokeLong(new Object[] {p, args[0]}), name));
                case virNetworkPortLookupByUUID -> new JnaNetworkPort(Errors.ptr(f.invokeLong(new Object[] {p, args[0]}),
                        name));
                case virConnectGetCPUModelNames -> {
                    long[] models = new long[1];
                    int n = Errors.check(f.invokeInt(new Object[] {p, CStrings.of((String) args[0]), models, args[1]}),
                            name);
                    yield takeArray(models[0], n);
                }
                case virConnectBaselineCPU -> {
                    String[] xml = (String[]) args[0];
                    yield Errors.ownedString(f.invokeLong(new Object[] {p, stringArray(xml), xml.length, args[1]}), name);
                }
                case virConnectBaselineHypervisorCPU -> {
                    String[] xml = (String[]) args[4];
                    yield Errors.ownedString(f.invokeLong(new Object[] {p, CStrings.of((String) args[0]),
                        CStrings.of((String) args[1]), CStrings.of((String) args[2]), CStrings.of((String) args[3]),
                        stringArray(xml), xml.length, args[5]}), name);
                }
                case virNodeGetCPUMap -> {
                    long[] map = new long[1];
                    int[] online = new int[1];
                    int cpus = Errors.check(f.invokeInt(new Object[] {p, map, online, args[0]}), name);
                    byte[] bits;
                    try {
                        bits = map[0] == 0 ? new byte[0] : new Pointer(map[0]).getByteArray(0, (cpus + 7) / 8);
                    } finally {
                        if (map[0] != 0) {
                            Native.free(map[0]);
                        }
                    }
                    yield new Object[] {bits, online[0], cpus};
                }
                case virNodeGetCellsFreeMemory -> {
                    long[] free = new long[(Integer) args[1]];
                    int n = Errors.check(f.invokeInt(new Object[] {p, free, args[0], args[1]}), name);
                    yield Arrays.copyOf(free, n);
                }
                case virNodeGetFreePages -> {
                    int[] pages = (int[]) args[0];
                    long[] counts = new long[(int) (pages.length * Integer.toUnsignedLong((Integer) args[2]))];
                    Errors.check(f.invokeInt(new Object[] {p, pages.length, pages, args[1], args[2], counts, args[3]}),
                            name);
                    yield counts;
                }
                case virNodeAllocPages -> {
                    int[] sizes = (int[]) args[0];
                    yield Errors.check(f.invokeInt(new Object[] {p, sizes.length, sizes, args[1], args[2], args[3],
                        args[4]}), name);
                }
                case virNodeGetCPUStats, virNodeGetMemoryStats -> {
                    int[] n = new int[1];
                    Errors.check(f.invokeInt(new Object[] {p, args[0], null, n, args[1]}), name);
                    if (n[0] <= 0) {
                        yield new Object[] {new String[0], new long[0]};
                    }
                    Memory params = new Memory((long) STATS_SIZE * n[0]);
                    params.clear();
                    Errors.check(f.invokeInt(new Object[] {p, args[0], params, n, args[1]}), name);
                    String[] fields = new String[n[0]];
                    long[] values = new long[n[0]];
                    for (int i = 0; i < n[0]; i++) {
                        fields[i] = CStrings.fromBuffer(params.getByteArray((long) i * STATS_SIZE, STATS_FIELD));
                        values[i] = params.getLong((long) i * STATS_SIZE + STATS_FIELD);
                    }
                    yield new Object[] {fields, values};
                }
                case virNodeGetSecurityModel -> {
                    byte[] model = new byte[MODEL_BUFLEN + DOI_BUFLEN];
                    Errors.check(f.invokeInt(new Object[] {p, model}), name);
                    yield new String[] {CStrings.fromBuffer(Arrays.copyOfRange(model, 0, MODEL_BUFLEN)),
                        CStrings.fromBuffer(Arrays.copyOfRange(model, MODEL_BUFLEN, model.length))};
                }
                case virConnectFindStoragePoolSources -> Errors.ownedString(f.invokeLong(new Object[] {p,
                    CStrings.of((String) args[0]), CStrings.of((String) args[1]), args[2]}), name);
                case virStorageVolGetInfoFlags -> {
                    // struct _virStorageVolInfo: int type; unsigned long long capacity, allocation.
                    Memory info = new Memory(24);
                    info.clear();
                    Errors.check(f.invokeInt(new Object[] {p, info, args[0]}), name);
                    yield new long[] {info.getInt(0), info.getLong(8), info.getLong(16)};
                }
                case virNetworkGetDHCPLeases -> {
                    long[] leases = new long[1];
                    int n = Errors.check(f.invokeInt(new Object[] {p, CStrings.of((String) args[0]), leases, args[1]}),
                            name);
                    yield leases(leases[0], n);
                }
                case virNodeDeviceDettach, virNodeDeviceReAttach, virNodeDeviceReset -> {
                    Errors.check(f.invokeInt(new Object[] {p}), name);
                    yield null;
                }
                case virNodeDeviceDetachFlags -> {
                    Errors.check(f.invokeInt(new Object[] {p, CStrings.of((String) args[0]), args[1]}), name);
                    yield null;
                }
                case virStreamRecvFlags -> {
                    byte[] buffer = (byte[]) args[0];
                    // JNA copies the array to native memory and back around the call
                    int n = f.invokeInt(new Object[] {p, buffer, (long) buffer.length, args[1]});
                    if (n == -1) {
                        throw Errors.last(name); // -2 (would block) and -3 (at a hole) are results
                    }
                    yield n;
                }
                case virStreamSendHole -> {
                    Errors.check(f.invokeInt(new Object[] {p, args[0], args[1]}), name);
                    yield null;
                }
                case virStreamRecvHole -> {
                    long[] length = new long[1];
                    Errors.check(f.invokeInt(new Object[] {p, length, args[0]}), name);
                    yield length[0];
                }
                case virStreamEventAddCallback -> {
                    long key = Events.add(null, args[1], null);
                    if (f.invokeInt(new Object[] {p, args[0], new Pointer(Events.STREAM_FUNCTION), new Pointer(key),
                        new Pointer(Events.freeFunction())}) < 0) {
                        Events.forget(key);
                        throw Errors.last(name);
                    }
                    yield null;
                }
                case virStreamEventUpdateCallback -> {
                    Errors.check(f.invokeInt(new Object[] {p, args[0]}), name);
                    yield null;
                }
                case virStreamEventRemoveCallback -> {
                    Errors.check(f.invokeInt(new Object[] {p}), name);
                    yield null;
                }
                case virStorageVolCreateXMLFrom -> throw new IllegalStateException(name);
            };
        });
    }

    /** The strings libvirt wrote into {@code names} (each one the caller's to free). */
    private static String[] takeStrings(Memory names, int n) {
        if (names == null) {
            return new String[0];
        }
        // libvirt fills at most the array's size; never read past it
        int count = (int) Math.min(n, names.size() / 8);
        String[] out = new String[count];
        for (int i = 0; i < count; i++) {
            out[i] = CStrings.take(names.getLong(8L * i));
        }
        return out;
    }

    /** An array of strings libvirt allocated, freed with its elements. */
    private static String[] takeArray(long array, int n) {
        if (array == 0) {
            return new String[0];
        }
        try {
            long[] elements = new Pointer(array).getLongArray(0, n);
            String[] out = new String[n];
            for (int i = 0; i < n; i++) {
                out[i] = CStrings.take(elements[i]);
            }
            return out;
        } finally {
            Native.free(array);
        }
    }

    /** A {@code const char **} of UTF-8 copies; {@code NULL} for none, as libvirt's remote server passes it. */
    private static Memory stringArray(String[] strings) {
        if (strings.length == 0) {
            return null;
        }
        Memory array = new Memory(8L * strings.length);
        for (int i = 0; i < strings.length; i++) {
            byte[] c = CStrings.of(strings[i]);
            Memory m = new Memory(c.length);
            m.write(0, c, 0, c.length);
            array.setPointer(8L * i, m);
        }
        return array;
    }

    /**
     * Copies and frees the {@code virNetworkDHCPLeasePtr} array: {@code char *iface; long long
     * expirytime; int type; char *mac, *iaid, *ipaddr; unsigned int prefix; char *hostname, *clientid}.
     */
    private static List<NetworkDHCPLease> leases(long array, int n) {
        if (array == 0) {
            return List.of();
        }
        Function free = Natives.library().getFunction("virNetworkDHCPLeaseFree");
        long[] elements = new Pointer(array).getLongArray(0, n);
        try {
            List<NetworkDHCPLease> out = new ArrayList<>(n);
            for (long e : elements) {
                Pointer l = new Pointer(e);
                out.add(new NetworkDHCPLease(CStrings.read(l.getLong(0)), l.getLong(8), l.getInt(16),
                        CStrings.read(l.getLong(24)), CStrings.read(l.getLong(32)), CStrings.read(l.getLong(40)),
                        l.getInt(48), CStrings.read(l.getLong(56)), CStrings.read(l.getLong(64))));
            }
            return List.copyOf(out);
        } finally {
            // every element and the array, whatever happened while copying
            for (long e : elements) {
                free.invokeVoid(new Object[] {new Pointer(e)});
            }
            Native.free(array);
        }
    }

    private static Function function(ManualFn fn) {
        Function f = FUNCTIONS.get(fn.ordinal());
        if (f == null) {
            try {
                f = Natives.library().getFunction(fn.name());
            } catch (UnsatisfiedLinkError e) {
                throw Errors.noSupport(fn.name(), e);
            }
            FUNCTIONS.set(fn.ordinal(), f);
        }
        return f;
    }
}

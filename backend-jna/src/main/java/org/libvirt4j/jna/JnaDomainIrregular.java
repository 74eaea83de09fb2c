package org.libvirt4j.jna;

import org.libvirt4j.FileDescriptors;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.List;
import org.libvirt4j.Connect;
import org.libvirt4j.DomainDiskError;
import org.libvirt4j.DomainFSInfo;
import org.libvirt4j.DomainIPAddress;
import org.libvirt4j.DomainInterface;
import org.libvirt4j.SecurityLabel;
import org.libvirt4j.jna.internal.CStrings;
import org.libvirt4j.jna.internal.Errors;
import org.libvirt4j.spi.DomainIrregularContract;
import org.libvirt4j.spi.NativeHandle;

/**
 * The raw operations of {@link DomainIrregularContract} through JNA: C's structs are laid out
 * by hand in {@link Memory} (x86-64 / aarch64 LP64 layouts, as {@code lv_api.h} declares them).
 */
interface JnaDomainIrregular extends DomainIrregularContract {

    /** {@return the domain's guarded pointer} */
    NativeHandle handle();

    @Override
    default long[] rawStruct(StructCall call, String disk, int flags) {
        NativeHandle h = handle();
        String fn = call.function();
        return h.call(fn, d -> {
            Pointer dom = new Pointer(d);
            long[] v = new long[call.size];
            switch (call) {
                case BLOCK_INFO -> {
                    // struct _virDomainBlockInfo: three unsigned long long
                    try (Memory m = new Memory(24)) {
                        NativeFunctions.check(fn, dom, CStrings.of(disk), m, flags);
                        for (int i = 0; i < 3; i++) {
                            v[i] = m.getLong(8L * i);
                        }
                    }
                }
                case JOB_INFO -> {
                    // struct _virDomainJobInfo: int type (padded to 8), eleven unsigned long long
                    try (Memory m = new Memory(96)) {
                        NativeFunctions.check(fn, dom, m);
                        v[0] = m.getInt(0);
                        for (int i = 1; i < 12; i++) {
                            v[i] = m.getLong(8L * i);
                        }
                    }
                }
                case CONTROL_INFO -> {
                    // struct _virDomainControlInfo: unsigned int state, details; unsigned long long stateTime
                    try (Memory m = new Memory(16)) {
                        NativeFunctions.check(fn, dom, m, flags);
                        v[0] = Integer.toUnsignedLong(m.getInt(0));
                        v[1] = Integer.toUnsignedLong(m.getInt(4));
                        v[2] = m.getLong(8);
                    }
                }
                case BLOCK_JOB_INFO -> {
                    // struct _virDomainBlockJobInfo: int type (padded), unsigned long bandwidth, cur, end
                    try (Memory m = new Memory(32)) {
                        m.clear();
                        int found = NativeFunctions.check(fn, dom, CStrings.of(disk), m, flags);
                        if (found != 0) {
                            v[0] = 1;
                            v[1] = m.getInt(0);
                            v[2] = m.getLong(8);
                            v[3] = m.getLong(16);
                            v[4] = m.getLong(24);
                        }
                    }
                }
                case TIME -> {
                    long[] secs = new long[1];
                    int[] nsecs = new int[1];
                    NativeFunctions.check(fn, dom, secs, nsecs, flags);
                    v[0] = secs[0];
                    v[1] = Integer.toUnsignedLong(nsecs[0]);
                }
            }
            return v;
        });
    }

    @Override
    default String rawSchedulerType() {
        String fn = "virDomainGetSchedulerType";
        return handle().call(fn, d -> {
            int[] nparams = new int[1];
            return Errors.ownedString(NativeFunctions.get(fn).invokeLong(new Object[] {new Pointer(d), nparams}), fn);
        });
    }

    @Override
    default void rawRename(String name, int flags) {
        String fn = "virDomainRename";
        handle().run(fn, d -> NativeFunctions.check(fn, new Pointer(d), CStrings.of(name), flags));
    }

    @Override
    default void rawSendKey(int codeset, int holdtime, int[] keycodes, int flags) {
        String fn = "virDomainSendKey";
        handle().run(fn, d -> {
            // a NULL array when empty, as C callers pass: libvirt refuses the zero count
            NativeFunctions.check(fn, new Pointer(d), codeset, holdtime, keycodes.length == 0 ? null : keycodes,
                    keycodes.length, flags);
        });
    }

    @Override
    default void rawPin(PinCall call, int index, byte[] cpumap, int flags) {
        handle().run(call.function, d -> {
            Pointer dom = new Pointer(d);
            byte[] map = cpumap.length == 0 ? null : cpumap;
            switch (call) {
                case VCPU -> NativeFunctions.check(call.function, dom, index, map, cpumap.length);
                case VCPU_FLAGS, IOTHREAD -> NativeFunctions.check(call.function, dom, index, map, cpumap.length, flags);
                case EMULATOR -> NativeFunctions.check(call.function, dom, map, cpumap.length, flags);
            }
        });
    }

    @Override
    default int rawHostCpus() {
        return handle().call("virNodeGetInfo", d -> {
            // virDomainGetConnect returns the domain's connection without a new reference
            long conn = Errors.ptr(NativeFunctions.get("virDomainGetConnect").invokeLong(new Object[] {new Pointer(d)}),
                    "virDomainGetConnect");
            // struct _virNodeInfo: char model[32]; unsigned long memory; unsigned int cpus, mhz, nodes,
            // sockets, cores, threads
            try (Memory m = new Memory(64)) {
                NativeFunctions.check("virNodeGetInfo", new Pointer(conn), m);
                return m.getInt(48) * m.getInt(52) * m.getInt(56) * m.getInt(60);
            }
        });
    }

    @Override
    default int rawVcpus(int maxinfo, long[] info, byte[] cpumaps) {
        String fn = "virDomainGetVcpus";
        return handle().call(fn, d -> {
            // struct _virVcpuInfo: unsigned int number; int state; unsigned long long cpuTime; int cpu (24 bytes)
            try (Memory m = new Memory(24L * Math.max(1, maxinfo))) {
                int maplen = maxinfo == 0 ? 0 : cpumaps.length / maxinfo;
                int n = NativeFunctions.check(fn, new Pointer(d), m, maxinfo, cpumaps.length == 0 ? null : cpumaps, maplen);
                n = Math.min(n, maxinfo);
                for (int i = 0; i < n; i++) {
                    long o = 24L * i;
                    info[4 * i] = Integer.toUnsignedLong(m.getInt(o));
                    info[4 * i + 1] = m.getInt(o + 4);
                    info[4 * i + 2] = m.getLong(o + 8);
                    info[4 * i + 3] = m.getInt(o + 16);
                }
                return n;
            }
        });
    }

    @Override
    default int rawVcpuPinInfo(int ncpumaps, byte[] cpumaps, int flags) {
        String fn = "virDomainGetVcpuPinInfo";
        return handle().call(fn, d -> {
            int maplen = ncpumaps == 0 ? 0 : cpumaps.length / ncpumaps;
            int n = NativeFunctions.check(fn, new Pointer(d), ncpumaps, cpumaps.length == 0 ? null : cpumaps, maplen,
                    flags);
            return Math.min(n, ncpumaps);
        });
    }

    @Override
    default void rawEmulatorPinInfo(byte[] cpumap, int flags) {
        String fn = "virDomainGetEmulatorPinInfo";
        handle().run(fn, d -> {
            NativeFunctions.check(fn, new Pointer(d), cpumap.length == 0 ? null : cpumap, cpumap.length, flags);
        });
    }

    @Override
    default RawIOThreads rawIOThreadInfo(int flags) {
        String fn = "virDomainGetIOThreadInfo";
        return handle().call(fn, d -> {
            long[] list = new long[1];
            int n = NativeFunctions.check(fn, new Pointer(d), list, flags);
            int[] ids = new int[n];
            byte[][] maps = new byte[n][];
            if (list[0] == 0) {
                return new RawIOThreads(new int[0], new byte[0][]);
            }
            Pointer array = new Pointer(list[0]);
            try {
                // struct _virDomainIOThreadInfo: unsigned int iothread_id; unsigned char *cpumap; int cpumaplen
                for (int i = 0; i < n; i++) {
                    Pointer t = array.getPointer(8L * i);
                    ids[i] = t.getInt(0);
                    int len = t.getInt(16);
                    Pointer map = t.getPointer(8);
                    maps[i] = map == null || len <= 0 ? new byte[0] : map.getByteArray(0, len);
                }
            } finally {
                for (int i = 0; i < n; i++) {
                    long t = array.getLong(8L * i);
                    NativeFunctions.get("virDomainIOThreadInfoFree").invokeVoid(new Object[] {new Pointer(t)});
                }
                Native.free(list[0]);
            }
            return new RawIOThreads(ids, maps);
        });
    }

    @Override
    default int rawDiskErrorCount() {
        String fn = "virDomainGetDiskErrors";
        return handle().call(fn, d -> NativeFunctions.check(fn, new Pointer(d), null, 0, 0));
    }

    @Override
    default List<DomainDiskError> rawDiskErrors(int maxerrors, int flags) {
        String fn = "virDomainGetDiskErrors";
        return handle().call(fn, d -> {
            // struct _virDomainDiskError: char *disk; int error (16 bytes)
            try (Memory m = new Memory(16L * Math.max(1, maxerrors))) {
                m.clear();
                int n = Math.min(NativeFunctions.check(fn, new Pointer(d), m, maxerrors, flags), maxerrors);
                List<DomainDiskError> out = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    out.add(new DomainDiskError(CStrings.take(m.getLong(16L * i)), m.getInt(16L * i + 8)));
                }
                return out;
            }
        });
    }

    @Override
    default List<DomainFSInfo> rawFSInfo(int flags) {
        String fn = "virDomainGetFSInfo";
        return handle().call(fn, d -> {
            long[] list = new long[1];
            int n = NativeFunctions.check(fn, new Pointer(d), list, flags);
            List<DomainFSInfo> out = new ArrayList<>(n);
            if (list[0] == 0) {
                return out;
            }
            Pointer array = new Pointer(list[0]);
            try {
                // struct _virDomainFSInfo: char *mountpoint, *name, *fstype; size_t ndevAlias; char **devAlias
                for (int i = 0; i < n; i++) {
                    Pointer f = array.getPointer(8L * i);
                    int na = (int) f.getLong(24);
                    long aliases = f.getLong(32);
                    List<String> devAlias = new ArrayList<>(na);
                    for (int k = 0; k < na && aliases != 0; k++) {
                        devAlias.add(CStrings.read(new Pointer(aliases).getLong(8L * k)));
                    }
                    out.add(new DomainFSInfo(CStrings.read(f.getLong(0)), CStrings.read(f.getLong(8)),
                            CStrings.read(f.getLong(16)), devAlias));
                }
            } finally {
                for (int i = 0; i < n; i++) {
                    NativeFunctions.get("virDomainFSInfoFree").invokeVoid(new Object[] {array.getPointer(8L * i)});
                }
                Native.free(list[0]);
            }
            return out;
        });
    }

    @Override
    default int rawFSFreezeThaw(boolean freeze, String[] mountPoints, int flags) {
        String fn = freeze ? "virDomainFSFreeze" : "virDomainFSThaw";
        return handle().call(fn, d -> {
            try (Memory m = NativeArrays.strings(mountPoints)) {
                return NativeFunctions.check(fn, new Pointer(d), m, mountPoints.length, flags);
            }
        });
    }

    @Override
    default List<DomainInterface> rawInterfaceAddresses(int source, int flags) {
        String fn = "virDomainInterfaceAddresses";
        return handle().call(fn, d -> {
            long[] list = new long[1];
            int n = NativeFunctions.check(fn, new Pointer(d), list, source, flags);
            List<DomainInterface> out = new ArrayList<>(n);
            if (list[0] == 0) {
                return out;
            }
            Pointer array = new Pointer(list[0]);
            try {
                // struct _virDomainInterface: char *name, *hwaddr; unsigned int naddrs; virDomainIPAddressPtr addrs
                // struct _virDomainIPAddress: int type; char *addr; unsigned int prefix (24 bytes)
                for (int i = 0; i < n; i++) {
                    Pointer f = array.getPointer(8L * i);
                    int na = f.getInt(16);
                    long addrs = f.getLong(24);
                    List<DomainIPAddress> a = new ArrayList<>(na);
                    for (int k = 0; k < na && addrs != 0; k++) {
                        Pointer ip = new Pointer(addrs + 24L * k);
                        a.add(new DomainIPAddress(ip.getInt(0), CStrings.read(ip.getLong(8)), ip.getInt(16)));
                    }
                    out.add(new DomainInterface(CStrings.read(f.getLong(0)), CStrings.read(f.getLong(8)), a));
                }
            } finally {
                for (int i = 0; i < n; i++) {
                    NativeFunctions.get("virDomainInterfaceFree").invokeVoid(new Object[] {array.getPointer(8L * i)});
                }
                Native.free(list[0]);
            }
            return out;
        });
    }

    /** sizeof(virSecurityLabel): char label[VIR_SECURITY_LABEL_BUFLEN = 4097], padded; int enforcing. */
    int SECURITY_LABEL_SIZE = 4104;
    /** offsetof(virSecurityLabel, enforcing). */
    int SECURITY_LABEL_ENFORCING = 4100;

    private static SecurityLabel label(Pointer p) {
        byte[] raw = p.getByteArray(0, 4097);
        return new SecurityLabel(CStrings.fromBuffer(raw), p.getInt(SECURITY_LABEL_ENFORCING) != 0);
    }

    @Override
    default SecurityLabel rawSecurityLabel() {
        String fn = "virDomainGetSecurityLabel";
        return handle().call(fn, d -> {
            try (Memory m = new Memory(SECURITY_LABEL_SIZE)) {
                m.clear();
                NativeFunctions.check(fn, new Pointer(d), m);
                return label(m);
            }
        });
    }

    @Override
    default List<SecurityLabel> rawSecurityLabelList() {
        String fn = "virDomainGetSecurityLabelList";
        return handle().call(fn, d -> {
            long[] list = new long[1];
            int n = NativeFunctions.check(fn, new Pointer(d), list);
            List<SecurityLabel> out = new ArrayList<>(n);
            if (list[0] == 0) {
                return out;
            }
            try {
                for (int i = 0; i < n; i++) {
                    out.add(label(new Pointer(list[0] + (long) SECURITY_LABEL_SIZE * i)));
                }
            } finally {
                Native.free(list[0]);
            }
            return out;
        });
    }

    @Override
    default String[] rawMessages(int flags) {
        String fn = "virDomainGetMessages";
        return handle().call(fn, d -> {
            long[] list = new long[1];
            int n = NativeFunctions.check(fn, new Pointer(d), list, flags);
            return NativeArrays.takeStrings(list[0], n, true);
        });
    }

    @Override
    default String[] rawAuthorizedSSHKeysGet(String user, int flags) {
        String fn = "virDomainAuthorizedSSHKeysGet";
        return handle().call(fn, d -> {
            long[] list = new long[1];
            int n = NativeFunctions.check(fn, new Pointer(d), CStrings.of(user), list, flags);
            return NativeArrays.takeStrings(list[0], n, true);
        });
    }

    @Override
    default void rawAuthorizedSSHKeysSet(String user, String[] keys, int flags) {
        String fn = "virDomainAuthorizedSSHKeysSet";
        handle().run(fn, d -> {
            try (Memory m = NativeArrays.strings(keys)) {
                NativeFunctions.check(fn, new Pointer(d), CStrings.of(user), m, keys.length, flags);
            }
        });
    }

    @Override
    default byte[] rawBlockPeek(String disk, long offset, int size, int flags) {
        String fn = "virDomainBlockPeek";
        return handle().call(fn, d -> {
            byte[] buf = new byte[size];
            NativeFunctions.check(fn, new Pointer(d), CStrings.of(disk), offset, (long) size,
                    size == 0 ? null : buf, flags);
            return buf;
        });
    }

    @Override
    default byte[] rawMemoryPeek(long start, int size, int flags) {
        String fn = "virDomainMemoryPeek";
        return handle().call(fn, d -> {
            byte[] buf = new byte[size];
            NativeFunctions.check(fn, new Pointer(d), start, (long) size, size == 0 ? null : buf, flags);
            return buf;
        });
    }

    @Override
    default String[] rawSnapshotListNames(int maxnames, int flags) {
        String fn = "virDomainSnapshotListNames";
        return handle().call(fn, d -> {
            try (Memory names = new Memory(8L * Math.max(1, maxnames))) {
                names.clear();
                int n = Math.min(NativeFunctions.check(fn, new Pointer(d), names, maxnames, flags), maxnames);
                return NativeArrays.takeStrings(Pointer.nativeValue(names), n, false);
            }
        });
    }

    @Override
    default Connect rawConnect() {
        String fn = "virDomainGetConnect";
        return handle().call(fn, d -> {
            // the domain's connection without a reference: take one for the new handle
            long c = Errors.ptr(NativeFunctions.get(fn).invokeLong(new Object[] {new Pointer(d)}), fn);
            NativeFunctions.check("virConnectRef", new Pointer(c));
            return new JnaConnect(c);
        });
    }

    @Override
    default List<org.libvirt4j.spi.TypedParameter> rawGuestVcpus(int flags) {
        String fn = "virDomainGetGuestVcpus";
        return handle().call(fn, d -> {
            long[] params = new long[1];
            int[] n = new int[1];
            NativeFunctions.check(fn, new Pointer(d), params, n, flags);
            if (params[0] == 0) {
                return List.of();
            }
            try {
                return org.libvirt4j.jna.internal.TypedParams.read(new Pointer(params[0]), n[0]);
            } finally {
                NativeFunctions.get("virTypedParamsFree").invokeVoid(new Object[] {new Pointer(params[0]), n[0]});
            }
        });
    }

    /** sizeof(virTypedParameter): char field[80]; int type (padded to 8); an 8-byte union. */
    int TYPED_PARAM_SIZE = 96;

    @Override
    default int rawCPUStatsCount(int startCpu, int ncpus) {
        String fn = "virDomainGetCPUStats";
        return handle().call(fn, d -> NativeFunctions.check(fn, new Pointer(d), null, 0, startCpu, ncpus, 0));
    }

    @Override
    default List<List<org.libvirt4j.spi.TypedParameter>> rawCPUStats(int nparams, int startCpu, int ncpus, int flags) {
        String fn = "virDomainGetCPUStats";
        int lists = startCpu == -1 ? 1 : ncpus;
        long total = (long) nparams * lists;
        if (nparams < 0 || ncpus < 0 || total > Integer.MAX_VALUE / TYPED_PARAM_SIZE) {
            throw new IllegalArgumentException("nparams * ncpus too large: " + nparams + " * " + ncpus);
        }
        return handle().call(fn, d -> {
            try (Memory m = new Memory(TYPED_PARAM_SIZE * Math.max(1, total))) {
                m.clear();
                int n = NativeFunctions.check(fn, new Pointer(d), total == 0 ? null : m, nparams, startCpu, ncpus, flags);
                try {
                    List<List<org.libvirt4j.spi.TypedParameter>> out = new ArrayList<>(lists);
                    for (int i = 0; i < lists; i++) {
                        out.add(org.libvirt4j.jna.internal.TypedParams.read(m.share((long) TYPED_PARAM_SIZE * nparams * i),
                                Math.min(n, nparams)));
                    }
                    return out;
                } finally {
                    NativeFunctions.get("virTypedParamsClear").invokeVoid(new Object[] {m, (int) total});
                }
            }
        });
    }

    @Override
    default void rawBlockCopy(String disk, String destXml, List<org.libvirt4j.spi.TypedParameter> params, int flags) {
        String fn = "virDomainBlockCopy";
        NativeHandle h = handle();
        long d = h.acquire(fn);
        try (org.libvirt4j.jna.internal.TypedParams.Packed p = org.libvirt4j.jna.internal.TypedParams.pack(params)) {
            NativeFunctions.check(fn, new Pointer(d), CStrings.of(disk), CStrings.of(destXml), new Pointer(p.address()),
                    p.count(), flags);
        } finally {
            h.release();
        }
    }

    @Override
    default void rawOpenStream(StreamCall call, String name, org.libvirt4j.Stream stream, int flags) {
        String fn = call.function;
        NativeHandle sh = JnaHandle.of(stream, JnaStream.class, org.libvirt4j.spi.ObjectKind.STREAM, fn);
        handle().run(fn, d -> {
            long s = sh.acquire(fn);
            try {
                NativeFunctions.check(fn, new Pointer(d), CStrings.of(name), new Pointer(s), flags);
            } finally {
                sh.release();
            }
        });
    }

    @Override
    default List<org.libvirt4j.spi.TypedParameter> rawGuestInfo(int types, int flags) {
        String fn = "virDomainGetGuestInfo";
        return handle().call(fn, d -> {
            long[] params = new long[1];
            int[] n = new int[1];
            NativeFunctions.check(fn, new Pointer(d), types, params, n, flags);
            if (params[0] == 0) {
                return List.of();
            }
            try {
                return org.libvirt4j.jna.internal.TypedParams.read(new Pointer(params[0]), n[0]);
            } finally {
                NativeFunctions.get("virTypedParamsFree").invokeVoid(new Object[] {new Pointer(params[0]), n[0]});
            }
        });
    }

    @Override
    default void rawCreateWithFiles(int[] files, int flags) {
        String fn = "virDomainCreateWithFiles";
        handle().run(fn, d -> NativeFunctions.check(fn, new Pointer(d), files.length, QemuNatives.ints(files), flags));
    }

    @Override
    default void rawFdAssociate(String name, int[] files, int flags) {
        String fn = "virDomainFDAssociate";
        handle().run(fn, d -> {
            NativeFunctions.check(fn, new Pointer(d), CStrings.of(name), files.length, QemuNatives.ints(files), flags);
        });
    }

    @Override
    default void rawOpenGraphics(int idx, int fd, int flags) {
        String fn = "virDomainOpenGraphics";
        handle().run(fn, d -> NativeFunctions.check(fn, new Pointer(d), idx, fd, flags));
    }

    @Override
    default FileDescriptors rawOpenGraphicsFD(int idx, int flags) {
        String fn = "virDomainOpenGraphicsFD";
        return handle().call(fn, d -> {
            int fd = NativeFunctions.check(fn, new Pointer(d), idx, flags);
            return FileDescriptors.of(new int[] {fd}, QemuNatives::close);
        });
    }
}

package org.libvirt4j.jna;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
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
        long d = h.acquire(fn);
        try {
            Pointer dom = new Pointer(d);
            long[] v = new long[call.size];
            switch (call) {
                case BLOCK_INFO -> {
                    // struct _virDomainBlockInfo: three unsigned long long
                    Memory m = new Memory(24);
                    NativeFunctions.check(fn, dom, CStrings.of(disk), m, flags);
                    for (int i = 0; i < 3; i++) {
                        v[i] = m.getLong(8L * i);
                    }
                }
                case JOB_INFO -> {
                    // struct _virDomainJobInfo: int type (padded to 8), eleven unsigned long long
                    Memory m = new Memory(96);
                    NativeFunctions.check(fn, dom, m);
                    v[0] = m.getInt(0);
                    for (int i = 1; i < 12; i++) {
                        v[i] = m.getLong(8L * i);
                    }
                }
                case CONTROL_INFO -> {
                    // struct _virDomainControlInfo: unsigned int state, details; unsigned long long stateTime
                    Memory m = new Memory(16);
                    NativeFunctions.check(fn, dom, m, flags);
                    v[0] = Integer.toUnsignedLong(m.getInt(0));
                    v[1] = Integer.toUnsignedLong(m.getInt(4));
                    v[2] = m.getLong(8);
                }
                case BLOCK_JOB_INFO -> {
                    // struct _virDomainBlockJobInfo: int type (padded), unsigned long bandwidth, cur, end
                    Memory m = new Memory(32);
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
                case TIME -> {
                    long[] secs = new long[1];
                    int[] nsecs = new int[1];
                    NativeFunctions.check(fn, dom, secs, nsecs, flags);
                    v[0] = secs[0];
                    v[1] = Integer.toUnsignedLong(nsecs[0]);
                }
            }
            return v;
        } finally {
            h.release();
        }
    }

    @Override
    default String rawSchedulerType() {
        String fn = "virDomainGetSchedulerType";
        NativeHandle h = handle();
        long d = h.acquire(fn);
        try {
            int[] nparams = new int[1];
            return Errors.ownedString(NativeFunctions.get(fn).invokeLong(new Object[] {new Pointer(d), nparams}), fn);
        } finally {
            h.release();
        }
    }

    @Override
    default void rawRename(String name, int flags) {
        String fn = "virDomainRename";
        NativeHandle h = handle();
        long d = h.acquire(fn);
        try {
            NativeFunctions.check(fn, new Pointer(d), CStrings.of(name), flags);
        } finally {
            h.release();
        }
    }

    @Override
    default void rawSendKey(int codeset, int holdtime, int[] keycodes, int flags) {
        String fn = "virDomainSendKey";
        NativeHandle h = handle();
        long d = h.acquire(fn);
        try {
            // a NULL array when empty, as C callers pass: libvirt refuses the zero count
            NativeFunctions.check(fn, new Pointer(d), codeset, holdtime, keycodes.length == 0 ? null : keycodes,
                    keycodes.length, flags);
        } finally {
            h.release();
        }
    }

    @Override
    default void rawPin(PinCall call, int index, byte[] cpumap, int flags) {
        NativeHandle h = handle();
        long d = h.acquire(call.function);
        try {
            Pointer dom = new Pointer(d);
            byte[] map = cpumap.length == 0 ? null : cpumap;
            switch (call) {
                case VCPU -> NativeFunctions.check(call.function, dom, index, map, cpumap.length);
                case VCPU_FLAGS, IOTHREAD -> NativeFunctions.check(call.function, dom, index, map, cpumap.length, flags);
                case EMULATOR -> NativeFunctions.check(call.function, dom, map, cpumap.length, flags);
            }
        } finally {
            h.release();
        }
    }

    @Override
    default int rawHostCpus() {
        NativeHandle h = handle();
        long d = h.acquire("virNodeGetInfo");
        try {
            // virDomainGetConnect returns the domain's connection without a new reference
            long conn = Errors.ptr(NativeFunctions.get("virDomainGetConnect").invokeLong(new Object[] {new Pointer(d)}),
                    "virDomainGetConnect");
            // struct _virNodeInfo: char model[32]; unsigned long memory; unsigned int cpus, mhz, nodes,
            // sockets, cores, threads
            Memory m = new Memory(64);
            NativeFunctions.check("virNodeGetInfo", new Pointer(conn), m);
            return m.getInt(48) * m.getInt(52) * m.getInt(56) * m.getInt(60);
        } finally {
            h.release();
        }
    }

    @Override
    default int rawVcpus(int maxinfo, long[] info, byte[] cpumaps) {
        String fn = "virDomainGetVcpus";
        NativeHandle h = handle();
        long d = h.acquire(fn);
        try {
            // struct _virVcpuInfo: unsigned int number; int state; unsigned long long cpuTime; int cpu (24 bytes)
            Memory m = new Memory(24L * Math.max(1, maxinfo));
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
        } finally {
            h.release();
        }
    }

    @Override
    default int rawVcpuPinInfo(int ncpumaps, byte[] cpumaps, int flags) {
        String fn = "virDomainGetVcpuPinInfo";
        NativeHandle h = handle();
        long d = h.acquire(fn);
        try {
            int maplen = ncpumaps == 0 ? 0 : cpumaps.length / ncpumaps;
            int n = NativeFunctions.check(fn, new Pointer(d), ncpumaps, cpumaps.length == 0 ? null : cpumaps, maplen,
                    flags);
            return Math.min(n, ncpumaps);
        } finally {
            h.release();
        }
    }

    @Override
    default void rawEmulatorPinInfo(byte[] cpumap, int flags) {
        String fn = "virDomainGetEmulatorPinInfo";
        NativeHandle h = handle();
        long d = h.acquire(fn);
        try {
            NativeFunctions.check(fn, new Pointer(d), cpumap.length == 0 ? null : cpumap, cpumap.length, flags);
        } finally {
            h.release();
        }
    }

    @Override
    default RawIOThreads rawIOThreadInfo(int flags) {
        String fn = "virDomainGetIOThreadInfo";
        NativeHandle h = handle();
        long d = h.acquire(fn);
        try {
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
        } finally {
            h.release();
        }
    }
}

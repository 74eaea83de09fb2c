package org.libvirt4j.jni;

import org.libvirt4j.spi.DomainIrregularContract;
import org.libvirt4j.spi.NativeHandle;

/** The raw operations of {@link DomainIrregularContract} over {@code lv_irregular.c}. */
interface JniDomainIrregular extends DomainIrregularContract {

    /** {@return the domain's guarded pointer} */
    NativeHandle guard();

    @Override
    default long[] rawStruct(StructCall call, String disk, int flags) {
        NativeHandle h = guard();
        long d = h.acquire(call.function());
        try {
            long[] v = new long[call.size];
            JniIrregularNatives.structCall(call.ordinal(), d, disk, flags, v);
            return v;
        } finally {
            h.release();
        }
    }

    @Override
    default String rawSchedulerType() {
        NativeHandle h = guard();
        long d = h.acquire("virDomainGetSchedulerType");
        try {
            return JniIrregularNatives.schedulerType(d);
        } finally {
            h.release();
        }
    }

    @Override
    default void rawRename(String name, int flags) {
        NativeHandle h = guard();
        long d = h.acquire("virDomainRename");
        try {
            LibvirtNatives.virDomainRename(d, name, flags);
        } finally {
            h.release();
        }
    }

    @Override
    default void rawSendKey(int codeset, int holdtime, int[] keycodes, int flags) {
        NativeHandle h = guard();
        long d = h.acquire("virDomainSendKey");
        try {
            JniIrregularNatives.sendKey(d, codeset, holdtime, keycodes, flags);
        } finally {
            h.release();
        }
    }

    @Override
    default void rawPin(PinCall call, int index, byte[] cpumap, int flags) {
        NativeHandle h = guard();
        long d = h.acquire(call.function);
        try {
            JniIrregularNatives.pin(call.ordinal(), d, index, cpumap, flags);
        } finally {
            h.release();
        }
    }

    @Override
    default int rawHostCpus() {
        NativeHandle h = guard();
        long d = h.acquire("virNodeGetInfo");
        try {
            return JniIrregularNatives.hostCpus(d);
        } finally {
            h.release();
        }
    }

    @Override
    default int rawVcpus(int maxinfo, long[] info, byte[] cpumaps) {
        NativeHandle h = guard();
        long d = h.acquire("virDomainGetVcpus");
        try {
            return JniIrregularNatives.vcpus(d, maxinfo, info, cpumaps);
        } finally {
            h.release();
        }
    }

    @Override
    default int rawVcpuPinInfo(int ncpumaps, byte[] cpumaps, int flags) {
        NativeHandle h = guard();
        long d = h.acquire("virDomainGetVcpuPinInfo");
        try {
            return JniIrregularNatives.vcpuPinInfo(d, ncpumaps, cpumaps, flags);
        } finally {
            h.release();
        }
    }

    @Override
    default void rawEmulatorPinInfo(byte[] cpumap, int flags) {
        NativeHandle h = guard();
        long d = h.acquire("virDomainGetEmulatorPinInfo");
        try {
            JniIrregularNatives.emulatorPinInfo(d, cpumap, flags);
        } finally {
            h.release();
        }
    }

    @Override
    default RawIOThreads rawIOThreadInfo(int flags) {
        NativeHandle h = guard();
        long d = h.acquire("virDomainGetIOThreadInfo");
        try {
            Object[] r = JniIrregularNatives.iothreadInfo(d, flags);
            return new RawIOThreads((int[]) r[0], (byte[][]) r[1]);
        } finally {
            h.release();
        }
    }
}

package org.libvirt4j.jni;

/** The natives of {@code lv_irregular.c}: the raw domain calls of irregular shape. */
final class JniIrregularNatives {
    private JniIrregularNatives() {
    }

    /** {@code which}: the ordinal of {@code DomainIrregularContract.StructCall}. */
    static native void structCall(int which, long dom, String disk, int flags, long[] out);

    static native String schedulerType(long dom);

    static native void sendKey(long dom, int codeset, int holdtime, int[] keycodes, int flags);

    /** {@code which}: the ordinal of {@code DomainIrregularContract.PinCall}. */
    static native void pin(int which, long dom, int index, byte[] cpumap, int flags);

    static native int hostCpus(long dom);

    static native int vcpus(long dom, int maxinfo, long[] info, byte[] cpumaps);

    static native int vcpuPinInfo(long dom, int ncpumaps, byte[] cpumaps, int flags);

    static native void emulatorPinInfo(long dom, byte[] cpumap, int flags);

    /** {@return {@code { int[] ids, byte[][] cpumaps }}} */
    static native Object[] iothreadInfo(long dom, int flags);
}

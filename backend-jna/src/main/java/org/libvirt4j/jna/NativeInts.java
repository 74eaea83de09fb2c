package org.libvirt4j.jna;

import java.nio.ByteOrder;

/** Reads small C fields packed into the 8-byte slots of a {@code long[]} out buffer. */
final class NativeInts {
    private static final boolean BIG_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN;

    private NativeInts() {
    }

    /**
     * @param slot an 8-byte slot
     * @return the C {@code int} at its start
     */
    static int firstInt(long slot) {
        return (int) (BIG_ENDIAN ? slot >>> 32 : slot);
    }
}

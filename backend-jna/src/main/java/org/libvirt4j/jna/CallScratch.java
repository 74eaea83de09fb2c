package org.libvirt4j.jna;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A thread's small native buffer for the out-structs of hot direct-mapped calls. JNA's direct
 * mapping passes a Java array by copying it into memory it mallocs and, after the call, copying
 * it back and freeing it (two JNI calls and a malloc/free pair per array); a pointer into this
 * buffer crosses as a plain {@code long}, and the fields are read back in Java.
 *
 * <p>Used by one call at a time: {@link #take()} marks it taken and {@link #give()} frees it for
 * the next call. A call made on the same thread while it is taken (a libvirt callback calling back
 * into libvirt) gets a buffer of its own.
 */
final class CallScratch {
    /** Bytes per thread: room for any struct read through here ({@code virDomainInfo}: 40). */
    static final int SIZE = 64;
    private static final ThreadLocal<CallScratch> MINE = ThreadLocal.withInitial(CallScratch::new);

    private final ByteBuffer buffer;
    private final long address;
    private boolean taken;

    private CallScratch() {
        buffer = ByteBuffer.allocateDirect(SIZE).order(ByteOrder.nativeOrder());
        address = Pointer.nativeValue(Native.getDirectBufferPointer(buffer));
    }

    /** @return this thread's scratch, or a fresh one when a call on this thread holds it */
    static CallScratch take() {
        CallScratch s = MINE.get();
        if (s.taken) {
            s = new CallScratch();
        }
        s.taken = true;
        return s;
    }

    /** Ends the call that took this scratch. */
    void give() {
        taken = false;
    }

    /** @return the buffer's address, for an out-struct of at most {@link #SIZE} bytes */
    long address() {
        return address;
    }

    /** @return the buffer, in native byte order, to read what libvirt wrote */
    ByteBuffer buffer() {
        return buffer;
    }
}

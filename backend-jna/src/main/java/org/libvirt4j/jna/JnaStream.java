package org.libvirt4j.jna;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;
import org.libvirt4j.Stream;
import org.libvirt4j.jna.internal.Errors;
import org.libvirt4j.jna.internal.Virt;
import org.libvirt4j.spi.DirectScratch;
import org.libvirt4j.spi.NativeHandle;
import org.libvirt4j.spi.ObjectKind;

/**
 * {@link Stream} over a {@code virStreamPtr}. {@link #close()} aborts a transfer that was
 * neither finished nor aborted, then frees the stream, as libvirt requires before
 * {@code virStreamFree}.
 *
 * <p>On a blocking stream (the default) {@link #recv} and {@link #send} wait for data or room.
 * On a stream made with {@code StreamFlags.NONBLOCK} they return -2 when they would block,
 * exactly as {@code virStreamRecv}/{@code virStreamSend} do; 0 from {@link #recv} is always
 * the end of the stream.
 *
 * <p>Data goes to and from libvirt by address: a direct buffer's own memory, or the stream's
 * scratch buffer for a {@code byte[]} (one copy; JNA would copy an array in and back out per call).
 */
final class JnaStream implements Stream, JnaHandle, org.libvirt4j.spi.StreamManualContract {
    private final NativeHandle h;
    private final AtomicBoolean ended;

    /** Where a {@code byte[]} is copied for libvirt: once, without an allocation per call. */
    private final DirectScratch scratch = new DirectScratch();

    JnaStream(long stream) {
        this.ended = new AtomicBoolean();
        this.h = new NativeHandle(ObjectKind.STREAM, stream, new Free(ended));
    }

    @Override
    public NativeHandle handle() {
        return h;
    }

    @Override
    public void close() {
        h.close();
    }

    @Override
    public int rawSend(byte[] data, int offset, int length) {
        ByteBuffer b = scratch.take(length);
        try {
            b.put(0, data, offset, length);
            return rawSendDirect(b, 0, length);
        } finally {
            scratch.give(b);
        }
    }

    @Override
    public int rawSendDirect(ByteBuffer direct, int offset, int length) {
        return h.call("virStreamSend", s -> {
            try {
                int n = Virt.virStreamSend(s, address(direct, offset), length);
                if (n == -1) {
                    throw Errors.last("virStreamSend");
                }
                return n;
            } finally {
                Reference.reachabilityFence(direct); // its memory must outlive the call
            }
        });
    }

    @Override
    public int rawRecv(byte[] buffer, int offset, int length) {
        ByteBuffer b = scratch.take(length);
        try {
            int n = rawRecvDirect(b, 0, length);
            if (n > 0) {
                b.get(0, buffer, offset, n);
            }
            return n;
        } finally {
            scratch.give(b);
        }
    }

    @Override
    public int rawRecvDirect(ByteBuffer direct, int offset, int length) {
        return h.call("virStreamRecv", s -> {
            try {
                int n = Virt.virStreamRecv(s, address(direct, offset), length);
                if (n == -1) {
                    throw Errors.last("virStreamRecv");
                }
                return n;
            } finally {
                Reference.reachabilityFence(direct);
            }
        });
    }

    /**
     * The address of a direct buffer's byte at {@code offset} (checked by the contract); an empty
     * buffer may have none, and libvirt refuses a NULL data pointer, so it gets a valid one.
     */
    private static long address(ByteBuffer direct, int offset) {
        long base = Pointer.nativeValue(Native.getDirectBufferPointer(direct));
        return base == 0 ? Pointer.nativeValue(EMPTY) : base + offset;
    }

    private static final Memory EMPTY = new Memory(1);

    @Override
    public void finish() {
        h.run("virStreamFinish", s -> {
            Errors.check(Virt.virStreamFinish(s), "virStreamFinish");
            ended.set(true);
        });
    }

    @Override
    public void abort() {
        h.run("virStreamAbort", s -> {
            // Whatever the outcome, the transfer is over: do not abort again when freeing.
            ended.set(true);
            Errors.check(Virt.virStreamAbort(s), "virStreamAbort");
        });
    }

    @Override
    public Object invokeManual(org.libvirt4j.spi.ManualFn fn, Object... args) {
        if (fn == org.libvirt4j.spi.ManualFn.virStreamEventAddCallback) {
            // the C callback hands the application this handle back
            return JnaManual.invoke(h, fn, new Object[] {args[0],
                new Events.StreamTarget(this, (org.libvirt4j.StreamEventCallback) args[1])});
        }
        return JnaManual.invoke(h, fn, args);
    }

    /** Aborts an unfinished transfer, then frees; refers to the shared flag, never to the stream object. */
    private static final class Free implements LongConsumer {
        private final AtomicBoolean ended;

        Free(AtomicBoolean ended) {
            this.ended = ended;
        }

        @Override
        public void accept(long stream) {
            if (!ended.get()) {
                Virt.virStreamAbort(stream);
                Virt.virResetLastError();
            }
            Virt.virStreamFree(stream);
        }
    }
}

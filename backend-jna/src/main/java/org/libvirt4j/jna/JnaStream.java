package org.libvirt4j.jna;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;
import org.libvirt4j.Stream;
import org.libvirt4j.jna.internal.Errors;
import org.libvirt4j.jna.internal.Virt;
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
 */
final class JnaStream implements Stream, JnaHandle, org.libvirt4j.spi.StreamManualContract {
    private final NativeHandle h;
    private final AtomicBoolean ended;

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
    public int send(byte[] data) {
        Objects.requireNonNull(data, "data");
        return h.call("virStreamSend", s -> {
            int n = Virt.virStreamSend(s, data, data.length);
            if (n == -1) {
                throw Errors.last("virStreamSend");
            }
            return n;
        });
    }

    @Override
    public int recv(byte[] buffer) {
        Objects.requireNonNull(buffer, "buffer");
        return h.call("virStreamRecv", s -> {
            int n = Virt.virStreamRecv(s, buffer, buffer.length);
            if (n == -1) {
                throw Errors.last("virStreamRecv");
            }
            return n;
        });
    }

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

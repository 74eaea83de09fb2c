package org.libvirt4j;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * A stream's hand-written calls: flagged receive, holes and event callbacks (checked once in
 * {@code spi.StreamManualContract}), and the whole-transfer helpers (Go's {@code SendAll},
 * {@code RecvAll}, {@code SparseSendAll}, {@code SparseRecvAll}). libvirt's own send-all and
 * receive-all functions are loops over its send and receive calls in its client library; these
 * are the same loops over {@link Stream#send}, {@link Stream#recv}, {@link #recvFlags},
 * {@link #recvHole} and {@link #sendHole}, written once for every backend.
 *
 * <p>Data moves in three forms, each one call of libvirt's send or receive function:
 * a whole {@code byte[]}, a range of one ({@code offset}, {@code length}), and a
 * {@link ByteBuffer} (Java's own; Go has only {@code []byte}) between its position and limit.
 * On the native backends a direct buffer's memory goes to libvirt as it is, without a copy; a
 * {@code byte[]} or heap buffer is copied once, into a native buffer the stream reuses. The
 * remote backend copies every form once, into the frame it writes to the socket. Ranges are
 * checked before anything reaches libvirt.
 */
public interface StreamManualMethods {
    /** The piece size of libvirt's loops: {@code VIR_NET_MESSAGE_LEGACY_PAYLOAD_MAX}. */
    int ALL_CHUNK = 262120;

    /**
     * Sends bytes down the stream.
     *
     * @param data the bytes to send
     * @return the number of bytes sent; -2 when a non-blocking stream would block
     * @throws LibvirtException libvirt's error
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-stream.html#virStreamSend">virStreamSend</a>
     */
    int send(byte[] data);

    /**
     * Sends {@code length} bytes of {@code data} from {@code offset} down the stream.
     *
     * @param data holds the bytes to send
     * @param offset the index of the first byte to send
     * @param length the number of bytes to send
     * @return the number of bytes sent, which may be fewer; -2 when a non-blocking stream would block
     * @throws IndexOutOfBoundsException when the range is not inside {@code data} (before libvirt is called)
     * @throws LibvirtException libvirt's error
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-stream.html#virStreamSend">virStreamSend</a>
     */
    int send(byte[] data, int offset, int length);

    /**
     * Sends the bytes between {@code src}'s position and limit down the stream, and advances its
     * position past the bytes sent. A direct buffer's memory is handed to libvirt without a copy
     * on the native backends.
     *
     * @param src the bytes to send, from its position to its limit
     * @return the number of bytes sent, which may be fewer than remained; -2 when a non-blocking
     *         stream would block (the position does not move)
     * @throws LibvirtException libvirt's error (the position does not move)
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-stream.html#virStreamSend">virStreamSend</a>
     */
    int send(ByteBuffer src);

    /**
     * Receives bytes from the stream.
     *
     * @param buffer where to put received bytes
     * @return the number of bytes read, 0 at the end of the stream; -2 when a non-blocking stream
     *         would block
     * @throws LibvirtException libvirt's error
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-stream.html#virStreamRecv">virStreamRecv</a>
     */
    int recv(byte[] buffer);

    /**
     * Receives at most {@code length} bytes from the stream into {@code buffer} from {@code offset}.
     *
     * @param buffer where to put received bytes
     * @param offset the index where the first byte goes
     * @param length the most bytes to receive
     * @return the number of bytes read, 0 at the end of the stream; -2 when a non-blocking stream
     *         would block
     * @throws IndexOutOfBoundsException when the range is not inside {@code buffer} (before libvirt is called)
     * @throws LibvirtException libvirt's error
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-stream.html#virStreamRecv">virStreamRecv</a>
     */
    int recv(byte[] buffer, int offset, int length);

    /**
     * Receives at most {@code dst.remaining()} bytes from the stream into {@code dst} at its
     * position, and advances the position past them. On the native backends libvirt writes
     * straight into a direct buffer's memory.
     *
     * @param dst where to put received bytes, from its position to its limit
     * @return the number of bytes read, 0 at the end of the stream; -2 when a non-blocking stream
     *         would block
     * @throws java.nio.ReadOnlyBufferException when {@code dst} is read-only (before libvirt is called)
     * @throws LibvirtException libvirt's error
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-stream.html#virStreamRecv">virStreamRecv</a>
     */
    int recv(ByteBuffer dst);

    /**
     * Sends everything {@code handler} supplies, until it returns no bytes. As in libvirt, the
     * stream is not finished: call {@link Stream#finish()} after. When the handler throws, the
     * stream is aborted and the exception rethrown.
     *
     * @param handler supplies the data
     * @throws LibvirtException libvirt's error from a send; {@code ERR_OPERATION_INVALID} for a
     *         non-blocking stream that would block
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-stream.html#virStreamSendAll">virStreamSendAll</a>
     */
    default void sendAll(StreamSourceFunc handler) {
        Objects.requireNonNull(handler, "handler");
        Stream self = (Stream) this;
        while (true) {
            byte[] data;
            try {
                data = handler.apply(self, ALL_CHUNK);
            } catch (RuntimeException | Error e) {
                abortQuietly(self, e);
                throw e;
            }
            if (data == null || data.length == 0) {
                return;
            }
            int offset = 0;
            while (offset < data.length) {
                int sent = self.send(data, offset, data.length - offset);
                if (sent <= 0) {
                    // -2: the stream would block, which libvirt refuses for data sources up front
                    throw nonBlocking("data sources cannot be used for non-blocking streams");
                }
                offset += sent;
            }
        }
    }

    /**
     * Receives until the end of the stream, handing every piece to {@code handler}. As in
     * libvirt, the stream is not finished: call {@link Stream#finish()} after. When the handler
     * throws, or consumes nothing, the stream is aborted and the exception thrown.
     *
     * @param handler takes the data
     * @throws LibvirtException libvirt's error from a receive; {@code ERR_OPERATION_INVALID} for a
     *         non-blocking stream that would block
     * @throws IllegalStateException when the handler consumes fewer than 1 or more bytes than it was given
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-stream.html#virStreamRecvAll">virStreamRecvAll</a>
     */
    default void recvAll(StreamSinkFunc handler) {
        Objects.requireNonNull(handler, "handler");
        Stream self = (Stream) this;
        byte[] buffer = new byte[ALL_CHUNK];
        while (true) {
            int got = self.recv(buffer);
            if (got == 0) {
                return;
            }
            if (got < 0) {
                throw nonBlocking("data sinks cannot be used for non-blocking streams");
            }
            int offset = 0;
            while (offset < got) {
                byte[] piece = Arrays.copyOfRange(buffer, offset, got);
                int done;
                try {
                    done = handler.apply(self, piece);
                    if (done < 1 || done > piece.length) {
                        throw new IllegalStateException("the sink consumed " + done + " of " + piece.length + " bytes");
                    }
                } catch (RuntimeException | Error e) {
                    abortQuietly(self, e);
                    throw e;
                }
                offset += done;
            }
        }
    }

    /**
     * Receives bytes like {@link Stream#recv}, but with {@link StreamRecvFlagsValues#STOP_AT_HOLE}
     * stops at a hole of a sparse stream instead of filling it with zeros.
     *
     * @param buffer where to put received bytes
     * @param flags a bitwise OR of {@link StreamRecvFlagsValues} values (raw)
     * @return the number of bytes read; 0 at the end of the stream; -2 when a non-blocking stream
     *         would block; -3 when {@code STOP_AT_HOLE} was given and the stream is at a hole (read
     *         its length with {@link #recvHole})
     * @throws LibvirtException libvirt's error
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-stream.html#virStreamRecvFlags">virStreamRecvFlags</a>
     */
    int recvFlags(byte[] buffer, int flags);

    /**
     * Receives bytes like {@link Stream#recv}, with flags.
     *
     * @param buffer where to put received bytes
     * @param flags options
     * @return as {@link #recvFlags(byte[], int)}
     * @throws LibvirtException libvirt's error
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-stream.html#virStreamRecvFlags">virStreamRecvFlags</a>
     */
    default int recvFlags(byte[] buffer, StreamRecvFlagsValues... flags) {
        return recvFlags(buffer, LibvirtEnum.mask(flags));
    }

    /**
     * Sends a hole of {@code length} bytes on a sparse stream (one opened with a
     * {@code SPARSE_STREAM} flag), so the far end skips them instead of writing zeros.
     *
     * @param length the hole's length in bytes
     * @param flags reserved, 0
     * @throws LibvirtException libvirt's error, e.g. the driver's refusal of a negative length, or
     *         {@code ERR_OPERATION_INVALID} on a stream that is not sparse
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-stream.html#virStreamSendHole">virStreamSendHole</a>
     */
    void sendHole(long length, int flags);

    /**
     * Takes the length of the hole a sparse stream is at (after {@link #recvFlags} returned -3).
     *
     * @param flags reserved, 0
     * @return the hole's length in bytes, 0 when the stream is not at a hole
     * @throws LibvirtException libvirt's error, e.g. {@code ERR_OPERATION_INVALID} on a stream
     *         that is not sparse
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-stream.html#virStreamRecvHole">virStreamRecvHole</a>
     */
    long recvHole(int flags);

    /**
     * Asks for {@code callback} to be called whenever the stream is in one of the {@code events}
     * states (level-triggered, as in libvirt). Needs an event loop: on the native backends,
     * {@link Libvirt#eventRegisterDefaultImpl()} first; only one callback per stream.
     *
     * @param events a bitwise OR of {@link StreamEventType} values (raw)
     * @param callback called on the event loop's thread
     * @throws LibvirtException libvirt's error, e.g. when a callback is registered already
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-stream.html#virStreamEventAddCallback">virStreamEventAddCallback</a>
     */
    void eventAddCallback(int events, StreamEventCallback callback);

    /**
     * Asks for {@code callback} to be called for the given events.
     *
     * @param events the events to watch
     * @param callback called on the event loop's thread
     * @throws LibvirtException libvirt's error
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-stream.html#virStreamEventAddCallback">virStreamEventAddCallback</a>
     */
    default void eventAddCallback(java.util.Set<StreamEventType> events, StreamEventCallback callback) {
        eventAddCallback(LibvirtEnum.mask("events", events), callback);
    }

    /**
     * Changes the events the registered callback watches; 0 pauses it.
     *
     * @param events a bitwise OR of {@link StreamEventType} values (raw)
     * @throws LibvirtException libvirt's error, e.g. when no callback is registered
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-stream.html#virStreamEventUpdateCallback">virStreamEventUpdateCallback</a>
     */
    void eventUpdateCallback(int events);

    /**
     * Changes the events the registered callback watches.
     *
     * @param events the events to watch
     * @throws LibvirtException libvirt's error
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-stream.html#virStreamEventUpdateCallback">virStreamEventUpdateCallback</a>
     */
    default void eventUpdateCallback(java.util.Set<StreamEventType> events) {
        eventUpdateCallback(LibvirtEnum.mask("events", events));
    }

    /**
     * Removes the registered callback.
     *
     * @throws LibvirtException libvirt's error, e.g. when no callback is registered
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-stream.html#virStreamEventRemoveCallback">virStreamEventRemoveCallback</a>
     */
    void eventRemoveCallback();

    /**
     * Receives a sparse stream until its end, handing data to {@code handler} and holes to
     * {@code holeHandler}: libvirt's loop of {@link #recvFlags} with {@code STOP_AT_HOLE} and
     * {@link #recvHole}. As in libvirt, the stream is not finished: call {@link Stream#finish()}
     * after. When a handler throws, or the sink consumes nothing, the stream is aborted and the
     * exception thrown.
     *
     * @param handler takes the data
     * @param holeHandler skips the holes
     * @throws LibvirtException libvirt's error from a receive; {@code ERR_OPERATION_INVALID} for a
     *         non-blocking stream that would block
     * @throws IllegalStateException when the sink consumes fewer than 1 or more bytes than it was given
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-stream.html#virStreamSparseRecvAll">virStreamSparseRecvAll</a>
     */
    default void sparseRecvAll(StreamSinkFunc handler, StreamSinkHoleFunc holeHandler) {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(holeHandler, "holeHandler");
        Stream self = (Stream) this;
        byte[] buffer = new byte[ALL_CHUNK];
        while (true) {
            int got = recvFlags(buffer, StreamRecvFlagsValues.STOP_AT_HOLE.value());
            if (got == -3) {
                long hole = recvHole(0);
                try {
                    holeHandler.apply(self, hole);
                } catch (RuntimeException | Error e) {
                    abortQuietly(self, e);
                    throw e;
                }
                continue;
            }
            if (got == 0) {
                return;
            }
            if (got < 0) {
                throw nonBlocking("data sinks cannot be used for non-blocking streams");
            }
            consume(self, handler, buffer, got);
        }
    }

    /**
     * Sends a sparse source until it ends: {@code holeHandler} says whether data or a hole comes
     * next and how long it is; data is read from {@code handler} and sent, a hole is sent with
     * {@link #sendHole} and skipped in the source with {@code skipHandler} (libvirt's loop). As in
     * libvirt, the stream is not finished: call {@link Stream#finish()} after. When a handler
     * throws, the stream is aborted and the exception rethrown.
     *
     * @param handler supplies data, at most the number of bytes it is asked for
     * @param holeHandler describes the section at the source's position
     * @param skipHandler moves the source past a hole
     * @throws LibvirtException libvirt's error from a send; {@code ERR_OPERATION_INVALID} for a
     *         non-blocking stream that would block
     * @throws IllegalStateException when the source returns more bytes than asked for, or a
     *         negative section length
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-stream.html#virStreamSparseSendAll">virStreamSparseSendAll</a>
     */
    default void sparseSendAll(StreamSourceFunc handler, StreamSourceHoleFunc holeHandler,
            StreamSourceSkipFunc skipHandler) {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(holeHandler, "holeHandler");
        Objects.requireNonNull(skipHandler, "skipHandler");
        Stream self = (Stream) this;
        long dataLen = 0;
        while (true) {
            byte[] data;
            try {
                if (dataLen == 0) {
                    StreamSourceHoleFunc.Section section = Objects.requireNonNull(holeHandler.apply(self), "section");
                    if (section.sectionLen() < 0) {
                        throw new IllegalStateException("negative section length " + section.sectionLen());
                    }
                    if (!section.inData() && section.sectionLen() > 0) {
                        sendHole(section.sectionLen(), 0);
                        skipHandler.apply(self, section.sectionLen());
                        continue;
                    }
                    dataLen = section.sectionLen();
                }
                int want = (int) Math.min(ALL_CHUNK, dataLen);
                data = handler.apply(self, want);
                if (data != null && data.length > want) {
                    throw new IllegalStateException("the source returned " + data.length + " bytes for " + want);
                }
            } catch (RuntimeException | Error e) {
                if (!(e instanceof LibvirtException)) {
                    abortQuietly(self, e);
                }
                throw e;
            }
            if (data == null || data.length == 0) {
                return;
            }
            sendFully(self, data);
            dataLen -= data.length;
        }
    }

    private static void sendFully(Stream self, byte[] data) {
        int offset = 0;
        while (offset < data.length) {
            int sent = self.send(data, offset, data.length - offset);
            if (sent <= 0) {
                // -2: the stream would block, which libvirt refuses for data sources up front
                throw nonBlocking("data sources cannot be used for non-blocking streams");
            }
            offset += sent;
        }
    }

    private static void consume(Stream self, StreamSinkFunc handler, byte[] buffer, int got) {
        int offset = 0;
        while (offset < got) {
            byte[] piece = Arrays.copyOfRange(buffer, offset, got);
            int done;
            try {
                done = handler.apply(self, piece);
                if (done < 1 || done > piece.length) {
                    throw new IllegalStateException("the sink consumed " + done + " of " + piece.length + " bytes");
                }
            } catch (RuntimeException | Error e) {
                abortQuietly(self, e);
                throw e;
            }
            offset += done;
        }
    }

    private static LibvirtException nonBlocking(String why) {
        return LibvirtException.of(ErrorNumber.ERR_OPERATION_INVALID, ErrorDomain.STREAMS,
                "Requested operation is not valid: " + why);
    }

    private static void abortQuietly(Stream stream, Throwable cause) {
        try {
            stream.abort();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}

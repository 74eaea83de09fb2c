package org.libvirt4j;

import java.util.Arrays;
import java.util.Objects;

/**
 * A stream's whole-transfer helpers (Go's {@code SendAll} and {@code RecvAll}). libvirt's own
 * send-all and receive-all functions are loops over its send and receive calls in its client
 * library; these are the same loops over {@link Stream#send} and {@link Stream#recv}, written once
 * for every backend.
 */
public interface StreamManualMethods {
    /** The piece size of libvirt's loops: {@code VIR_NET_MESSAGE_LEGACY_PAYLOAD_MAX}. */
    int ALL_CHUNK = 262120;

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
                int sent = self.send(offset == 0 ? data : Arrays.copyOfRange(data, offset, data.length));
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

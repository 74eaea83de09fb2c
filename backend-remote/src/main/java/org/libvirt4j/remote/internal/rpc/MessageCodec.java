package org.libvirt4j.remote.internal.rpc;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import java.util.function.Consumer;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.remote.generated.VirNetMessageHeader;
import org.libvirt4j.remote.generated.VirNetProtocol;
import org.libvirt4j.remote.internal.xdr.XdrException;
import org.libvirt4j.remote.internal.xdr.XdrReader;
import org.libvirt4j.remote.internal.xdr.XdrWriter;

/**
 * libvirt's message framing: a length word that counts itself, the generated
 * {@link VirNetMessageHeader}, then the XDR body; bounded by {@code VIR_NET_MESSAGE_MAX}.
 */
final class MessageCodec {
    /** {@code VIR_NET_MESSAGE_LEN_MAX}: the length word. */
    static final int LEN_SIZE = VirNetProtocol.VIR_NET_MESSAGE_LEN_MAX;
    /** {@code VIR_NET_MESSAGE_HEADER_MAX}: the header. */
    static final int HEADER_SIZE = VirNetProtocol.VIR_NET_MESSAGE_HEADER_MAX;
    /** The largest frame, length word included. */
    static final int FRAME_MAX = VirNetProtocol.VIR_NET_MESSAGE_MAX + LEN_SIZE;

    private MessageCodec() {
    }

    /** {@return a decoder cutting the byte stream into frames without their length word} oversized ones are refused before they are buffered */
    static LengthFieldBasedFrameDecoder frameDecoder() {
        return new LengthFieldBasedFrameDecoder(FRAME_MAX, 0, LEN_SIZE, -LEN_SIZE, LEN_SIZE, true);
    }

    /**
     * Reads the header of a frame (length word stripped), leaving {@code frame} at the body.
     *
     * @param frame the frame
     * @return the header
     * @throws org.libvirt4j.LibvirtException {@code ERR_RPC} for a frame shorter than a header, or
     *         a type or status the protocol does not have
     */
    static VirNetMessageHeader decodeHeader(ByteBuf frame) {
        if (frame.readableBytes() < HEADER_SIZE) {
            throw Rpc.error(ErrorNumber.ERR_RPC, "RPC failure: message of " + (frame.readableBytes() + LEN_SIZE)
                    + " bytes is shorter than its header", null);
        }
        try {
            return VirNetMessageHeader.decode(new XdrReader(frame));
        } catch (XdrException e) {
            throw Rpc.bogus("message header (" + e.getMessage() + "): a type or status the protocol does not have");
        }
    }

    /**
     * Encodes one whole message, length word included.
     *
     * @param alloc the allocator
     * @param header the header
     * @param body writes the body, or null for none
     * @return the frame
     * @throws org.libvirt4j.LibvirtException {@code ERR_RPC} when the body cannot be encoded or the
     *         message would pass {@code VIR_NET_MESSAGE_MAX}
     */
    static ByteBuf encode(ByteBufAllocator alloc, VirNetMessageHeader header, Consumer<XdrWriter> body) {
        return encode(alloc, header, body, 256);
    }

    /**
     * {@link #encode(ByteBufAllocator, VirNetMessageHeader, Consumer)} into a buffer of a known
     * size, so that a large stream packet is copied once and the buffer never grows.
     *
     * @param initialCapacity the frame's expected size
     */
    static ByteBuf encode(ByteBufAllocator alloc, VirNetMessageHeader header, Consumer<XdrWriter> body,
            int initialCapacity) {
        ByteBuf buf = alloc.buffer(initialCapacity);
        try {
            buf.writeInt(0);
            XdrWriter w = new XdrWriter(buf);
            header.encode(w);
            if (body != null) {
                body.accept(w);
            }
            int len = buf.readableBytes();
            if (len > FRAME_MAX) {
                throw Rpc.error(ErrorNumber.ERR_RPC, "RPC failure: message length " + len + " over the maximum "
                        + FRAME_MAX, null);
            }
            buf.setInt(0, len);
            return buf;
        } catch (XdrException e) {
            buf.release();
            throw Rpc.error(ErrorNumber.ERR_RPC, "RPC failure: cannot encode the arguments: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            buf.release();
            throw e;
        }
    }
}

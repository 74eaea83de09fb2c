package org.libvirt4j.remote.internal.rpc;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.MessageToByteEncoder;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.util.List;
import org.libvirt4j.remote.internal.sasl.SaslLayer;

/**
 * The SASL security layer's handlers: received bytes come in frames of a 4-byte length and the
 * wrapped data (a frame longer than the layer's receive size ends the connection before it is
 * buffered), each unwrapped and passed on to the RPC frame decoder; sent bytes are cut into
 * pieces of at most the layer's send size, each wrapped and framed the same way.
 */
final class SaslFraming {
    private SaslFraming() {
    }

    /** Adds the handlers in front of the RPC frame decoder named {@code frames}. */
    static void install(ChannelPipeline pipeline, String frames, SaslLayer layer) {
        pipeline.addBefore(frames, "sasl-frames",
                new LengthFieldBasedFrameDecoder(layer.maxReceiveSize() + 4, 0, 4, 0, 4, true));
        pipeline.addBefore(frames, "sasl-unwrap", new Unwrap(layer));
        pipeline.addLast("sasl-wrap", new Wrap(layer));
    }

    private static final class Unwrap extends MessageToMessageDecoder<ByteBuf> {
        private final SaslLayer layer;

        Unwrap(SaslLayer layer) {
            this.layer = layer;
        }

        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf frame, List<Object> out) throws Exception {
            out.add(Unpooled.wrappedBuffer(layer.unwrap(ByteBufUtil.getBytes(frame))));
        }
    }

    private static final class Wrap extends MessageToByteEncoder<ByteBuf> {
        private final SaslLayer layer;

        Wrap(SaslLayer layer) {
            super(ByteBuf.class);
            this.layer = layer;
        }

        @Override
        protected void encode(ChannelHandlerContext ctx, ByteBuf msg, ByteBuf out) throws Exception {
            int max = layer.maxSendSize();
            while (msg.isReadable()) {
                byte[] plain = new byte[Math.min(max, msg.readableBytes())];
                msg.readBytes(plain);
                byte[] wrapped = layer.wrap(plain);
                out.writeInt(wrapped.length);
                out.writeBytes(wrapped);
            }
        }
    }
}

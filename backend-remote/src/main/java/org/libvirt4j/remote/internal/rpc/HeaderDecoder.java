package org.libvirt4j.remote.internal.rpc;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.libvirt4j.LibvirtException;

/**
 * Turns each frame into an {@link InboundMessage}. A frame whose header cannot be read ends the
 * connection: the error goes down the pipeline as an exception for {@link MessageRouter} to fail
 * the connection with, never escaping it.
 */
final class HeaderDecoder extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object m) {
        ByteBuf frame = (ByteBuf) m;
        InboundMessage msg;
        try {
            msg = new InboundMessage(MessageCodec.decodeHeader(frame), frame);
        } catch (LibvirtException e) {
            frame.release();
            ctx.fireExceptionCaught(e);
            return;
        } catch (Throwable e) {
            frame.release();
            ctx.fireExceptionCaught(Rpc.undecodable(e));
            return;
        }
        ctx.fireChannelRead(msg);
    }
}

package org.libvirt4j.remote.internal.xdr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.libvirt4j.remote.internal.xdr.XdrTestSupport.hex;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.MessageToByteEncoder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.libvirt4j.remote.generated.RemoteConnectOpenArgs;
import org.libvirt4j.remote.generated.RemoteProcedure;
import org.libvirt4j.remote.generated.RemoteProtocol;
import org.libvirt4j.remote.generated.VirNetMessageHeader;
import org.libvirt4j.remote.generated.VirNetMessageStatus;
import org.libvirt4j.remote.generated.VirNetMessageType;
import org.libvirt4j.remote.generated.VirNetProtocol;

/**
 * The generated types inside a Netty pipeline shaped like libvirt's framing (a length word that
 * counts itself, then header and body), byte for byte.
 */
class XdrEmbeddedChannelTest {

    /** A call as a test-local outbound message. */
    record Call(VirNetMessageHeader header, XdrEncodable body) {
    }

    /** Writes length + header + body, as libvirt frames a message. */
    static final class CallEncoder extends MessageToByteEncoder<Call> {
        @Override
        protected void encode(ChannelHandlerContext ctx, Call msg, ByteBuf out) {
            int start = out.writerIndex();
            out.writeInt(0);
            XdrWriter w = new XdrWriter(out);
            msg.header().encode(w);
            msg.body().encode(w);
            out.setInt(start, out.writerIndex() - start);
        }
    }

    private static EmbeddedChannel channel() {
        return new EmbeddedChannel(
                new LengthFieldBasedFrameDecoder(VirNetProtocol.VIR_NET_MESSAGE_MAX + VirNetProtocol.VIR_NET_MESSAGE_LEN_MAX,
                        0, 4, -4, 4),
                new CallEncoder());
    }

    @Test
    @DisplayName("a connect-open call is framed and encoded byte for byte, and decodes back from split reads")
    void connectOpenCall() {
        EmbeddedChannel ch = channel();
        VirNetMessageHeader header = new VirNetMessageHeader(RemoteProtocol.REMOTE_PROGRAM,
                RemoteProtocol.REMOTE_PROTOCOL_VERSION, RemoteProcedure.REMOTE_PROC_CONNECT_OPEN.value(),
                VirNetMessageType.VIR_NET_CALL, 1, VirNetMessageStatus.VIR_NET_OK);
        RemoteConnectOpenArgs args = new RemoteConnectOpenArgs("test:///default", 0);
        assertThat(ch.writeOutbound(new Call(header, args))).isTrue();
        ByteBuf out = ch.readOutbound();
        byte[] wire = ByteBufUtil.getBytes(out);
        out.release();
        assertThat(wire).isEqualTo(hex("00000038 | 20008086 00000001 00000001 00000000 00000001 00000000"
                + "| 00000001 0000000f 746573743a2f2f2f64656661756c74 00 | 00000000"));

        // Feed it back in three pieces; the frame decoder reassembles it.
        ch.writeInbound(Unpooled.wrappedBuffer(wire, 0, 3));
        ch.writeInbound(Unpooled.wrappedBuffer(wire, 3, 20));
        Object incomplete = ch.readInbound();
        assertThat(incomplete).as("no frame before all bytes arrived").isNull();
        ch.writeInbound(Unpooled.wrappedBuffer(wire, 23, wire.length - 23));
        ByteBuf frame = ch.readInbound();
        try {
            XdrReader r = new XdrReader(frame);
            assertThat(VirNetMessageHeader.decode(r)).isEqualTo(header);
            RemoteProcedure proc = RemoteProcedure.fromValue(header.proc());
            assertThat(proc.decodeArgs(r)).isEqualTo(args);
            r.expectEnd("connect open call");
        } finally {
            frame.release();
        }
        assertThat(ch.finish()).isFalse();
    }

    @Test
    @DisplayName("a frame whose body lies about a string length fails decoding with XdrException, not an allocation")
    void hostileBodyInFrame() {
        EmbeddedChannel ch = channel();
        byte[] wire = hex("00000028 | 20008086 00000001 00000001 00000000 00000001 00000000 | 00000001 7ffffff0 | 00000000");
        ch.writeInbound(Unpooled.wrappedBuffer(wire));
        ByteBuf frame = ch.readInbound();
        try {
            XdrReader r = new XdrReader(frame);
            VirNetMessageHeader.decode(r);
            assertThatThrownBy(() -> RemoteConnectOpenArgs.decode(r)).isInstanceOf(XdrException.class)
                    .hasMessageContaining("remote_connect_open_args.name");
        } finally {
            frame.release();
        }
        assertThat(ch.finish()).isFalse();
    }
}

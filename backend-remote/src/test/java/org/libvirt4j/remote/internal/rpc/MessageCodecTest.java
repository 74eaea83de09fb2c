package org.libvirt4j.remote.internal.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.remote.generated.QemuProtocol;
import org.libvirt4j.remote.generated.VirKeepaliveProtocol;
import org.libvirt4j.remote.generated.VirNetMessageHeader;
import org.libvirt4j.remote.generated.VirNetMessageStatus;
import org.libvirt4j.remote.generated.VirNetMessageType;
import org.libvirt4j.remote.generated.VirNetProtocol;

/** The framing and header codec on the generated {@link VirNetMessageHeader}, without a connection. */
class MessageCodecTest {

    @Test
    void everyTypeAndStatusRoundTripsThroughTheWireLayout() {
        for (VirNetMessageType type : VirNetMessageType.values()) {
            for (VirNetMessageStatus status : VirNetMessageStatus.values()) {
                // serial and program with the top bit set: unsigned on the wire, the same bits back
                VirNetMessageHeader h = new VirNetMessageHeader(QemuProtocol.QEMU_PROGRAM | 0x80000000, 1, -5, type,
                        0xfffffffe, status);
                ByteBuf frame = MessageCodec.encode(ByteBufAllocator.DEFAULT, h, w -> w.writeInt(42));
                try {
                    assertThat(frame.readableBytes()).isEqualTo(VirNetProtocol.VIR_NET_MESSAGE_LEN_MAX
                            + VirNetProtocol.VIR_NET_MESSAGE_HEADER_MAX + 4);
                    assertThat(frame.readInt()).as("the length word counts itself").isEqualTo(32);
                    // libvirt's layout: six big-endian words in the .x file's order
                    assertThat(frame.getInt(frame.readerIndex() + 12)).isEqualTo(type.value());
                    assertThat(frame.getInt(frame.readerIndex() + 20)).isEqualTo(status.value());
                    assertThat(MessageCodec.decodeHeader(frame)).isEqualTo(h);
                    assertThat(frame.readInt()).as("the body follows the header").isEqualTo(42);
                } finally {
                    frame.release();
                }
            }
        }
    }

    @Test
    void aFrameShorterThanAHeaderIsRefused() {
        ByteBuf frame = Unpooled.buffer().writeInt(VirKeepaliveProtocol.KEEPALIVE_PROGRAM).writeInt(1);
        LibvirtException e = catchThrowableOfType(LibvirtException.class, () -> MessageCodec.decodeHeader(frame));
        assertThat(e.code()).isEqualTo(ErrorNumber.ERR_RPC);
        assertThat(e.domain()).isEqualTo(ErrorDomain.RPC);
        assertThat(e.getMessage()).contains("message of 12 bytes is shorter than its header");
    }

    @Test
    void aTypeOrStatusTheProtocolLacksIsABogusHeader() {
        for (int[] typeStatus : new int[][] {{7, 0}, {-1, 0}, {1, 3}, {1, -1}}) {
            ByteBuf frame = Unpooled.buffer().writeInt(0x20008086).writeInt(1).writeInt(1).writeInt(typeStatus[0])
                    .writeInt(1).writeInt(typeStatus[1]);
            LibvirtException e = catchThrowableOfType(LibvirtException.class, () -> MessageCodec.decodeHeader(frame));
            assertThat(e.code()).isEqualTo(ErrorNumber.ERR_RPC);
            assertThat(e.getMessage()).contains("bogus message header")
                    .contains("unknown value " + (typeStatus[0] == 1 ? typeStatus[1] : typeStatus[0]));
        }
    }

    @Test
    void aMessageOverTheProtocolMaximumIsNotEncoded() {
        VirNetMessageHeader h = new VirNetMessageHeader(0x20008086, 1, 1, VirNetMessageType.VIR_NET_CALL, 1,
                VirNetMessageStatus.VIR_NET_OK);
        byte[] body = new byte[VirNetProtocol.VIR_NET_MESSAGE_PAYLOAD_MAX + 1];
        LibvirtException e = catchThrowableOfType(LibvirtException.class,
                () -> MessageCodec.encode(ByteBufAllocator.DEFAULT, h, w -> w.buffer().writeBytes(body)));
        assertThat(e.code()).isEqualTo(ErrorNumber.ERR_RPC);
        assertThat(e.getMessage()).contains("over the maximum " + (VirNetProtocol.VIR_NET_MESSAGE_MAX + 4));
        // exactly the maximum is legal
        ByteBuf max = MessageCodec.encode(ByteBufAllocator.DEFAULT, h,
                w -> w.buffer().writeBytes(body, 0, body.length - 1));
        try {
            assertThat(max.getInt(0)).isEqualTo(VirNetProtocol.VIR_NET_MESSAGE_MAX + 4);
        } finally {
            max.release();
        }
    }
}

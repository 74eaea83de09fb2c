package org.libvirt4j.remote.internal.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.remote.generated.RemoteProtocol;
import org.libvirt4j.remote.generated.VirNetMessageStatus;
import org.libvirt4j.remote.generated.VirNetMessageType;

/**
 * {@code VIR_NET_STREAM_HOLE} packets on a connection fed by hand: the order of holes and data, the
 * three ways a receive meets a hole (stop, zeros, length taken), and what a daemon sends that a
 * client must refuse (a hole on a stream not opened sparse, a negative length, a truncated record).
 */
class StreamHoleTest {
    private static final int SERIAL = 7;
    private static final int PROC = 209; // REMOTE_PROC_STORAGE_VOL_DOWNLOAD
    private final EmbeddedChannel ch = new EmbeddedChannel();
    private final RpcConnection client = RpcConnection.onChannel(ch, TimeUnit.SECONDS.toNanos(5));

    @AfterEach
    void close() {
        ch.finishAndReleaseAll();
    }

    private RpcStream stream(boolean sparse) {
        RpcStream s = new RpcStream();
        s.allowSkip(sparse);
        client.expectStream(SERIAL, PROC, s);
        return s;
    }

    private static ByteBuf frame(int type, int status, ByteBuf body) {
        ByteBuf b = Unpooled.buffer();
        b.writeInt(28 + body.readableBytes());
        b.writeInt(RemoteProtocol.REMOTE_PROGRAM).writeInt(RemoteProtocol.REMOTE_PROTOCOL_VERSION).writeInt(PROC).writeInt(type)
                .writeInt(SERIAL).writeInt(status);
        b.writeBytes(body);
        body.release();
        return b;
    }

    private void data(byte... bytes) {
        ch.writeInbound(frame(VirNetMessageType.VIR_NET_STREAM.value(), VirNetMessageStatus.VIR_NET_CONTINUE.value(), Unpooled.wrappedBuffer(bytes)));
    }

    private void hole(long length, int flags) {
        ch.writeInbound(frame(VirNetMessageType.VIR_NET_STREAM_HOLE.value(), VirNetMessageStatus.VIR_NET_CONTINUE.value(), Unpooled.buffer().writeLong(length).writeInt(flags)));
    }

    private void end() {
        ch.writeInbound(frame(VirNetMessageType.VIR_NET_STREAM.value(), VirNetMessageStatus.VIR_NET_OK.value(), Unpooled.EMPTY_BUFFER));
    }

    @Test
    void stopAtHoleThenRecvHoleThenData() {
        RpcStream s = stream(true);
        data((byte) 1, (byte) 2);
        hole(5, 0);
        hole(3, 0);
        data((byte) 9);
        end();
        byte[] buf = new byte[16];
        assertThat(s.recv(java.nio.ByteBuffer.wrap(buf), true, "virStreamRecvFlags")).isEqualTo(2);
        assertThat(s.recv(java.nio.ByteBuffer.wrap(buf), true, "virStreamRecvFlags")).as("at the first hole").isEqualTo(-3);
        assertThat(s.recvHole()).isEqualTo(5);
        assertThat(s.recv(java.nio.ByteBuffer.wrap(buf), true, "virStreamRecvFlags")).as("at the second hole").isEqualTo(-3);
        assertThat(s.recvHole()).isEqualTo(3);
        assertThat(s.recvHole()).isZero();
        assertThat(s.recv(java.nio.ByteBuffer.wrap(buf), true, "virStreamRecvFlags")).isEqualTo(1);
        assertThat(buf[0]).isEqualTo((byte) 9);
        assertThat(s.recv(java.nio.ByteBuffer.wrap(buf), true, "virStreamRecvFlags")).isZero();
    }

    @Test
    void plainRecvReadsHolesAsZeros() {
        RpcStream s = stream(true);
        data((byte) 1);
        hole(4, 0);
        data((byte) 2, (byte) 3);
        end();
        byte[] all = new byte[7];
        int n = 0;
        byte[] buf = new byte[3];
        for (int k; (k = s.recv(java.nio.ByteBuffer.wrap(buf))) > 0;) {
            System.arraycopy(buf, 0, all, n, k);
            n += k;
        }
        assertThat(n).isEqualTo(7);
        assertThat(all).containsExactly(1, 0, 0, 0, 0, 2, 3);
    }

    @Test
    void holeOnAStreamNotOpenedSparseIsRefused() {
        RpcStream s = stream(false);
        hole(4096, 0);
        LibvirtException e = catchThrowableOfType(LibvirtException.class, () -> s.recv(java.nio.ByteBuffer.wrap(new byte[8])));
        assertThat(e.code()).isEqualTo(ErrorNumber.ERR_RPC);
        assertThat(e.getMessage()).contains("Unexpected stream hole");
        e = catchThrowableOfType(LibvirtException.class, s::recvHole);
        assertThat(e.code()).isEqualTo(ErrorNumber.ERR_OPERATION_INVALID);
    }

    @Test
    void malformedHolesAreRefused() {
        RpcStream s = stream(true);
        hole(-1, 0);
        LibvirtException e = catchThrowableOfType(LibvirtException.class, () -> s.recv(java.nio.ByteBuffer.wrap(new byte[8]), true, "virStreamRecvFlags"));
        assertThat(e.code()).isEqualTo(ErrorNumber.ERR_RPC);
        assertThat(e.getMessage()).contains("Malformed stream hole packet");
        assertThat(client.deathCause()).as("a bad hole fails the stream, not the connection").isNull();

        // a truncated record: the two sides no longer agree, so the connection dies with a reason
        ch.writeInbound(frame(VirNetMessageType.VIR_NET_STREAM_HOLE.value(), VirNetMessageStatus.VIR_NET_CONTINUE.value(), Unpooled.buffer().writeInt(1)));
        assertThat(client.deathCause()).isNotNull();
        assertThat(client.deathCause().code()).isEqualTo(ErrorNumber.ERR_RPC);
    }

    @Test
    void holesCountTowardsTheQueueBound() {
        RpcStream s = stream(true);
        for (int i = 0; i < RpcStream.HIGH_WATER / RpcStream.HOLE_COST + 1; i++) {
            hole(1, 0);
        }
        assertThat(ch.config().isAutoRead()).as("a flood of holes pauses reading like data does").isFalse();
        byte[] buf = new byte[1];
        for (int i = 0; i < RpcStream.HIGH_WATER / RpcStream.HOLE_COST + 1; i++) {
            assertThat(s.recv(java.nio.ByteBuffer.wrap(buf), true, "virStreamRecvFlags")).isEqualTo(-3);
            assertThat(s.recvHole()).isEqualTo(1);
        }
        assertThat(ch.config().isAutoRead()).isTrue();
    }
}

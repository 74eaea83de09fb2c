package org.libvirt4j.remote.internal.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.remote.generated.KeepaliveProcedure;
import org.libvirt4j.remote.generated.VirKeepaliveProtocol;
import org.libvirt4j.remote.generated.VirNetMessageHeader;
import org.libvirt4j.remote.generated.VirNetMessageStatus;
import org.libvirt4j.remote.generated.VirNetMessageType;

/**
 * Client keepalive on Netty's {@code IdleStateHandler}, on a connection whose clock and wire the
 * test drives ({@link EmbeddedChannel}): a PING after each silent interval, the count of unanswered
 * ones reset by any message, and the connection declared dead after {@code count} of them.
 */
class KeepAliveHandlerTest {
    private final EmbeddedChannel ch = new EmbeddedChannel();
    private final RpcConnection conn = RpcConnection.onChannel(ch, TimeUnit.SECONDS.toNanos(60));

    @AfterEach
    void close() {
        ch.finishAndReleaseAll();
    }

    /** Lets {@code seconds} pass on the channel's clock, running what falls due. */
    private void elapse(int seconds) {
        for (int i = 0; i < seconds; i++) {
            ch.advanceTimeBy(1, TimeUnit.SECONDS);
            ch.runPendingTasks();
            ch.runScheduledPendingTasks();
        }
    }

    /** {@return the keepalive procedures this side sent since the last look} */
    private java.util.List<Integer> sent() {
        java.util.List<Integer> procs = new java.util.ArrayList<>();
        for (ByteBuf b; (b = ch.readOutbound()) != null;) {
            try {
                assertThat(b.readInt()).isEqualTo(b.readableBytes() + 4);
                VirNetMessageHeader h = MessageCodec.decodeHeader(b);
                assertThat(h.prog()).isEqualTo(VirKeepaliveProtocol.KEEPALIVE_PROGRAM);
                assertThat(h.type()).isEqualTo(VirNetMessageType.VIR_NET_MESSAGE);
                assertThat(b.isReadable()).isFalse();
                procs.add(h.proc());
            } finally {
                b.release();
            }
        }
        return procs;
    }

    private void receive(KeepaliveProcedure proc) {
        ByteBuf b = Unpooled.buffer();
        b.writeInt(28);
        new VirNetMessageHeader(VirKeepaliveProtocol.KEEPALIVE_PROGRAM, VirKeepaliveProtocol.KEEPALIVE_PROTOCOL_VERSION,
                proc.value(), VirNetMessageType.VIR_NET_MESSAGE, 0, VirNetMessageStatus.VIR_NET_OK)
                .encode(new org.libvirt4j.remote.internal.xdr.XdrWriter(b));
        ch.writeInbound(b);
    }

    private static final int PING = KeepaliveProcedure.KEEPALIVE_PROC_PING.value();
    private static final int PONG = KeepaliveProcedure.KEEPALIVE_PROC_PONG.value();

    @Test
    void pingsAfterEachSilentIntervalAndDiesAfterCountUnanswered() {
        ch.freezeTime();
        conn.setKeepAlive(5, 2);
        ch.runPendingTasks();
        elapse(4);
        assertThat(sent()).as("nothing before the interval").isEmpty();
        elapse(1);
        assertThat(sent()).containsExactly(PING);
        receive(KeepaliveProcedure.KEEPALIVE_PROC_PONG);
        assertThat(sent()).as("a PONG is consumed, not answered").isEmpty();
        elapse(5);
        assertThat(sent()).as("the PONG reset the count: one PING per silent interval").containsExactly(PING);
        elapse(5);
        assertThat(sent()).containsExactly(PING);
        assertThat(conn.isAlive()).isTrue();
        elapse(5);
        assertThat(sent()).as("after count unanswered PINGs none more").isEmpty();
        LibvirtException dead = conn.deathCause();
        assertThat(dead).isNotNull();
        assertThat(dead.code()).isEqualTo(ErrorNumber.ERR_INTERNAL_ERROR);
        assertThat(dead.getMessage()).isEqualTo("internal error: connection closed due to keepalive timeout");
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void answersTheDaemonsPingWithoutBeingStarted() {
        receive(KeepaliveProcedure.KEEPALIVE_PROC_PING);
        assertThat(sent()).containsExactly(PONG);
        assertThat(conn.isAlive()).isTrue();
    }

    @Test
    void stoppedKeepaliveSendsNothingAndCannotBeRestarted() {
        ch.freezeTime();
        conn.setKeepAlive(1, 1);
        ch.runPendingTasks();
        conn.setKeepAlive(0, 0);
        ch.runPendingTasks();
        elapse(10);
        assertThat(sent()).isEmpty();
        assertThat(conn.isAlive()).isTrue();
        LibvirtException e = org.assertj.core.api.Assertions.catchThrowableOfType(LibvirtException.class,
                () -> conn.setKeepAlive(1, 1));
        assertThat(e.getMessage()).isEqualTo("internal error: keepalive interval already set");
    }
}

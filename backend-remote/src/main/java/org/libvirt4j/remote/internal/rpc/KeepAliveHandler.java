package org.libvirt4j.remote.internal.rpc;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;
import org.libvirt4j.ConnectCloseReason;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.remote.generated.KeepaliveProcedure;
import org.libvirt4j.remote.generated.VirKeepaliveProtocol;
import org.libvirt4j.remote.generated.VirNetMessageHeader;
import org.libvirt4j.remote.generated.VirNetMessageType;

/**
 * libvirt's keepalive protocol ({@code virkeepaliveprotocol.x}) on one connection: answers the
 * daemon's PINGs and consumes its PONGs, always; and, once {@link #start started} as
 * {@code virConnectSetKeepAlive} does, sends a PING after each interval in which nothing arrived
 * (a Netty {@link IdleStateHandler} in front of this handler tells it so) and declares the daemon
 * dead after {@code count} PINGs in a row went unanswered. Any message from the daemon counts as
 * an answer. PINGs and PONGs are dropped rather than queued behind unwritten bytes
 * ({@link OutboundWriter}).
 */
final class KeepAliveHandler extends ChannelInboundHandlerAdapter {
    /** This handler's name in the pipeline; the idle timer goes in front of it. */
    static final String NAME = "keepalive";
    private static final String IDLE = "keepalive-idle";

    private final RpcConnection connection;
    /** libvirt's {@code ka->interval}: set by the first start, kept by a stop. Guarded by this. */
    private int interval = -1;
    /** Whether the idle timer runs. Guarded by this. */
    private boolean running;
    /** Unanswered PINGs allowed (C {@code unsigned int}); event loop only. */
    private long maxMissed;
    /** PINGs sent since the daemon's last message; event loop only. */
    private long missed;

    KeepAliveHandler(RpcConnection connection) {
        this.connection = connection;
    }

    /**
     * Starts or stops sending PINGs, as libvirt's {@code virKeepAliveStart} / {@code virKeepAliveStop}:
     * a positive interval while running changes nothing; once set, the interval can be stopped but
     * not set again.
     *
     * @param seconds seconds of silence before a PING; 0 or less stops
     * @param count unanswered PINGs before the connection is dead (C {@code unsigned int})
     * @throws LibvirtException {@code ERR_INTERNAL_ERROR} as libvirt words it for an interval set
     *         before or too large
     */
    synchronized void start(Channel channel, int seconds, int count) {
        if (seconds <= 0) {
            if (running) {
                running = false;
                channel.eventLoop().execute(() -> {
                    if (channel.pipeline().get(IDLE) != null) {
                        channel.pipeline().remove(IDLE);
                    }
                });
            }
            return;
        }
        if (running) {
            return;
        }
        if (interval > 0) {
            throw Rpc.error(ErrorNumber.ERR_INTERNAL_ERROR, "internal error: keepalive interval already set", null);
        }
        if (seconds > Integer.MAX_VALUE / 1000) {
            throw Rpc.error(ErrorNumber.ERR_INTERNAL_ERROR, "internal error: keepalive interval " + seconds
                    + " too large", null);
        }
        interval = seconds;
        running = true;
        long max = Integer.toUnsignedLong(count);
        channel.eventLoop().execute(() -> {
            maxMissed = max;
            missed = 0;
            // on a channel already closed the timer never starts: IdleStateHandler waits for active
            channel.pipeline().addBefore(NAME, IDLE, new IdleStateHandler(seconds, 0, 0, TimeUnit.SECONDS));
        });
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object m) {
        InboundMessage msg = (InboundMessage) m;
        missed = 0;
        VirNetMessageHeader h = msg.header();
        if (h.prog() != VirKeepaliveProtocol.KEEPALIVE_PROGRAM) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            if (h.vers() != VirKeepaliveProtocol.KEEPALIVE_PROTOCOL_VERSION || h.type() != VirNetMessageType.VIR_NET_MESSAGE) {
                throw Rpc.bogus("keepalive message of version " + h.vers() + ", type " + h.type().value());
            }
            if (h.proc() == KeepaliveProcedure.KEEPALIVE_PROC_PING.value()) {
                connection.sendKeepAlive(KeepaliveProcedure.KEEPALIVE_PROC_PONG);
            }
        } catch (LibvirtException e) {
            ctx.fireExceptionCaught(e);
        } finally {
            msg.body().release();
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (!(evt instanceof IdleStateEvent idle) || idle.state() != IdleState.READER_IDLE) {
            ctx.fireUserEventTriggered(evt);
            return;
        }
        if (missed >= maxMissed) {
            connection.fail(Rpc.error(ErrorNumber.ERR_INTERNAL_ERROR,
                    "internal error: connection closed due to keepalive timeout", null), ConnectCloseReason.KEEPALIVE);
            return;
        }
        missed++;
        connection.sendKeepAlive(KeepaliveProcedure.KEEPALIVE_PROC_PING);
    }
}

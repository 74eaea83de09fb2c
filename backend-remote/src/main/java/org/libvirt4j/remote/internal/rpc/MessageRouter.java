package org.libvirt4j.remote.internal.rpc;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.function.Supplier;
import org.libvirt4j.ConnectCloseReason;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.remote.generated.LxcProtocol;
import org.libvirt4j.remote.generated.QemuProtocol;
import org.libvirt4j.remote.generated.RemoteProtocol;
import org.libvirt4j.remote.generated.VirNetMessageHeader;
import org.libvirt4j.remote.generated.VirNetMessageStatus;
import org.libvirt4j.remote.generated.VirNetMessageType;
import org.libvirt4j.remote.internal.xdr.XdrReader;

/**
 * The last inbound handler: the one place that decides what a message of the daemon's programs
 * is by its type and status. Replies go to the {@link CallDispatcher}, stream packets and holes
 * to the {@link StreamRouter}, events to the {@link EventSink}. A message that cannot be decoded,
 * names a serial nobody waits for, or comes from an unknown program means the two sides no longer
 * agree, so the connection is failed with that reason; so is any error the handlers before this
 * one pass down, and the end of the daemon's bytes.
 */
final class MessageRouter extends ChannelInboundHandlerAdapter {
    private final RpcConnection connection;
    private final CallDispatcher calls;
    private final StreamRouter streams;
    private volatile EventSink events;
    /** What the end of the daemon's bytes means, when a transport knows better ({@link Tunnel}); else null. */
    private volatile Supplier<LibvirtException> endOfFile;

    MessageRouter(RpcConnection connection, CallDispatcher calls, StreamRouter streams) {
        this.connection = connection;
        this.calls = calls;
        this.streams = streams;
    }

    void setEventSink(EventSink sink) {
        this.events = sink;
    }

    void setEndOfFileError(Supplier<LibvirtException> error) {
        this.endOfFile = error;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object m) {
        InboundMessage msg = (InboundMessage) m;
        try {
            route(msg);
        } catch (LibvirtException e) {
            connection.fail(e);
        } catch (Throwable e) {
            // an Error too (an allocation that failed, a stack overflow): the stream is out of
            // step either way, and every caller must hear why now, not at its timeout
            connection.fail(Rpc.undecodable(e));
        } finally {
            msg.body().release();
        }
    }

    private void route(InboundMessage msg) {
        VirNetMessageHeader h = msg.header();
        int prog = h.prog();
        int program = connection.program();
        if (prog != program && prog != RemoteProtocol.REMOTE_PROGRAM && prog != QemuProtocol.QEMU_PROGRAM
                && prog != LxcProtocol.LXC_PROGRAM) {
            throw Rpc.bogus(String.format("unknown program 0x%x", prog));
        }
        if (h.vers() != connection.programVersion()) {
            throw Rpc.bogus("unknown protocol version " + h.vers());
        }
        VirNetMessageType type = h.type();
        if (prog != RemoteProtocol.REMOTE_PROGRAM && type != VirNetMessageType.VIR_NET_REPLY
                && type != VirNetMessageType.VIR_NET_MESSAGE && type != VirNetMessageType.VIR_NET_REPLY_WITH_FDS) {
            throw Rpc.bogus(String.format("message type %d from program 0x%x", type.value(), prog));
        }
        XdrReader r = new XdrReader(msg.body());
        switch (type) {
            case VIR_NET_REPLY -> {
                if (!calls.onReply(prog, h.proc(), h.serial(), h.status(), r)) {
                    finalReply(h.serial(), h.status(), r);
                }
            }
            case VIR_NET_REPLY_WITH_FDS -> {
                if (!calls.onReplyWithFds(prog, h.proc(), h.serial(), h.status(), r, connection.fdReads())) {
                    finalReply(h.serial(), h.status(), r);
                }
            }
            case VIR_NET_STREAM -> streams.onPacket(h.serial(), h.status(), r, msg.body());
            case VIR_NET_STREAM_HOLE -> streams.onHole(h.serial(), h.status(), r);
            case VIR_NET_MESSAGE -> {
                EventSink sink = events;
                if (sink != null) {
                    sink.onEvent(prog, h.proc(), r);
                }
            }
            default -> throw Rpc.bogus("message type " + type.value() + " from the daemon");
        }
    }

    /** A reply no call waits for: a stream's final reply, or a bogus one. */
    private void finalReply(int serial, VirNetMessageStatus status, XdrReader r) {
        if (!streams.onFinalReply(serial, status, r)) {
            throw Rpc.bogus("reply with serial " + Integer.toUnsignedString(serial) + " to no call in flight");
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        Supplier<LibvirtException> eof = endOfFile;
        connection.fail(eof != null ? eof.get()
                : Rpc.error(ErrorNumber.ERR_SYSTEM_ERROR, "End of file while reading data: Input/output error", null),
                ConnectCloseReason.EOF);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof LibvirtException le) {
            connection.fail(le); // from a handler before this one, in libvirt's words already
            return;
        }
        boolean io = cause instanceof java.io.IOException;
        connection.fail(Rpc.error(io ? ErrorNumber.ERR_SYSTEM_ERROR : ErrorNumber.ERR_RPC,
                (io ? "Cannot recv data: " : "RPC failure: ") + Rpc.rootMessage(cause), cause), Rpc.hangUpOr(cause));
    }
}

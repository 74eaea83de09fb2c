package org.libvirt4j.remote.internal.rpc;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.libvirt4j.ConnectCloseReason;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.remote.generated.KeepaliveProcedure;
import org.libvirt4j.remote.generated.RemoteProtocol;
import org.libvirt4j.remote.generated.VirKeepaliveProtocol;
import org.libvirt4j.remote.generated.VirNetMessageHeader;
import org.libvirt4j.remote.generated.VirNetMessageStatus;
import org.libvirt4j.remote.generated.VirNetMessageType;
import org.libvirt4j.remote.generated.VirNetProtocol;
import org.libvirt4j.remote.generated.VirNetStreamHole;
import org.libvirt4j.remote.internal.sasl.SaslLayer;
import org.libvirt4j.remote.internal.xdr.XdrReader;
import org.libvirt4j.remote.internal.xdr.XdrWriter;

/**
 * One connection to a libvirt daemon speaking its RPC protocol, made by {@link Transports}.
 *
 * <p>It composes the units of the RPC layer: the inbound pipeline ({@link MessageCodec}'s frame
 * decoder, {@link HeaderDecoder}, {@link KeepAliveHandler}, {@link MessageRouter}), the
 * {@link CallDispatcher} that matches replies to callers, the {@link StreamRouter}, and the
 * {@link OutboundWriter} through which callers write their own calls. Any number of threads call
 * at once. A connection dies once, for the first reason: every call in flight and every stream
 * fails with it, the socket is closed, and the close listener hears why.
 */
public final class RpcConnection {
    /** The name of the RPC frame decoder; the SASL layer's unwrapped bytes go in before it. */
    private static final String FRAMES = "rpc-frames";

    private final Channel channel;
    private final long timeoutNanos;
    /** {@link System#nanoTime()} by which the whole open (connect, TLS, handshake calls) must be done. */
    private final long openDeadline;
    private final AtomicReference<LibvirtException> dead = new AtomicReference<>();
    private final CallDispatcher calls;
    private final StreamRouter streams = new StreamRouter();
    private final OutboundWriter out;
    private final KeepAliveHandler keepAlive;
    private final MessageRouter router;
    /** Descriptor reception, on an epoll unix channel only; else null. */
    private final FdReads fdReads;
    private volatile IntConsumer closeListener;
    /**
     * The program this connection calls and accepts replies and messages of: libvirt's remote
     * program, or the admin program on a daemon's admin socket ({@link #speak}). Same framing,
     * serials and keepalive either way.
     */
    private volatile int program = RemoteProtocol.REMOTE_PROGRAM;
    private volatile int programVersion = RemoteProtocol.REMOTE_PROTOCOL_VERSION;

    /**
     * Builds the connection's units and its inbound pipeline on {@code channel}, after any handlers
     * already there (TLS).
     *
     * @param socket the socket under the channel, for direct writes, or null
     * @param directWrites whether callers may write to {@code socket} themselves
     * @param fdReads descriptor reception, already in the pipeline, or null
     * @param fdSends descriptor sending, or null; with {@code fdReads} on an epoll unix channel only
     */
    RpcConnection(Channel channel, DirectSocket socket, boolean directWrites, RpcSettings settings, long openDeadline,
            FdReads fdReads, FdSends fdSends) {
        this.channel = channel;
        this.fdReads = fdReads;
        this.timeoutNanos = settings.timeoutNanos();
        this.openDeadline = openDeadline;
        this.calls = new CallDispatcher(timeoutNanos, settings.spinNanos(), this::fail);
        this.out = new OutboundWriter(channel, socket, directWrites, timeoutNanos, this, fdSends);
        this.keepAlive = new KeepAliveHandler(this);
        this.router = new MessageRouter(this, calls, streams);
        ChannelPipeline p = channel.pipeline();
        p.addLast(FRAMES, MessageCodec.frameDecoder());
        p.addLast("rpc-header", new HeaderDecoder());
        p.addLast(KeepAliveHandler.NAME, keepAlive);
        p.addLast("rpc-router", router);
    }

    /**
     * A connection on a channel the caller drives (a test's {@code EmbeddedChannel}), with the
     * inbound pipeline of a real connection; what it sends goes through the channel, never to a
     * socket. The seam the decoding fuzz test feeds the daemon's side of the wire through.
     */
    static RpcConnection onChannel(Channel ch, long timeoutNanos) {
        return new RpcConnection(ch, null, false, RpcSettings.defaults().withTimeoutNanos(timeoutNanos),
                System.nanoTime() + timeoutNanos, null, null);
    }

    /**
     * Makes this connection speak another program of libvirt's RPC protocol (the admin program),
     * before its first call.
     *
     * @param program the program number, e.g. {@code ADMIN_PROGRAM}
     * @param version its protocol version
     */
    public void speak(int program, int version) {
        this.program = program;
        this.programVersion = version;
    }

    int program() {
        return program;
    }

    int programVersion() {
        return programVersion;
    }

    /**
     * Puts a negotiated SASL security layer under the RPC messages, as libvirt's client does right
     * after authentication ({@code virNetClientSetSASLSession}): from now on every byte sent is
     * wrapped and every byte received unwrapped ({@link SaslFraming}). Called during the open,
     * after the last authentication reply and before the next call, so no byte crosses the
     * switch; callers write through Netty from then on.
     *
     * @param layer the layer
     */
    public void startSaslLayer(SaslLayer layer) {
        out.stopDirectWrites();
        io.netty.util.concurrent.Future<?> done = channel.eventLoop().submit(() -> SaslFraming.install(channel.pipeline(),
                FRAMES, layer));
        done.awaitUninterruptibly();
        if (!done.isSuccess()) {
            throw Rpc.error(ErrorNumber.ERR_INTERNAL_ERROR, "internal error: cannot start the SASL layer: "
                    + Rpc.rootMessage(done.cause()), done.cause());
        }
    }

    /** @return whether the connection is up and no fatal error was seen */
    public boolean isAlive() {
        return dead.get() == null && channel.isActive();
    }

    /** @return the Netty channel class carrying this connection, e.g. {@code NioDomainSocketChannel} */
    public String transport() {
        return channel.getClass().getSimpleName();
    }

    /** @return the call timeout in nanoseconds */
    public long timeoutNanos() {
        return timeoutNanos;
    }

    /**
     * {@return the {@link System#nanoTime()} by which opening must be done}: one call timeout
     * after connecting began, for {@link #callBefore} to hold every handshake call to
     */
    public long openDeadline() {
        return openDeadline;
    }

    /**
     * {@return the bytes queued for the daemon and not yet written}: they wait in Netty's outbound
     * buffer because the socket was full; at most {@link OutboundWriter#OUTBOUND_MAX} or one message
     */
    public long queuedBytes() {
        return out.queuedBytes();
    }

    /**
     * Calls a procedure of the connection's program and waits for its reply until {@code deadline}
     * at most, as every step of opening a connection does: the steps share one deadline, not one
     * call timeout each.
     *
     * @param <T> the reply type
     * @param deadline the {@link System#nanoTime()} by which the reply must have arrived
     * @param proc the procedure number
     * @param args writes the arguments, or null for none
     * @param ret reads the reply, or null when the reply is empty
     * @return the decoded reply, null for an empty one
     * @throws LibvirtException {@code ERR_OPERATION_TIMEOUT} past the deadline, the daemon's error,
     *         or an RPC error when the connection fails
     */
    public <T> T callBefore(long deadline, int proc, Consumer<XdrWriter> args, Function<XdrReader, T> ret) {
        return call(program, proc, args, ret, null, deadline, true);
    }

    /**
     * Calls a procedure of the connection's program and waits for its reply.
     *
     * @param <T> the reply type
     * @param proc the procedure number
     * @param args writes the arguments, or null for none
     * @param ret reads the reply, or null when the reply is empty
     * @return the decoded reply, null for an empty one
     * @throws LibvirtException the daemon's error, or an RPC error when the connection fails
     */
    public <T> T call(int proc, Consumer<XdrWriter> args, Function<XdrReader, T> ret) {
        return call(program, proc, args, ret, null, 0, false);
    }

    /**
     * Calls a procedure that opens a data stream: the stream's packets, which carry the call's
     * serial, go to {@code stream} from the moment the call is sent.
     *
     * @param <T> the reply type
     * @param proc the procedure number
     * @param args writes the arguments
     * @param ret reads the reply, or null when empty
     * @param stream receives the stream's packets, or null for a plain call
     * @return the decoded reply
     */
    public <T> T call(int proc, Consumer<XdrWriter> args, Function<XdrReader, T> ret, RpcStream stream) {
        return call(program, proc, args, ret, stream, 0, false);
    }

    /**
     * Calls a procedure of another program the daemon serves on this connection
     * ({@code QEMU_PROGRAM}, {@code LXC_PROGRAM}, each of version 1) and waits for its reply.
     *
     * @param <T> the reply type
     * @param prog the program
     * @param proc the procedure number
     * @param args writes the arguments, or null for none
     * @param ret reads the reply, or null when the reply is empty
     * @return the decoded reply, null for an empty one
     * @throws LibvirtException the daemon's error, or an RPC error when the connection fails
     */
    public <T> T callProgram(int prog, int proc, Consumer<XdrWriter> args, Function<XdrReader, T> ret) {
        return call(prog, proc, args, ret, null, 0, false);
    }

    /**
     * A reply and the descriptors that came with it, which the caller owns.
     *
     * @param <T> the reply type
     * @param value the decoded reply, null for an empty one
     * @param fds the descriptors, none when the reply carried none
     */
    public record FdReply<T>(T value, org.libvirt4j.FileDescriptors fds) {
    }

    /**
     * {@return whether this connection passes descriptors}: a unix socket on the epoll transport,
     * as libvirt's client passes them on unix sockets only, and no SASL layer (which would wrap
     * the message but not the descriptors' bytes)
     */
    public boolean passesFds() {
        return out.passesFds();
    }

    /** {@return the connection's descriptor reception, or null where it cannot receive any} */
    FdReads fdReads() {
        return fdReads;
    }

    /**
     * Calls a procedure that passes descriptors either way ({@code virDomainCreateWithFiles},
     * {@code virDomainOpenGraphicsFD}, {@code virDomainQemuMonitorCommandWithFiles}, ...). With
     * descriptors to send the message is a {@code CALL_WITH_FDS}, their count written after the
     * header; the reply may be a {@code REPLY_WITH_FDS}, whose descriptors the caller gets.
     * Where this connection cannot pass descriptors ({@link #passesFds()}), it fails as libvirt's
     * client does: sending any closes the connection with libvirt's error, and so would a reply
     * that carries some.
     *
     * @param <T> the reply type
     * @param prog the program
     * @param proc the procedure number
     * @param args writes the arguments, or null for none
     * @param fds the descriptors to send, which stay the caller's
     * @param ret reads the reply, or null when the reply is empty
     * @return the reply and the descriptors received
     * @throws LibvirtException the daemon's error, libvirt's RPC errors, or
     *         {@code ERR_INTERNAL_ERROR} "Sending file descriptors is not supported on this socket"
     */
    public <T> FdReply<T> callWithFds(int prog, int proc, Consumer<XdrWriter> args, int[] fds,
            Function<XdrReader, T> ret) {
        if (!passesFds()) {
            if (fds.length == 0) {
                return call(prog, proc, args, r -> new FdReply<>(ret == null ? null : ret.apply(r),
                        org.libvirt4j.FileDescriptors.none()), null, 0, false);
            }
            requireAlive();
            // libvirt's client writes the message, fails at the first descriptor and closes the connection
            LibvirtException refused = Rpc.error(ErrorNumber.ERR_INTERNAL_ERROR,
                    "internal error: Sending file descriptors is not supported on this socket", null);
            fail(refused);
            throw Rpc.closedError(refused);
        }
        if (fds.length > VirNetProtocol.VIR_NET_MESSAGE_NUM_FDS_MAX) {
            throw Rpc.error(ErrorNumber.ERR_RPC, "Too many FDs to send " + fds.length + ", expected "
                    + VirNetProtocol.VIR_NET_MESSAGE_NUM_FDS_MAX + " maximum", null);
        }
        CallDispatcher.Deadline bound = calls.deadlineOf(proc, 0, false);
        fdReads.expect();
        try {
            int serial = calls.nextSerial();
            VirNetMessageType type = fds.length > 0 ? VirNetMessageType.VIR_NET_CALL_WITH_FDS
                    : VirNetMessageType.VIR_NET_CALL;
            ByteBuf msg = encode(new VirNetMessageHeader(prog, RemoteProtocol.REMOTE_PROTOCOL_VERSION, proc, type,
                    serial, VirNetMessageStatus.VIR_NET_OK), w -> {
                        if (fds.length > 0) {
                            w.writeInt(fds.length);
                        }
                        if (args != null) {
                            args.accept(w);
                        }
                    });
            // decoded as a plain reply's value; a REPLY_WITH_FDS replaces it with the descriptors
            PendingCall<FdReply<T>> p = new PendingCall<>(prog, proc, r -> new FdReply<>(
                    ret == null ? null : ret.apply(r), org.libvirt4j.FileDescriptors.none()),
                    Thread.currentThread(), null);
            p.takesFds = true;
            calls.register(serial, p);
            LibvirtException gone = dead.get();
            if (gone != null || !channel.isActive()) {
                calls.forget(serial);
                msg.release();
                throw Rpc.notSent(gone);
            }
            try {
                return calls.sendAndAwait(p, serial, fds.length > 0 ? () -> out.sendWithFds(msg, fds)
                        : () -> out.send(msg), bound);
            } catch (LibvirtException e) {
                calls.forget(serial);
                throw e;
            }
        } finally {
            fdReads.done();
        }
    }

    /** @param hasDeadline whether {@code deadline} bounds the wait, rather than the call timeout */
    private <T> T call(int prog, int proc, Consumer<XdrWriter> args, Function<XdrReader, T> ret, RpcStream stream,
            long deadline, boolean hasDeadline) {
        CallDispatcher.Deadline bound = calls.deadlineOf(proc, deadline, hasDeadline);
        int serial = calls.nextSerial();
        // every program of the daemon is at version 1, as REMOTE_PROTOCOL_VERSION
        ByteBuf msg = encode(new VirNetMessageHeader(prog, RemoteProtocol.REMOTE_PROTOCOL_VERSION, proc,
                VirNetMessageType.VIR_NET_CALL, serial, VirNetMessageStatus.VIR_NET_OK), args);
        PendingCall<T> p = new PendingCall<>(prog, proc, ret, Thread.currentThread(), null);
        calls.register(serial, p);
        if (stream != null) {
            attach(serial, proc, stream);
        }
        LibvirtException gone = dead.get();
        if (gone != null || !channel.isActive()) {
            // failAll may have run before this call was registered: do not wait for a reply that cannot
            // come. The call was never sent: libvirt's C client refuses it with "client socket is
            // closed" whatever ended the connection (virNetClientSendInternal)
            calls.forget(serial);
            detach(serial, stream);
            msg.release();
            throw Rpc.notSent(gone);
        }
        try {
            return calls.sendAndAwait(p, serial, () -> out.send(msg), bound);
        } catch (LibvirtException e) {
            calls.forget(serial);
            detach(serial, stream);
            throw e;
        }
    }

    private void attach(int serial, int proc, RpcStream stream) {
        stream.attach(this, proc, serial);
        streams.add(serial, stream);
    }

    private void detach(int serial, RpcStream stream) {
        if (stream != null) {
            streams.remove(serial);
            stream.detach();
        }
    }

    private ByteBuf encode(VirNetMessageHeader header, Consumer<XdrWriter> body) {
        return MessageCodec.encode(channel.alloc(), header, body);
    }

    /**
     * Sends one stream packet for a stream opened by {@link #call(int, Consumer, Function, RpcStream)},
     * then holds the sender while too many bytes wait unwritten.
     *
     * @param proc the procedure that opened the stream
     * @param serial its serial
     * @param status {@code VIR_NET_CONTINUE} with data, {@code VIR_NET_OK} to finish,
     *               {@code VIR_NET_ERROR} to abort
     * @param data the bytes between its position and limit (which stay as they are), or null
     */
    void sendStream(int proc, int serial, VirNetMessageStatus status, java.nio.ByteBuffer data) {
        requireAlive();
        // sized up front: the payload is copied once into a pooled buffer, which never grows
        int size = MessageCodec.LEN_SIZE + MessageCodec.HEADER_SIZE + (data == null ? 0 : data.remaining());
        out.send(MessageCodec.encode(channel.alloc(), new VirNetMessageHeader(program, programVersion, proc,
                VirNetMessageType.VIR_NET_STREAM, serial, status),
                data == null ? null : w -> w.buffer().writeBytes(data.duplicate()), size));
        out.awaitDrainedIfFull();
    }

    /**
     * Sends one {@code VIR_NET_STREAM_HOLE} packet for a sparse upload.
     *
     * @param proc the procedure that opened the stream
     * @param serial its serial
     * @param length the hole's length
     * @param flags the hole's flags
     */
    void sendStreamHole(int proc, int serial, long length, int flags) {
        requireAlive();
        out.send(encode(new VirNetMessageHeader(RemoteProtocol.REMOTE_PROGRAM, RemoteProtocol.REMOTE_PROTOCOL_VERSION,
                proc, VirNetMessageType.VIR_NET_STREAM_HOLE, serial, VirNetMessageStatus.VIR_NET_CONTINUE),
                new VirNetStreamHole(length, flags)::encode));
    }

    /** As for a call, a packet on a dead connection is refused (virNetClientSendInternal). */
    private void requireAlive() {
        LibvirtException gone = dead.get();
        if (gone != null || !channel.isActive()) {
            throw Rpc.notSent(gone);
        }
    }

    /** Sends a keepalive message, or drops it when other bytes wait unwritten (they prove this side alive). */
    void sendKeepAlive(KeepaliveProcedure proc) {
        out.send(encode(new VirNetMessageHeader(VirKeepaliveProtocol.KEEPALIVE_PROGRAM,
                VirKeepaliveProtocol.KEEPALIVE_PROTOCOL_VERSION, proc.value(), VirNetMessageType.VIR_NET_MESSAGE, 0,
                VirNetMessageStatus.VIR_NET_OK), null), true, false);
    }

    void forgetStream(int serial) {
        streams.remove(serial);
    }

    void setAutoRead(boolean on) {
        channel.config().setAutoRead(on);
    }

    /**
     * Starts or stops client-side keepalive as libvirt's {@code virConnectSetKeepAlive} does
     * ({@link KeepAliveHandler#start}): after {@code interval} seconds without any message from
     * the daemon a PING goes out, and after {@code count} unanswered PINGs the connection is
     * declared dead.
     *
     * @param interval seconds of silence before a PING; 0 or less stops keepalive
     * @param count unanswered PINGs before the connection is dead (C {@code unsigned int})
     * @throws LibvirtException {@code ERR_INTERNAL_ERROR} as libvirt words it for an interval set
     *         before or too large
     */
    public void setKeepAlive(int interval, int count) {
        keepAlive.start(channel, interval, count);
    }

    /** @param sink where events go from now on; {@code null} drops them */
    public void setEventSink(EventSink sink) {
        router.setEventSink(sink);
    }

    /**
     * @param listener told once, with libvirt's {@code virConnectCloseReason} value, on the event
     *        loop, when the connection dies for any reason but {@link #close()}; {@code null} for none
     */
    public void setCloseListener(IntConsumer listener) {
        this.closeListener = listener;
    }

    /**
     * @param error the error the end of the daemon's bytes gives, instead of the plain "End of
     *        file while reading data" (a tunnel adds its command's error output, as libvirt does)
     */
    void setEndOfFileError(Supplier<LibvirtException> error) {
        router.setEndOfFileError(error);
    }

    /**
     * Sends a last call (libvirt's {@code CONNECT_CLOSE}) without waiting for it, and closes the
     * connection when its reply arrives or after at most 5 seconds.
     *
     * @param proc the procedure to call, with no arguments
     */
    public void closeAfter(int proc) {
        if (!isAlive()) {
            close();
            return;
        }
        int serial = calls.nextSerial();
        CompletableFuture<Void> done = new CompletableFuture<>();
        calls.register(serial, new PendingCall<>(program, proc, null, null, () -> done.complete(null)));
        done.orTimeout(5, TimeUnit.SECONDS).whenComplete((v, e) -> close());
        try {
            // never waits for room (the Cleaner's thread may be here): a daemon that reads
            // nothing does not get the goodbye, the socket just closes
            if (!out.send(encode(new VirNetMessageHeader(program, programVersion, proc, VirNetMessageType.VIR_NET_CALL,
                    serial, VirNetMessageStatus.VIR_NET_OK), null), false, false)) {
                close();
            }
        } catch (RuntimeException e) {
            close();
        }
    }

    /**
     * Closes the connection; calls in flight fail with "client socket is closed".
     */
    public void close() {
        fail(Rpc.error(ErrorNumber.ERR_INTERNAL_ERROR, "internal error: client socket is closed", null),
                ConnectCloseReason.CLIENT);
    }

    /** {@link #fail(LibvirtException, ConnectCloseReason)} for an error. */
    void fail(LibvirtException reason) {
        fail(reason, ConnectCloseReason.ERROR);
    }

    /**
     * Declares the connection dead: the first reason wins, every call in flight and every
     * stream fails with it, the socket is closed (which ends the keepalive timer), and the close
     * listener hears why.
     */
    void fail(LibvirtException reason, ConnectCloseReason why) {
        if (dead.compareAndSet(null, reason) && why != ConnectCloseReason.CLIENT) {
            IntConsumer l = closeListener;
            if (l != null) {
                l.accept(why.value());
            }
        }
        LibvirtException first = dead.get();
        calls.failAll(first);
        streams.failAll(first);
        channel.close();
    }

    /** {@return why the connection died, or null while it is alive} */
    public LibvirtException deathCause() {
        return dead.get();
    }

    /**
     * Registers a call in flight without sending it, as if {@code serial} had been sent for
     * {@code proc}: its reply is then decoded with {@code ret}. For tests on {@link #onChannel}.
     */
    <T> void expectReply(int serial, int proc, Function<XdrReader, T> ret) {
        calls.register(serial, new PendingCall<>(RemoteProtocol.REMOTE_PROGRAM, proc, ret, null, null));
    }

    /** Attaches {@code stream} as if {@code serial} had opened it for {@code proc}. For tests on {@link #onChannel}. */
    void expectStream(int serial, int proc, RpcStream stream) {
        attach(serial, proc, stream);
    }
}

package org.libvirt4j.remote.internal.rpc;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelProgressiveFuture;
import io.netty.channel.ChannelProgressiveFutureListener;
import io.netty.channel.ChannelProgressivePromise;
import io.netty.channel.socket.nio.NioDomainSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import javax.net.ssl.SSLParameters;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.libvirt4j.ConnectCloseReason;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.remote.internal.xdr.XdrException;
import org.libvirt4j.remote.internal.xdr.XdrReader;
import org.libvirt4j.remote.internal.xdr.XdrWriter;

/**
 * One connection to a libvirt daemon speaking its RPC protocol.
 *
 * <p>Any number of threads call at once: each call gets a serial, its pending entry waits in a
 * concurrent map until the reply with that serial arrives, and no lock is held across the
 * round trip. Replies are decoded on the event loop; a reply that cannot be decoded, names a
 * serial nobody waits for, or comes from an unknown program means the two sides no longer
 * agree, so the connection is closed and every call in flight fails at once with that reason.
 * A call waits at most the call timeout; keepalive declares a silent daemon dead.
 *
 * <p>Callers write their own calls straight to the socket and the event loop only reads, as
 * libvirt's C client lets the calling thread do the I/O: a round trip then costs one thread
 * wake-up (the reader's), not two. A caller waits for its reply by parking; the event loop
 * stores the outcome and unparks exactly that thread. A caller alone on the connection first
 * spins for up to {@link #SPIN_PROPERTY} microseconds: a sequential client's round trip to a local
 * daemon is shorter than the two thread wake-ups a park costs, at the price of that CPU time.
 */
public final class RpcClient {
    /** System property: seconds a call waits for its reply (default 60). */
    public static final String TIMEOUT_PROPERTY = "libvirt4j.remote.callTimeoutSeconds";
    /**
     * System property: microseconds a caller that is the connection's only call in flight
     * busy-waits for its reply before parking, at most (default 200, 0 to always park at once);
     * the window shrinks while replies miss it.
     */
    public static final String SPIN_PROPERTY = "libvirt4j.remote.spinMicros";
    private static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(Math.max(0, Long.getLong(SPIN_PROPERTY, 200)));
    /** Abandoned (timed-out) serials kept to recognise their late replies; past this the daemon is hopeless. */
    private static final int MAX_ABANDONED = 4096;
    /**
     * Queued bytes above which a stream sender waits for the daemon to read, so that an upload
     * faster than the daemon takes it cannot make this client buffer without bound.
     */
    static final int QUEUED_HIGH_WATER = 4 * 1024 * 1024;
    /**
     * The most bytes one connection keeps queued for a daemon that does not read them (calls,
     * stream data and keepalive messages alike), unless the queue was empty: one message of any
     * legal size is always accepted, so the queue holds at most this or one message, whichever is
     * larger. A caller whose message does not fit waits for the daemon to read; a daemon that
     * takes none of the queued bytes for the call timeout has stopped reading, and the connection
     * fails. Keepalive messages are dropped rather than queued behind others.
     */
    public static final int OUTBOUND_MAX = 8 * 1024 * 1024;

    private final Channel channel;
    /** The socket under {@link #channel}: callers write to it directly. */
    private final DirectSocket socket;
    /** fdpass: descriptor reception and sending, on an epoll unix channel only; else null. */
    private FdReads fdReads;
    private FdSends fdSends;
    /**
     * Whether callers may write to {@link #socket} themselves: not under TLS, where every byte goes
     * through Netty's SslHandler, nor once a SASL security layer wraps every byte.
     */
    private volatile boolean directWrites;
    private final long timeoutNanos;
    /** {@link System#nanoTime()} by which the whole open (connect, TLS, handshake calls) must be done. */
    private final long openDeadline;
    private final AtomicInteger serials = new AtomicInteger();
    private final Map<Integer, Pending<?>> pending = new ConcurrentHashMap<>();
    private final Map<Integer, Boolean> abandoned = new ConcurrentHashMap<>();
    private final Map<Integer, RpcStream> streams = new ConcurrentHashMap<>();
    private final AtomicReference<LibvirtException> dead = new AtomicReference<>();
    /** Makes each message's bytes contiguous on the wire; held only for non-blocking writes. */
    private final ReentrantLock writeLock = new ReentrantLock();
    private final AtomicInteger inFlight = new AtomicInteger();
    /** The current spin window, between 1/16 of {@link #SPIN_NANOS} and all of it; races are harmless. */
    private volatile long spinNanos = SPIN_NANOS;
    /** Counts lone calls for the periodic full-window probe; a racy count is harmless. */
    private int spinCalls;
    /**
     * Bytes handed to Netty because the socket was full, not yet written by it; every such
     * message has bytes, so zero means nothing waits there.
     */
    private final AtomicLong queuedBytes = new AtomicLong();
    /**
     * When Netty last wrote some of the queued bytes, or when the queue last became non-empty:
     * while bytes are queued, the time since then is how long the daemon has taken nothing.
     */
    private volatile long lastDrained = System.nanoTime();
    private volatile long lastReceived = System.nanoTime();
    private volatile int missedPings;
    private volatile ScheduledFuture<?> keepAlive;
    /** libvirt's {@code ka->interval}: set by the first start, kept by a stop. Guarded by this. */
    private int keepAliveInterval = -1;
    private volatile EventSink eventSink;
    private volatile IntConsumer closeListener;
    /** What the end of the daemon's bytes means, when a transport knows better ({@link Tunnel}); else null. */
    private volatile java.util.function.Supplier<LibvirtException> endOfFile;

    /**
     * The program this client calls and accepts replies and messages of: libvirt's remote program,
     * or the admin program on a daemon's admin socket ({@link #speak}). Same framing, serials and
     * keepalive either way.
     */
    private volatile int program = Rpc.REMOTE_PROGRAM;
    private volatile int programVersion = Rpc.REMOTE_PROTOCOL_VERSION;

    private RpcClient(Channel channel, DirectSocket socket, long timeoutNanos, long openDeadline,
            boolean directWrites) {
        this.channel = channel;
        this.socket = socket;
        this.timeoutNanos = timeoutNanos;
        this.openDeadline = openDeadline;
        this.directWrites = directWrites;
    }

    /**
     * Makes this client speak another program of libvirt's RPC protocol (the admin program), before
     * its first call.
     *
     * @param program the program number, e.g. {@code ADMIN_PROGRAM}
     * @param version its protocol version
     */
    public void speak(int program, int version) {
        this.program = program;
        this.programVersion = version;
    }

    /** @return the call timeout from {@link #TIMEOUT_PROPERTY}, 60 s when unset or unreadable */
    public static long defaultTimeoutNanos() {
        String v = System.getProperty(TIMEOUT_PROPERTY);
        if (v != null) {
            try {
                double s = Double.parseDouble(v.trim());
                if (s > 0) {
                    return (long) (s * 1e9);
                }
            } catch (NumberFormatException e) {
                // fall through to the default: a typo must not make calls wait forever
            }
        }
        return TimeUnit.SECONDS.toNanos(60);
    }

    /**
     * Connects to a unix socket, as libvirt's {@code virNetSocketNewConnectUNIX}.
     *
     * @param path the socket
     * @param timeoutNanos the call timeout, also the time the whole open may take ({@link #openDeadline})
     * @return the connected client
     * @throws LibvirtException {@code ERR_SYSTEM_ERROR} when the socket cannot be reached
     */
    public static RpcClient connectUnix(Path path, long timeoutNanos) {
        return connect(UnixDomainSocketAddress.of(path), true, timeoutNanos, "Failed to connect socket to '" + path + "'",
                null);
    }

    /**
     * fdpass: connects to a unix socket as {@link #connectUnix}, on the transport that passes
     * descriptors ({@link UnixTransport}) where it is available, else exactly as {@link #connectUnix}.
     *
     * @param path the socket
     * @param timeoutNanos the call timeout, also the time the whole open may take ({@link #openDeadline})
     * @return the connected client
     * @throws LibvirtException {@code ERR_SYSTEM_ERROR} when the socket cannot be reached
     */
    public static RpcClient connectUnixPassingFds(Path path, long timeoutNanos) {
        if (!UnixTransport.enabled()) {
            return connectUnix(path, timeoutNanos);
        }
        io.netty.channel.epoll.EpollDomainSocketChannel ch = UnixTransport.newChannel();
        DirectSocket direct = DirectSocket.of(UnixTransport.socket(ch));
        return connect(UnixTransport.address(path), ch, direct, UnixTransport.group(), true, timeoutNanos,
                "Failed to connect socket to '" + path + "'", null);
    }

    /**
     * Connects over TCP, as libvirt's {@code virNetSocketNewConnectTCP}.
     *
     * @param host the host
     * @param port the port
     * @param timeoutNanos the call timeout, also the time the whole open may take ({@link #openDeadline})
     * @return the connected client
     * @throws LibvirtException {@code ERR_SYSTEM_ERROR} when the host cannot be reached
     */
    public static RpcClient connectTcp(String host, int port, long timeoutNanos) {
        return connect(new InetSocketAddress(host, port), false, timeoutNanos,
                "unable to connect to server at '" + host + ":" + port + "'", null);
    }

    /**
     * Connects over TLS, as libvirt's {@code virNetClientNewTCP} plus {@code virNetClientSetTLSSession}:
     * the handshake, the check of the daemon's certificate against {@code host} (unless
     * {@code verifyHost} is false), then the daemon's one-byte verdict on this client.
     *
     * @param host the host, also the name the daemon's certificate must carry
     * @param port the port
     * @param ssl the client context ({@link Tls#context})
     * @param verifyHost whether the certificate must name {@code host}
     * @param timeoutNanos the call timeout, also the time the whole open may take ({@link #openDeadline})
     * @return the connected client
     * @throws LibvirtException {@code ERR_SYSTEM_ERROR} when the host cannot be reached or the
     *         handshake fails, {@code ERR_RPC} when the daemon refuses this client
     */
    public static RpcClient connectTls(String host, int port, SslContext ssl, boolean verifyHost, long timeoutNanos) {
        return connect(new InetSocketAddress(host, port), false, timeoutNanos,
                "unable to connect to server at '" + host + ":" + port + "'", ch -> {
                    SslHandler handler = ssl.newHandler(ch.alloc(), host, port);
                    if (verifyHost) {
                        SSLParameters params = handler.engine().getSSLParameters();
                        params.setEndpointIdentificationAlgorithm("HTTPS");
                        handler.engine().setSSLParameters(params);
                    }
                    handler.setHandshakeTimeoutMillis(TimeUnit.NANOSECONDS.toMillis(timeoutNanos));
                    return handler;
                });
    }

    /** @param tls makes the channel's SslHandler, or {@code null} for a plain connection */
    private static RpcClient connect(SocketAddress address, boolean unix, long timeoutNanos, String what,
            java.util.function.Function<Channel, SslHandler> tls) {
        if (address instanceof InetSocketAddress inet && inet.isUnresolved()) {
            throw Rpc.error(ErrorNumber.ERR_SYSTEM_ERROR, "Cannot resolve address '" + inet.getHostString() + "'", null);
        }
        // The JDK socket is opened here, not by Netty, so that callers can write to it themselves.
        SocketChannel socket;
        try {
            socket = unix ? SocketChannel.open(StandardProtocolFamily.UNIX) : SocketChannel.open();
        } catch (IOException e) {
            throw Rpc.error(ErrorNumber.ERR_SYSTEM_ERROR, what + ": " + rootMessage(e), e);
        }
        Channel netty = unix ? new NioDomainSocketChannel(socket) : new NioSocketChannel(socket);
        return connect(address, netty, DirectSocket.of(socket), EventLoops.group(), unix, timeoutNanos, what, tls);
    }

    /** @param socket the socket under {@code netty}, which callers write to */
    private static RpcClient connect(SocketAddress address, Channel netty, DirectSocket socket,
            io.netty.channel.EventLoopGroup group, boolean unix, long timeoutNanos, String what,
            java.util.function.Function<Channel, SslHandler> tls) {
        // One deadline for the whole open, as one call timeout: connecting, TLS, and the handshake
        // calls (openDeadline()) all spend from it, so a daemon slow at each step cannot multiply it.
        long deadline = System.nanoTime() + timeoutNanos;
        CompletableFuture<RpcClient> ready = new CompletableFuture<>();
        CompletableFuture<Void> confirmed = new CompletableFuture<>();
        Bootstrap b = new Bootstrap().group(group)
                .channelFactory((io.netty.channel.ChannelFactory<Channel>) () -> netty)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
                        (int) Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(timeoutNanos)))
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        RpcClient client = new RpcClient(ch, socket, timeoutNanos, deadline, tls == null);
                        if (tls != null) {
                            ch.pipeline().addLast(tls.apply(ch), new Tls.Confirmation(confirmed));
                        } else {
                            confirmed.complete(null);
                        }
                        if (ch instanceof io.netty.channel.epoll.EpollDomainSocketChannel epoll) {
                            client.passFds(epoll); // fdpass
                        }
                        client.addInbound(ch);
                        ready.complete(client);
                    }
                });
        if (!unix) {
            b.option(ChannelOption.TCP_NODELAY, true);
        }
        ChannelFuture f = b.connect(address);
        // Netty fails the connect at CONNECT_TIMEOUT_MILLIS; the second is a safety net
        if (!f.awaitUninterruptibly(Math.max(0, deadline - System.nanoTime()) + TimeUnit.SECONDS.toNanos(1),
                TimeUnit.NANOSECONDS)) {
            f.cancel(false);
            f.channel().close();
            throw Rpc.error(ErrorNumber.ERR_SYSTEM_ERROR, what + ": Connection timed out", null);
        }
        if (!f.isSuccess()) {
            f.channel().close();
            Throwable c = f.cause();
            String reason = c == null ? "unknown error" : rootMessage(c);
            throw Rpc.error(ErrorNumber.ERR_SYSTEM_ERROR, what + ": " + reason, c);
        }
        try {
            confirmed.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            f.channel().close();
            if (e.getCause() instanceof LibvirtException le) {
                throw le;
            }
            throw Rpc.error(ErrorNumber.ERR_SYSTEM_ERROR, "TLS handshake failed: " + rootMessage(e.getCause()),
                    e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            f.channel().close();
            throw Rpc.error(ErrorNumber.ERR_SYSTEM_ERROR, what + ": TLS handshake timed out", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.channel().close();
            throw Rpc.error(ErrorNumber.ERR_OPERATION_ABORTED, "operation aborted: interrupted during the TLS handshake",
                    e);
        }
        return ready.getNow(null);
    }

    /**
     * fdpass: makes this epoll unix connection pass descriptors: reads that stop at message ends
     * while a call may get descriptors back ({@link FdReads}, first in the pipeline and the
     * channel's read allocator), and the sending step ({@link FdSends}).
     */
    private void passFds(io.netty.channel.epoll.EpollDomainSocketChannel ch) {
        fdReads = new FdReads(ch, timeoutNanos);
        ch.config().setRecvByteBufAllocator(fdReads);
        ch.pipeline().addLast(fdReads);
        fdSends = new FdSends(socket, UnixTransport.socket(ch));
    }

    /** Adds the inbound handlers every connection has: the frame decoder, then the message handler. */
    private void addInbound(Channel ch) {
        // The length word counts itself; reject oversized frames before allocating them.
        ch.pipeline().addLast(FRAMES, new LengthFieldBasedFrameDecoder(Rpc.MESSAGE_MAX + Rpc.LEN_SIZE,
                0, Rpc.LEN_SIZE, -Rpc.LEN_SIZE, Rpc.LEN_SIZE, true));
        ch.pipeline().addLast(new Handler());
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
    public void startSaslLayer(org.libvirt4j.remote.internal.sasl.SaslLayer layer) {
        directWrites = false;
        io.netty.util.concurrent.Future<?> done = channel.eventLoop().submit(() -> SaslFraming.install(channel.pipeline(),
                FRAMES, layer));
        done.awaitUninterruptibly();
        if (!done.isSuccess()) {
            throw Rpc.error(ErrorNumber.ERR_INTERNAL_ERROR, "internal error: cannot start the SASL layer: "
                    + rootMessage(done.cause()), done.cause());
        }
    }

    /** The name of the RPC frame decoder, the SASL layer's unwrapped bytes go in before it. */
    private static final String FRAMES = "rpc-frames";

    /**
     * A client on a channel the caller drives (a test's {@code EmbeddedChannel}), with the inbound
     * pipeline of a real connection; what it sends goes through the channel, never to a socket.
     * The seam the decoding fuzz test feeds the daemon's side of the wire through.
     */
    static RpcClient onChannel(Channel ch, long timeoutNanos) {
        RpcClient client = new RpcClient(ch, null, timeoutNanos, System.nanoTime() + timeoutNanos, false);
        client.addInbound(ch);
        return client;
    }

    /**
     * Registers a call in flight without sending it, as if {@code serial} had been sent for
     * {@code proc}: its reply is then decoded with {@code ret}. For tests on {@link #onChannel}.
     */
    <T> void expectReply(int serial, int proc, Function<XdrReader, T> ret) {
        pending.put(serial, new Pending<>(Rpc.REMOTE_PROGRAM, proc, ret, null));
    }

    /** Attaches {@code stream} as if {@code serial} had opened it for {@code proc}. For tests on {@link #onChannel}. */
    void expectStream(int serial, int proc, RpcStream stream) {
        stream.attach(this, proc, serial);
        streams.put(serial, stream);
    }

    /** {@return why the connection died, or null while it is alive}: for tests on {@link #onChannel} */
    LibvirtException deathCause() {
        return dead.get();
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        String m = c.getMessage();
        if (m == null) {
            return c.getClass().getSimpleName();
        }
        // The native transport words a failed connect(2) "connect(..) failed: <strerror>"; libvirt
        // says only the strerror part.
        String native0 = "connect(..) failed: ";
        if (m.startsWith(native0)) {
            m = m.substring(native0.length());
        }
        // Netty adds ": /1.2.3.4:5" to connect errors; libvirt names the address once, itself.
        int colon = m.indexOf(": ");
        return colon > 0 && m.startsWith("Connection refused") ? m.substring(0, colon) : m;
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
     * Calls a procedure of the remote program and waits for its reply until {@code deadline} at
     * most, as every step of opening a connection does: the steps share one deadline, not one
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
        return call(proc, args, ret, null, deadline, true);
    }

    /**
     * Calls a procedure of the remote program and waits for its reply.
     *
     * @param <T> the reply type
     * @param proc the procedure number
     * @param args writes the arguments, or null for none
     * @param ret reads the reply, or null when the reply is empty
     * @return the decoded reply, null for an empty one
     * @throws LibvirtException the daemon's error, or an RPC error when the connection fails
     */
    public <T> T call(int proc, Consumer<XdrWriter> args, Function<XdrReader, T> ret) {
        return call(proc, args, ret, null);
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
     * ({@link Rpc#QEMU_PROGRAM}, {@link Rpc#LXC_PROGRAM}, each of version 1) and waits for its reply.
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
     * fdpass: a reply and the descriptors that came with it, which the caller owns.
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
     * the message but not the descriptors' bytes). fdpass.
     */
    public boolean passesFds() {
        return fdSends != null && directWrites;
    }

    /**
     * fdpass: calls a procedure that passes descriptors either way ({@code virDomainCreateWithFiles},
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
        Function<XdrReader, FdReply<T>> withNone = r -> new FdReply<>(ret == null ? null : ret.apply(r),
                org.libvirt4j.FileDescriptors.none());
        if (!passesFds()) {
            if (fds.length == 0) {
                return call(prog, proc, args, withNone, null, 0, false);
            }
            LibvirtException gone = dead.get();
            if (gone != null || !channel.isActive()) {
                throw notSent(gone);
            }
            // libvirt's client writes the message, fails at the first descriptor and closes the connection
            LibvirtException refused = Rpc.error(ErrorNumber.ERR_INTERNAL_ERROR,
                    "internal error: Sending file descriptors is not supported on this socket", null);
            fail(refused);
            throw closedError(refused);
        }
        if (fds.length > Rpc.NUM_FDS_MAX) {
            throw Rpc.error(ErrorNumber.ERR_RPC, "Too many FDs to send " + fds.length + ", expected "
                    + Rpc.NUM_FDS_MAX + " maximum", null);
        }
        FdReads reads = fdReads;
        reads.expect();
        try {
            int serial = serials.incrementAndGet();
            int type = fds.length > 0 ? Rpc.TYPE_CALL_WITH_FDS : Rpc.TYPE_CALL;
            ByteBuf msg = encode(prog, Rpc.REMOTE_PROTOCOL_VERSION, proc, type, serial, Rpc.STATUS_OK, w -> {
                if (fds.length > 0) {
                    w.buffer().writeInt(fds.length);
                }
                if (args != null) {
                    args.accept(w);
                }
            });
            Pending<FdReply<T>> p = new Pending<>(prog, proc, withNone, Thread.currentThread());
            p.takesFds = true;
            pending.put(serial, p);
            LibvirtException gone = dead.get();
            if (gone != null || !channel.isActive()) {
                pending.remove(serial);
                msg.release();
                throw notSent(gone);
            }
            inFlight.incrementAndGet();
            try {
                if (fds.length > 0) {
                    sendWithFds(msg, fds);
                } else {
                    send(msg);
                }
                return await(p, serial, proc, 0, false);
            } catch (LibvirtException e) {
                pending.remove(serial);
                throw e;
            } finally {
                inFlight.decrementAndGet();
            }
        } finally {
            reads.done();
        }
    }

    /**
     * fdpass: writes a call and its descriptors with nothing between them ({@link FdSends}): waits
     * until nothing is queued, then sends all of it holding the write lock, within the call
     * timeout. A failure leaves the daemon reading a cut message, so it fails the connection.
     */
    private void sendWithFds(ByteBuf msg, int[] fds) {
        long deadline = System.nanoTime() + timeoutNanos;
        long pause = TimeUnit.MICROSECONDS.toNanos(50);
        try {
            while (true) {
                writeLock.lock();
                try {
                    if (queuedBytes.get() == 0) {
                        try {
                            fdSends.send(msg, fds, deadline);
                        } catch (IOException e) {
                            LibvirtException le = Rpc.error(ErrorNumber.ERR_SYSTEM_ERROR, "Cannot write data: "
                                    + rootMessage(e), e);
                            fail(le, hangUpOr(e));
                            throw closedError(le);
                        } catch (LibvirtException e) {
                            fail(e);
                            throw e;
                        }
                        return;
                    }
                } finally {
                    writeLock.unlock();
                }
                LibvirtException gone = dead.get();
                if (gone != null) {
                    throw closedError(gone);
                }
                if (System.nanoTime() - deadline > 0) {
                    LibvirtException le = Rpc.error(ErrorNumber.ERR_OPERATION_TIMEOUT, "Timed out during operation: "
                            + "the daemon took none of the queued bytes before a call with file descriptors", null);
                    fail(le);
                    throw le;
                }
                LockSupport.parkNanos(this, pause);
                pause = Math.min(pause * 2, TimeUnit.MILLISECONDS.toNanos(10));
            }
        } finally {
            msg.release();
        }
    }

    private <T> T call(int proc, Consumer<XdrWriter> args, Function<XdrReader, T> ret, RpcStream stream,
            long deadline, boolean hasDeadline) {
        return call(program, proc, args, ret, stream, deadline, hasDeadline);
    }

    /** @param hasDeadline whether {@code deadline} bounds the wait, rather than the call timeout */
    private <T> T call(int prog, int proc, Consumer<XdrWriter> args, Function<XdrReader, T> ret, RpcStream stream,
            long deadline, boolean hasDeadline) {
        int serial = serials.incrementAndGet();
        // every program of the daemon is at version 1, as REMOTE_PROTOCOL_VERSION
        ByteBuf msg = encode(prog, Rpc.REMOTE_PROTOCOL_VERSION, proc, Rpc.TYPE_CALL, serial, Rpc.STATUS_OK, args);
        Pending<T> p = new Pending<>(prog, proc, ret, Thread.currentThread());
        pending.put(serial, p);
        if (stream != null) {
            stream.attach(this, proc, serial);
            streams.put(serial, stream);
        }
        LibvirtException gone = dead.get();
        if (gone != null || !channel.isActive()) {
            // failAll may have run before this call was registered: do not wait for a reply that cannot
            // come. The call was never sent: libvirt's C client refuses it with "client socket is
            // closed" whatever ended the connection (virNetClientSendInternal)
            pending.remove(serial);
            if (stream != null) {
                streams.remove(serial);
                stream.detach();
            }
            msg.release();
            throw notSent(gone);
        }
        inFlight.incrementAndGet();
        try {
            send(msg);
            return await(p, serial, proc, deadline, hasDeadline);
        } catch (LibvirtException e) {
            pending.remove(serial);
            if (stream != null) {
                streams.remove(serial);
                stream.detach();
            }
            throw e;
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** {@link #send(ByteBuf, boolean, boolean)} for a message that must go out, waiting for room if need be. */
    private void send(ByteBuf msg) {
        send(msg, false, true);
    }

    /**
     * Writes a message from the calling thread, so a call reaches the daemon without waking the
     * event loop. The socket is non-blocking: what it does not take now goes to Netty, which
     * writes it when the socket drains, and every later message queues behind it there until
     * Netty has written them all, so messages never interleave and stay in order. A failed
     * write fails the connection, and with it every call in flight, the sender's too.
     *
     * <p>The queue is bounded by {@link #OUTBOUND_MAX}. A keepalive message is dropped, not
     * queued, while anything waits: the daemon reads those bytes before it could read the PONG,
     * and they prove just as well that this side is alive, so a daemon that floods PINGs and
     * reads nothing costs no memory. A message that does not fit makes a caller wait for the
     * daemon to read, while the daemon takes some of the queued bytes at least once per call
     * timeout; past that, or on the event loop, which must not wait, the daemon has stopped
     * reading and the connection fails.
     *
     * @param droppable whether the message is a keepalive one, dropped when anything is queued
     * @param mayWait whether a caller off the event loop may wait for room; if not, a message
     *        that does not fit is released and not sent
     * @return whether the message was sent or queued
     * @throws LibvirtException when the connection is (or is now declared) dead because the
     *         daemon stopped reading, or the waiting caller is interrupted; the message is released
     */
    private boolean send(ByteBuf msg, boolean droppable, boolean mayWait) {
        long pause = TimeUnit.MICROSECONDS.toNanos(50);
        while (true) {
            writeLock.lock();
            try {
                long queued = queuedBytes.get();
                if (droppable && queued > 0) {
                    msg.release();
                    checkDraining();
                    return false;
                }
                if (queued == 0 || queued + msg.readableBytes() <= OUTBOUND_MAX) {
                    write(msg);
                    return true;
                }
            } finally {
                writeLock.unlock();
            }
            // no room: the daemon reads slower than this side writes, or not at all
            if (!mayWait && !channel.eventLoop().inEventLoop()) {
                msg.release();
                return false;
            }
            LibvirtException gone = dead.get();
            if (gone == null && channel.eventLoop().inEventLoop()) {
                fail(Rpc.error(ErrorNumber.ERR_RPC, "RPC failure: the daemon stopped reading: " + queuedBytes.get()
                        + " bytes wait unwritten, and " + msg.readableBytes() + " more would pass the limit of "
                        + OUTBOUND_MAX + "; the connection is closed", null));
                gone = dead.get();
            }
            if (gone == null) {
                checkDraining();
                gone = dead.get();
            }
            if (gone != null) {
                msg.release();
                throw closedError(gone);
            }
            if (Thread.currentThread().isInterrupted()) {
                msg.release();
                throw Rpc.error(ErrorNumber.ERR_OPERATION_ABORTED,
                        "operation aborted: interrupted while the daemon read nothing", new InterruptedException());
            }
            LockSupport.parkNanos(this, pause);
            pause = Math.min(pause * 2, TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    /** Fails the connection when bytes wait and the daemon has taken none of them for the call timeout. */
    private void checkDraining() {
        long since = System.nanoTime() - lastDrained;
        if (queuedBytes.get() > 0 && since > timeoutNanos) {
            fail(Rpc.error(ErrorNumber.ERR_RPC, "RPC failure: the daemon stopped reading: " + queuedBytes.get()
                    + " bytes wait unwritten and it took none for " + TimeUnit.NANOSECONDS.toMillis(since)
                    + " ms; the connection is closed", null));
        }
    }

    /** Under {@link #writeLock}: straight to the socket if nothing waits, the rest to Netty's queue. */
    private void write(ByteBuf msg) {
        if (directWrites && queuedBytes.get() == 0 && !writeNow(msg)) {
            return;
        }
        if (!msg.isReadable()) {
            msg.release();
            return;
        }
        int size = msg.readableBytes();
        if (queuedBytes.addAndGet(size) == size) {
            lastDrained = System.nanoTime(); // the daemon's time to read starts now
        }
        ChannelProgressivePromise written = channel.newProgressivePromise();
        written.addListener(new ChannelProgressiveFutureListener() {
            @Override
            public void operationProgressed(ChannelProgressiveFuture f, long progress, long total) {
                lastDrained = System.nanoTime();
            }

            @Override
            public void operationComplete(ChannelProgressiveFuture f) {
                lastDrained = System.nanoTime();
                queuedBytes.addAndGet(-size);
                if (!f.isSuccess()) {
                    fail(Rpc.error(ErrorNumber.ERR_SYSTEM_ERROR, "Cannot write data: " + rootMessage(f.cause()),
                            f.cause()), hangUpOr(f.cause()));
                }
            }
        });
        channel.writeAndFlush(msg, written);
    }

    /**
     * {@return the bytes queued for the daemon and not yet written}: they wait in Netty's outbound
     * buffer because the socket was full; at most {@link #OUTBOUND_MAX} or one message
     */
    public long queuedBytes() {
        return queuedBytes.get();
    }

    /** @return false when the write failed (the message is released and the connection failed) */
    private boolean writeNow(ByteBuf msg) {
        try {
            int n;
            do {
                n = socket.write(msg);
            } while (n > 0 && msg.isReadable());
            return true;
        } catch (IOException | RuntimeException e) {
            msg.release();
            fail(Rpc.error(ErrorNumber.ERR_SYSTEM_ERROR, "Cannot write data: " + rootMessage(e), e), hangUpOr(e));
            return false;
        }
    }

    /**
     * @return the close reason for a socket that failed with {@code cause}: an I/O error is the
     *         peer hanging up (a dead daemon resets the socket, or the pipe breaks), which libvirt's
     *         C client sees as POLLHUP and reports as EOF; anything else is an error of ours
     */
    private static ConnectCloseReason hangUpOr(Throwable cause) {
        return cause instanceof java.io.IOException ? ConnectCloseReason.EOF : ConnectCloseReason.ERROR;
    }

    @SuppressWarnings("unchecked")
    private <T> T await(Pending<T> p, int serial, int proc, long givenDeadline, boolean hasDeadline) {
        Object o = p.outcome;
        if (o == null && SPIN_NANOS > 0 && inFlight.get() == 1) {
            // The only call in flight: a park costs a futex wake-up and a reschedule on both
            // sides, longer than a whole round trip to a local daemon, so wait briefly hot.
            // With more callers they keep the CPUs busy and parking is the cheaper wait.
            // every 64th lone call probes with the whole window, so a shrunken one can grow back
            long budget = (++spinCalls & 63) == 0 ? SPIN_NANOS : spinNanos;
            long end = System.nanoTime() + budget;
            while ((o = p.outcome) == null && System.nanoTime() - end < 0) {
                Thread.onSpinWait();
            }
            // Adapt: replies that keep missing the window (a slow procedure, a busy machine
            // starving the daemon) shrink it so spinning wastes little; hits grow it back.
            spinNanos = o != null ? Math.min(SPIN_NANOS, budget * 2) : Math.max(SPIN_NANOS / 16, budget / 2);
        }
        if (o == null) {
            long deadline = hasDeadline ? givenDeadline : System.nanoTime() + timeoutNanos;
            while ((o = p.outcome) == null) {
                if (Thread.interrupted()) {
                    abandon(serial);
                    Thread.currentThread().interrupt();
                    throw Rpc.error(ErrorNumber.ERR_OPERATION_ABORTED, "operation aborted: interrupted while waiting "
                            + "for procedure " + proc, new InterruptedException());
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    abandon(serial);
                    if ((o = p.outcome) != null) {
                        // the reply won the race with the deadline
                        break;
                    }
                    throw Rpc.error(ErrorNumber.ERR_OPERATION_TIMEOUT, "Timed out during operation: no reply to "
                            + "procedure " + proc + (hasDeadline ? " before the deadline of the connection's open, "
                            : " within ") + TimeUnit.NANOSECONDS.toMillis(timeoutNanos)
                            + " ms (set -D" + TIMEOUT_PROPERTY + " to wait longer)", null);
                }
                LockSupport.parkNanos(this, left);
            }
        }
        if (o instanceof Failure f) {
            // Rethrow on the caller's thread with the caller's stack, keeping libvirt's numbers.
            LibvirtException le = f.error;
            throw new LibvirtException(le.codeValue(), le.domainValue(), le.levelValue(), le.getMessage(),
                    le.getCause());
        }
        return o == NULL ? null : (T) o;
    }

    private void abandon(int serial) {
        if (pending.remove(serial) != null) {
            abandoned.put(serial, Boolean.TRUE);
            if (abandoned.size() > MAX_ABANDONED) {
                fail(Rpc.error(ErrorNumber.ERR_RPC, "RPC failure: the daemon left " + MAX_ABANDONED
                        + " calls unanswered", null));
            }
        }
    }

    /**
     * Sends one stream packet for a stream opened by {@link #call(int, Consumer, Function, RpcStream)}.
     *
     * @param proc the procedure that opened the stream
     * @param serial its serial
     * @param status {@link Rpc#STATUS_CONTINUE} with data, {@link Rpc#STATUS_OK} to finish,
     *               {@link Rpc#STATUS_ERROR} to abort
     * @param data the bytes, or null
     */
    void sendStream(int proc, int serial, int status, byte[] data) {
        LibvirtException gone = dead.get();
        if (gone != null || !channel.isActive()) {
            throw notSent(gone); // as for a call (virNetClientSendInternal)
        }
        ByteBuf msg = encode(program, programVersion, proc, Rpc.TYPE_STREAM, serial, status,
                data == null ? null : w -> w.buffer().writeBytes(data));
        send(msg);
        if (queuedBytes.get() > QUEUED_HIGH_WATER && !channel.eventLoop().inEventLoop()) {
            awaitQueueDrained();
        }
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
        LibvirtException gone = dead.get();
        if (gone != null || !channel.isActive()) {
            throw notSent(gone);
        }
        send(encode(Rpc.REMOTE_PROGRAM, Rpc.REMOTE_PROTOCOL_VERSION, proc, Rpc.TYPE_STREAM_HOLE, serial,
                Rpc.STATUS_CONTINUE, new org.libvirt4j.remote.generated.VirNetStreamHole(length, flags)::encode));
    }

    /**
     * Holds a stream sender until Netty has written all but a quarter of the high-water mark, as
     * long as the call timeout at most: a daemon that stops reading fails the send, it does not
     * hang it. Waits back off to 10 ms, since a sender held here waits for a slow peer anyway.
     */
    private void awaitQueueDrained() {
        long deadline = System.nanoTime() + timeoutNanos;
        long pause = TimeUnit.MICROSECONDS.toNanos(50);
        while (queuedBytes.get() > QUEUED_HIGH_WATER / 4) {
            LibvirtException gone = dead.get();
            if (gone != null) {
                throw closedError(gone);
            }
            if (Thread.currentThread().isInterrupted()) {
                throw Rpc.error(ErrorNumber.ERR_OPERATION_ABORTED,
                        "operation aborted: interrupted while the daemon took no stream data", new InterruptedException());
            }
            if (System.nanoTime() - deadline > 0) {
                throw Rpc.error(ErrorNumber.ERR_OPERATION_TIMEOUT, "Timed out during operation: the daemon took no "
                        + "stream data for " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms (set -D"
                        + TIMEOUT_PROPERTY + " to wait longer)", null);
            }
            LockSupport.parkNanos(this, pause);
            pause = Math.min(pause * 2, TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    void forgetStream(int serial) {
        streams.remove(serial);
    }

    void setAutoRead(boolean on) {
        channel.config().setAutoRead(on);
    }

    private ByteBuf encode(int prog, int vers, int proc, int type, int serial, int status, Consumer<XdrWriter> body) {
        ByteBuf buf = channel.alloc().buffer(256);
        try {
            buf.writeInt(0);
            buf.writeInt(prog).writeInt(vers).writeInt(proc).writeInt(type).writeInt(serial).writeInt(status);
            if (body != null) {
                body.accept(new XdrWriter(buf));
            }
            int len = buf.readableBytes();
            if (len > Rpc.MESSAGE_MAX + Rpc.LEN_SIZE) {
                throw Rpc.error(ErrorNumber.ERR_RPC, "RPC failure: message length " + len + " over the maximum "
                        + (Rpc.MESSAGE_MAX + Rpc.LEN_SIZE), null);
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

    /**
     * Starts or stops client-side keepalive as libvirt's {@code virConnectSetKeepAlive} does (its
     * {@code virKeepAliveStart} / {@code virKeepAliveStop}): after {@code interval} seconds without
     * any message from the daemon a PING goes out, and after {@code count} unanswered PINGs the
     * connection is declared dead. A positive interval while running changes nothing; once set,
     * the interval can be stopped but not set again.
     *
     * @param interval seconds of silence before a PING; 0 or less stops keepalive
     * @param count unanswered PINGs before the connection is dead (C {@code unsigned int})
     * @throws LibvirtException {@code ERR_INTERNAL_ERROR} as libvirt words it for an interval set
     *         before or too large
     */
    public synchronized void setKeepAlive(int interval, int count) {
        if (interval <= 0) {
            ScheduledFuture<?> k = keepAlive;
            keepAlive = null;
            if (k != null) {
                k.cancel(false);
            }
            return;
        }
        if (keepAlive != null) {
            return;
        }
        if (keepAliveInterval > 0) {
            throw Rpc.error(ErrorNumber.ERR_INTERNAL_ERROR, "internal error: keepalive interval already set", null);
        }
        if (interval > Integer.MAX_VALUE / 1000) {
            throw Rpc.error(ErrorNumber.ERR_INTERNAL_ERROR, "internal error: keepalive interval " + interval
                    + " too large", null);
        }
        keepAliveInterval = interval;
        long intervalNanos = TimeUnit.SECONDS.toNanos(interval);
        long maxMissed = Integer.toUnsignedLong(count);
        keepAlive = channel.eventLoop().scheduleAtFixedRate(() -> {
            if (System.nanoTime() - lastReceived < intervalNanos) {
                return;
            }
            if (missedPings >= maxMissed) {
                fail(Rpc.error(ErrorNumber.ERR_INTERNAL_ERROR,
                        "internal error: connection closed due to keepalive timeout", null), ConnectCloseReason.KEEPALIVE);
                return;
            }
            missedPings++;
            lastReceived = System.nanoTime();
            send(encode(Rpc.KEEPALIVE_PROGRAM, Rpc.KEEPALIVE_PROTOCOL_VERSION, Rpc.KEEPALIVE_PROC_PING,
                    Rpc.TYPE_MESSAGE, 0, Rpc.STATUS_OK, null), true, false);
        }, interval, interval, TimeUnit.SECONDS);
        if (dead.get() != null) {
            // fail() may have run before the timer existed: nothing would cancel it
            keepAlive.cancel(false);
        }
    }

    /**
     * Receives the daemon's event messages (calls of type MESSAGE in the remote program).
     */
    @FunctionalInterface
    public interface EventSink {
        /**
         * Called on the event loop thread, in arrival order: decode here, deliver elsewhere.
         *
         * @param prog the event's program ({@link Rpc#REMOTE_PROGRAM} or {@link Rpc#QEMU_PROGRAM})
         * @param proc the event's procedure number
         * @param body the message body
         */
        void onEvent(int prog, int proc, XdrReader body);
    }

    /** @param sink where events go from now on; {@code null} drops them */
    public void setEventSink(EventSink sink) {
        this.eventSink = sink;
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
        int serial = serials.incrementAndGet();
        CompletableFuture<Void> done = new CompletableFuture<>();
        Pending<Object> p = new Pending<>(program, proc, null, null, () -> done.complete(null));
        pending.put(serial, p);
        done.orTimeout(5, TimeUnit.SECONDS).whenComplete((v, e) -> close());
        try {
            // never waits for room (the Cleaner's thread may be here): a daemon that reads
            // nothing does not get the goodbye, the socket just closes
            if (!send(encode(program, programVersion, proc, Rpc.TYPE_CALL, serial,
                    Rpc.STATUS_OK, null), false, false)) {
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
    void setEndOfFileError(java.util.function.Supplier<LibvirtException> error) {
        this.endOfFile = error;
    }

    /** {@link #fail(LibvirtException, ConnectCloseReason)} for an error. */
    void fail(LibvirtException reason) {
        fail(reason, ConnectCloseReason.ERROR);
    }

    /**
     * Declares the connection dead: the first reason wins, every call in flight and every
     * stream fails with it, the socket is closed, and the close listener hears why.
     */
    void fail(LibvirtException reason, ConnectCloseReason why) {
        if (dead.compareAndSet(null, reason) && why != ConnectCloseReason.CLIENT) {
            IntConsumer l = closeListener;
            if (l != null) {
                l.accept(why.value());
            }
        }
        ScheduledFuture<?> k = keepAlive;
        if (k != null) {
            k.cancel(false);
        }
        failAll();
        channel.close();
    }

    private void failAll() {
        LibvirtException reason = dead.get();
        if (reason == null) {
            reason = Rpc.error(ErrorNumber.ERR_SYSTEM_ERROR, "End of file while reading data: Input/output error", null);
            dead.compareAndSet(null, reason);
            reason = dead.get();
        }
        for (Integer serial : pending.keySet()) {
            Pending<?> p = pending.remove(serial);
            if (p != null) {
                p.fail(reason);
            }
        }
        for (Integer serial : streams.keySet()) {
            RpcStream s = streams.remove(serial);
            if (s != null) {
                s.onConnectionLost(reason);
            }
        }
    }

    /**
     * @param gone why the connection died, or {@code null}
     * @return the error of a call or stream packet that was not sent because the connection is
     *         dead: libvirt's C client says "client socket is closed" whatever ended it; the
     *         reason stays readable as the cause
     */
    private static LibvirtException notSent(LibvirtException gone) {
        return Rpc.error(ErrorNumber.ERR_INTERNAL_ERROR, "internal error: client socket is closed", gone);
    }

    /** @return for a call in flight when the connection died: a copy of why it died */
    private static LibvirtException closedError(LibvirtException gone) {
        if (gone != null) {
            return new LibvirtException(gone.codeValue(), gone.domainValue(), gone.levelValue(), gone.getMessage(), gone);
        }
        return Rpc.error(ErrorNumber.ERR_INTERNAL_ERROR, "internal error: client socket is closed", null);
    }

    /** Stands for a null reply in {@link Pending#outcome}, where null means "not yet". */
    private static final Object NULL = new Object();

    /** A failed call's outcome; a wrapper so that no reply value can be mistaken for a failure. */
    private record Failure(LibvirtException error) {
    }

    /**
     * A call waiting for its reply. The outcome is published once (the first completion wins)
     * and then the waiting thread is unparked, or the completion hook run for a call nobody waits on.
     */
    private static final class Pending<T> {
        private static final VarHandle OUTCOME;

        static {
            try {
                OUTCOME = MethodHandles.lookup().findVarHandle(Pending.class, "outcome", Object.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        final int prog;
        final int proc;
        final Function<XdrReader, T> ret;
        private final Thread waiter;
        private final Runnable onDone;
        /** fdpass: the call takes descriptors back ({@link #callWithFds}); its outcome is an {@link FdReply}. */
        boolean takesFds;
        volatile Object outcome;

        Pending(int prog, int proc, Function<XdrReader, T> ret, Thread waiter) {
            this(prog, proc, ret, waiter, null);
        }

        Pending(int prog, int proc, Function<XdrReader, T> ret, Thread waiter, Runnable onDone) {
            this.prog = prog;
            this.proc = proc;
            this.ret = ret;
            this.waiter = waiter;
            this.onDone = onDone;
        }

        void complete(XdrReader r) {
            T value = null;
            if (ret != null) {
                value = ret.apply(r);
            }
            r.expectEnd("reply to procedure " + proc);
            settle(value == null ? NULL : value);
        }

        void fail(LibvirtException e) {
            settle(new Failure(e));
        }

        /**
         * fdpass: completes a call that takes descriptors with its decoded reply and the
         * descriptors that followed it; they are closed if the call is already over.
         */
        void completeWithFds(Object decoded, int[] fds) {
            if (!settle(new FdReply<>(((FdReply<?>) decoded).value(), Descriptors.holder(fds)))) {
                Descriptors.closeAll(fds);
            }
        }

        private boolean settle(Object o) {
            if (OUTCOME.compareAndSet(this, null, o)) {
                if (waiter != null) {
                    LockSupport.unpark(waiter);
                }
                if (onDone != null) {
                    onDone.run();
                }
                return true;
            }
            return false;
        }
    }

    private final class Handler extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object m) {
            ByteBuf buf = (ByteBuf) m;
            try {
                lastReceived = System.nanoTime();
                missedPings = 0;
                dispatch(buf);
            } catch (LibvirtException e) {
                fail(e);
            } catch (Throwable e) {
                // an Error too (an allocation that failed, a stack overflow): the stream is out of
                // step either way, and every caller must hear why now, not at its timeout
                fail(Rpc.error(ErrorNumber.ERR_RPC, "RPC failure: cannot decode a message from the daemon: "
                        + describe(e), e));
            } finally {
                buf.release();
            }
        }

        private void dispatch(ByteBuf buf) {
            if (buf.readableBytes() < Rpc.HEADER_SIZE) {
                throw Rpc.error(ErrorNumber.ERR_RPC, "RPC failure: message of " + (buf.readableBytes() + Rpc.LEN_SIZE)
                        + " bytes is shorter than its header", null);
            }
            int prog = buf.readInt();
            int vers = buf.readInt();
            int proc = buf.readInt();
            int type = buf.readInt();
            int serial = buf.readInt();
            int status = buf.readInt();
            XdrReader r = new XdrReader(buf);
            if (prog == Rpc.KEEPALIVE_PROGRAM) {
                if (vers != Rpc.KEEPALIVE_PROTOCOL_VERSION || type != Rpc.TYPE_MESSAGE) {
                    throw bogus("keepalive message of version " + vers + ", type " + type);
                }
                if (proc == Rpc.KEEPALIVE_PROC_PING) {
                    send(encode(Rpc.KEEPALIVE_PROGRAM, Rpc.KEEPALIVE_PROTOCOL_VERSION,
                            Rpc.KEEPALIVE_PROC_PONG, Rpc.TYPE_MESSAGE, 0, Rpc.STATUS_OK, null), true, false);
                }
                return;
            }
            if (prog != program && prog != Rpc.REMOTE_PROGRAM && prog != Rpc.QEMU_PROGRAM && prog != Rpc.LXC_PROGRAM) {
                throw bogus(String.format("unknown program 0x%x", prog));
            }
            if (vers != programVersion) {
                throw bogus("unknown protocol version " + vers);
            }
            if (prog != Rpc.REMOTE_PROGRAM && type != Rpc.TYPE_REPLY && type != Rpc.TYPE_MESSAGE
                    && type != Rpc.TYPE_REPLY_WITH_FDS) {
                throw bogus(String.format("message type %d from program 0x%x", type, prog));
            }
            switch (type) {
                case Rpc.TYPE_REPLY -> reply(prog, proc, serial, status, r);
                case Rpc.TYPE_REPLY_WITH_FDS -> replyWithFds(prog, proc, serial, status, r);
                case Rpc.TYPE_STREAM -> stream(serial, status, r, buf);
                case Rpc.TYPE_MESSAGE -> {
                    EventSink sink = eventSink;
                    if (sink != null) {
                        sink.onEvent(prog, proc, r);
                    }
                }
                case Rpc.TYPE_STREAM_HOLE -> hole(serial, status, r);
                default -> throw bogus("message type " + type + " from the daemon");
            }
        }

        /**
         * fdpass: a reply that carries descriptors; they follow its bytes on the socket. libvirt's
         * limit on their count is checked first, as its client does. A connection that cannot take
         * them fails as libvirt's client does; one whose reads did not stop at this reply's end
         * (no call expected descriptors, so a bulk read may have taken their bytes) is out of step.
         * The reply is decoded now, its call completed once all descriptors arrived (they stay in
         * the pending entry's hands, so a connection failure in between fails the call); the
         * descriptors of a reply to any other call, or to an abandoned one, are closed.
         */
        private void replyWithFds(int prog, int proc, int serial, int status, XdrReader r) {
            int nfds = r.readInt();
            if (nfds < 0 || nfds > Rpc.NUM_FDS_MAX) {
                throw Rpc.error(ErrorNumber.ERR_RPC, "Received too many FDs " + nfds + ", expected " + Rpc.NUM_FDS_MAX
                        + " maximum", null);
            }
            FdReads reads = fdReads;
            if (reads == null) {
                throw Rpc.error(ErrorNumber.ERR_INTERNAL_ERROR,
                        "internal error: Receiving file descriptors is not supported on this socket", null);
            }
            if (!reads.exact()) {
                throw bogus("reply with " + nfds + " file descriptors to procedure " + proc
                        + ", which takes none");
            }
            Runnable late = () -> fail(Rpc.error(ErrorNumber.ERR_RPC, "RPC failure: the daemon announced " + nfds
                    + " file descriptors and did not send them within " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos)
                    + " ms; the connection is closed", null));
            Pending<?> p = pending.get(serial);
            if (p == null || !p.takesFds || p.proc != proc || p.prog != prog) {
                reads.receive(nfds, Descriptors::closeAll, late);
                reply(prog, proc, serial, status, r);
                return;
            }
            Object decoded;
            switch (status) {
                case Rpc.STATUS_OK -> {
                    try {
                        decoded = p.ret.apply(r);
                        r.expectEnd("reply to procedure " + proc);
                    } catch (LibvirtException e) {
                        pending.remove(serial);
                        fail(e);
                        p.fail(e);
                        return;
                    } catch (Throwable e) {
                        pending.remove(serial);
                        LibvirtException le = Rpc.error(ErrorNumber.ERR_RPC,
                                "RPC failure: cannot decode the reply to procedure " + proc + ": " + describe(e), e);
                        fail(le);
                        p.fail(le);
                        return;
                    }
                }
                case Rpc.STATUS_ERROR -> decoded = new Failure(RemoteErrors.decode(r));
                default -> throw bogus("reply status " + status);
            }
            reads.receive(nfds, fds -> {
                Pending<?> still = pending.remove(serial);
                if (still == null) {
                    abandoned.remove(serial);
                    Descriptors.closeAll(fds);
                } else if (decoded instanceof Failure f) {
                    Descriptors.closeAll(fds);
                    still.fail(f.error());
                } else {
                    still.completeWithFds(decoded, fds);
                }
            }, late);
        }

        private void reply(int prog, int proc, int serial, int status, XdrReader r) {
            Pending<?> p = pending.remove(serial);
            if (p == null) {
                if (abandoned.remove(serial) != null) {
                    return;
                }
                RpcStream s = streams.get(serial);
                if (s != null) {
                    // a stream's final reply (finish or abort acknowledged, or its error)
                    if (status == Rpc.STATUS_ERROR) {
                        s.onError(RemoteErrors.decode(r));
                    } else {
                        s.onFinished();
                    }
                    return;
                }
                throw bogus("reply with serial " + serial + " to no call in flight");
            }
            if (p.proc != proc || p.prog != prog) {
                LibvirtException le = bogus(p.prog != prog
                        ? String.format("reply from program 0x%x to a call of program 0x%x", prog, p.prog)
                        : "reply for procedure " + proc + " to a call of procedure " + p.proc);
                // declare the connection dead before the caller wakes up, so it sees it dead
                fail(le);
                p.fail(le);
                return;
            }
            try {
                switch (status) {
                    case Rpc.STATUS_OK -> p.complete(r);
                    case Rpc.STATUS_ERROR -> p.fail(RemoteErrors.decode(r));
                    default -> throw bogus("reply status " + status);
                }
            } catch (LibvirtException e) {
                fail(e);
                p.fail(e);
            } catch (Throwable e) {
                // Any Throwable, Errors included: the call is no longer pending, so failAll would
                // not reach it, and its caller would wait out the whole call timeout.
                LibvirtException le = Rpc.error(ErrorNumber.ERR_RPC,
                        "RPC failure: cannot decode the reply to procedure " + proc + ": " + describe(e), e);
                fail(le);
                p.fail(le);
            }
        }

        private void stream(int serial, int status, XdrReader r, ByteBuf buf) {
            RpcStream s = streams.get(serial);
            if (s == null) {
                // packets still in flight when a stream was finished or aborted
                return;
            }
            switch (status) {
                case Rpc.STATUS_CONTINUE -> {
                    byte[] data = new byte[buf.readableBytes()];
                    buf.readBytes(data);
                    s.onData(data);
                }
                case Rpc.STATUS_OK -> s.onEndOfStream();
                case Rpc.STATUS_ERROR -> s.onError(RemoteErrors.decode(r));
                default -> throw bogus("stream status " + status);
            }
        }

        /** A {@code VIR_NET_STREAM_HOLE} packet of a sparse download, queued with the stream's data. */
        private void hole(int serial, int status, XdrReader r) {
            if (status != Rpc.STATUS_CONTINUE) {
                throw bogus("stream hole status " + status);
            }
            org.libvirt4j.remote.generated.VirNetStreamHole h = org.libvirt4j.remote.generated.VirNetStreamHole.decode(r);
            r.expectEnd("stream hole");
            RpcStream s = streams.get(serial);
            if (s != null) {
                s.onHole(h.length(), h.flags());
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            java.util.function.Supplier<LibvirtException> eof = endOfFile;
            fail(eof != null ? eof.get()
                    : Rpc.error(ErrorNumber.ERR_SYSTEM_ERROR, "End of file while reading data: Input/output error", null),
                    ConnectCloseReason.EOF);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            boolean io = cause instanceof java.io.IOException;
            fail(Rpc.error(io ? ErrorNumber.ERR_SYSTEM_ERROR : ErrorNumber.ERR_RPC,
                    (io ? "Cannot recv data: " : "RPC failure: ") + rootMessage(cause), cause), hangUpOr(cause));
        }
    }

    /** @return a RuntimeException's message, or an Error's class and message (its name says most) */
    private static String describe(Throwable e) {
        return e instanceof RuntimeException ? e.getMessage() : e.toString();
    }

    private static LibvirtException bogus(String what) {
        return Rpc.error(ErrorNumber.ERR_RPC, "RPC failure: the daemon sent a bogus " + what
                + "; the connection is closed", null);
    }
}

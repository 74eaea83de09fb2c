package org.libvirt4j.remote.internal.rpc;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.socket.nio.NioDomainSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import javax.net.ssl.SSLParameters;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;

/**
 * Opens a {@link RpcConnection} per scheme: a unix socket, TCP, or TLS over TCP (the tunnels,
 * {@link SshTunnel} and {@link LibsshTunnel}, connect a unix socket to their far side). Each takes
 * the connection's {@link RpcSettings}. The socket is opened here, not by Netty, so that callers
 * can write to it themselves (the JDK's under NIO, the channel's native one under epoll, which a
 * {@code +unix} connection uses to pass descriptors: {@link UnixTransport}); one deadline, one
 * call timeout, bounds the whole open (connecting, TLS, then the handshake calls through
 * {@link RpcConnection#openDeadline()}), so a daemon slow at each step cannot multiply it.
 */
public final class Transports {
    static {
        NettyDefaults.apply(); // every connection comes through here before Netty initialises
    }

    private Transports() {
    }

    /**
     * Connects to a unix socket, as libvirt's {@code virNetSocketNewConnectUNIX}, on the transport
     * that passes descriptors ({@link UnixTransport}: Netty's epoll) where it can: the native
     * library loads, and {@code settings.group()} is the backend's shared loops (then the shared
     * epoll loops serve it) or an epoll group of the application's. An application's NIO group
     * keeps the connection on NIO, where descriptors are refused as over TCP
     * ({@link RpcConnection#passesFds()}).
     *
     * @param path the socket
     * @param settings the connection's settings
     * @return the connection
     * @throws LibvirtException {@code ERR_SYSTEM_ERROR} when the socket cannot be reached
     */
    public static RpcConnection unix(Path path, RpcSettings settings) {
        String what = "Failed to connect socket to '" + path + "'";
        EventLoopGroup epoll = UnixTransport.groupFor(settings);
        if (epoll == null) {
            return unixBytes(path, settings);
        }
        EpollDomainSocketChannel ch;
        try {
            ch = UnixTransport.newChannel();
        } catch (RuntimeException e) {
            throw Rpc.error(ErrorNumber.ERR_SYSTEM_ERROR, what + ": " + Rpc.rootMessage(e), e);
        }
        return connect(UnixTransport.address(path), ch, DirectSocket.of(UnixTransport.socket(ch)), epoll, true,
                settings, what, null);
    }

    /**
     * Connects to a unix socket that carries bytes only, on NIO: a tunnel's local end (the far
     * side cannot take descriptors) and a daemon's admin socket.
     *
     * @param path the socket
     * @param settings the connection's settings
     * @return the connection
     * @throws LibvirtException {@code ERR_SYSTEM_ERROR} when the socket cannot be reached
     */
    public static RpcConnection unixBytes(Path path, RpcSettings settings) {
        return connect(UnixDomainSocketAddress.of(path), true, settings, "Failed to connect socket to '" + path + "'",
                null);
    }

    /**
     * Connects over TCP, as libvirt's {@code virNetSocketNewConnectTCP}.
     *
     * @param host the host
     * @param port the port
     * @param settings the connection's settings
     * @return the connection
     * @throws LibvirtException {@code ERR_SYSTEM_ERROR} when the host cannot be reached
     */
    public static RpcConnection tcp(String host, int port, RpcSettings settings) {
        return connect(new InetSocketAddress(host, port), false, settings,
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
     * @param settings the connection's settings
     * @return the connection
     * @throws LibvirtException {@code ERR_SYSTEM_ERROR} when the host cannot be reached or the
     *         handshake fails, {@code ERR_RPC} when the daemon refuses this client
     */
    public static RpcConnection tls(String host, int port, SslContext ssl, boolean verifyHost, RpcSettings settings) {
        return connect(new InetSocketAddress(host, port), false, settings,
                "unable to connect to server at '" + host + ":" + port + "'", ch -> {
                    SslHandler handler = ssl.newHandler(ch.alloc(), host, port);
                    if (verifyHost) {
                        SSLParameters params = handler.engine().getSSLParameters();
                        params.setEndpointIdentificationAlgorithm("HTTPS");
                        handler.engine().setSSLParameters(params);
                    }
                    handler.setHandshakeTimeoutMillis(TimeUnit.NANOSECONDS.toMillis(settings.timeoutNanos()));
                    return handler;
                });
    }

    /** @param tls makes the channel's SslHandler, or {@code null} for a plain connection */
    private static RpcConnection connect(SocketAddress address, boolean unix, RpcSettings settings, String what,
            Function<Channel, SslHandler> tls) {
        if (address instanceof InetSocketAddress inet && inet.isUnresolved()) {
            throw Rpc.error(ErrorNumber.ERR_SYSTEM_ERROR, "Cannot resolve address '" + inet.getHostString() + "'", null);
        }
        SocketChannel socket;
        try {
            socket = unix ? SocketChannel.open(StandardProtocolFamily.UNIX) : SocketChannel.open();
        } catch (IOException e) {
            throw Rpc.error(ErrorNumber.ERR_SYSTEM_ERROR, what + ": " + Rpc.rootMessage(e), e);
        }
        Channel netty = unix ? new NioDomainSocketChannel(socket) : new NioSocketChannel(socket);
        return connect(address, netty, DirectSocket.of(socket), settings.group(), unix, settings, what, tls);
    }

    /**
     * @param netty the channel, not yet connected
     * @param socket the socket under {@code netty}, which callers write to
     * @param group the event loops of {@code netty}'s kind
     */
    private static RpcConnection connect(SocketAddress address, Channel netty, DirectSocket socket,
            EventLoopGroup group, boolean unix, RpcSettings settings, String what, Function<Channel, SslHandler> tls) {
        long timeoutNanos = settings.timeoutNanos();
        long deadline = System.nanoTime() + timeoutNanos;
        CompletableFuture<RpcConnection> ready = new CompletableFuture<>();
        CompletableFuture<Void> confirmed = new CompletableFuture<>();
        Bootstrap b = new Bootstrap().group(group)
                .channelFactory((ChannelFactory<Channel>) () -> netty)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
                        (int) Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(timeoutNanos)))
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        if (tls != null) {
                            ch.pipeline().addLast(tls.apply(ch), new Tls.Confirmation(confirmed));
                        } else {
                            confirmed.complete(null);
                        }
                        FdReads fdReads = null;
                        FdSends fdSends = null;
                        if (ch instanceof EpollDomainSocketChannel epoll) {
                            // reads that can stop at a message's end, first in the pipeline
                            fdReads = new FdReads(epoll, timeoutNanos);
                            epoll.config().setRecvByteBufAllocator(fdReads);
                            ch.pipeline().addLast(fdReads);
                            fdSends = new FdSends(socket, UnixTransport.socket(epoll));
                        }
                        // under TLS every byte goes through the SslHandler: no direct writes
                        ready.complete(new RpcConnection(ch, socket, tls == null, settings, deadline, fdReads,
                                fdSends));
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
            String reason = c == null ? "unknown error" : Rpc.rootMessage(c);
            throw Rpc.error(ErrorNumber.ERR_SYSTEM_ERROR, what + ": " + reason, c);
        }
        try {
            confirmed.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            f.channel().close();
            if (e.getCause() instanceof LibvirtException le) {
                throw le;
            }
            throw Rpc.error(ErrorNumber.ERR_SYSTEM_ERROR, "TLS handshake failed: " + Rpc.rootMessage(e.getCause()),
                    e.getCause());
        } catch (TimeoutException e) {
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
}

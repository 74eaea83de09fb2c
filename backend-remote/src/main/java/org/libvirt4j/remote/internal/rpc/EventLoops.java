package org.libvirt4j.remote.internal.rpc;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDomainSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The event loop groups remote connections share, one per transport, each created on first use.
 *
 * <p>On Linux with Netty's native library loadable, connections use the epoll transport: it
 * costs fewer system calls and less CPU per message than NIO's selector, which matters when the
 * client and the daemon share a few CPUs. Everywhere else NIO serves both TCP and unix sockets
 * ({@code NioDomainSocketChannel}, Java 16+), so the backend works without any native library.
 * {@link #TRANSPORT_PROPERTY} forces one ({@code nio} or {@code epoll}). The threads are daemons
 * so an application that forgets to close a connection still exits.
 */
final class EventLoops {
    /** System property: {@code nio}, {@code epoll}, or unset/{@code auto} for epoll when available. */
    static final String TRANSPORT_PROPERTY = "libvirt4j.remote.transport";

    private EventLoops() {
    }

    /** A transport: its event loop group, its channel classes and how it names a unix socket. */
    enum Transport {
        /** Java's NIO: pure Java, available everywhere. */
        NIO {
            @Override
            EventLoopGroup group() {
                return NioHolder.GROUP;
            }

            @Override
            Class<? extends Channel> channelClass(boolean unix) {
                return unix ? NioDomainSocketChannel.class : NioSocketChannel.class;
            }

            @Override
            SocketAddress unixAddress(Path path) {
                return UnixDomainSocketAddress.of(path);
            }
        },
        /** Netty's native epoll transport (Linux). */
        EPOLL {
            @Override
            EventLoopGroup group() {
                return EpollHolder.GROUP;
            }

            @Override
            Class<? extends Channel> channelClass(boolean unix) {
                return unix ? EpollDomainSocketChannel.class : EpollSocketChannel.class;
            }

            @Override
            SocketAddress unixAddress(Path path) {
                return new DomainSocketAddress(path.toString());
            }
        };

        abstract EventLoopGroup group();

        abstract Class<? extends Channel> channelClass(boolean unix);

        abstract SocketAddress unixAddress(Path path);
    }

    /**
     * @return the transport for a new connection: as {@link #TRANSPORT_PROPERTY} says, else epoll
     *         when its native library loads, else NIO
     */
    static Transport transport() {
        String wanted = System.getProperty(TRANSPORT_PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
        if (wanted.equals("nio") || !EpollProbe.AVAILABLE) {
            // an explicit "epoll" without the native library falls back rather than failing every connect
            return Transport.NIO;
        }
        return Transport.EPOLL;
    }

    private static int threads() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    private static final class EpollProbe {
        static final boolean AVAILABLE = probe();

        private static boolean probe() {
            try {
                return Epoll.isAvailable();
            } catch (LinkageError e) {
                // the epoll classes or their native library are missing: NIO it is
                return false;
            }
        }
    }

    private static final class NioHolder {
        static final EventLoopGroup GROUP = new MultiThreadIoEventLoopGroup(threads(),
                new DefaultThreadFactory("libvirt4j-remote", true), NioIoHandler.newFactory());
    }

    private static final class EpollHolder {
        static final EventLoopGroup GROUP = new MultiThreadIoEventLoopGroup(threads(),
                new DefaultThreadFactory("libvirt4j-remote-epoll", true), EpollIoHandler.newFactory());
    }
}

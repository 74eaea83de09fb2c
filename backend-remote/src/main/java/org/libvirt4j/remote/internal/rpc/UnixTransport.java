package org.libvirt4j.remote.internal.rpc;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoEventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.channel.unix.Socket;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.nio.file.Path;

/**
 * The unix transport that can pass descriptors: Netty's epoll channel, whose native socket sends
 * and receives {@code SCM_RIGHTS} (the JDK's unix channels cannot). Used where the native
 * library loads and {@link #EPOLL_PROPERTY} allows it; elsewhere unix sockets stay on NIO and
 * refuse descriptors as libvirt's client does on TCP. Its event loops are separate from the NIO
 * ones ({@link EventLoops}): a channel belongs to a loop of its own kind.
 */
final class UnixTransport {
    /** System property: {@code false} keeps unix sockets on NIO, without descriptor passing (default true). */
    static final String EPOLL_PROPERTY = "libvirt4j.remote.epoll";

    private UnixTransport() {
    }

    /** {@return whether new unix connections use epoll and pass descriptors} */
    static boolean enabled() {
        return !"false".equalsIgnoreCase(System.getProperty(EPOLL_PROPERTY, "true").trim()) && Epoll.isAvailable();
    }

    /** {@return a new unconnected channel; its socket exists already} */
    static EpollDomainSocketChannel newChannel() {
        return new EpollDomainSocketChannel();
    }

    /** {@return the channel's native socket, which sends descriptors and takes direct writes} */
    static Socket socket(EpollDomainSocketChannel ch) {
        return (Socket) ch.fd();
    }

    /** {@return Netty's address of the socket file} */
    static DomainSocketAddress address(Path path) {
        return new DomainSocketAddress(path.toString());
    }

    /**
     * The epoll loops a unix connection with {@code settings} runs on.
     *
     * @param settings the connection's settings, whose event loops ({@link RpcSettings#group()}) are
     *        looked at only when they are the application's
     * @return the shared epoll loops for the backend's shared NIO ones, the application's group
     *         itself when it is an epoll group, or null when the connection must stay on NIO (epoll
     *         unavailable or disabled, or the application's group is of another kind: a channel runs
     *         on its own kind)
     */
    static EventLoopGroup groupFor(RpcSettings settings) {
        if (!enabled()) {
            return null;
        }
        if (settings.sharedGroup()) {
            return group();
        }
        EventLoopGroup group = settings.group();
        return group instanceof IoEventLoopGroup io && io.isIoType(EpollIoHandler.class) ? group : null;
    }

    /** @return the shared epoll loops, created on first use */
    static EventLoopGroup group() {
        return Holder.GROUP;
    }

    private static final class Holder {
        static final EventLoopGroup GROUP = new MultiThreadIoEventLoopGroup(
                Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())),
                new DefaultThreadFactory("libvirt4j-remote-epoll", true), EpollIoHandler.newFactory());
    }
}

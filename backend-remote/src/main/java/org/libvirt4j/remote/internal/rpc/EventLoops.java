package org.libvirt4j.remote.internal.rpc;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The event loop threads remote connections share, created on first use.
 *
 * <p>They only read: they decode replies and hand each to the thread waiting for it. Callers
 * write their own calls to the socket (see {@link OutboundWriter}), so a round trip costs no hand-off
 * to these threads on the way out. Java's NIO serves TCP and unix sockets alike
 * ({@code NioDomainSocketChannel}, Java 16+), so the backend needs no native library; where
 * Netty's epoll library loads, {@code +unix} connections run on epoll loops of their own instead
 * ({@link UnixTransport}), to pass descriptors. The
 * threads are daemons so an application that forgets to close a connection still exits.
 */
final class EventLoops {
    private EventLoops() {
    }

    /** @return the shared group */
    static EventLoopGroup group() {
        return Holder.GROUP;
    }

    private static final class Holder {
        static final EventLoopGroup GROUP = new MultiThreadIoEventLoopGroup(
                Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())),
                new DefaultThreadFactory("libvirt4j-remote", true), NioIoHandler.newFactory());
    }
}

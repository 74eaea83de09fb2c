package org.libvirt4j.remote.internal.rpc;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The one event loop group every remote connection of this JVM shares, created on first use.
 *
 * <p>NIO serves both TCP and unix sockets ({@code NioDomainSocketChannel}, Java 16+), so the
 * backend needs no native library at all; its threads are daemons so an application that
 * forgets to close a connection still exits.
 */
final class EventLoops {
    private EventLoops() {
    }

    static EventLoopGroup group() {
        return Holder.GROUP;
    }

    private static final class Holder {
        static final EventLoopGroup GROUP = new MultiThreadIoEventLoopGroup(
                Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())),
                new DefaultThreadFactory("libvirt4j-remote", true), NioIoHandler.newFactory());
    }
}

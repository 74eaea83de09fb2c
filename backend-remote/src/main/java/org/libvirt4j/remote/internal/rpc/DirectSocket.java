package org.libvirt4j.remote.internal.rpc;

import io.netty.buffer.ByteBuf;
import io.netty.channel.unix.Socket;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * The socket under a connection's channel, which callers write their calls to themselves (see
 * {@link OutboundWriter}): the JDK's {@link SocketChannel} under NIO, Netty's native socket under epoll.
 * Both are non-blocking: a write takes what the kernel accepts now.
 */
interface DirectSocket {
    /**
     * Writes what the socket takes now of {@code msg}'s readable bytes, advancing its reader index.
     *
     * @param msg the bytes
     * @return how many were written, 0 when the socket is full
     * @throws IOException when the socket fails
     */
    int write(ByteBuf msg) throws IOException;

    /** @param ch a JDK socket */
    static DirectSocket of(SocketChannel ch) {
        return msg -> {
            int n = ch.write(msg.nioBuffer());
            msg.skipBytes(n);
            return n;
        };
    }

    /** @param socket an epoll channel's native socket */
    static DirectSocket of(Socket socket) {
        return msg -> {
            int n;
            if (msg.hasMemoryAddress()) {
                n = socket.writeAddress(msg.memoryAddress(), msg.readerIndex(), msg.writerIndex());
            } else {
                ByteBuffer b = msg.nioBuffer();
                if (!b.isDirect()) {
                    // the native write takes direct memory only
                    b = ByteBuffer.allocateDirect(b.remaining()).put(b).flip();
                }
                n = socket.write(b, b.position(), b.limit());
            }
            msg.skipBytes(n);
            return n;
        };
    }
}

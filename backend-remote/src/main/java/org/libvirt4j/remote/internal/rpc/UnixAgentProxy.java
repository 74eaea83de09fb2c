package org.libvirt4j.remote.internal.rpc;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.agent.common.AbstractAgentProxy;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

/**
 * A client of a running {@code ssh-agent} on its unix socket ({@code SSH_AUTH_SOCK}), as libssh's
 * {@code ssh_userauth_agent} uses it: MINA SSHD's own unix agent client needs Tomcat's native
 * library, while the JDK reaches unix sockets itself. Each request waits at most until the
 * connection's deadline, and a reply longer than {@link #MAX_REPLY} is refused, so an agent that
 * stalls or floods cannot hold or grow the caller.
 */
final class UnixAgentProxy extends AbstractAgentProxy {
    /** OpenSSH's own limit on an agent message ({@code AGENT_MAX_LEN}). */
    static final int MAX_REPLY = 256 * 1024;

    private final SocketChannel channel;
    private final Selector selector;
    private final long deadline;

    /**
     * @param socket the agent's socket
     * @param deadline the {@link System#nanoTime()} after which a request fails
     * @throws IOException when the agent cannot be reached
     */
    UnixAgentProxy(Path socket, long deadline) throws IOException {
        super(null);
        this.deadline = deadline;
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.connect(UnixDomainSocketAddress.of(socket));
            ch.configureBlocking(false);
            this.selector = Selector.open();
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        this.channel = ch;
    }

    @Override
    protected synchronized Buffer request(Buffer buffer) throws IOException {
        prepare(buffer); // the 4-byte length the buffer was created with room for
        ByteBuffer out = ByteBuffer.wrap(buffer.array(), buffer.rpos(), buffer.available());
        while (out.hasRemaining()) {
            if (channel.write(out) == 0) {
                await(SelectionKey.OP_WRITE);
            }
        }
        ByteBuffer len = ByteBuffer.allocate(4);
        fill(len);
        int n = len.flip().getInt();
        if (n <= 0 || n > MAX_REPLY) {
            throw new IOException("ssh-agent reply of " + Integer.toUnsignedString(n) + " bytes refused");
        }
        ByteBuffer msg = ByteBuffer.allocate(n);
        fill(msg);
        return new ByteArrayBuffer(msg.array());
    }

    private void fill(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            int r = channel.read(b);
            if (r < 0) {
                throw new IOException("ssh-agent closed the connection");
            }
            if (r == 0) {
                await(SelectionKey.OP_READ);
            }
        }
    }

    private void await(int op) throws IOException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new IOException("ssh-agent did not answer in time");
        }
        SelectionKey key = channel.register(selector, op);
        try {
            selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        } finally {
            key.interestOps(0);
            selector.selectedKeys().clear();
        }
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    @Override
    public void close() throws IOException {
        try {
            super.close();
        } finally {
            try {
                selector.close();
            } finally {
                channel.close();
            }
        }
    }
}

package org.libvirt4j.remote.internal.rpc;

import io.netty.buffer.ByteBuf;
import io.netty.channel.unix.Socket;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.libvirt4j.ErrorNumber;

/**
 * Sends a {@code CALL_WITH_FDS} as libvirt's client does: the message's bytes, then each
 * descriptor with one byte of its own ({@code sendmsg} with {@code SCM_RIGHTS}; Netty's
 * {@link Socket#sendFd} sends exactly one byte), which the daemon reads one by one after the
 * message. All of it goes from the calling thread, holding the connection's write lock with
 * nothing queued before it, so no other message's bytes come between: the descriptors are the
 * caller's, and sending them later from the event loop could send a number the caller has since
 * closed (and Netty's queued descriptor writes cannot wait for room).
 */
final class FdSends {
    private final DirectSocket bytes;
    private final Socket socket;

    FdSends(DirectSocket bytes, Socket socket) {
        this.bytes = bytes;
        this.socket = socket;
    }

    /**
     * Writes {@code msg} and the descriptors, waiting for room while the socket is full.
     *
     * @param msg the message, consumed (not released)
     * @param fds the descriptors, left open
     * @param deadline the {@link System#nanoTime()} by which all must be sent
     * @throws IOException when the socket fails
     * @throws org.libvirt4j.LibvirtException {@code ERR_OPERATION_TIMEOUT} past the deadline (the
     *         daemon reads nothing): the message may be cut, so the connection must be failed
     */
    void send(ByteBuf msg, int[] fds, long deadline) throws IOException {
        Backoff wait = new Backoff(deadline);
        while (msg.isReadable()) {
            if (bytes.write(msg) == 0) {
                wait.pause();
            }
        }
        for (int fd : fds) {
            while (socket.sendFd(fd) <= 0) {
                wait.pause();
            }
        }
    }

    /** Pauses from 50 µs doubling to 10 ms, and fails past the deadline. */
    private static final class Backoff {
        private final long deadline;
        private long pause = TimeUnit.MICROSECONDS.toNanos(50);

        Backoff(long deadline) {
            this.deadline = deadline;
        }

        void pause() {
            if (System.nanoTime() - deadline > 0) {
                throw Rpc.error(ErrorNumber.ERR_OPERATION_TIMEOUT, "Timed out during operation: the daemon did not "
                        + "read a call with file descriptors", null);
            }
            LockSupport.parkNanos(this, pause);
            pause = Math.min(pause * 2, TimeUnit.MILLISECONDS.toNanos(10));
        }
    }
}

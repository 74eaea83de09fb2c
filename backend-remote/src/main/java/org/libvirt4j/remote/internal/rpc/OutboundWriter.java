package org.libvirt4j.remote.internal.rpc;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelProgressiveFuture;
import io.netty.channel.ChannelProgressiveFutureListener;
import io.netty.channel.ChannelProgressivePromise;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;

/**
 * Everything one connection sends, written from the calling thread so a call reaches the daemon
 * without waking the event loop, as libvirt's C client lets the calling thread do the I/O.
 *
 * <p>The JDK socket is non-blocking: what it does not take now goes to Netty, which writes it
 * when the socket drains, and every later message queues behind it there until Netty has written
 * them all, so messages never interleave and stay in order. Under TLS or a SASL security layer
 * every byte goes through Netty's pipeline instead. A failed write fails the connection.
 *
 * <p>The queue is bounded by {@link #OUTBOUND_MAX}. A keepalive message is dropped, not queued,
 * while anything waits: the daemon reads those bytes before it could read the PONG, and they
 * prove just as well that this side is alive, so a daemon that floods PINGs and reads nothing
 * costs no memory. A message that does not fit makes a caller wait for the daemon to read, while
 * the daemon takes some of the queued bytes at least once per call timeout; past that, or on the
 * event loop, which must not wait, the daemon has stopped reading and the connection fails.
 */
public final class OutboundWriter {
    /**
     * The most bytes one connection keeps queued for a daemon that does not read them (calls,
     * stream data and keepalive messages alike), unless the queue was empty: one message of any
     * legal size is always accepted, so the queue holds at most this or one message, whichever is
     * larger.
     */
    public static final int OUTBOUND_MAX = 8 * 1024 * 1024;
    /**
     * Queued bytes above which a stream sender waits for the daemon to read, so that an upload
     * faster than the daemon takes it cannot make this client buffer without bound.
     */
    static final int QUEUED_HIGH_WATER = 4 * 1024 * 1024;

    private final Channel channel;
    /** The socket under {@link #channel}, or null when there is none to write to directly. */
    private final DirectSocket socket;
    /** Sends a call's descriptors after its bytes, on an epoll unix channel only; else null. */
    private final FdSends fdSends;
    private final long timeoutNanos;
    private final RpcConnection connection;
    /** Whether callers may write to {@link #socket} themselves: not under TLS or a SASL layer. */
    private volatile boolean directWrites;
    /** Makes each message's bytes contiguous on the wire; held only for non-blocking writes. */
    private final ReentrantLock writeLock = new ReentrantLock();
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

    /**
     * @param socket the socket under the channel, or null
     * @param directWrites whether callers may write to {@code socket} themselves
     * @param fdSends the descriptor-sending step of an epoll unix channel, or null
     */
    OutboundWriter(Channel channel, DirectSocket socket, boolean directWrites, long timeoutNanos,
            RpcConnection connection, FdSends fdSends) {
        this.channel = channel;
        this.socket = socket;
        this.fdSends = fdSends;
        this.directWrites = directWrites && socket != null;
        this.timeoutNanos = timeoutNanos;
        this.connection = connection;
    }

    /**
     * {@return whether calls may carry descriptors}: an epoll unix channel whose bytes callers
     * still write themselves (a SASL layer would wrap the message but not the descriptors' bytes)
     */
    boolean passesFds() {
        return fdSends != null && directWrites;
    }

    /**
     * Writes a call and its descriptors with nothing between them ({@link FdSends}): waits until
     * nothing is queued, then sends all of it holding the write lock, within the call timeout. A
     * failure leaves the daemon reading a cut message, so it fails the connection.
     *
     * @param msg the message, released here
     * @param fds the descriptors, which stay the caller's
     * @throws LibvirtException when the connection is or becomes dead, or the daemon reads nothing
     */
    void sendWithFds(ByteBuf msg, int[] fds) {
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
                                    + Rpc.rootMessage(e), e);
                            connection.fail(le, Rpc.hangUpOr(e));
                            throw Rpc.closedError(le);
                        } catch (LibvirtException e) {
                            connection.fail(e);
                            throw e;
                        }
                        return;
                    }
                } finally {
                    writeLock.unlock();
                }
                LibvirtException gone = connection.deathCause();
                if (gone != null) {
                    throw Rpc.closedError(gone);
                }
                if (System.nanoTime() - deadline > 0) {
                    LibvirtException le = Rpc.error(ErrorNumber.ERR_OPERATION_TIMEOUT, "Timed out during operation: "
                            + "the daemon took none of the queued bytes before a call with file descriptors", null);
                    connection.fail(le);
                    throw le;
                }
                LockSupport.parkNanos(this, pause);
                pause = Math.min(pause * 2, TimeUnit.MILLISECONDS.toNanos(10));
            }
        } finally {
            msg.release();
        }
    }

    /** From now on every byte goes through Netty's pipeline (a security layer wraps them). */
    void stopDirectWrites() {
        directWrites = false;
    }

    /** {@link #send(ByteBuf, boolean, boolean)} for a message that must go out, waiting for room if need be. */
    void send(ByteBuf msg) {
        send(msg, false, true);
    }

    /**
     * Writes or queues one message.
     *
     * @param droppable whether the message is a keepalive one, dropped when anything is queued
     * @param mayWait whether a caller off the event loop may wait for room; if not, a message
     *        that does not fit is released and not sent
     * @return whether the message was sent or queued
     * @throws LibvirtException when the connection is (or is now declared) dead because the
     *         daemon stopped reading, or the waiting caller is interrupted; the message is released
     */
    boolean send(ByteBuf msg, boolean droppable, boolean mayWait) {
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
            boolean onLoop = channel.eventLoop().inEventLoop();
            if (!mayWait && !onLoop) {
                msg.release();
                return false;
            }
            LibvirtException gone = connection.deathCause();
            if (gone == null && onLoop) {
                connection.fail(Rpc.error(ErrorNumber.ERR_RPC, "RPC failure: the daemon stopped reading: "
                        + queuedBytes.get() + " bytes wait unwritten, and " + msg.readableBytes()
                        + " more would pass the limit of " + OUTBOUND_MAX + "; the connection is closed", null));
                gone = connection.deathCause();
            }
            if (gone == null) {
                checkDraining();
                gone = connection.deathCause();
            }
            if (gone != null) {
                msg.release();
                throw Rpc.closedError(gone);
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
            connection.fail(Rpc.error(ErrorNumber.ERR_RPC, "RPC failure: the daemon stopped reading: "
                    + queuedBytes.get() + " bytes wait unwritten and it took none for "
                    + TimeUnit.NANOSECONDS.toMillis(since) + " ms; the connection is closed", null));
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
                    connection.fail(Rpc.error(ErrorNumber.ERR_SYSTEM_ERROR, "Cannot write data: "
                            + Rpc.rootMessage(f.cause()), f.cause()), Rpc.hangUpOr(f.cause()));
                }
            }
        });
        channel.writeAndFlush(msg, written);
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
            connection.fail(Rpc.error(ErrorNumber.ERR_SYSTEM_ERROR, "Cannot write data: " + Rpc.rootMessage(e), e),
                    Rpc.hangUpOr(e));
            return false;
        }
    }

    /** {@return the bytes queued for the daemon and not yet written} at most {@link #OUTBOUND_MAX} or one message */
    long queuedBytes() {
        return queuedBytes.get();
    }

    /**
     * After a stream packet: holds its sender while more than {@link #QUEUED_HIGH_WATER} bytes
     * wait, until Netty has written all but a quarter of that, as long as the call timeout at
     * most: a daemon that stops reading fails the send, it does not hang it. Waits back off to
     * 10 ms, since a sender held here waits for a slow peer anyway. Never holds the event loop.
     */
    void awaitDrainedIfFull() {
        if (queuedBytes.get() <= QUEUED_HIGH_WATER || channel.eventLoop().inEventLoop()) {
            return;
        }
        long deadline = System.nanoTime() + timeoutNanos;
        long pause = TimeUnit.MICROSECONDS.toNanos(50);
        while (queuedBytes.get() > QUEUED_HIGH_WATER / 4) {
            LibvirtException gone = connection.deathCause();
            if (gone != null) {
                throw Rpc.closedError(gone);
            }
            if (Thread.currentThread().isInterrupted()) {
                throw Rpc.error(ErrorNumber.ERR_OPERATION_ABORTED,
                        "operation aborted: interrupted while the daemon took no stream data", new InterruptedException());
            }
            if (System.nanoTime() - deadline > 0) {
                throw Rpc.error(ErrorNumber.ERR_OPERATION_TIMEOUT, "Timed out during operation: the daemon took no "
                        + "stream data for " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms (ConnectOptions.callTimeout, default -D"
                        + RpcSettings.TIMEOUT_PROPERTY + ", to wait longer)", null);
            }
            LockSupport.parkNanos(this, pause);
            pause = Math.min(pause * 2, TimeUnit.MILLISECONDS.toNanos(10));
        }
    }
}

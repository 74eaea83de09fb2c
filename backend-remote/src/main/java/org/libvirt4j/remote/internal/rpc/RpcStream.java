package org.libvirt4j.remote.internal.rpc;

import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.remote.generated.VirNetMessageStatus;
import org.libvirt4j.remote.generated.VirNetProtocol;

/**
 * The client side of one libvirt data stream: packets the daemon sends with the stream's
 * serial are queued here until {@link #recv} takes them.
 *
 * <p>The queue is bounded: above {@link #HIGH_WATER} queued bytes the connection stops
 * reading from the socket (Netty's auto-read off) until a reader drains it below
 * {@link #LOW_WATER}, so a slow reader holds the daemon back through TCP flow control instead
 * of growing the heap.
 */
public final class RpcStream {
    /** Queued bytes above which the socket is no longer read. */
    static final int HIGH_WATER = 4 * 1024 * 1024;
    /** Queued bytes below which reading resumes. */
    static final int LOW_WATER = 1024 * 1024;
    /**
     * The most data bytes in one message this client sends: larger sends go in pieces (libvirt's
     * client sends any size in one, up to {@code VIR_NET_MESSAGE_MAX}; a bound keeps each pooled
     * buffer small).
     */
    static final int SEND_MAX = 1024 * 1024;
    private static final byte[] ZEROS = new byte[64 * 1024];

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** Data ({@link ByteBuf}, each released when read or dropped) and holes ({@link Hole}) in arrival order. */
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    /** What a hole costs in {@link #queued}: holes carry no bytes, but a daemon must not queue them without bound. */
    static final int HOLE_COST = 64;
    /** Zeros of a hole already taken off the queue, still to be read (libvirt's {@code holeLength}). */
    private long holeLength;
    /** Whether the transfer was opened sparse: holes may travel (libvirt's {@code allowSkip}). */
    private boolean allowSkip;
    /** Told whenever data, the end or an error arrives, so stream event callbacks can run. */
    private volatile Runnable listener;
    private long queued;
    private boolean paused;
    private boolean eof;
    private boolean finished;
    private LibvirtException error;
    private RpcConnection client;
    private boolean closed;
    private int proc;
    private int serial;

    void attach(RpcConnection c, int p, int s) {
        lock.lock();
        try {
            if (client != null) {
                throw LibvirtException.of(ErrorNumber.ERR_INVALID_ARG, org.libvirt4j.ErrorDomain.STREAMS,
                        "invalid argument: the stream is already in use");
            }
            this.client = c;
            this.proc = p;
            this.serial = s;
            this.allowSkip = pendingSkip;
            this.pendingSkip = false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Undoes {@link #attach} after the call that was to open the transfer failed: as libvirt's
     * remote driver does, the stream is left without a driver, so later calls on it fail with
     * {@code ERR_NO_SUPPORT} instead of waiting for a daemon that never opened it.
     */
    void detach() {
        lock.lock();
        try {
            resume();
            client = null;
            drop();
            holeLength = 0;
            allowSkip = false;
            eof = false;
            error = null;
            connectionLost = false;
        } finally {
            lock.unlock();
        }
    }

    /** @return whether a call has attached this stream to a transfer */
    public boolean isAttached() {
        lock.lock();
        try {
            return client != null;
        } finally {
            lock.unlock();
        }
    }

    /**
     * A data packet: the frame's own pooled buffer (a retained slice), queued without a copy and
     * released once read or dropped; released at once when nobody can read it any more.
     */
    void onData(ByteBuf data) {
        lock.lock();
        try {
            if (!data.isReadable() || closed || released) {
                data.release();
                if (!closed && !released) {
                    // The daemon sends an empty data packet when its side reached end of file; the C
                    // client's recv returns 0 for it, before the daemon's final OK arrives.
                    eof = true;
                    changed.signalAll();
                }
                return;
            }
            enqueue(data, data.readableBytes());
        } finally {
            lock.unlock();
            notifyListener();
        }
    }

    /**
     * A hole the daemon sent on a sparse download: queued in order with the data, it becomes
     * {@link #holeLength} when a receive reaches it, as in libvirt's client.
     */
    void onHole(long length, int flags) {
        lock.lock();
        try {
            enqueue(new Hole(length, flags), HOLE_COST);
        } finally {
            lock.unlock();
            notifyListener();
        }
    }

    /** Under {@link #lock}: queues a packet, pausing the socket above the high-water mark. */
    private void enqueue(Object packet, int cost) {
        queue.add(packet);
        queued += cost;
        if (queued > HIGH_WATER && !paused) {
            paused = true;
            client.setAutoRead(false);
        }
        changed.signalAll();
    }

    private void notifyListener() {
        Runnable l = listener;
        if (l != null) {
            l.run();
        }
    }

    /**
     * @param l told (on the connection's event loop, or a caller's thread) whenever the stream's
     *        state changes; it must not block; null for none
     */
    public void setListener(Runnable l) {
        listener = l;
    }

    /** A {@code VIR_NET_STREAM_HOLE} packet: {@code virNetStreamHole}. */
    private record Hole(long length, int flags) {
    }

    /**
     * Says whether the next call opening a transfer on this stream opens it sparse (a
     * {@code SPARSE_STREAM} flag), as libvirt's remote driver creates its client stream.
     *
     * @param skip whether holes may travel
     */
    public void allowSkip(boolean skip) {
        lock.lock();
        try {
            pendingSkip = skip;
        } finally {
            lock.unlock();
        }
    }

    private boolean pendingSkip;

    /** {@return whether a receive would not wait: data, a hole, the end or an error is there}: libvirt's readable state */
    public boolean readable() {
        lock.lock();
        try {
            return !queue.isEmpty() || holeLength > 0 || eof || error != null;
        } finally {
            lock.unlock();
        }
    }

    void onEndOfStream() {
        lock.lock();
        try {
            eof = true;
            if (client != null && finishing) {
                finished = true;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
            notifyListener();
        }
    }

    void onFinished() {
        lock.lock();
        try {
            eof = true;
            finished = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The connection died under the stream: transfers in flight fail with {@code e}, and
     * {@link #finish()} afterwards is a call on a closed connection, as in libvirt's C client,
     * which keeps no stream error for a lost connection.
     */
    void onConnectionLost(LibvirtException e) {
        lock.lock();
        try {
            if (error == null) {
                connectionLost = true;
            }
        } finally {
            lock.unlock();
        }
        onError(e);
    }

    /** Whether {@link #error} is the connection's loss, not an error the daemon sent for this stream. */
    private boolean connectionLost;

    void onError(LibvirtException e) {
        lock.lock();
        try {
            if (error == null) {
                error = e;
            }
            resume();
            changed.signalAll();
        } finally {
            lock.unlock();
            notifyListener();
        }
    }

    private boolean finishing;

    /**
     * Reads what has arrived, waiting up to the call timeout for the first byte; a hole reads as
     * zeros.
     *
     * @param buffer where to copy: from its position up to its limit; the position moves past the bytes copied
     * @return bytes copied, 0 at the end of the stream
     * @throws LibvirtException the daemon's stream error, or a timeout
     */
    public int recv(ByteBuffer buffer) {
        return recv(buffer, false, "virStreamRecv");
    }

    /**
     * Reads like {@link #recv(ByteBuffer)}; with {@code stopAtHole}, returns -3 at a hole instead of
     * reading zeros (libvirt's {@code VIR_STREAM_RECV_STOP_AT_HOLE}).
     *
     * @param buffer where to copy: from its position up to its limit; the position moves past the bytes copied
     * @param stopAtHole whether to stop at a hole
     * @param function the C function, for errors
     * @return bytes copied, 0 at the end of the stream, -3 at a hole
     * @throws LibvirtException the daemon's stream error, or a timeout
     */
    public int recv(ByteBuffer buffer, boolean stopAtHole, String function) {
        lock.lock();
        try {
            requireAttached(function);
            long left = client.timeoutNanos();
            while (true) {
                while (queue.isEmpty() && holeLength == 0 && !eof && error == null) {
                    if (left <= 0) {
                        throw Rpc.error(ErrorNumber.ERR_OPERATION_TIMEOUT, "Timed out during operation: no stream data within "
                                + TimeUnit.NANOSECONDS.toMillis(client.timeoutNanos()) + " ms", null);
                    }
                    try {
                        left = changed.awaitNanos(left);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw Rpc.error(ErrorNumber.ERR_OPERATION_ABORTED, "operation aborted: interrupted in " + function, e);
                    }
                }
                if (holeLength == 0 && queue.peek() instanceof Hole h) {
                    takeHole(h);
                    if (queue.isEmpty() && holeLength == 0 && !eof) {
                        continue; // only an empty hole: wait for more, as libvirt rereads
                    }
                }
                break;
            }
            int n = 0;
            if (holeLength > 0) {
                if (stopAtHole) {
                    return -3;
                }
                int k = (int) Math.min(buffer.remaining(), holeLength);
                for (int z = k; z > 0; z -= Math.min(z, ZEROS.length)) {
                    buffer.put(ZEROS, 0, Math.min(z, ZEROS.length));
                }
                holeLength -= k;
                n = k;
            }
            if (n == 0 && queue.isEmpty()) {
                if (error != null) {
                    throw copy(error);
                }
                return 0;
            }
            int copied = 0;
            while (buffer.hasRemaining() && queue.peek() instanceof ByteBuf head) {
                int k = Math.min(buffer.remaining(), head.readableBytes());
                int limit = buffer.limit();
                buffer.limit(buffer.position() + k);
                head.readBytes(buffer);
                buffer.limit(limit);
                n += k;
                copied += k;
                if (!head.isReadable()) {
                    queue.poll();
                    head.release();
                }
            }
            queued -= copied;
            if (paused && queued < LOW_WATER) {
                resume();
            }
            return n;
        } finally {
            lock.unlock();
        }
    }

    /** Under {@link #lock}: takes the hole at the head of the queue, as libvirt's client handles one. */
    private void takeHole(Hole h) {
        queue.poll();
        queued -= HOLE_COST;
        if (paused && queued < LOW_WATER) {
            resume(); // a receive stopping at the hole returns before the data path's check
        }
        if (!allowSkip) {
            // the daemon sends holes only on a transfer opened sparse
            throw Rpc.error(ErrorNumber.ERR_RPC, "RPC failure: Unexpected stream hole", null);
        }
        if (h.flags() != 0 || h.length() < 0) {
            throw Rpc.error(ErrorNumber.ERR_RPC, "RPC failure: Malformed stream hole packet", null);
        }
        holeLength += h.length();
    }

    /**
     * Takes the length of the hole the stream is at (libvirt's {@code virNetClientStreamRecvHole}).
     *
     * @return the hole's length, 0 when not at a hole
     * @throws LibvirtException {@code ERR_OPERATION_INVALID} on a stream not opened sparse
     */
    public long recvHole() {
        lock.lock();
        try {
            requireAttached("virStreamRecvHole");
            if (!allowSkip) {
                throw LibvirtException.of(ErrorNumber.ERR_OPERATION_INVALID, org.libvirt4j.ErrorDomain.RPC,
                        "Requested operation is not valid: Holes are not supported with this stream");
            }
            long length = holeLength;
            holeLength = 0;
            return length;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Sends a hole on a sparse upload (libvirt's {@code virNetClientStreamSendHole}).
     *
     * @param length the hole's length
     * @param flags the hole's flags
     * @throws LibvirtException {@code ERR_OPERATION_INVALID} on a stream not opened sparse
     */
    public void sendHole(long length, int flags) {
        RpcConnection c;
        int p;
        int s;
        lock.lock();
        try {
            requireAttached("virStreamSendHole");
            if (!allowSkip) {
                throw LibvirtException.of(ErrorNumber.ERR_OPERATION_INVALID, org.libvirt4j.ErrorDomain.RPC,
                        "Requested operation is not valid: Skipping is not supported with this stream");
            }
            if (error != null) {
                throw copy(error);
            }
            c = client;
            p = proc;
            s = serial;
        } finally {
            lock.unlock();
        }
        c.sendStreamHole(p, s, length, flags);
    }

    /**
     * Sends data on a write stream: one message when it fits in {@link #SEND_MAX}, as libvirt's
     * client sends one per {@code virStreamSend}; each copied once, into the message's pooled buffer.
     *
     * @param data the bytes from its position to its limit (which stay as they are)
     * @return bytes sent
     */
    public int send(ByteBuffer data) {
        RpcConnection c;
        int p;
        int s;
        lock.lock();
        try {
            requireAttached("virStreamSend");
            if (error != null) {
                throw copy(error);
            }
            c = client;
            p = proc;
            s = serial;
        } finally {
            lock.unlock();
        }
        int length = data.remaining();
        ByteBuffer piece = data.duplicate();
        int end = piece.limit();
        while (piece.position() < end) {
            piece.limit(Math.min(end, piece.position() + SEND_MAX));
            c.sendStream(p, s, VirNetMessageStatus.VIR_NET_CONTINUE, piece);
            piece.position(piece.limit());
        }
        return length;
    }

    /**
     * Ends the transfer successfully and waits for the daemon's acknowledgement.
     *
     * @throws LibvirtException the stream's error, or a timeout
     */
    public void finish() {
        end(VirNetMessageStatus.VIR_NET_OK, "virStreamFinish");
    }

    /**
     * Aborts the transfer and waits for the daemon's acknowledgement, whatever it says.
     *
     * @throws LibvirtException as libvirt's C client does when the abort cannot reach the daemon:
     *         {@code ERR_INTERNAL_ERROR} "client socket is closed" on a connection already lost,
     *         the connection's error when it is lost while waiting
     */
    public void abort() {
        end(VirNetMessageStatus.VIR_NET_ERROR, "virStreamAbort");
    }

    private void end(VirNetMessageStatus status, String function) {
        lock.lock();
        try {
            if (client == null && status == VirNetMessageStatus.VIR_NET_ERROR) {
                return; // virStreamAbort on a stream without a driver does nothing
            }
            requireAttached(function);
            closed = true;
            if (status == VirNetMessageStatus.VIR_NET_OK && error != null) {
                client.forgetStream(serial);
                if (connectionLost) {
                    throw Rpc.error(ErrorNumber.ERR_INTERNAL_ERROR, "internal error: client socket is closed", error);
                }
                throw copy(error);
            }
            finishing = true;
            finished = false;
            drop();
            holeLength = 0;
            resume();
            try {
                client.sendStream(proc, serial, status, null);
            } catch (LibvirtException e) {
                client.forgetStream(serial);
                if (!client.isAlive()) {
                    // not sent: as in libvirt's C client the stream is not closed by it, so the next
                    // call fails on the dead connection, not with "stream is closed"
                    closed = false;
                    finishing = false;
                }
                if (status == VirNetMessageStatus.VIR_NET_ERROR && !client.isAlive()) {
                    // the C client's words for a call on a connection it knows is gone
                    throw Rpc.error(ErrorNumber.ERR_INTERNAL_ERROR, "internal error: client socket is closed", e);
                }
                throw e;
            }
            long left = client.timeoutNanos();
            while (!finished && error == null && left > 0) {
                try {
                    left = changed.awaitNanos(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            client.forgetStream(serial);
            if (status == VirNetMessageStatus.VIR_NET_ERROR && !finished && error != null && !client.isAlive()) {
                throw copy(error); // the connection died under the abort: no acknowledgement will come
            }
            if (status == VirNetMessageStatus.VIR_NET_OK) {
                if (error != null) {
                    throw copy(error);
                }
                if (!finished) {
                    throw Rpc.error(ErrorNumber.ERR_OPERATION_TIMEOUT,
                            "Timed out during operation: no reply to " + function, null);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Drops the stream without a handshake (the handle was freed); reading resumes. */
    public void release() {
        lock.lock();
        try {
            released = true;
            if (client != null) {
                client.forgetStream(serial);
                drop();
                resume();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Under {@link #lock}: empties the queue, releasing the data buffers. */
    private void drop() {
        for (Object packet; (packet = queue.poll()) != null;) {
            if (packet instanceof ByteBuf b) {
                b.release();
            }
        }
        queued = 0;
    }

    /** Set by {@link #release()}: data arriving later is released at once. */
    private boolean released;

    private void resume() {
        if (paused) {
            paused = false;
            client.setAutoRead(true);
        }
    }

    /** Like libvirt: a stream no call attached has no driver; a finished or aborted one is closed. */
    private void requireAttached(String function) {
        if (client == null) {
            throw LibvirtException.of(ErrorNumber.ERR_NO_SUPPORT, org.libvirt4j.ErrorDomain.STREAMS,
                    "this function is not supported by the connection driver: " + function);
        }
        if (closed) {
            throw Rpc.error(ErrorNumber.ERR_OPERATION_FAILED, "operation failed: stream is closed", null);
        }
    }

    private static LibvirtException copy(LibvirtException e) {
        return new LibvirtException(e.codeValue(), e.domainValue(), e.levelValue(), e.getMessage(), e.getCause());
    }
}

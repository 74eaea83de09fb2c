package org.libvirt4j.remote.internal;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.Stream;
import org.libvirt4j.StreamEventType;
import org.libvirt4j.StreamRecvFlagsValues;
import org.libvirt4j.remote.internal.rpc.RpcStream;
import org.libvirt4j.spi.ObjectKind;

/**
 * {@link Stream} over RPC: created unattached by {@code newStream}; a stream procedure
 * (screenshot, ...) attaches it to its call's serial. Freeing an unfinished stream aborts it,
 * as {@code virStreamFree} does; like the native backends' free, that waits for the calls in
 * flight, so closing never cuts short another thread's {@code recv} (which ends as it would have)
 * and only the calls made after {@link #close()} fail, with {@code ERR_INVALID_STREAM}.
 */
final class RemoteStream extends RemoteObject implements Stream, org.libvirt4j.spi.StreamManualContract {
    private final RpcStream rpc;
    /** Set once finished or aborted; shared with the free action, which must not refer to the handle. */
    private final AtomicBoolean ended;

    RemoteStream(Session session, int flags) {
        this(session, new RpcStream(), new AtomicBoolean());
    }

    private RemoteStream(Session session, RpcStream rpc, AtomicBoolean ended) {
        // Run when the handle is closed and its last call in flight has returned, or by the
        // Cleaner for a forgotten stream.
        super(session, ObjectKind.STREAM, () -> free(rpc, ended));
        this.rpc = rpc;
        this.ended = ended;
        // the flags (NONBLOCK) only change how libvirt's event loop drives a stream; calls here block
    }

    /**
     * @param stream a stream argument of the C function {@code fn}
     * @param session the connection of the object it is passed to
     * @param foreign the error for a stream of another connection (or backend), worded by the caller as libvirt words it
     * @return the stream, valid and of that connection
     */
    static RemoteStream of(Stream stream, Session session, String fn, Supplier<LibvirtException> foreign) {
        Objects.requireNonNull(stream, "stream");
        if (stream instanceof RemoteStream other) {
            other.check(fn);
        }
        if (!(stream instanceof RemoteStream rs) || rs.session != session) {
            throw foreign.get();
        }
        return rs;
    }

    <T> T open(String fn, Function<RpcStream, T> call) {
        if (rpc.isAttached()) {
            throw LibvirtException.of(ErrorNumber.ERR_OPERATION_INVALID, ErrorDomain.STREAMS,
                    "Requested operation is not valid: the stream is already used by " + fn);
        }
        return call.apply(rpc);
    }

    @Override
    public int rawSend(byte[] data, int offset, int length) {
        return sendRange(ByteBuffer.wrap(data, offset, length));
    }

    @Override
    public int rawSendDirect(ByteBuffer direct, int offset, int length) {
        return sendRange(range(direct, offset, length));
    }

    private int sendRange(ByteBuffer data) {
        acquire("virStreamSend");
        try {
            return rpc.send(data);
        } finally {
            release();
        }
    }

    @Override
    public int rawRecv(byte[] buffer, int offset, int length) {
        return recvRange(ByteBuffer.wrap(buffer, offset, length));
    }

    @Override
    public int rawRecvDirect(ByteBuffer direct, int offset, int length) {
        return recvRange(range(direct, offset, length));
    }

    private int recvRange(ByteBuffer into) {
        acquire("virStreamRecv");
        try {
            return rpc.recv(into);
        } finally {
            release();
        }
    }

    /** {@return a view of {@code b}'s bytes at [offset, offset+length), leaving the caller's position and limit alone} */
    private static ByteBuffer range(ByteBuffer b, int offset, int length) {
        return b.duplicate().limit(offset + length).position(offset);
    }

    @Override
    public void finish() {
        acquire("virStreamFinish");
        try {
            rpc.finish();
            ended.set(true);
        } finally {
            release();
        }
    }

    @Override
    public void abort() {
        acquire("virStreamAbort");
        try {
            // whatever the outcome, the transfer is over: freeing does not abort again
            ended.set(true);
            rpc.abort();
        } finally {
            release();
        }
    }

    @Override
    public Object invokeManual(org.libvirt4j.spi.ManualFn fn, Object... args) {
        return RemoteManual.invoke(this, fn, args);
    }

    /** Says whether the next transfer opened on this stream is sparse (a {@code SPARSE_STREAM} flag). */
    void allowSkip(boolean sparse) {
        rpc.allowSkip(sparse);
    }

    /**
     * The stream functions of {@link org.libvirt4j.spi.ManualFn}, as libvirt's remote driver
     * does them: holes through the RPC stream, event callbacks on the backend's event dispatcher.
     */
    Object manual(org.libvirt4j.spi.ManualFn fn, Object[] a) {
        String name = fn.name();
        acquire(name);
        try {
            return switch (fn) {
                case virStreamRecvFlags -> {
                    int flags = (Integer) a[1];
                    if ((flags & ~StreamRecvFlagsValues.STOP_AT_HOLE.value()) != 0) {
                        // virCheckFlags in libvirt's remote driver
                        throw LibvirtException.of(ErrorNumber.ERR_INVALID_ARG, ErrorDomain.REMOTE, String.format(
                                "unsupported flags (0x%x) in function remoteStreamRecvFlags", flags));
                    }
                    yield rpc.recv(ByteBuffer.wrap((byte[]) a[0]), flags != 0, name);
                }
                case virStreamSendHole -> {
                    rpc.sendHole((Long) a[0], (Integer) a[1]);
                    yield null;
                }
                case virStreamRecvHole -> rpc.recvHole();
                case virStreamEventAddCallback -> {
                    requireDriver(name);
                    events.add((Integer) a[0], (org.libvirt4j.StreamEventCallback) a[1]);
                    yield null;
                }
                case virStreamEventUpdateCallback -> {
                    requireDriver(name);
                    events.update((Integer) a[0]);
                    yield null;
                }
                case virStreamEventRemoveCallback -> {
                    requireDriver(name);
                    events.remove();
                    yield null;
                }
                default -> throw new IllegalStateException(name);
            };
        } finally {
            release();
        }
    }

    /** Like libvirt: a stream no call attached has no driver to take a callback. */
    private void requireDriver(String fn) {
        if (!rpc.isAttached()) {
            throw LibvirtException.of(ErrorNumber.ERR_NO_SUPPORT, ErrorDomain.STREAMS,
                    "this function is not supported by the connection driver: " + fn);
        }
    }

    private final Events events = new Events();

    /**
     * The stream's one event callback, level-triggered as libvirt's client runs it from a
     * zero-delay timer: while the stream is in a watched state (readable: data, a hole, the end or
     * an error is buffered; writable: always, since sends queue), the callback runs again, each run
     * one task on the backend's event dispatcher, so streams and connections take turns.
     */
    private final class Events {
        private org.libvirt4j.StreamEventCallback callback;
        private int watched;
        private boolean queuedRun;
        private EventDispatcher.Queue queue;

        synchronized void add(int evts, org.libvirt4j.StreamEventCallback cb) {
            if (callback != null) {
                throw LibvirtException.of(ErrorNumber.ERR_INTERNAL_ERROR, ErrorDomain.RPC,
                        "internal error: multiple stream callbacks not supported");
            }
            if (queue == null) {
                queue = session.dispatcher.newQueue("a stream of " + session.canonicalUri);
            }
            callback = cb;
            watched = evts;
            rpc.setListener(this::kick);
            kick();
        }

        synchronized void update(int evts) {
            requireCallback();
            watched = evts;
            kick();
        }

        synchronized void remove() {
            requireCallback();
            callback = null;
            rpc.setListener(null);
        }

        private void requireCallback() {
            if (callback == null) {
                throw LibvirtException.of(ErrorNumber.ERR_INTERNAL_ERROR, ErrorDomain.RPC,
                        "internal error: no stream callback registered");
            }
        }

        /** Queues one run of the callback when the stream is in a watched state and none is queued. */
        synchronized void kick() {
            if (callback != null && !queuedRun && current() != 0) {
                queuedRun = queue.offer(this::run);
            }
        }

        private int current() {
            int e = 0;
            if ((watched & StreamEventType.READABLE.value()) != 0 && rpc.readable()) {
                e |= StreamEventType.READABLE.value();
            }
            if ((watched & StreamEventType.WRITABLE.value()) != 0) {
                e |= StreamEventType.WRITABLE.value();
            }
            return e;
        }

        private void run() {
            org.libvirt4j.StreamEventCallback cb;
            int e;
            synchronized (this) {
                queuedRun = false;
                cb = callback;
                e = cb == null ? 0 : current();
            }
            if (e != 0) {
                try {
                    cb.onEvent(RemoteStream.this, e);
                } finally {
                    kick();
                }
            }
        }
    }

    /** Aborts a transfer still running (ignoring errors: freeing never fails), then drops the stream. */
    private static void free(RpcStream rpc, AtomicBoolean ended) {
        rpc.setListener(null); // libvirt drops the event callback with the stream
        if (!ended.get() && rpc.isAttached()) {
            try {
                rpc.abort();
            } catch (LibvirtException e) {
                // the daemon drops the stream with the connection at worst
            }
        }
        rpc.release();
    }
}

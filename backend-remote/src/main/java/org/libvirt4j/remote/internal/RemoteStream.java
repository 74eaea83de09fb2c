package org.libvirt4j.remote.internal;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.Stream;
import org.libvirt4j.remote.internal.rpc.RpcStream;
import org.libvirt4j.spi.ObjectKind;

/**
 * {@link Stream} over RPC: created unattached by {@code newStream}; a stream procedure
 * (screenshot, ...) attaches it to its call's serial. Freeing an unfinished stream aborts it,
 * as {@code virStreamFree} does; like the native backends' free, that waits for the calls in
 * flight, so closing never cuts short another thread's {@code recv} (which ends as it would have)
 * and only the calls made after {@link #close()} fail, with {@code ERR_INVALID_STREAM}.
 */
final class RemoteStream extends RemoteObject implements Stream {
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
    public int send(byte[] data) {
        Objects.requireNonNull(data, "data");
        acquire("virStreamSend");
        try {
            return rpc.send(data);
        } finally {
            release();
        }
    }

    @Override
    public int recv(byte[] buffer) {
        Objects.requireNonNull(buffer, "buffer");
        acquire("virStreamRecv");
        try {
            return rpc.recv(buffer);
        } finally {
            release();
        }
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

    /** Aborts a transfer still running (ignoring errors: freeing never fails), then drops the stream. */
    private static void free(RpcStream rpc, AtomicBoolean ended) {
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

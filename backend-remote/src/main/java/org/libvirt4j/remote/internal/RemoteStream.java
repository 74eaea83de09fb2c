package org.libvirt4j.remote.internal;

import java.util.Objects;
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
 * (screenshot, ...) attaches it to its call's serial. Closing an unfinished stream aborts it,
 * as {@code virStreamFree} does.
 */
final class RemoteStream extends RemoteObject implements Stream {
    private final RpcStream rpc;
    private volatile boolean done;

    RemoteStream(Session session, int flags) {
        this(session, new RpcStream());
    }

    private RemoteStream(Session session, RpcStream rpc) {
        // A forgotten stream is dropped from the connection (and its socket reading resumed) by the Cleaner.
        super(session, ObjectKind.STREAM, rpc::release);
        this.rpc = rpc;
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
            done = true;
        } finally {
            release();
        }
    }

    @Override
    public void abort() {
        acquire("virStreamAbort");
        try {
            rpc.abort();
            done = true;
        } finally {
            release();
        }
    }

    @Override
    public void close() {
        // virStreamFree aborts an unfinished transfer; only the first close does it
        if (!closing.getAndSet(true)) {
            abortIfRunning();
        }
        super.close();
    }

    private final java.util.concurrent.atomic.AtomicBoolean closing = new java.util.concurrent.atomic.AtomicBoolean();

    /** Aborts a transfer still running, then drops the handle. */
    private void abortIfRunning() {
        if (!done && rpc.isAttached()) {
            try {
                rpc.abort();
            } catch (LibvirtException e) {
                // freeing never fails; the daemon drops the stream with the connection at worst
            }
        }
        rpc.release();
    }
}

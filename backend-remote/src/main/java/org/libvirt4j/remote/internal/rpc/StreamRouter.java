package org.libvirt4j.remote.internal.rpc;

import io.netty.buffer.ByteBuf;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.remote.generated.VirNetMessageStatus;
import org.libvirt4j.remote.generated.VirNetStreamHole;
import org.libvirt4j.remote.internal.xdr.XdrReader;

/**
 * The data streams of one connection by serial (the serial of the call that opened each): the
 * daemon's stream packets, holes and final replies go to their {@link RpcStream}.
 */
final class StreamRouter {
    private final Map<Integer, RpcStream> streams = new ConcurrentHashMap<>();

    void add(int serial, RpcStream stream) {
        streams.put(serial, stream);
    }

    void remove(int serial) {
        streams.remove(serial);
    }

    /**
     * A {@code VIR_NET_STREAM} packet: data, the end, or the daemon's error. Packets of a stream
     * already finished or aborted (still in flight when it ended) are dropped.
     */
    void onPacket(int serial, VirNetMessageStatus status, XdrReader r, ByteBuf body) {
        RpcStream s = streams.get(serial);
        if (s == null) {
            return;
        }
        switch (status) {
            // the frame's bytes themselves: no array per packet, one copy into the reader's buffer
            case VIR_NET_CONTINUE -> s.onData(body.readRetainedSlice(body.readableBytes()));
            case VIR_NET_OK -> s.onEndOfStream();
            case VIR_NET_ERROR -> s.onError(RemoteErrors.decode(r));
            default -> throw Rpc.bogus("stream status " + status.value());
        }
    }

    /** A {@code VIR_NET_STREAM_HOLE} packet of a sparse download, queued with the stream's data. */
    void onHole(int serial, VirNetMessageStatus status, XdrReader r) {
        if (status != VirNetMessageStatus.VIR_NET_CONTINUE) {
            throw Rpc.bogus("stream hole status " + status.value());
        }
        VirNetStreamHole h = VirNetStreamHole.decode(r);
        r.expectEnd("stream hole");
        RpcStream s = streams.get(serial);
        if (s != null) {
            s.onHole(h.length(), h.flags());
        }
    }

    /**
     * A stream's final reply (finish or abort acknowledged, or its error).
     *
     * @return false when no stream has {@code serial}
     */
    boolean onFinalReply(int serial, VirNetMessageStatus status, XdrReader r) {
        RpcStream s = streams.get(serial);
        if (s == null) {
            return false;
        }
        if (status == VirNetMessageStatus.VIR_NET_ERROR) {
            s.onError(RemoteErrors.decode(r));
        } else {
            s.onFinished();
        }
        return true;
    }

    /** Fails every stream with {@code reason}: the connection is gone. */
    void failAll(LibvirtException reason) {
        for (Integer serial : streams.keySet()) {
            RpcStream s = streams.remove(serial);
            if (s != null) {
                s.onConnectionLost(reason);
            }
        }
    }
}

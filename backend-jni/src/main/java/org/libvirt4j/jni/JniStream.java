package org.libvirt4j.jni;

import static org.libvirt4j.jni.LibvirtNatives.*;

import java.nio.ByteBuffer;
import org.libvirt4j.Stream;
import org.libvirt4j.spi.DirectScratch;
import org.libvirt4j.spi.ObjectKind;

/**
 * {@link Stream} over a {@code virStreamPtr}; {@link #close()} is {@code virStreamFree}. Data goes
 * to and from libvirt through direct buffers: the caller's own, or the stream's scratch buffer for
 * a {@code byte[]}.
 */
final class JniStream extends JniObject implements Stream, org.libvirt4j.spi.StreamManualContract {

    /** Where a {@code byte[]} is copied for libvirt: once, without an allocation per call. */
    private final DirectScratch scratch = new DirectScratch();

    JniStream(long stream) {
        super(ObjectKind.STREAM, JniNatives.K_STREAM, stream);
    }

    @Override
    public int rawSend(byte[] data, int offset, int length) {
        ByteBuffer b = scratch.take(length);
        try {
            b.put(0, data, offset, length);
            return num("virStreamSend", s -> JniNatives.streamSendDirect(s, b, 0, length));
        } finally {
            scratch.give(b);
        }
    }

    @Override
    public int rawSendDirect(ByteBuffer direct, int offset, int length) {
        return num("virStreamSend", s -> JniNatives.streamSendDirect(s, direct, offset, length));
    }

    @Override
    public int rawRecv(byte[] buffer, int offset, int length) {
        ByteBuffer b = scratch.take(length);
        try {
            int n = num("virStreamRecv", s -> JniNatives.streamRecvDirect(s, b, 0, length));
            if (n > 0) {
                b.get(0, buffer, offset, n);
            }
            return n;
        } finally {
            scratch.give(b);
        }
    }

    @Override
    public int rawRecvDirect(ByteBuffer direct, int offset, int length) {
        return num("virStreamRecv", s -> JniNatives.streamRecvDirect(s, direct, offset, length));
    }

    @Override
    public void finish() {
        run("virStreamFinish", s -> virStreamFinish(s));
    }

    @Override
    public void abort() {
        run("virStreamAbort", s -> virStreamAbort(s));
    }

    @Override
    public Object invokeManual(org.libvirt4j.spi.ManualFn fn, Object... args) {
        if (fn == org.libvirt4j.spi.ManualFn.virStreamEventAddCallback) {
            // the C callback hands the application this handle back
            return JniManual.invoke(this, fn, new Object[] {args[0],
                new JniEvents.StreamTarget(this, (org.libvirt4j.StreamEventCallback) args[1])});
        }
        return JniManual.invoke(this, fn, args);
    }
}

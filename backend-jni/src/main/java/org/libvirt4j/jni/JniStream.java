package org.libvirt4j.jni;

import static org.libvirt4j.jni.LibvirtNatives.*;

import java.util.Objects;
import org.libvirt4j.Stream;
import org.libvirt4j.spi.ObjectKind;

/** {@link Stream} over a {@code virStreamPtr}; {@link #close()} is {@code virStreamFree}. */
final class JniStream extends JniObject implements Stream, org.libvirt4j.spi.StreamManualContract {

    JniStream(long stream) {
        super(ObjectKind.STREAM, JniNatives.K_STREAM, stream);
    }

    @Override
    public int send(byte[] data) {
        Objects.requireNonNull(data, "data");
        return num("virStreamSend", s -> JniNatives.streamSend(s, data, 0, data.length));
    }

    @Override
    public int recv(byte[] buffer) {
        Objects.requireNonNull(buffer, "buffer");
        return num("virStreamRecv", s -> JniNatives.streamRecv(s, buffer, 0, buffer.length));
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

package org.libvirt4j.spi;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.Objects;
import org.libvirt4j.StreamEventCallback;
import org.libvirt4j.StreamManualMethods;

/**
 * The backend contract of {@link StreamManualMethods}, written once: the null and range checks;
 * the call is {@link #invokeManual}, or for data one of the narrow {@code raw*} operations, one
 * {@code virStreamSend}/{@code virStreamRecv} each, which a backend implements for a
 * {@code byte[]} range and for a direct buffer's memory. A heap {@link ByteBuffer} travels as its
 * array's range; a read-only heap buffer, whose array is hidden, as a copy.
 */
public interface StreamManualContract extends StreamManualMethods, ManualInvocable {

    @Override
    default int send(byte[] data) {
        return send(Objects.requireNonNull(data, "data"), 0, data.length);
    }

    @Override
    default int send(byte[] data, int offset, int length) {
        Objects.requireNonNull(data, "data");
        Objects.checkFromIndexSize(offset, length, data.length);
        return rawSend(data, offset, length);
    }

    @Override
    default int send(ByteBuffer src) {
        Objects.requireNonNull(src, "src");
        int position = src.position();
        int length = src.limit() - position;
        int sent;
        if (src.isDirect()) {
            sent = rawSendDirect(src, position, length);
        } else if (src.hasArray()) {
            sent = rawSend(src.array(), src.arrayOffset() + position, length);
        } else {
            byte[] copy = new byte[length];
            src.get(position, copy);
            sent = rawSend(copy, 0, length);
        }
        if (sent > 0) {
            src.position(position + sent);
        }
        return sent;
    }

    @Override
    default int recv(byte[] buffer) {
        return recv(Objects.requireNonNull(buffer, "buffer"), 0, buffer.length);
    }

    @Override
    default int recv(byte[] buffer, int offset, int length) {
        Objects.requireNonNull(buffer, "buffer");
        Objects.checkFromIndexSize(offset, length, buffer.length);
        return rawRecv(buffer, offset, length);
    }

    @Override
    default int recv(ByteBuffer dst) {
        Objects.requireNonNull(dst, "dst");
        if (dst.isReadOnly()) {
            throw new ReadOnlyBufferException();
        }
        int position = dst.position();
        int length = dst.limit() - position;
        int got = dst.isDirect() ? rawRecvDirect(dst, position, length)
                : rawRecv(dst.array(), dst.arrayOffset() + position, length);
        if (got > 0) {
            dst.position(position + got);
        }
        return got;
    }

    /**
     * {@code virStreamSend} of a checked range of an array.
     *
     * @param data the array
     * @param offset the first byte's index
     * @param length how many bytes
     * @return libvirt's result: bytes sent, or -2
     * @throws org.libvirt4j.LibvirtException libvirt's error, {@code ERR_INVALID_STREAM} when closed
     */
    int rawSend(byte[] data, int offset, int length);

    /**
     * {@code virStreamSend} of a checked range of a direct buffer's memory, by absolute index: the
     * buffer's position is the caller's to move.
     *
     * @param direct a direct buffer
     * @param offset the first byte's index in the buffer
     * @param length how many bytes
     * @return libvirt's result: bytes sent, or -2
     * @throws org.libvirt4j.LibvirtException libvirt's error, {@code ERR_INVALID_STREAM} when closed
     */
    int rawSendDirect(ByteBuffer direct, int offset, int length);

    /**
     * {@code virStreamRecv} into a checked range of an array.
     *
     * @param buffer the array
     * @param offset where the first byte goes
     * @param length the most bytes
     * @return libvirt's result: bytes read, 0 at the end, or -2
     * @throws org.libvirt4j.LibvirtException libvirt's error, {@code ERR_INVALID_STREAM} when closed
     */
    int rawRecv(byte[] buffer, int offset, int length);

    /**
     * {@code virStreamRecv} into a checked range of a writable direct buffer's memory, by absolute
     * index: the buffer's position is the caller's to move.
     *
     * @param direct a direct buffer
     * @param offset where the first byte goes, an index in the buffer
     * @param length the most bytes
     * @return libvirt's result: bytes read, 0 at the end, or -2
     * @throws org.libvirt4j.LibvirtException libvirt's error, {@code ERR_INVALID_STREAM} when closed
     */
    int rawRecvDirect(ByteBuffer direct, int offset, int length);

    @Override
    default int recvFlags(byte[] buffer, int flags) {
        Objects.requireNonNull(buffer, "buffer");
        return (Integer) invokeManual(ManualFn.virStreamRecvFlags, buffer, flags);
    }

    @Override
    default void sendHole(long length, int flags) {
        // libvirt 9.0's virStreamSendHole leaves a negative length to the driver, which words its own refusal
        invokeManual(ManualFn.virStreamSendHole, length, flags);
    }

    @Override
    default long recvHole(int flags) {
        return (Long) invokeManual(ManualFn.virStreamRecvHole, flags);
    }

    @Override
    default void eventAddCallback(int events, StreamEventCallback callback) {
        Objects.requireNonNull(callback, "callback");
        invokeManual(ManualFn.virStreamEventAddCallback, events, callback);
    }

    @Override
    default void eventUpdateCallback(int events) {
        invokeManual(ManualFn.virStreamEventUpdateCallback, events);
    }

    @Override
    default void eventRemoveCallback() {
        invokeManual(ManualFn.virStreamEventRemoveCallback);
    }
}

package org.libvirt4j.spi;

import java.util.Objects;
import org.libvirt4j.StreamEventCallback;
import org.libvirt4j.StreamManualMethods;

/**
 * The backend contract of {@link StreamManualMethods}, written once: the null checks; the call is
 * {@link #invokeManual}.
 */
public interface StreamManualContract extends StreamManualMethods, ManualInvocable {

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

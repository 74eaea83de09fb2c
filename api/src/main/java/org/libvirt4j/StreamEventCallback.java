package org.libvirt4j;

/**
 * Called when a stream registered with {@link Stream#eventAddCallback(int, StreamEventCallback)}
 * can be read or written, or has failed or hung up (Go's {@code StreamEventCallback}). It runs on
 * the event loop's thread: return promptly.
 */
@FunctionalInterface
public interface StreamEventCallback {
    /**
     * Handles the stream's events.
     *
     * @param stream the stream
     * @param events a bitwise OR of {@link StreamEventType} values that hold now
     */
    void onEvent(Stream stream, int events);
}

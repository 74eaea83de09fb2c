package org.libvirt4j;

/**
 * Moves a sparse source past a hole that
 * {@link Stream#sparseSendAll(StreamSourceFunc, StreamSourceHoleFunc, StreamSourceSkipFunc)} has
 * sent as a hole (Go's {@code StreamSourceSkipFunc}).
 */
@FunctionalInterface
public interface StreamSourceSkipFunc {
    /**
     * Skips {@code length} bytes of the source.
     *
     * @param stream the stream being sent on
     * @param length how many bytes to skip
     */
    void apply(Stream stream, long length);
}

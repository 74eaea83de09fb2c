package org.libvirt4j;

/**
 * Takes the holes {@link Stream#sparseRecvAll(StreamSinkFunc, StreamSinkHoleFunc)} meets (Go's
 * {@code StreamSinkHoleFunc}): where the sink would write {@code length} zero bytes, it skips
 * them instead (seeks forward, or extends its file), so the copy stays sparse.
 */
@FunctionalInterface
public interface StreamSinkHoleFunc {
    /**
     * Skips a hole.
     *
     * @param stream the stream being received from
     * @param length the hole's length in bytes
     */
    void apply(Stream stream, long length);
}

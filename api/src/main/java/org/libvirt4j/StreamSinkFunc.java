package org.libvirt4j;

/**
 * Takes the data {@link Stream#recvAll(StreamSinkFunc)} receives (Go's {@code StreamSinkFunc}).
 */
@FunctionalInterface
public interface StreamSinkFunc {
    /**
     * Consumes received bytes.
     *
     * @param stream the stream being received from
     * @param data the bytes received, the handler's to keep
     * @return how many of them were consumed, from 1 to {@code data.length}; the rest is offered again.
     *         Throw to abort the stream
     */
    int apply(Stream stream, byte[] data);
}

package org.libvirt4j;

/**
 * Supplies the data {@link Stream#sendAll(StreamSourceFunc)} sends (Go's {@code StreamSourceFunc}).
 */
@FunctionalInterface
public interface StreamSourceFunc {
    /**
     * Returns the next bytes to send.
     *
     * @param stream the stream being sent on
     * @param nbytes how many bytes the stream would take at once; more are sent in pieces
     * @return the next bytes, or an empty array (or {@code null}) at the end of the data; throw to
     *         abort the stream
     */
    byte[] apply(Stream stream, int nbytes);
}

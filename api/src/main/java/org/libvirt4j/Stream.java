package org.libvirt4j;

/**
 * A data stream ({@code virStreamPtr}, Go's {@code Stream}); {@link #close()} is
 * {@code virStreamFree}, which aborts an unfinished transfer. Throws {@code ERR_INVALID_STREAM}
 * once closed.
 */
public interface Stream extends LibvirtObject {
    /**
     * @param data the bytes to send
     * @return the number of bytes sent ({@code virStreamSend})
     */
    int send(byte[] data);

    /**
     * @param buffer where to put received bytes
     * @return the number of bytes read, 0 at the end of the stream ({@code virStreamRecv})
     */
    int recv(byte[] buffer);

    /** Ends the transfer successfully ({@code virStreamFinish}). */
    void finish();

    /** Ends the transfer with an error ({@code virStreamAbort}). */
    void abort();
}

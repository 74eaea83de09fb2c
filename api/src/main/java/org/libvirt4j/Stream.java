package org.libvirt4j;

/**
 * A data stream ({@code virStreamPtr}, Go's {@code Stream}); {@link #close()} is
 * {@code virStreamFree}, which aborts an unfinished transfer. Throws {@code ERR_INVALID_STREAM}
 * once closed.
 *
 * @see <a href="https://libvirt.org/html/libvirt-libvirt-stream.html#virStreamFree">virStreamFree</a>
 */
public interface Stream extends LibvirtObject, StreamManualMethods {
    /**
     * Sends bytes down the stream.
     *
     * @param data the bytes to send
     * @return the number of bytes sent
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-stream.html#virStreamSend">virStreamSend</a>
     */
    int send(byte[] data);

    /**
     * Receives bytes from the stream.
     *
     * @param buffer where to put received bytes
     * @return the number of bytes read, 0 at the end of the stream
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-stream.html#virStreamRecv">virStreamRecv</a>
     */
    int recv(byte[] buffer);

    /**
     * Ends the transfer successfully.
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-stream.html#virStreamFinish">virStreamFinish</a>
     */
    void finish();

    /**
     * Ends the transfer with an error.
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-stream.html#virStreamAbort">virStreamAbort</a>
     */
    void abort();
}

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

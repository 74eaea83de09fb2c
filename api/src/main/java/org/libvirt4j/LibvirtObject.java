package org.libvirt4j;

/**
 * A handle on a libvirt object: {@link #close()} is Go's {@code Free()}.
 *
 * <p>Closing twice is harmless. Any call on a closed handle throws {@link LibvirtException}
 * with libvirt's invalid-object code for its kind ({@code ERR_INVALID_DOMAIN}, ...). Handles
 * are safe to share between threads, and one that is never closed is freed once unreachable.
 * An object keeps its connection alive, as in libvirt: closing the {@link Connect} handle
 * invalidates that handle only, and the objects obtained from it stay usable until closed.
 */
public interface LibvirtObject extends AutoCloseable {
    /** Frees this handle; a second call does nothing. Never throws. */
    @Override
    void close();
}

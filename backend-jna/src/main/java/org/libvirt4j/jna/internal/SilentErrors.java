package org.libvirt4j.jna.internal;

import com.sun.jna.Callback;
import com.sun.jna.Pointer;

/**
 * libvirt's global error handler, installed once at load: without one, libvirt prints every
 * error to stderr, and a library must not print. Errors still reach callers through
 * {@code virGetLastError}, which the handler does not touch.
 */
public final class SilentErrors implements Callback {
    /** The one instance; held forever, as libvirt keeps its native trampoline. */
    static final SilentErrors INSTANCE = new SilentErrors();

    private SilentErrors() {
    }

    /**
     * The C type {@code virErrorFunc}: deliberately does nothing.
     *
     * @param userData unused
     * @param error the error just raised, read by the caller with {@code virGetLastError}
     */
    public void invoke(Pointer userData, Pointer error) {
        // Nothing: see the class comment.
    }
}

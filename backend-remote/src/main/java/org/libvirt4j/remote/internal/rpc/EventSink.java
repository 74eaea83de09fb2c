package org.libvirt4j.remote.internal.rpc;

import org.libvirt4j.remote.internal.xdr.XdrReader;

/**
 * Receives the daemon's event messages (messages of type {@code VIR_NET_MESSAGE}).
 */
@FunctionalInterface
public interface EventSink {
    /**
     * Called on the event loop thread, in arrival order: decode here, deliver elsewhere.
     *
     * @param prog the event's program ({@code REMOTE_PROGRAM} or {@code QEMU_PROGRAM})
     * @param proc the event's procedure number
     * @param body the message body
     */
    void onEvent(int prog, int proc, XdrReader body);
}

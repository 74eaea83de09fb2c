package org.libvirt4j;

/**
 * A network lifecycle event ({@code VIR_NETWORK_EVENT_ID_LIFECYCLE}, Go's {@code NetworkEventLifecycle}).
 *
 * @param eventValue the raw {@code virNetworkEventLifecycleType}
 * @param detail the raw detail (libvirt defines none yet)
 */
public record NetworkEventLifecycle(int eventValue, int detail) {
    /** @return the decoded event, {@code UNRECOGNIZED} for a number newer than this binding */
    public NetworkEventLifecycleType event() {
        return NetworkEventLifecycleType.fromValue(eventValue);
    }
}

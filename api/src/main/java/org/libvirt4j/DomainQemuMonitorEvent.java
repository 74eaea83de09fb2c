package org.libvirt4j;

/**
 * What a {@code virConnectDomainQemuMonitorEventCallback} receives: one event of a domain's QEMU
 * monitor (Go's {@code DomainQemuMonitorEvent}).
 *
 * @param event the QMP event's name, such as {@code STOP}
 * @param seconds when QEMU emitted it: seconds since the epoch
 * @param micros the microseconds within that second
 * @param details the event's {@code data} member as a JSON string, or {@code null} when it has none
 */
public record DomainQemuMonitorEvent(String event, long seconds, int micros, String details) {
    /** {@return the event in the style of the other event records' {@code toString()}} */
    @Override
    public String toString() {
        return "QEMU monitor event=" + event + " seconds=" + seconds + " micros=" + Integer.toUnsignedString(micros)
                + " details=" + EventText.quote(details);
    }
}

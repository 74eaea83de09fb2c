package org.libvirt4j;

/**
 * A domain lifecycle event ({@code VIR_DOMAIN_EVENT_ID_LIFECYCLE}, Go's {@code DomainEventLifecycle}).
 *
 * @param eventValue the raw {@code virDomainEventType}
 * @param detail the raw detail; its meaning depends on the event ({@code virDomainEventStartedDetailType}, ...)
 */
public record DomainEventLifecycle(int eventValue, int detail) {
    /** @return the decoded event, {@code UNRECOGNIZED} for a number newer than this binding */
    public DomainEventType event() {
        return DomainEventType.fromValue(eventValue);
    }
}

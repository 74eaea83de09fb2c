package org.libvirt4j;

/**
 * Whether libvirt can talk to a domain's hypervisor process now, as {@code virDomainGetControlInfo}
 * reports it (Go's {@code DomainControlInfo}).
 *
 * @param stateValue the raw {@code virDomainControlState}
 * @param details for an error state, the raw {@code virDomainControlErrorReason}; else 0
 * @param stateTime milliseconds spent in this state, for a state other than OK
 */
public record DomainControlInfo(int stateValue, int details, long stateTime) {
    /** @return the decoded state, {@code UNRECOGNIZED} for a number newer than this binding */
    public DomainControlState state() {
        return DomainControlState.fromValue(stateValue);
    }
}

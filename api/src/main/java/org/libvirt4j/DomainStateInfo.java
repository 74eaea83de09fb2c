package org.libvirt4j;

/**
 * What {@code virDomainGetState} returns: the state and the reason for it.
 *
 * @param stateValue the raw {@code virDomainState}
 * @param reason the raw reason; its meaning depends on the state ({@code virDomainRunningReason}, ...)
 */
public record DomainStateInfo(int stateValue, int reason) {
    /** @return the decoded state, {@code UNRECOGNIZED} for a number newer than this binding */
    public DomainState state() {
        return DomainState.fromValue(stateValue);
    }
}

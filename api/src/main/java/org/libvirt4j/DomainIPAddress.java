package org.libvirt4j;

/**
 * One IP address of a guest interface (Go's {@code DomainIPAddress}).
 *
 * @param typeValue the raw {@code virIPAddrType}
 * @param addr the address
 * @param prefix the network prefix length
 */
public record DomainIPAddress(int typeValue, String addr, int prefix) {
    /** @return the decoded address type, {@code UNRECOGNIZED} for a number newer than this binding */
    public IPAddrType type() {
        return IPAddrType.fromValue(typeValue);
    }
}

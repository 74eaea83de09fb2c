package org.libvirt4j.remote.internal.xdr;

/**
 * A value that knows its XDR encoding: every generated struct, union and enum implements it,
 * so that a transport can send any procedure's arguments without knowing their type.
 */
public interface XdrEncodable {

    /**
     * Appends this value's XDR encoding.
     *
     * @param w the writer to append to
     * @throws XdrException if a value breaks a bound declared in the protocol
     */
    void encode(XdrWriter w);
}

package org.libvirt4j.remote.internal.sasl;

import javax.security.sasl.SaslException;

/**
 * A negotiated SASL security layer: after authentication every byte of the connection goes
 * through it, in frames of a 4-byte big-endian length and the wrapped bytes (RFC 4422, section
 * 3.7), as libvirt's {@code virNetSocket} sends them through {@code sasl_encode}.
 */
public interface SaslLayer {
    /** @return the most plain bytes one frame may carry ({@code SASL_MAXOUTBUF}) */
    int maxSendSize();

    /** @return the most wrapped bytes one incoming frame may hold: larger ones end the connection */
    int maxReceiveSize();

    /**
     * @param plain the bytes to send
     * @return them wrapped, without the length word
     * @throws SaslException when wrapping fails
     */
    byte[] wrap(byte[] plain) throws SaslException;

    /**
     * @param wrapped one received frame, without its length word
     * @return the plain bytes
     * @throws SaslException when the frame does not verify or decrypt
     */
    byte[] unwrap(byte[] wrapped) throws SaslException;
}

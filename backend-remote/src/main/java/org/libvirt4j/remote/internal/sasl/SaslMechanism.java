package org.libvirt4j.remote.internal.sasl;

import javax.security.sasl.SaslException;

/**
 * One SASL mechanism's client side for one authentication: the initial response, the answers to
 * the server's challenges, and, once complete, the security layer it negotiated (if any).
 */
public interface SaslMechanism {
    /** @return the mechanism's name, as sent in {@code AUTH_SASL_START} */
    String name();

    /**
     * @return the initial response, or {@code null} for a mechanism where the server speaks
     *         first (libvirt then sends {@code nil})
     * @throws SaslException when the mechanism cannot start
     */
    byte[] start() throws SaslException;

    /**
     * @param challenge the server's data ({@code null} when it sent {@code nil})
     * @return the response, or {@code null} for none
     * @throws SaslException when the server's data is refused
     */
    byte[] step(byte[] challenge) throws SaslException;

    /** @return whether this side considers the authentication complete */
    boolean isComplete();

    /** @return the security strength factor of the negotiated layer, 0 for none (Cyrus's {@code SASL_SSF}) */
    int ssf();

    /**
     * {@return the negotiated security layer}: called only when {@link #ssf()} is positive
     */
    SaslLayer layer();
}

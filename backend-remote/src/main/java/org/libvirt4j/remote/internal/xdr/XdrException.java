package org.libvirt4j.remote.internal.xdr;

/**
 * An XDR value that cannot be encoded (a bound exceeded, a missing non-optional value) or a
 * byte sequence that cannot be decoded (truncated, a length over its declared maximum or over
 * the bytes that remain, an unknown enum value or union discriminant).
 *
 * <p>The message names the field and the limit that was broken, so that a protocol mismatch
 * can be diagnosed from the message alone.
 */
public final class XdrException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with the given message.
     *
     * @param message what was wrong, naming the field and the limit
     */
    public XdrException(String message) {
        super(message);
    }

    /**
     * Creates an exception with the given message and cause.
     *
     * @param message what was wrong, naming the field and the limit
     * @param cause the underlying failure
     */
    public XdrException(String message, Throwable cause) {
        super(message, cause);
    }
}

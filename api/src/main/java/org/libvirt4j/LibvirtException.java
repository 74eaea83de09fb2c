package org.libvirt4j;

import java.util.Objects;

/**
 * The one error every libvirt4j call throws: libvirt's {@code virError} (Go's
 * {@code libvirt.Error}) with its code, domain, level and message.
 *
 * <p>The raw numbers are kept as libvirt sent them; {@link #code()}, {@link #domain()} and
 * {@link #level()} decode them, giving {@code UNRECOGNIZED} for numbers newer than this
 * binding. Every backend reports the same numbers for the same failure.
 */
public final class LibvirtException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int code;
    private final int domain;
    private final int level;

    /**
     * Creates an error from libvirt's raw numbers.
     *
     * @param code a {@code virErrorNumber} value
     * @param domain a {@code virErrorDomain} value
     * @param level a {@code virErrorLevel} value
     * @param message libvirt's message, never {@code null}
     */
    public LibvirtException(int code, int domain, int level, String message) {
        this(code, domain, level, message, null);
    }

    /**
     * Creates an error from libvirt's raw numbers with the Java cause that led to it.
     *
     * @param code a {@code virErrorNumber} value
     * @param domain a {@code virErrorDomain} value
     * @param level a {@code virErrorLevel} value
     * @param message libvirt's message, never {@code null}
     * @param cause the underlying Java failure (an I/O error, say), or {@code null}
     */
    public LibvirtException(int code, int domain, int level, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.code = code;
        this.domain = domain;
        this.level = level;
    }

    /**
     * Creates an error at level {@code ERROR}.
     *
     * @param code what failed
     * @param domain where it failed
     * @param message libvirt's message
     * @return the error
     */
    public static LibvirtException of(ErrorNumber code, ErrorDomain domain, String message) {
        return new LibvirtException(code.value(), domain.value(), ErrorLevel.ERROR.value(), message);
    }

    /** @return the decoded {@code virErrorNumber}, {@code UNRECOGNIZED} if unknown here */
    public ErrorNumber code() {
        return ErrorNumber.fromValue(code);
    }

    /** @return the raw {@code virErrorNumber} libvirt reported */
    public int codeValue() {
        return code;
    }

    /** @return the decoded {@code virErrorDomain}, {@code UNRECOGNIZED} if unknown here */
    public ErrorDomain domain() {
        return ErrorDomain.fromValue(domain);
    }

    /** @return the raw {@code virErrorDomain} libvirt reported */
    public int domainValue() {
        return domain;
    }

    /** @return the decoded {@code virErrorLevel}, {@code UNRECOGNIZED} if unknown here */
    public ErrorLevel level() {
        return ErrorLevel.fromValue(level);
    }

    /** @return the raw {@code virErrorLevel} libvirt reported */
    public int levelValue() {
        return level;
    }

    @Override
    public String toString() {
        return "LibvirtException[code=" + code() + "(" + code + "), domain=" + domain() + "(" + domain
                + "), level=" + level() + "(" + level + ")]: " + getMessage();
    }
}

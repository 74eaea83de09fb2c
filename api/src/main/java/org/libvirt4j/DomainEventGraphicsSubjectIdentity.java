package org.libvirt4j;

/**
 * One identity of a graphics client ({@code virDomainEventGraphicsSubjectIdentity}, Go's
 * {@code DomainEventGraphicsSubjectIdentity}), part of {@link DomainEventGraphics}.
 *
 * @param type the kind of identity ({@code "x509dname"}, {@code "saslUsername"}, ...)
 * @param name the identity
 */
public record DomainEventGraphicsSubjectIdentity(String type, String name) {
}

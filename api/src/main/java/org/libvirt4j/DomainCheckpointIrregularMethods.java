package org.libvirt4j;

/**
 * The checkpoint methods the binding generator does not cover (parents as new handles): written
 * by hand once, in {@code spi.DomainCheckpointIrregularContract}.
 */
public interface DomainCheckpointIrregularMethods {

    /**
     * Returns a new handle on the domain this checkpoint belongs to; the caller closes it.
     *
     * @return the domain
     * @throws LibvirtException libvirt's error when the call fails
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain-checkpoint.html#virDomainCheckpointGetDomain">virDomainCheckpointGetDomain</a>
     */
    Domain getDomain();

    /**
     * Returns a new handle on the connection this checkpoint's domain belongs to; the caller closes it.
     *
     * @return the connection
     * @throws LibvirtException libvirt's error when the call fails
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain-checkpoint.html#virDomainCheckpointGetConnect">virDomainCheckpointGetConnect</a>
     */
    Connect getConnect();
}

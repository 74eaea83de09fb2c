package org.libvirt4j;

import java.util.List;

/**
 * The connection methods whose C shape the binding generator does not cover (arrays sized by the
 * caller): written by hand once, in {@code spi.ConnectIrregularContract}.
 */
public interface ConnectIrregularMethods {

    /**
     * Returns the ids of the running domains ({@link Connect#listAllDomains} gives handles instead).
     *
     * @return the ids
     * @throws LibvirtException libvirt's error when the call fails
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virConnectListDomains">virConnectListDomains</a>
     */
    List<Integer> listDomains();

    /**
     * Returns the names of the domains that are defined but not running.
     *
     * @return the names
     * @throws LibvirtException libvirt's error when the call fails
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virConnectListDefinedDomains">virConnectListDefinedDomains</a>
     */
    List<String> listDefinedDomains();
}

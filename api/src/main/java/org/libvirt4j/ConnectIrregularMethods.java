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

    /**
     * Creates and starts a transient domain from its XML, handing it open files the caller keeps
     * owning (libvirt's LXC driver gives them to the container's init).
     *
     * @param xmlConfig the domain's XML
     * @param files the descriptors, lent for the call; may be empty
     * @param flags {@link DomainCreateFlags} values ORed
     * @return the new domain
     * @throws LibvirtException libvirt's error; on the remote backend {@code ERR_NO_SUPPORT} when
     *         files are given, as it cannot pass file descriptors yet
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainCreateXMLWithFiles">virDomainCreateXMLWithFiles</a>
     */
    Domain domainCreateXMLWithFiles(String xmlConfig, int[] files, int flags);

    /**
     * Enum form of {@link #domainCreateXMLWithFiles(String, int[], int)}.
     *
     * @param xmlConfig the domain's XML
     * @param files the descriptors, lent for the call
     * @param flags the flags
     * @return the new domain
     * @throws LibvirtException as {@link #domainCreateXMLWithFiles(String, int[], int)}
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainCreateXMLWithFiles">virDomainCreateXMLWithFiles</a>
     */
    default Domain domainCreateXMLWithFiles(String xmlConfig, int[] files, DomainCreateFlags... flags) {
        return domainCreateXMLWithFiles(xmlConfig, files, LibvirtEnum.mask(flags));
    }
}

package org.libvirt4j;

import java.util.UUID;

/**
 * A secret ({@code virSecretPtr}); {@link #close()} is {@code virSecretFree}. Throws
 * {@code ERR_INVALID_SECRET} once closed.
 *
 * @see <a href="https://libvirt.org/html/libvirt-libvirt-secret.html#virSecretFree">virSecretFree</a>
 */
public interface Secret extends LibvirtObject, SecretMethods {
    /**
     * {@return the UUID}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-secret.html#virSecretGetUUID">virSecretGetUUID</a>
     */
    UUID getUUID();

    /**
     * {@return the UUID string}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-secret.html#virSecretGetUUIDString">virSecretGetUUIDString</a>
     */
    String getUUIDString();

    /**
     * {@return the raw usage type}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-secret.html#virSecretGetUsageType">virSecretGetUsageType</a>
     */
    int getUsageType();

    /**
     * {@return the usage key}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-secret.html#virSecretGetUsageID">virSecretGetUsageID</a>
     */
    String getUsageID();

    /**
     * {@return the secret XML}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-secret.html#virSecretGetXMLDesc">virSecretGetXMLDesc</a>
     */
    String getXMLDesc();

    /**
     * {@return a copy of the value}
     *
     * @throws LibvirtException {@code ERR_NO_SECRET} if no value is set
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-secret.html#virSecretGetValue">virSecretGetValue</a>
     */
    byte[] getValue();

    /**
     * Sets the secret value.
     *
     * @param value the new value, copied
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-secret.html#virSecretSetValue">virSecretSetValue</a>
     */
    void setValue(byte[] value);

}

package org.libvirt4j;

import java.util.UUID;

/**
 * A secret ({@code virSecretPtr}); {@link #close()} is {@code virSecretFree}. Throws
 * {@code ERR_INVALID_SECRET} once closed.
 */
public interface Secret extends LibvirtObject {
    /** @return the UUID ({@code virSecretGetUUID}) */
    UUID getUUID();

    /** @return the UUID string ({@code virSecretGetUUIDString}) */
    String getUUIDString();

    /** @return the raw usage type ({@code virSecretGetUsageType}) */
    int getUsageType();

    /** @return the usage key ({@code virSecretGetUsageID}) */
    String getUsageID();

    /** @return the secret XML ({@code virSecretGetXMLDesc}) */
    String getXMLDesc();

    /** @return a copy of the value ({@code virSecretGetValue}) @throws LibvirtException {@code ERR_NO_SECRET} if no value is set */
    byte[] getValue();

    /** @param value the new value, copied ({@code virSecretSetValue}) */
    void setValue(byte[] value);

    /** Removes the secret ({@code virSecretUndefine}). */
    void undefine();
}

package org.libvirt4j.spi;

import java.util.List;
import org.libvirt4j.AdmClient;
import org.libvirt4j.AdmClientInfo;
import org.libvirt4j.ClientTransport;
import org.libvirt4j.spi.generated.TypedFamilies;

/**
 * The admin client's contract, once for every backend: the transport decoded and the
 * information unpacked by the generated {@link TypedFamilies}, over narrow {@code raw*} operations.
 */
public interface AdmClientContract extends AdmClient {
    /** @return {@code virAdmClientGetID} */
    long rawGetID();

    /** @return {@code virAdmClientGetTimestamp} */
    long rawGetTimestamp();

    /** @return {@code virAdmClientGetTransport}'s raw {@code virClientTransport} */
    int rawGetTransport();

    /**
     * @param flags reserved
     * @return the parameters the daemon sent
     */
    List<TypedParameter> rawGetInfo(int flags);

    /** @param flags reserved */
    void rawClose(int flags);

    @Override
    default long getID() {
        return rawGetID();
    }

    @Override
    default long getTimestamp() {
        return rawGetTimestamp();
    }

    @Override
    default ClientTransport getTransport() {
        return ClientTransport.fromValue(rawGetTransport());
    }

    @Override
    default AdmClientInfo getInfo(int flags) {
        return TypedFamilies.unpackAdmClientInfo(rawGetInfo(flags));
    }

    @Override
    default void close(int flags) {
        rawClose(flags);
    }
}

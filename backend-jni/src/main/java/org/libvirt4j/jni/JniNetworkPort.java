package org.libvirt4j.jni;

import static org.libvirt4j.jni.LibvirtNatives.*;

import java.util.UUID;
import org.libvirt4j.NetworkPort;
import org.libvirt4j.spi.ObjectKind;
import org.libvirt4j.spi.Uuids;

/** {@link NetworkPort} over a {@code virNetworkPortPtr}; {@link #close()} is {@code virNetworkPortFree}. */
final class JniNetworkPort extends JniObject implements NetworkPort, org.libvirt4j.spi.generated.NetworkPortTypedContract {

    JniNetworkPort(long port) {
        super(ObjectKind.NETWORK_PORT, JniNatives.K_NETWORK_PORT, port);
    }

    @Override
    public UUID getUUID() {
        return Uuids.fromBytes(obj("virNetworkPortGetUUID", p -> virNetworkPortGetUUID(p)));
    }

    @Override
    public String getUUIDString() {
        return str("virNetworkPortGetUUIDString", p -> virNetworkPortGetUUIDString(p));
    }

    @Override
    public String getXMLDesc() {
        return str("virNetworkPortGetXMLDesc", p -> virNetworkPortGetXMLDesc(p, 0));
    }

    @Override
    public void delete() {
        run("virNetworkPortDelete", p -> virNetworkPortDelete(p, 0));
    }
}

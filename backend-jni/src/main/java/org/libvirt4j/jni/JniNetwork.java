package org.libvirt4j.jni;

import static org.libvirt4j.jni.LibvirtNatives.*;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.libvirt4j.Network;
import org.libvirt4j.NetworkPort;
import org.libvirt4j.spi.ObjectKind;
import org.libvirt4j.spi.Uuids;

/** {@link Network} over a {@code virNetworkPtr}; {@link #close()} is {@code virNetworkFree}. */
final class JniNetwork extends JniObject implements Network, org.libvirt4j.spi.generated.NetworkContract,
        org.libvirt4j.spi.NetworkManualContract {

    JniNetwork(long net) {
        super(ObjectKind.NETWORK, JniNatives.K_NETWORK, net);
    }

    @Override
    public String getName() {
        return str("virNetworkGetName", n -> virNetworkGetName(n));
    }

    @Override
    public UUID getUUID() {
        return Uuids.fromBytes(obj("virNetworkGetUUID", n -> virNetworkGetUUID(n)));
    }

    @Override
    public String getUUIDString() {
        return str("virNetworkGetUUIDString", n -> virNetworkGetUUIDString(n));
    }

    @Override
    public List<NetworkPort> listAllPorts() {
        return wrap(obj("virNetworkListAllPorts", n -> JniNatives.listAll(JniNatives.L_NETWORK_PORTS, n, 0)),
                JniNetworkPort::new);
    }

    @Override
    public NetworkPort lookupNetworkPortByUUIDString(String uuid) {
        Objects.requireNonNull(uuid, "uuid");
        return obj("virNetworkPortLookupByUUIDString", n -> new JniNetworkPort(
                ptr(virNetworkPortLookupByUUIDString(n, uuid), "virNetworkPortLookupByUUIDString")));
    }


    @Override
    public Object invokeManual(org.libvirt4j.spi.ManualFn fn, Object... args) {
        return JniManual.invoke(this, fn, args);
    }
}

package org.libvirt4j.remote.internal;

import java.util.UUID;
import org.libvirt4j.NetworkPort;
import org.libvirt4j.remote.generated.RemoteNetworkPortDeleteArgs;
import org.libvirt4j.remote.generated.RemoteNetworkPortGetXmlDescArgs;
import org.libvirt4j.remote.generated.RemoteNetworkPortGetXmlDescRet;
import org.libvirt4j.remote.generated.RemoteNonnullNetworkPort;
import org.libvirt4j.remote.generated.RemoteProcedure;
import org.libvirt4j.spi.ObjectKind;
import org.libvirt4j.spi.Uuids;

/** {@link NetworkPort} over RPC. */
final class RemoteNetworkPort extends RemoteObject implements NetworkPort, org.libvirt4j.spi.generated.NetworkPortTypedContract {
    private final RemoteNonnullNetworkPort ref;

    RemoteNetworkPort(Session session, RemoteNonnullNetworkPort ref) {
        super(session, ObjectKind.NETWORK_PORT);
        this.ref = ref;
    }

    @Override
    public UUID getUUID() {
        check("virNetworkPortGetUUID");
        return Uuids.fromBytes(ref.uuid());
    }

    @Override
    public String getUUIDString() {
        check("virNetworkPortGetUUIDString");
        return Uuids.fromBytes(ref.uuid()).toString();
    }

    @Override
    public String getXMLDesc() {
        return call("virNetworkPortGetXMLDesc", RemoteProcedure.REMOTE_PROC_NETWORK_PORT_GET_XML_DESC,
                new RemoteNetworkPortGetXmlDescArgs(ref, 0)::encode, RemoteNetworkPortGetXmlDescRet::decode).xml();
    }

    @Override
    public void delete() {
        call("virNetworkPortDelete", RemoteProcedure.REMOTE_PROC_NETWORK_PORT_DELETE,
                new RemoteNetworkPortDeleteArgs(ref, 0)::encode, null);
    }

    @Override
    Object wireRef() {
        return ref;
    }
}

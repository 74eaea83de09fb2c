package org.libvirt4j.remote.internal;

import java.util.UUID;
import org.libvirt4j.NetworkPort;
import org.libvirt4j.remote.internal.xdr.XdrWriter;
import org.libvirt4j.spi.ObjectKind;
import org.libvirt4j.spi.Uuids;

/** {@link NetworkPort} over RPC. */
final class RemoteNetworkPort extends RemoteObject implements NetworkPort {
    private final Wire.Port ref;

    RemoteNetworkPort(Session session, Wire.Port ref) {
        super(session, ObjectKind.NETWORK_PORT);
        this.ref = ref;
    }

    private void p(XdrWriter w) {
        Wire.port(w, ref);
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
        return call("virNetworkPortGetXMLDesc", Proc.NETWORK_PORT_GET_XML_DESC, w -> {
            p(w);
            w.writeInt(0);
        }, Wire::str);
    }

    @Override
    public void delete() {
        call("virNetworkPortDelete", Proc.NETWORK_PORT_DELETE, w -> {
            p(w);
            w.writeInt(0);
        }, null);
    }
}

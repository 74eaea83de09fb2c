package org.libvirt4j.remote.internal;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.LibvirtEnum;
import org.libvirt4j.Network;
import org.libvirt4j.NetworkPort;
import org.libvirt4j.NetworkPortCreateFlags;
import org.libvirt4j.NetworkXMLFlags;
import org.libvirt4j.remote.generated.RemoteNonnullNetwork;
import org.libvirt4j.remote.generated.RemoteNonnullNetworkPort;
import org.libvirt4j.remote.generated.RemoteProcedure;
import org.libvirt4j.remote.internal.xdr.XdrWriter;
import org.libvirt4j.spi.ObjectKind;
import org.libvirt4j.spi.Uuids;

/** {@link Network} over RPC; name and UUID live in the handle. */
final class RemoteNetwork extends RemoteObject implements Network {
    private final RemoteNonnullNetwork ref;

    RemoteNetwork(Session session, RemoteNonnullNetwork ref) {
        super(session, ObjectKind.NETWORK);
        this.ref = ref;
    }

    private void n(XdrWriter w) {
        ref.encode(w);
    }

    @Override
    public String getName() {
        check("virNetworkGetName");
        return ref.name();
    }

    @Override
    public UUID getUUID() {
        check("virNetworkGetUUID");
        return Uuids.fromBytes(ref.uuid());
    }

    @Override
    public String getUUIDString() {
        check("virNetworkGetUUIDString");
        return Uuids.fromBytes(ref.uuid()).toString();
    }

    @Override
    public String getXMLDesc(NetworkXMLFlags... flags) {
        int mask = LibvirtEnum.mask(flags);
        return call("virNetworkGetXMLDesc", RemoteProcedure.REMOTE_PROC_NETWORK_GET_XML_DESC, w -> {
            n(w);
            w.writeInt(mask);
        }, Wire::str);
    }

    @Override
    public String getBridgeName() {
        return call("virNetworkGetBridgeName", RemoteProcedure.REMOTE_PROC_NETWORK_GET_BRIDGE_NAME, this::n, Wire::str);
    }

    @Override
    public void create() {
        call("virNetworkCreate", RemoteProcedure.REMOTE_PROC_NETWORK_CREATE, this::n, null);
    }

    @Override
    public void destroy() {
        call("virNetworkDestroy", RemoteProcedure.REMOTE_PROC_NETWORK_DESTROY, this::n, null);
    }

    @Override
    public void undefine() {
        call("virNetworkUndefine", RemoteProcedure.REMOTE_PROC_NETWORK_UNDEFINE, this::n, null);
    }

    @Override
    public boolean isActive() {
        return call("virNetworkIsActive", RemoteProcedure.REMOTE_PROC_NETWORK_IS_ACTIVE, this::n, r -> r.readInt()) != 0;
    }

    @Override
    public boolean isPersistent() {
        return call("virNetworkIsPersistent", RemoteProcedure.REMOTE_PROC_NETWORK_IS_PERSISTENT, this::n, r -> r.readInt()) != 0;
    }

    @Override
    public boolean getAutostart() {
        return call("virNetworkGetAutostart", RemoteProcedure.REMOTE_PROC_NETWORK_GET_AUTOSTART, this::n, r -> r.readInt()) != 0;
    }

    @Override
    public void setAutostart(boolean autostart) {
        call("virNetworkSetAutostart", RemoteProcedure.REMOTE_PROC_NETWORK_SET_AUTOSTART, w -> {
            n(w);
            w.writeInt(autostart ? 1 : 0);
        }, null);
    }

    @Override
    public List<NetworkPort> listAllPorts() {
        return wrap(call("virNetworkListAllPorts", RemoteProcedure.REMOTE_PROC_NETWORK_LIST_ALL_PORTS, w -> {
            n(w);
            w.writeInt(1);
            w.writeInt(0);
        }, r -> Wire.list(r, Wire.LIST_MAX, RemoteNonnullNetworkPort::decode)), p -> new RemoteNetworkPort(session, p));
    }

    @Override
    public NetworkPort lookupNetworkPortByUUIDString(String uuid) {
        Objects.requireNonNull(uuid, "uuid");
        check("virNetworkPortLookupByUUIDString");
        byte[] raw = Uuids.parse(uuid, ErrorDomain.NETWORK);
        return new RemoteNetworkPort(session, call("virNetworkPortLookupByUUIDString", RemoteProcedure.REMOTE_PROC_NETWORK_PORT_LOOKUP_BY_UUID,
                w -> {
                    n(w);
                    w.writeFixedOpaque(raw, Wire.UUID);
                }, RemoteNonnullNetworkPort::decode));
    }

    @Override
    public NetworkPort portCreateXML(String xml, NetworkPortCreateFlags... flags) {
        Objects.requireNonNull(xml, "xml");
        int mask = LibvirtEnum.mask(flags);
        return new RemoteNetworkPort(session, call("virNetworkPortCreateXML", RemoteProcedure.REMOTE_PROC_NETWORK_PORT_CREATE_XML, w -> {
            n(w);
            Wire.str(w, xml);
            w.writeInt(mask);
        }, RemoteNonnullNetworkPort::decode));
    }
}

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
import org.libvirt4j.remote.internal.xdr.XdrWriter;
import org.libvirt4j.spi.ObjectKind;
import org.libvirt4j.spi.Uuids;

/** {@link Network} over RPC; name and UUID live in the handle. */
final class RemoteNetwork extends RemoteObject implements Network {
    private final Wire.Named ref;

    RemoteNetwork(Session session, Wire.Named ref) {
        super(session, ObjectKind.NETWORK);
        this.ref = ref;
    }

    private void n(XdrWriter w) {
        Wire.named(w, ref);
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
        return call("virNetworkGetXMLDesc", Proc.NETWORK_GET_XML_DESC, w -> {
            n(w);
            w.writeInt(mask);
        }, Wire::str);
    }

    @Override
    public String getBridgeName() {
        return call("virNetworkGetBridgeName", Proc.NETWORK_GET_BRIDGE_NAME, this::n, Wire::str);
    }

    @Override
    public void create() {
        call("virNetworkCreate", Proc.NETWORK_CREATE, this::n, null);
    }

    @Override
    public void destroy() {
        call("virNetworkDestroy", Proc.NETWORK_DESTROY, this::n, null);
    }

    @Override
    public void undefine() {
        call("virNetworkUndefine", Proc.NETWORK_UNDEFINE, this::n, null);
    }

    @Override
    public boolean isActive() {
        return call("virNetworkIsActive", Proc.NETWORK_IS_ACTIVE, this::n, r -> r.readInt()) != 0;
    }

    @Override
    public boolean isPersistent() {
        return call("virNetworkIsPersistent", Proc.NETWORK_IS_PERSISTENT, this::n, r -> r.readInt()) != 0;
    }

    @Override
    public boolean getAutostart() {
        return call("virNetworkGetAutostart", Proc.NETWORK_GET_AUTOSTART, this::n, r -> r.readInt()) != 0;
    }

    @Override
    public void setAutostart(boolean autostart) {
        call("virNetworkSetAutostart", Proc.NETWORK_SET_AUTOSTART, w -> {
            n(w);
            w.writeInt(autostart ? 1 : 0);
        }, null);
    }

    @Override
    public List<NetworkPort> listAllPorts() {
        return wrap(call("virNetworkListAllPorts", Proc.NETWORK_LIST_ALL_PORTS, w -> {
            n(w);
            w.writeInt(1);
            w.writeInt(0);
        }, r -> Wire.list(r, Wire.LIST_MAX, Wire::port)), p -> new RemoteNetworkPort(session, p));
    }

    @Override
    public NetworkPort lookupNetworkPortByUUIDString(String uuid) {
        Objects.requireNonNull(uuid, "uuid");
        check("virNetworkPortLookupByUUIDString");
        byte[] raw = Uuids.parse(uuid, ErrorDomain.NETWORK);
        return new RemoteNetworkPort(session, call("virNetworkPortLookupByUUIDString", Proc.NETWORK_PORT_LOOKUP_BY_UUID,
                w -> {
                    n(w);
                    w.writeFixedOpaque(raw, Wire.UUID);
                }, Wire::port));
    }

    @Override
    public NetworkPort portCreateXML(String xml, NetworkPortCreateFlags... flags) {
        Objects.requireNonNull(xml, "xml");
        int mask = LibvirtEnum.mask(flags);
        return new RemoteNetworkPort(session, call("virNetworkPortCreateXML", Proc.NETWORK_PORT_CREATE_XML, w -> {
            n(w);
            Wire.str(w, xml);
            w.writeInt(mask);
        }, Wire::port));
    }
}

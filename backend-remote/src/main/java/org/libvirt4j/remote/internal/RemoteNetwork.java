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
import org.libvirt4j.remote.generated.RemoteNetworkCreateArgs;
import org.libvirt4j.remote.generated.RemoteNetworkDestroyArgs;
import org.libvirt4j.remote.generated.RemoteNetworkGetAutostartArgs;
import org.libvirt4j.remote.generated.RemoteNetworkGetAutostartRet;
import org.libvirt4j.remote.generated.RemoteNetworkGetBridgeNameArgs;
import org.libvirt4j.remote.generated.RemoteNetworkGetBridgeNameRet;
import org.libvirt4j.remote.generated.RemoteNetworkGetXmlDescArgs;
import org.libvirt4j.remote.generated.RemoteNetworkGetXmlDescRet;
import org.libvirt4j.remote.generated.RemoteNetworkIsActiveArgs;
import org.libvirt4j.remote.generated.RemoteNetworkIsActiveRet;
import org.libvirt4j.remote.generated.RemoteNetworkIsPersistentArgs;
import org.libvirt4j.remote.generated.RemoteNetworkIsPersistentRet;
import org.libvirt4j.remote.generated.RemoteNetworkListAllPortsArgs;
import org.libvirt4j.remote.generated.RemoteNetworkListAllPortsRet;
import org.libvirt4j.remote.generated.RemoteNetworkPortCreateXmlArgs;
import org.libvirt4j.remote.generated.RemoteNetworkPortLookupByUuidArgs;
import org.libvirt4j.remote.generated.RemoteNetworkSetAutostartArgs;
import org.libvirt4j.remote.generated.RemoteNetworkUndefineArgs;
import org.libvirt4j.remote.generated.RemoteNonnullNetwork;
import org.libvirt4j.remote.generated.RemoteNonnullNetworkPort;
import org.libvirt4j.remote.generated.RemoteProcedure;
import org.libvirt4j.spi.ObjectKind;
import org.libvirt4j.spi.Uuids;

/** {@link Network} over RPC; name and UUID live in the handle. */
final class RemoteNetwork extends RemoteObject implements Network, org.libvirt4j.spi.generated.NetworkContract {
    private final RemoteNonnullNetwork ref;

    RemoteNetwork(Session session, RemoteNonnullNetwork ref) {
        super(session, ObjectKind.NETWORK);
        this.ref = ref;
    }

    RemoteNonnullNetwork ref() {
        return ref;
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
        return call("virNetworkGetXMLDesc", RemoteProcedure.REMOTE_PROC_NETWORK_GET_XML_DESC,
                new RemoteNetworkGetXmlDescArgs(ref, mask)::encode, RemoteNetworkGetXmlDescRet::decode).xml();
    }

    @Override
    public String getBridgeName() {
        return call("virNetworkGetBridgeName", RemoteProcedure.REMOTE_PROC_NETWORK_GET_BRIDGE_NAME,
                new RemoteNetworkGetBridgeNameArgs(ref)::encode, RemoteNetworkGetBridgeNameRet::decode).name();
    }

    @Override
    public void create() {
        call("virNetworkCreate", RemoteProcedure.REMOTE_PROC_NETWORK_CREATE, new RemoteNetworkCreateArgs(ref)::encode,
                null);
    }

    @Override
    public void destroy() {
        call("virNetworkDestroy", RemoteProcedure.REMOTE_PROC_NETWORK_DESTROY,
                new RemoteNetworkDestroyArgs(ref)::encode, null);
    }

    @Override
    public void undefine() {
        call("virNetworkUndefine", RemoteProcedure.REMOTE_PROC_NETWORK_UNDEFINE,
                new RemoteNetworkUndefineArgs(ref)::encode, null);
    }

    @Override
    public boolean isActive() {
        return call("virNetworkIsActive", RemoteProcedure.REMOTE_PROC_NETWORK_IS_ACTIVE,
                new RemoteNetworkIsActiveArgs(ref)::encode, RemoteNetworkIsActiveRet::decode).active() != 0;
    }

    @Override
    public boolean isPersistent() {
        return call("virNetworkIsPersistent", RemoteProcedure.REMOTE_PROC_NETWORK_IS_PERSISTENT,
                new RemoteNetworkIsPersistentArgs(ref)::encode, RemoteNetworkIsPersistentRet::decode).persistent() != 0;
    }

    @Override
    public boolean getAutostart() {
        return call("virNetworkGetAutostart", RemoteProcedure.REMOTE_PROC_NETWORK_GET_AUTOSTART,
                new RemoteNetworkGetAutostartArgs(ref)::encode, RemoteNetworkGetAutostartRet::decode).autostart() != 0;
    }

    @Override
    public void setAutostart(boolean autostart) {
        call("virNetworkSetAutostart", RemoteProcedure.REMOTE_PROC_NETWORK_SET_AUTOSTART,
                new RemoteNetworkSetAutostartArgs(ref, autostart ? 1 : 0)::encode, null);
    }

    @Override
    public List<NetworkPort> listAllPorts() {
        return wrap(call("virNetworkListAllPorts", RemoteProcedure.REMOTE_PROC_NETWORK_LIST_ALL_PORTS,
                new RemoteNetworkListAllPortsArgs(ref, 1, 0)::encode,
                r -> RemoteNetworkListAllPortsRet.decode(r).ports()),
                p -> new RemoteNetworkPort(session, p));
    }

    @Override
    public NetworkPort lookupNetworkPortByUUIDString(String uuid) {
        Objects.requireNonNull(uuid, "uuid");
        check("virNetworkPortLookupByUUIDString");
        byte[] raw = Uuids.parse(uuid, ErrorDomain.NETWORK, "virNetworkPortLookupByUUIDString");
        return new RemoteNetworkPort(session, call("virNetworkPortLookupByUUIDString",
                RemoteProcedure.REMOTE_PROC_NETWORK_PORT_LOOKUP_BY_UUID,
                new RemoteNetworkPortLookupByUuidArgs(ref, raw)::encode, RemoteNonnullNetworkPort::decode));
    }

    @Override
    public NetworkPort portCreateXML(String xml, NetworkPortCreateFlags... flags) {
        Objects.requireNonNull(xml, "xml");
        int mask = LibvirtEnum.mask(flags);
        return new RemoteNetworkPort(session, call("virNetworkPortCreateXML",
                RemoteProcedure.REMOTE_PROC_NETWORK_PORT_CREATE_XML,
                new RemoteNetworkPortCreateXmlArgs(ref, xml, mask)::encode, RemoteNonnullNetworkPort::decode));
    }

    @Override
    Object wireRef() {
        return ref;
    }
}

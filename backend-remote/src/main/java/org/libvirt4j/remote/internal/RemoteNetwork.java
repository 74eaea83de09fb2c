package org.libvirt4j.remote.internal;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.Network;
import org.libvirt4j.NetworkPort;
import org.libvirt4j.remote.generated.RemoteNetworkListAllPortsArgs;
import org.libvirt4j.remote.generated.RemoteNetworkListAllPortsRet;
import org.libvirt4j.remote.generated.RemoteNetworkPortLookupByUuidArgs;
import org.libvirt4j.remote.generated.RemoteNonnullNetwork;
import org.libvirt4j.remote.generated.RemoteNonnullNetworkPort;
import org.libvirt4j.remote.generated.RemoteProcedure;
import org.libvirt4j.spi.ObjectKind;
import org.libvirt4j.spi.Uuids;

/** {@link Network} over RPC; name and UUID live in the handle. */
final class RemoteNetwork extends RemoteObject implements Network, org.libvirt4j.spi.generated.NetworkContract,
        org.libvirt4j.spi.NetworkManualContract {
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
    Object wireRef() {
        return ref;
    }

    @Override
    public Object invokeManual(org.libvirt4j.spi.ManualFn fn, Object... args) {
        return RemoteManual.invoke(this, fn, args);
    }
}

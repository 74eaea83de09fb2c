package org.libvirt4j.remote.internal;

import java.util.UUID;
import org.libvirt4j.NWFilter;
import org.libvirt4j.remote.generated.RemoteNonnullNwfilter;
import org.libvirt4j.remote.generated.RemoteNwfilterGetXmlDescArgs;
import org.libvirt4j.remote.generated.RemoteNwfilterGetXmlDescRet;
import org.libvirt4j.remote.generated.RemoteProcedure;
import org.libvirt4j.spi.ObjectKind;
import org.libvirt4j.spi.Uuids;

/** {@link NWFilter} over RPC; name and UUID live in the handle. */
final class RemoteNWFilter extends RemoteObject implements NWFilter, org.libvirt4j.spi.generated.NWFilterContract {
    private final RemoteNonnullNwfilter ref;

    RemoteNWFilter(Session session, RemoteNonnullNwfilter ref) {
        super(session, ObjectKind.NWFILTER);
        this.ref = ref;
    }

    @Override
    public String getName() {
        check("virNWFilterGetName");
        return ref.name();
    }

    @Override
    public UUID getUUID() {
        check("virNWFilterGetUUID");
        return Uuids.fromBytes(ref.uuid());
    }

    @Override
    public String getUUIDString() {
        check("virNWFilterGetUUIDString");
        return Uuids.fromBytes(ref.uuid()).toString();
    }

    @Override
    public String getXMLDesc() {
        return call("virNWFilterGetXMLDesc", RemoteProcedure.REMOTE_PROC_NWFILTER_GET_XML_DESC,
                new RemoteNwfilterGetXmlDescArgs(ref, 0)::encode, RemoteNwfilterGetXmlDescRet::decode).xml();
    }

    @Override
    Object wireRef() {
        return ref;
    }
}

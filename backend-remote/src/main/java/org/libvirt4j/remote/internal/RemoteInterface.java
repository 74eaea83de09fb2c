package org.libvirt4j.remote.internal;

import org.libvirt4j.Interface;
import org.libvirt4j.InterfaceXMLFlags;
import org.libvirt4j.LibvirtEnum;
import org.libvirt4j.remote.generated.RemoteInterfaceGetXmlDescArgs;
import org.libvirt4j.remote.generated.RemoteInterfaceGetXmlDescRet;
import org.libvirt4j.remote.generated.RemoteInterfaceIsActiveArgs;
import org.libvirt4j.remote.generated.RemoteInterfaceIsActiveRet;
import org.libvirt4j.remote.generated.RemoteNonnullInterface;
import org.libvirt4j.remote.generated.RemoteProcedure;
import org.libvirt4j.spi.ObjectKind;

/** {@link Interface} over RPC; name and MAC live in the handle. */
final class RemoteInterface extends RemoteObject implements Interface, org.libvirt4j.spi.generated.InterfaceContract {
    private final RemoteNonnullInterface ref;

    RemoteInterface(Session session, RemoteNonnullInterface ref) {
        super(session, ObjectKind.INTERFACE);
        this.ref = ref;
    }

    @Override
    public String getName() {
        check("virInterfaceGetName");
        return ref.name();
    }

    @Override
    public String getMACString() {
        check("virInterfaceGetMACString");
        return ref.mac();
    }

    @Override
    public String getXMLDesc(InterfaceXMLFlags... flags) {
        int mask = LibvirtEnum.mask(flags);
        return call("virInterfaceGetXMLDesc", RemoteProcedure.REMOTE_PROC_INTERFACE_GET_XML_DESC,
                new RemoteInterfaceGetXmlDescArgs(ref, mask)::encode, RemoteInterfaceGetXmlDescRet::decode).xml();
    }

    @Override
    public boolean isActive() {
        return call("virInterfaceIsActive", RemoteProcedure.REMOTE_PROC_INTERFACE_IS_ACTIVE,
                new RemoteInterfaceIsActiveArgs(ref)::encode, RemoteInterfaceIsActiveRet::decode).active() != 0;
    }

    @Override
    Object wireRef() {
        return ref;
    }
}

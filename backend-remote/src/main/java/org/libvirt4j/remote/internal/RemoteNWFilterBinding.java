package org.libvirt4j.remote.internal;

import org.libvirt4j.NWFilterBinding;
import org.libvirt4j.remote.generated.RemoteNonnullNwfilterBinding;
import org.libvirt4j.remote.generated.RemoteNwfilterBindingGetXmlDescArgs;
import org.libvirt4j.remote.generated.RemoteNwfilterBindingGetXmlDescRet;
import org.libvirt4j.remote.generated.RemoteProcedure;
import org.libvirt4j.spi.ObjectKind;

/** {@link NWFilterBinding} over RPC; port device and filter name live in the handle. */
final class RemoteNWFilterBinding extends RemoteObject implements NWFilterBinding, org.libvirt4j.spi.generated.NWFilterBindingContract {
    private final RemoteNonnullNwfilterBinding ref;

    RemoteNWFilterBinding(Session session, RemoteNonnullNwfilterBinding ref) {
        super(session, ObjectKind.NWFILTER_BINDING);
        this.ref = ref;
    }

    @Override
    public String getPortDev() {
        check("virNWFilterBindingGetPortDev");
        return ref.portdev();
    }

    @Override
    public String getFilterName() {
        check("virNWFilterBindingGetFilterName");
        return ref.filtername();
    }

    @Override
    public String getXMLDesc() {
        return call("virNWFilterBindingGetXMLDesc", RemoteProcedure.REMOTE_PROC_NWFILTER_BINDING_GET_XML_DESC,
                new RemoteNwfilterBindingGetXmlDescArgs(ref, 0)::encode,
                RemoteNwfilterBindingGetXmlDescRet::decode).xml();
    }

    @Override
    Object wireRef() {
        return ref;
    }
}

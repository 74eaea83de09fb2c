package org.libvirt4j.remote.internal;

import org.libvirt4j.NWFilterBinding;
import org.libvirt4j.spi.ObjectKind;

/** {@link NWFilterBinding} over RPC; port device and filter name live in the handle. */
final class RemoteNWFilterBinding extends RemoteObject implements NWFilterBinding {
    private final Wire.Binding ref;

    RemoteNWFilterBinding(Session session, Wire.Binding ref) {
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
        return call("virNWFilterBindingGetXMLDesc", Proc.NWFILTER_BINDING_GET_XML_DESC, w -> {
            Wire.binding(w, ref);
            w.writeInt(0);
        }, Wire::str);
    }

    @Override
    public void delete() {
        call("virNWFilterBindingDelete", Proc.NWFILTER_BINDING_DELETE, w -> Wire.binding(w, ref), null);
    }
}

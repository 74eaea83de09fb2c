package org.libvirt4j.jni;

import static org.libvirt4j.jni.LibvirtNatives.*;

import org.libvirt4j.NWFilterBinding;
import org.libvirt4j.spi.ObjectKind;

/** {@link NWFilterBinding} over a {@code virNWFilterBindingPtr}; {@link #close()} is {@code virNWFilterBindingFree}. */
final class JniNWFilterBinding extends JniObject implements NWFilterBinding, org.libvirt4j.spi.generated.NWFilterBindingContract {

    JniNWFilterBinding(long binding) {
        super(ObjectKind.NWFILTER_BINDING, JniNatives.K_NWFILTER_BINDING, binding);
    }

    @Override
    public String getPortDev() {
        return str("virNWFilterBindingGetPortDev", b -> virNWFilterBindingGetPortDev(b));
    }

    @Override
    public String getFilterName() {
        return str("virNWFilterBindingGetFilterName", b -> virNWFilterBindingGetFilterName(b));
    }

    @Override
    public String getXMLDesc() {
        return str("virNWFilterBindingGetXMLDesc", b -> virNWFilterBindingGetXMLDesc(b, 0));
    }

}

package org.libvirt4j.jna;

import org.libvirt4j.NWFilterBinding;
import org.libvirt4j.jna.internal.Errors;
import org.libvirt4j.jna.internal.VirtBindings;
import org.libvirt4j.spi.NativeHandle;
import org.libvirt4j.spi.ObjectKind;

/** {@link NWFilterBinding} over a {@code virNWFilterBindingPtr}; {@link #close()} is {@code virNWFilterBindingFree}. */
final class JnaNWFilterBinding implements NWFilterBinding, org.libvirt4j.spi.generated.NWFilterBindingContract {
    private final NativeHandle h;

    JnaNWFilterBinding(long binding) {
        this.h = new NativeHandle(ObjectKind.NWFILTER_BINDING, binding, VirtBindings::virNWFilterBindingFree);
    }

    @Override
    public void close() {
        h.close();
    }

    @Override
    public String getPortDev() {
        return h.call("virNWFilterBindingGetPortDev", b -> {
            return Errors.constString(VirtBindings.virNWFilterBindingGetPortDev(b), "virNWFilterBindingGetPortDev");
        });
    }

    @Override
    public String getFilterName() {
        return h.call("virNWFilterBindingGetFilterName", b -> {
            return Errors.constString(VirtBindings.virNWFilterBindingGetFilterName(b), "virNWFilterBindingGetFilterName");
        });
    }

    @Override
    public String getXMLDesc() {
        return h.call("virNWFilterBindingGetXMLDesc", b -> {
            return Errors.ownedString(VirtBindings.virNWFilterBindingGetXMLDesc(b, 0), "virNWFilterBindingGetXMLDesc");
        });
    }


    @Override
    public Object invoke(org.libvirt4j.spi.generated.Fn fn, Object... args) {
        return JnaCalls.invoke(h, fn, args);
    }
}

package org.libvirt4j.jna;

import org.libvirt4j.Interface;
import org.libvirt4j.jna.internal.Errors;
import org.libvirt4j.jna.internal.Virt;
import org.libvirt4j.spi.NativeHandle;
import org.libvirt4j.spi.ObjectKind;

/** {@link Interface} over a {@code virInterfacePtr}; {@link #close()} is {@code virInterfaceFree}. */
final class JnaInterface implements Interface, org.libvirt4j.spi.generated.InterfaceContract {
    private final NativeHandle h;

    JnaInterface(long iface) {
        this.h = new NativeHandle(ObjectKind.INTERFACE, iface, Virt::virInterfaceFree);
    }

    @Override
    public void close() {
        h.close();
    }

    @Override
    public String getName() {
        return h.call("virInterfaceGetName", i -> {
            return Errors.constString(Virt.virInterfaceGetName(i), "virInterfaceGetName");
        });
    }

    @Override
    public String getMACString() {
        return h.call("virInterfaceGetMACString", i -> {
            return Errors.constString(Virt.virInterfaceGetMACString(i), "virInterfaceGetMACString");
        });
    }

    @Override
    public Object invoke(org.libvirt4j.spi.generated.Fn fn, Object... args) {
        return JnaCalls.invoke(h, fn, args);
    }
}

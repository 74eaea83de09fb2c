package org.libvirt4j.remote.internal;

import org.libvirt4j.Interface;
import org.libvirt4j.remote.generated.RemoteNonnullInterface;
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
    Object wireRef() {
        return ref;
    }
}

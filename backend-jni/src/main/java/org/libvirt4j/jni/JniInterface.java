package org.libvirt4j.jni;

import static org.libvirt4j.jni.LibvirtNatives.*;

import org.libvirt4j.Interface;
import org.libvirt4j.spi.ObjectKind;

/** {@link Interface} over a {@code virInterfacePtr}; {@link #close()} is {@code virInterfaceFree}. */
final class JniInterface extends JniObject implements Interface, org.libvirt4j.spi.generated.InterfaceContract {

    JniInterface(long iface) {
        super(ObjectKind.INTERFACE, JniNatives.K_INTERFACE, iface);
    }

    @Override
    public String getName() {
        return str("virInterfaceGetName", i -> virInterfaceGetName(i));
    }

    @Override
    public String getMACString() {
        return str("virInterfaceGetMACString", i -> virInterfaceGetMACString(i));
    }

}

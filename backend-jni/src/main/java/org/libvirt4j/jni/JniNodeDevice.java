package org.libvirt4j.jni;

import static org.libvirt4j.jni.LibvirtNatives.*;

import java.util.List;
import org.libvirt4j.NodeDevice;
import org.libvirt4j.spi.ObjectKind;

/** {@link NodeDevice} over a {@code virNodeDevicePtr}; {@link #close()} is {@code virNodeDeviceFree}. */
final class JniNodeDevice extends JniObject implements NodeDevice, org.libvirt4j.spi.generated.NodeDeviceContract,
        org.libvirt4j.spi.NodeDeviceManualContract {

    JniNodeDevice(long dev) {
        super(ObjectKind.NODE_DEVICE, JniNatives.K_NODE_DEVICE, dev);
    }

    @Override
    public String getName() {
        return str("virNodeDeviceGetName", d -> virNodeDeviceGetName(d));
    }

    /** @return the parent's name, or {@code null} for a device without one */
    @Override
    public String getParent() {
        return str("virNodeDeviceGetParent", d -> virNodeDeviceGetParent(d));
    }

    @Override
    public String getXMLDesc() {
        return str("virNodeDeviceGetXMLDesc", d -> virNodeDeviceGetXMLDesc(d, 0));
    }

    @Override
    public List<String> listCaps() {
        return List.of(obj("virNodeDeviceListCaps", d -> JniNatives.nodeDeviceListCaps(d)));
    }

    @Override
    public Object invokeManual(org.libvirt4j.spi.ManualFn fn, Object... args) {
        return JniManual.invoke(this, fn, args);
    }
}

package org.libvirt4j.remote.internal;

import java.util.List;
import org.libvirt4j.NodeDevice;
import org.libvirt4j.remote.generated.RemoteProcedure;
import org.libvirt4j.spi.ObjectKind;

/** {@link NodeDevice} over RPC; the name lives in the handle. */
final class RemoteNodeDevice extends RemoteObject implements NodeDevice {
    private final String name;

    RemoteNodeDevice(Session session, String name) {
        super(session, ObjectKind.NODE_DEVICE);
        this.name = name;
    }

    @Override
    public String getName() {
        check("virNodeDeviceGetName");
        return name;
    }

    @Override
    public String getParent() {
        return call("virNodeDeviceGetParent", RemoteProcedure.REMOTE_PROC_NODE_DEVICE_GET_PARENT, w -> Wire.str(w, name), Wire::optStr);
    }

    @Override
    public String getXMLDesc() {
        return call("virNodeDeviceGetXMLDesc", RemoteProcedure.REMOTE_PROC_NODE_DEVICE_GET_XML_DESC, w -> {
            Wire.str(w, name);
            w.writeInt(0);
        }, Wire::str);
    }

    @Override
    public List<String> listCaps() {
        acquire("virNodeDeviceListCaps");
        try {
            int n = session.call(RemoteProcedure.REMOTE_PROC_NODE_DEVICE_NUM_OF_CAPS, w -> Wire.str(w, name), r -> r.readInt());
            if (n <= 0) {
                return List.of();
            }
            return List.copyOf(session.call(RemoteProcedure.REMOTE_PROC_NODE_DEVICE_LIST_CAPS, w -> {
                Wire.str(w, name);
                w.writeInt(n);
            }, r -> r.readArray(Wire.NODE_DEVICE_LIST_MAX, Wire::str)));
        } finally {
            release();
        }
    }
}

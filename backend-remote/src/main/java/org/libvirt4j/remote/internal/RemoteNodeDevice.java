package org.libvirt4j.remote.internal;

import java.util.List;
import org.libvirt4j.NodeDevice;
import org.libvirt4j.remote.generated.RemoteNodeDeviceGetParentArgs;
import org.libvirt4j.remote.generated.RemoteNodeDeviceGetParentRet;
import org.libvirt4j.remote.generated.RemoteNodeDeviceGetXmlDescArgs;
import org.libvirt4j.remote.generated.RemoteNodeDeviceGetXmlDescRet;
import org.libvirt4j.remote.generated.RemoteNodeDeviceListCapsArgs;
import org.libvirt4j.remote.generated.RemoteNodeDeviceListCapsRet;
import org.libvirt4j.remote.generated.RemoteNodeDeviceNumOfCapsArgs;
import org.libvirt4j.remote.generated.RemoteNodeDeviceNumOfCapsRet;
import org.libvirt4j.remote.generated.RemoteProcedure;
import org.libvirt4j.spi.ObjectKind;

/** {@link NodeDevice} over RPC; the name lives in the handle. */
final class RemoteNodeDevice extends RemoteObject implements NodeDevice, org.libvirt4j.spi.generated.NodeDeviceContract,
        org.libvirt4j.spi.NodeDeviceManualContract {
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
        return call("virNodeDeviceGetParent", RemoteProcedure.REMOTE_PROC_NODE_DEVICE_GET_PARENT,
                new RemoteNodeDeviceGetParentArgs(name)::encode, RemoteNodeDeviceGetParentRet::decode).parentName();
    }

    @Override
    public String getXMLDesc() {
        return call("virNodeDeviceGetXMLDesc", RemoteProcedure.REMOTE_PROC_NODE_DEVICE_GET_XML_DESC,
                new RemoteNodeDeviceGetXmlDescArgs(name, 0)::encode, RemoteNodeDeviceGetXmlDescRet::decode).xml();
    }

    @Override
    public List<String> listCaps() {
        acquire("virNodeDeviceListCaps");
        try {
            int n = session.call(RemoteProcedure.REMOTE_PROC_NODE_DEVICE_NUM_OF_CAPS,
                    new RemoteNodeDeviceNumOfCapsArgs(name)::encode, RemoteNodeDeviceNumOfCapsRet::decode).num();
            if (n <= 0) {
                return List.of();
            }
            return List.copyOf(session.call(RemoteProcedure.REMOTE_PROC_NODE_DEVICE_LIST_CAPS,
                    new RemoteNodeDeviceListCapsArgs(name, n)::encode,
                    r -> RemoteNodeDeviceListCapsRet.decode(r).names()));
        } finally {
            release();
        }
    }

    @Override
    Object wireRef() {
        return new org.libvirt4j.remote.generated.RemoteNonnullNodeDevice(name);
    }

    @Override
    public Object invokeManual(org.libvirt4j.spi.ManualFn fn, Object... args) {
        return RemoteManual.invoke(this, fn, args);
    }
}

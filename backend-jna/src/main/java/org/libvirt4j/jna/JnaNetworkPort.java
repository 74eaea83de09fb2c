package org.libvirt4j.jna;

import java.util.UUID;
import org.libvirt4j.NetworkPort;
import org.libvirt4j.jna.internal.CStrings;
import org.libvirt4j.jna.internal.Errors;
import org.libvirt4j.jna.internal.VirtPorts;
import org.libvirt4j.spi.NativeHandle;
import org.libvirt4j.spi.ObjectKind;
import org.libvirt4j.spi.Uuids;

/** {@link NetworkPort} over a {@code virNetworkPortPtr}; {@link #close()} is {@code virNetworkPortFree}. */
final class JnaNetworkPort implements NetworkPort, org.libvirt4j.spi.generated.NetworkPortTypedContract {
    private final NativeHandle h;

    JnaNetworkPort(long port) {
        this.h = new NativeHandle(ObjectKind.NETWORK_PORT, port, VirtPorts::virNetworkPortFree);
    }

    @Override
    public void close() {
        h.close();
    }

    @Override
    public UUID getUUID() {
        return h.call("virNetworkPortGetUUID", p -> {
            byte[] raw = new byte[Uuids.BUFLEN];
            Errors.check(VirtPorts.virNetworkPortGetUUID(p, raw), "virNetworkPortGetUUID");
            return Uuids.fromBytes(raw);
        });
    }

    @Override
    public String getUUIDString() {
        return h.call("virNetworkPortGetUUIDString", p -> {
            byte[] buf = new byte[CStrings.UUID_STRING_BUFLEN];
            Errors.check(VirtPorts.virNetworkPortGetUUIDString(p, buf), "virNetworkPortGetUUIDString");
            return CStrings.fromBuffer(buf);
        });
    }

    @Override
    public String getXMLDesc() {
        return h.call("virNetworkPortGetXMLDesc", p -> {
            return Errors.ownedString(VirtPorts.virNetworkPortGetXMLDesc(p, 0), "virNetworkPortGetXMLDesc");
        });
    }

    @Override
    public void delete() {
        h.run("virNetworkPortDelete", p -> Errors.check(VirtPorts.virNetworkPortDelete(p, 0), "virNetworkPortDelete"));
    }

    @Override
    public org.libvirt4j.spi.TypedReply invokeTyped(org.libvirt4j.spi.generated.TypedFn fn,
            java.util.List<org.libvirt4j.spi.TypedParameter> params, Object... args) {
        return JnaTypedCalls.invoke(h, fn, params, args);
    }
}

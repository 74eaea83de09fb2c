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
        long p = h.acquire("virNetworkPortGetUUID");
        try {
            byte[] raw = new byte[Uuids.BUFLEN];
            Errors.check(VirtPorts.virNetworkPortGetUUID(p, raw), "virNetworkPortGetUUID");
            return Uuids.fromBytes(raw);
        } finally {
            h.release();
        }
    }

    @Override
    public String getUUIDString() {
        long p = h.acquire("virNetworkPortGetUUIDString");
        try {
            byte[] buf = new byte[CStrings.UUID_STRING_BUFLEN];
            Errors.check(VirtPorts.virNetworkPortGetUUIDString(p, buf), "virNetworkPortGetUUIDString");
            return CStrings.fromBuffer(buf);
        } finally {
            h.release();
        }
    }

    @Override
    public String getXMLDesc() {
        long p = h.acquire("virNetworkPortGetXMLDesc");
        try {
            return Errors.ownedString(VirtPorts.virNetworkPortGetXMLDesc(p, 0), "virNetworkPortGetXMLDesc");
        } finally {
            h.release();
        }
    }

    @Override
    public void delete() {
        long p = h.acquire("virNetworkPortDelete");
        try {
            Errors.check(VirtPorts.virNetworkPortDelete(p, 0), "virNetworkPortDelete");
        } finally {
            h.release();
        }
    }

    @Override
    public org.libvirt4j.spi.TypedReply invokeTyped(org.libvirt4j.spi.generated.TypedFn fn,
            java.util.List<org.libvirt4j.spi.TypedParameter> params, Object... args) {
        return JnaTypedCalls.invoke(h, fn, params, args);
    }
}

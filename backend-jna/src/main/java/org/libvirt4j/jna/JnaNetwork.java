package org.libvirt4j.jna;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.libvirt4j.Network;
import org.libvirt4j.NetworkPort;
import org.libvirt4j.jna.internal.CStrings;
import org.libvirt4j.jna.internal.Errors;
import org.libvirt4j.jna.internal.Virt;
import org.libvirt4j.jna.internal.VirtPorts;
import org.libvirt4j.spi.NativeHandle;
import org.libvirt4j.spi.ObjectKind;
import org.libvirt4j.spi.Uuids;

/** {@link Network} over a {@code virNetworkPtr}; {@link #close()} is {@code virNetworkFree}. */
final class JnaNetwork implements Network, JnaHandle, org.libvirt4j.spi.generated.NetworkContract,
        org.libvirt4j.spi.NetworkManualContract {
    private final NativeHandle h;

    JnaNetwork(long net) {
        this.h = new NativeHandle(ObjectKind.NETWORK, net, Virt::virNetworkFree);
    }

    @Override
    public NativeHandle handle() {
        return h;
    }

    @Override
    public void close() {
        h.close();
    }

    @Override
    public String getName() {
        return h.call("virNetworkGetName", n -> Errors.constString(Virt.virNetworkGetName(n), "virNetworkGetName"));
    }

    @Override
    public UUID getUUID() {
        return h.call("virNetworkGetUUID", n -> {
            byte[] raw = new byte[Uuids.BUFLEN];
            Errors.check(Virt.virNetworkGetUUID(n, raw), "virNetworkGetUUID");
            return Uuids.fromBytes(raw);
        });
    }

    @Override
    public String getUUIDString() {
        return h.call("virNetworkGetUUIDString", n -> {
            byte[] buf = new byte[CStrings.UUID_STRING_BUFLEN];
            Errors.check(Virt.virNetworkGetUUIDString(n, buf), "virNetworkGetUUIDString");
            return CStrings.fromBuffer(buf);
        });
    }

    @Override
    public List<NetworkPort> listAllPorts() {
        long n = h.acquire("virNetworkListAllPorts");
        try {
            long[] array = new long[1];
            int count = Errors.check(VirtPorts.virNetworkListAllPorts(n, array, 0), "virNetworkListAllPorts");
            return NativeLists.wrap(array[0], count, JnaNetworkPort::new);
        } catch (UnsatisfiedLinkError e) {
            throw Errors.noSupport("virNetworkListAllPorts", e);
        } finally {
            h.release();
        }
    }

    @Override
    public NetworkPort lookupNetworkPortByUUIDString(String uuid) {
        byte[] s = CStrings.of(Objects.requireNonNull(uuid, "uuid"));
        long n = h.acquire("virNetworkPortLookupByUUIDString");
        try {
            return new JnaNetworkPort(Errors.ptr(VirtPorts.virNetworkPortLookupByUUIDString(n, s),
                    "virNetworkPortLookupByUUIDString"));
        } catch (UnsatisfiedLinkError e) {
            throw Errors.noSupport("virNetworkPortLookupByUUIDString", e);
        } finally {
            h.release();
        }
    }

    @Override
    public Object invoke(org.libvirt4j.spi.generated.Fn fn, Object... args) {
        return JnaCalls.invoke(h, fn, args);
    }

    @Override
    public Object invokeManual(org.libvirt4j.spi.ManualFn fn, Object... args) {
        return JnaManual.invoke(h, fn, args);
    }
}

package org.libvirt4j.jna;

import java.util.ArrayList;
import java.util.List;
import org.libvirt4j.NodeDevice;
import org.libvirt4j.jna.internal.CStrings;
import org.libvirt4j.jna.internal.Errors;
import org.libvirt4j.jna.internal.Virt;
import org.libvirt4j.spi.NativeHandle;
import org.libvirt4j.spi.ObjectKind;

/** {@link NodeDevice} over a {@code virNodeDevicePtr}; {@link #close()} is {@code virNodeDeviceFree}. */
final class JnaNodeDevice implements NodeDevice, JnaHandle, org.libvirt4j.spi.generated.NodeDeviceContract,
        org.libvirt4j.spi.NodeDeviceManualContract {
    private final NativeHandle h;

    JnaNodeDevice(long dev) {
        this.h = new NativeHandle(ObjectKind.NODE_DEVICE, dev, Virt::virNodeDeviceFree);
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
        return h.call("virNodeDeviceGetName", d -> {
            return Errors.constString(Virt.virNodeDeviceGetName(d), "virNodeDeviceGetName");
        });
    }

    @Override
    public String getParent() {
        return h.call("virNodeDeviceGetParent", d -> {
            // NULL is both "no parent" and "failed"; only a failure sets an error.
            long p = Virt.virNodeDeviceGetParent(d);
            if (p == 0 && Errors.pending()) {
                throw Errors.last("virNodeDeviceGetParent");
            }
            return CStrings.read(p);
        });
    }

    @Override
    public String getXMLDesc() {
        return h.call("virNodeDeviceGetXMLDesc", d -> {
            return Errors.ownedString(Virt.virNodeDeviceGetXMLDesc(d, 0), "virNodeDeviceGetXMLDesc");
        });
    }

    @Override
    public List<String> listCaps() {
        return h.call("virNodeDeviceListCaps", d -> {
            int max = Errors.check(Virt.virNodeDeviceNumOfCaps(d), "virNodeDeviceNumOfCaps");
            if (max == 0) {
                return List.of();
            }
            long[] names = new long[max];
            int n = Errors.check(Virt.virNodeDeviceListCaps(d, names, max), "virNodeDeviceListCaps");
            List<String> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                // Each name is the caller's to free; take() frees it after copying.
                out.add(CStrings.take(names[i]));
            }
            return List.copyOf(out);
        });
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

package org.libvirt4j.jna;

import java.util.List;
import org.libvirt4j.DomainCheckpoint;
import org.libvirt4j.jna.internal.Errors;
import org.libvirt4j.jna.internal.VirtCheckpoints;
import org.libvirt4j.spi.NativeHandle;
import org.libvirt4j.spi.ObjectKind;

/**
 * {@link DomainCheckpoint} over a {@code virDomainCheckpointPtr}; {@link #close()} is
 * {@code virDomainCheckpointFree}. Only ever made from a libvirt that has checkpoints, so its
 * calls need no {@code ERR_NO_SUPPORT} conversion.
 */
final class JnaDomainCheckpoint implements DomainCheckpoint, org.libvirt4j.spi.generated.DomainCheckpointContract,
        JnaDomainCheckpointIrregular {
    private final NativeHandle h;

    @Override
    public NativeHandle guard() {
        return h;
    }

    JnaDomainCheckpoint(long cp) {
        this.h = new NativeHandle(ObjectKind.DOMAIN_CHECKPOINT, cp, VirtCheckpoints::virDomainCheckpointFree);
    }

    @Override
    public void close() {
        h.close();
    }

    @Override
    public String getName() {
        return h.call("virDomainCheckpointGetName", c -> {
            return Errors.constString(VirtCheckpoints.virDomainCheckpointGetName(c), "virDomainCheckpointGetName");
        });
    }

    @Override
    public DomainCheckpoint getParent() {
        return h.call("virDomainCheckpointGetParent", c -> {
            return new JnaDomainCheckpoint(Errors.ptr(VirtCheckpoints.virDomainCheckpointGetParent(c, 0),
                    "virDomainCheckpointGetParent"));
        });
    }

    @Override
    public List<DomainCheckpoint> listAllChildren(int flags) {
        int mask = flags;
        return h.call("virDomainCheckpointListAllChildren", c -> {
            long[] array = new long[1];
            int n = Errors.check(VirtCheckpoints.virDomainCheckpointListAllChildren(c, array, mask),
                    "virDomainCheckpointListAllChildren");
            return NativeLists.wrap(array[0], n, JnaDomainCheckpoint::new);
        });
    }


    @Override
    public Object invoke(org.libvirt4j.spi.generated.Fn fn, Object... args) {
        return JnaCalls.invoke(h, fn, args);
    }
}

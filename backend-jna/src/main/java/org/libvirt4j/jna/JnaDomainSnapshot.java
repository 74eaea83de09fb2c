package org.libvirt4j.jna;

import java.util.List;
import org.libvirt4j.DomainSnapshot;
import org.libvirt4j.jna.internal.Errors;
import org.libvirt4j.jna.internal.Virt;
import org.libvirt4j.spi.NativeHandle;
import org.libvirt4j.spi.ObjectKind;

/** {@link DomainSnapshot} over a {@code virDomainSnapshotPtr}; {@link #close()} is {@code virDomainSnapshotFree}. */
final class JnaDomainSnapshot implements DomainSnapshot, org.libvirt4j.spi.generated.DomainSnapshotContract,
        JnaDomainSnapshotIrregular {
    private final NativeHandle h;

    @Override
    public NativeHandle guard() {
        return h;
    }

    JnaDomainSnapshot(long snap) {
        this.h = new NativeHandle(ObjectKind.DOMAIN_SNAPSHOT, snap, Virt::virDomainSnapshotFree);
    }

    @Override
    public void close() {
        h.close();
    }

    @Override
    public String getName() {
        return h.call("virDomainSnapshotGetName", s -> {
            return Errors.constString(Virt.virDomainSnapshotGetName(s), "virDomainSnapshotGetName");
        });
    }

    @Override
    public DomainSnapshot getParent() {
        return h.call("virDomainSnapshotGetParent", s -> {
            return new JnaDomainSnapshot(Errors.ptr(Virt.virDomainSnapshotGetParent(s, 0), "virDomainSnapshotGetParent"));
        });
    }

    @Override
    public boolean isCurrent() {
        return h.call("virDomainSnapshotIsCurrent", s -> {
            return Errors.bool(Virt.virDomainSnapshotIsCurrent(s, 0), "virDomainSnapshotIsCurrent");
        });
    }

    @Override
    public List<DomainSnapshot> listAllChildren(int flags) {
        int mask = flags;
        return h.call("virDomainSnapshotListAllChildren", s -> {
            long[] array = new long[1];
            int n = Errors.check(Virt.virDomainSnapshotListAllChildren(s, array, mask),
                    "virDomainSnapshotListAllChildren");
            return NativeLists.wrap(array[0], n, JnaDomainSnapshot::new);
        });
    }

    @Override
    public Object invoke(org.libvirt4j.spi.generated.Fn fn, Object... args) {
        return JnaCalls.invoke(h, fn, args);
    }
}

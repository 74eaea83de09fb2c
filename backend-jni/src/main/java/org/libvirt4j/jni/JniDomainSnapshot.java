package org.libvirt4j.jni;

import static org.libvirt4j.jni.LibvirtNatives.*;

import java.util.List;
import org.libvirt4j.DomainSnapshot;
import org.libvirt4j.spi.ObjectKind;

/** {@link DomainSnapshot} over a {@code virDomainSnapshotPtr}; {@link #close()} is {@code virDomainSnapshotFree}. */
final class JniDomainSnapshot extends JniObject implements DomainSnapshot, org.libvirt4j.spi.generated.DomainSnapshotContract,
        JniDomainSnapshotIrregular {

    JniDomainSnapshot(long snap) {
        super(ObjectKind.DOMAIN_SNAPSHOT, JniNatives.K_DOMAIN_SNAPSHOT, snap);
    }

    @Override
    public String getName() {
        return str("virDomainSnapshotGetName", s -> virDomainSnapshotGetName(s));
    }

    @Override
    public DomainSnapshot getParent() {
        return obj("virDomainSnapshotGetParent",
                s -> new JniDomainSnapshot(ptr(virDomainSnapshotGetParent(s, 0), "virDomainSnapshotGetParent")));
    }

    @Override
    public boolean isCurrent() {
        return bool("virDomainSnapshotIsCurrent", s -> virDomainSnapshotIsCurrent(s, 0));
    }

    @Override
    public List<DomainSnapshot> listAllChildren(int flags) {
        int mask = flags;
        return wrap(obj("virDomainSnapshotListAllChildren",
                s -> JniNatives.listAll(JniNatives.L_SNAPSHOT_CHILDREN, s, mask)), JniDomainSnapshot::new);
    }

}

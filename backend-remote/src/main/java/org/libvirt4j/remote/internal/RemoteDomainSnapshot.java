package org.libvirt4j.remote.internal;

import java.util.List;
import org.libvirt4j.DomainSnapshot;
import org.libvirt4j.DomainSnapshotDeleteFlags;
import org.libvirt4j.DomainSnapshotListFlags;
import org.libvirt4j.DomainSnapshotRevertFlags;
import org.libvirt4j.DomainSnapshotXMLFlags;
import org.libvirt4j.LibvirtEnum;
import org.libvirt4j.remote.generated.RemoteNonnullDomainSnapshot;
import org.libvirt4j.remote.generated.RemoteProcedure;
import org.libvirt4j.remote.internal.xdr.XdrWriter;
import org.libvirt4j.spi.ObjectKind;

/** {@link DomainSnapshot} over RPC; name and domain live in the handle. */
final class RemoteDomainSnapshot extends RemoteObject implements DomainSnapshot {
    private final RemoteNonnullDomainSnapshot ref;

    RemoteDomainSnapshot(Session session, RemoteNonnullDomainSnapshot ref) {
        super(session, ObjectKind.DOMAIN_SNAPSHOT);
        this.ref = ref;
    }

    private void flagsArgs(XdrWriter w, int mask) {
        ref.encode(w);
        w.writeInt(mask);
    }

    @Override
    public String getName() {
        check("virDomainSnapshotGetName");
        return ref.name();
    }

    @Override
    public String getXMLDesc(DomainSnapshotXMLFlags... flags) {
        int mask = LibvirtEnum.mask(flags);
        return call("virDomainSnapshotGetXMLDesc", RemoteProcedure.REMOTE_PROC_DOMAIN_SNAPSHOT_GET_XML_DESC, w -> flagsArgs(w, mask),
                Wire::str);
    }

    @Override
    public DomainSnapshot getParent() {
        return new RemoteDomainSnapshot(session, call("virDomainSnapshotGetParent", RemoteProcedure.REMOTE_PROC_DOMAIN_SNAPSHOT_GET_PARENT,
                w -> flagsArgs(w, 0), RemoteNonnullDomainSnapshot::decode));
    }

    @Override
    public boolean isCurrent() {
        return call("virDomainSnapshotIsCurrent", RemoteProcedure.REMOTE_PROC_DOMAIN_SNAPSHOT_IS_CURRENT, w -> flagsArgs(w, 0),
                r -> r.readInt()) != 0;
    }

    @Override
    public List<DomainSnapshot> listAllChildren(DomainSnapshotListFlags... flags) {
        int mask = LibvirtEnum.mask(flags);
        return wrap(call("virDomainSnapshotListAllChildren", RemoteProcedure.REMOTE_PROC_DOMAIN_SNAPSHOT_LIST_ALL_CHILDREN, w -> {
            ref.encode(w);
            w.writeInt(1);
            w.writeInt(mask);
        }, r -> Wire.list(r, Wire.LIST_MAX, RemoteNonnullDomainSnapshot::decode)), c -> new RemoteDomainSnapshot(session, c));
    }

    @Override
    public void revertTo(DomainSnapshotRevertFlags... flags) {
        int mask = LibvirtEnum.mask(flags);
        call("virDomainRevertToSnapshot", RemoteProcedure.REMOTE_PROC_DOMAIN_REVERT_TO_SNAPSHOT, w -> flagsArgs(w, mask), null);
    }

    @Override
    public void delete(DomainSnapshotDeleteFlags... flags) {
        int mask = LibvirtEnum.mask(flags);
        call("virDomainSnapshotDelete", RemoteProcedure.REMOTE_PROC_DOMAIN_SNAPSHOT_DELETE, w -> flagsArgs(w, mask), null);
    }
}

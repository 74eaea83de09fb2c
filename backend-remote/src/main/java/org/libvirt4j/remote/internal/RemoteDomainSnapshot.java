package org.libvirt4j.remote.internal;

import java.util.List;
import org.libvirt4j.DomainSnapshot;
import org.libvirt4j.remote.generated.RemoteDomainSnapshotGetParentArgs;
import org.libvirt4j.remote.generated.RemoteDomainSnapshotIsCurrentArgs;
import org.libvirt4j.remote.generated.RemoteDomainSnapshotIsCurrentRet;
import org.libvirt4j.remote.generated.RemoteDomainSnapshotListAllChildrenArgs;
import org.libvirt4j.remote.generated.RemoteDomainSnapshotListAllChildrenRet;
import org.libvirt4j.remote.generated.RemoteNonnullDomainSnapshot;
import org.libvirt4j.remote.generated.RemoteProcedure;
import org.libvirt4j.spi.ObjectKind;

/** {@link DomainSnapshot} over RPC; name and domain live in the handle. */
final class RemoteDomainSnapshot extends RemoteObject implements DomainSnapshot, org.libvirt4j.spi.generated.DomainSnapshotContract,
        RemoteDomainSnapshotIrregular {

    @Override
    public <T> T callRemote(String fn, RemoteProcedure proc, java.util.function.Consumer<
            org.libvirt4j.remote.internal.xdr.XdrWriter> args,
            java.util.function.Function<org.libvirt4j.remote.internal.xdr.XdrReader, T> ret) {
        return call(fn, proc, args, ret);
    }

    @Override
    public RemoteNonnullDomainSnapshot wireSnapshot() {
        return ref;
    }
    private final RemoteNonnullDomainSnapshot ref;

    RemoteDomainSnapshot(Session session, RemoteNonnullDomainSnapshot ref) {
        super(session, ObjectKind.DOMAIN_SNAPSHOT);
        this.ref = ref;
    }

    @Override
    public String getName() {
        check("virDomainSnapshotGetName");
        return ref.name();
    }

    @Override
    public DomainSnapshot getParent() {
        return new RemoteDomainSnapshot(session, call("virDomainSnapshotGetParent",
                RemoteProcedure.REMOTE_PROC_DOMAIN_SNAPSHOT_GET_PARENT,
                new RemoteDomainSnapshotGetParentArgs(ref, 0)::encode, RemoteNonnullDomainSnapshot::decode));
    }

    @Override
    public boolean isCurrent() {
        return call("virDomainSnapshotIsCurrent", RemoteProcedure.REMOTE_PROC_DOMAIN_SNAPSHOT_IS_CURRENT,
                new RemoteDomainSnapshotIsCurrentArgs(ref, 0)::encode,
                RemoteDomainSnapshotIsCurrentRet::decode).current() != 0;
    }

    @Override
    public List<DomainSnapshot> listAllChildren(int flags) {
        int mask = flags;
        return wrap(call("virDomainSnapshotListAllChildren",
                RemoteProcedure.REMOTE_PROC_DOMAIN_SNAPSHOT_LIST_ALL_CHILDREN,
                new RemoteDomainSnapshotListAllChildrenArgs(ref, 1, mask)::encode,
                r -> RemoteDomainSnapshotListAllChildrenRet.decode(r).snapshots()),
                c -> new RemoteDomainSnapshot(session, c));
    }

    @Override
    Object wireRef() {
        return ref;
    }
}

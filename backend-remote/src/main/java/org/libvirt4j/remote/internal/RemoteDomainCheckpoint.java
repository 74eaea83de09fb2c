package org.libvirt4j.remote.internal;

import java.util.List;
import org.libvirt4j.DomainCheckpoint;
import org.libvirt4j.remote.generated.RemoteDomainCheckpointGetParentArgs;
import org.libvirt4j.remote.generated.RemoteDomainCheckpointListAllChildrenArgs;
import org.libvirt4j.remote.generated.RemoteDomainCheckpointListAllChildrenRet;
import org.libvirt4j.remote.generated.RemoteNonnullDomainCheckpoint;
import org.libvirt4j.remote.generated.RemoteProcedure;
import org.libvirt4j.spi.ObjectKind;

/** {@link DomainCheckpoint} over RPC; name and domain live in the handle. */
final class RemoteDomainCheckpoint extends RemoteObject implements DomainCheckpoint, org.libvirt4j.spi.generated.DomainCheckpointContract,
        RemoteDomainCheckpointIrregular {
    private final RemoteNonnullDomainCheckpoint ref;

    @Override
    public RemoteNonnullDomainCheckpoint wireCheckpoint() {
        return ref;
    }

    RemoteDomainCheckpoint(Session session, RemoteNonnullDomainCheckpoint ref) {
        super(session, ObjectKind.DOMAIN_CHECKPOINT);
        this.ref = ref;
    }

    @Override
    public String getName() {
        check("virDomainCheckpointGetName");
        return ref.name();
    }

    @Override
    public DomainCheckpoint getParent() {
        return new RemoteDomainCheckpoint(session, call("virDomainCheckpointGetParent",
                RemoteProcedure.REMOTE_PROC_DOMAIN_CHECKPOINT_GET_PARENT, new RemoteDomainCheckpointGetParentArgs(ref,
                0)::encode, RemoteNonnullDomainCheckpoint::decode));
    }

    @Override
    public List<DomainCheckpoint> listAllChildren(int flags) {
        int mask = flags;
        return wrap(call("virDomainCheckpointListAllChildren",
                RemoteProcedure.REMOTE_PROC_DOMAIN_CHECKPOINT_LIST_ALL_CHILDREN,
                new RemoteDomainCheckpointListAllChildrenArgs(ref, 1, mask)::encode,
                r -> RemoteDomainCheckpointListAllChildrenRet.decode(r).checkpoints()),
                c -> new RemoteDomainCheckpoint(session, c));
    }

    @Override
    Object wireRef() {
        return ref;
    }
}

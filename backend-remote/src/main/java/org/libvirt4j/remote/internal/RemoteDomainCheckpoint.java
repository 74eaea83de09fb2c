package org.libvirt4j.remote.internal;

import java.util.List;
import org.libvirt4j.DomainCheckpoint;
import org.libvirt4j.DomainCheckpointDeleteFlags;
import org.libvirt4j.DomainCheckpointListFlags;
import org.libvirt4j.DomainCheckpointXMLFlags;
import org.libvirt4j.LibvirtEnum;
import org.libvirt4j.remote.internal.xdr.XdrWriter;
import org.libvirt4j.spi.ObjectKind;

/** {@link DomainCheckpoint} over RPC; name and domain live in the handle. */
final class RemoteDomainCheckpoint extends RemoteObject implements DomainCheckpoint {
    private final Wire.Child ref;

    RemoteDomainCheckpoint(Session session, Wire.Child ref) {
        super(session, ObjectKind.DOMAIN_CHECKPOINT);
        this.ref = ref;
    }

    private void flagsArgs(XdrWriter w, int mask) {
        Wire.child(w, ref);
        w.writeInt(mask);
    }

    @Override
    public String getName() {
        check("virDomainCheckpointGetName");
        return ref.name();
    }

    @Override
    public String getXMLDesc(DomainCheckpointXMLFlags... flags) {
        int mask = LibvirtEnum.mask(flags);
        return call("virDomainCheckpointGetXMLDesc", Proc.DOMAIN_CHECKPOINT_GET_XML_DESC, w -> flagsArgs(w, mask),
                Wire::str);
    }

    @Override
    public DomainCheckpoint getParent() {
        return new RemoteDomainCheckpoint(session, call("virDomainCheckpointGetParent",
                Proc.DOMAIN_CHECKPOINT_GET_PARENT, w -> flagsArgs(w, 0), Wire::child));
    }

    @Override
    public List<DomainCheckpoint> listAllChildren(DomainCheckpointListFlags... flags) {
        int mask = LibvirtEnum.mask(flags);
        return wrap(call("virDomainCheckpointListAllChildren", Proc.DOMAIN_CHECKPOINT_LIST_ALL_CHILDREN, w -> {
            Wire.child(w, ref);
            w.writeInt(1);
            w.writeInt(mask);
        }, r -> Wire.list(r, Wire.LIST_MAX, Wire::child)), c -> new RemoteDomainCheckpoint(session, c));
    }

    @Override
    public void delete(DomainCheckpointDeleteFlags... flags) {
        int mask = LibvirtEnum.mask(flags);
        call("virDomainCheckpointDelete", Proc.DOMAIN_CHECKPOINT_DELETE, w -> flagsArgs(w, mask), null);
    }
}

package org.libvirt4j.jni;

import static org.libvirt4j.jni.LibvirtNatives.*;

import java.util.List;
import org.libvirt4j.DomainCheckpoint;
import org.libvirt4j.spi.ObjectKind;

/** {@link DomainCheckpoint} over a {@code virDomainCheckpointPtr}; {@link #close()} is {@code virDomainCheckpointFree}. */
final class JniDomainCheckpoint extends JniObject implements DomainCheckpoint, org.libvirt4j.spi.generated.DomainCheckpointContract,
        JniDomainCheckpointIrregular {

    JniDomainCheckpoint(long checkpoint) {
        super(ObjectKind.DOMAIN_CHECKPOINT, JniNatives.K_DOMAIN_CHECKPOINT, checkpoint);
    }

    @Override
    public String getName() {
        return str("virDomainCheckpointGetName", c -> virDomainCheckpointGetName(c));
    }

    @Override
    public DomainCheckpoint getParent() {
        return obj("virDomainCheckpointGetParent", c -> new JniDomainCheckpoint(
                ptr(virDomainCheckpointGetParent(c, 0), "virDomainCheckpointGetParent")));
    }

    @Override
    public List<DomainCheckpoint> listAllChildren(int flags) {
        int mask = flags;
        return wrap(obj("virDomainCheckpointListAllChildren",
                c -> JniNatives.listAll(JniNatives.L_CHECKPOINT_CHILDREN, c, mask)), JniDomainCheckpoint::new);
    }

}

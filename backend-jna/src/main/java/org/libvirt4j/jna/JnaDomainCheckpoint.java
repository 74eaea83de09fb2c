package org.libvirt4j.jna;

import java.util.List;
import org.libvirt4j.DomainCheckpoint;
import org.libvirt4j.DomainCheckpointDeleteFlags;
import org.libvirt4j.DomainCheckpointListFlags;
import org.libvirt4j.DomainCheckpointXMLFlags;
import org.libvirt4j.jna.internal.Errors;
import org.libvirt4j.jna.internal.VirtCheckpoints;
import org.libvirt4j.spi.NativeHandle;
import org.libvirt4j.spi.ObjectKind;

/**
 * {@link DomainCheckpoint} over a {@code virDomainCheckpointPtr}; {@link #close()} is
 * {@code virDomainCheckpointFree}. Only ever made from a libvirt that has checkpoints, so its
 * calls need no {@code ERR_NO_SUPPORT} conversion.
 */
final class JnaDomainCheckpoint implements DomainCheckpoint {
    private final NativeHandle h;

    JnaDomainCheckpoint(long cp) {
        this.h = new NativeHandle(ObjectKind.DOMAIN_CHECKPOINT, cp, VirtCheckpoints::virDomainCheckpointFree);
    }

    @Override
    public void close() {
        h.close();
    }

    @Override
    public String getName() {
        long c = h.acquire("virDomainCheckpointGetName");
        try {
            return Errors.constString(VirtCheckpoints.virDomainCheckpointGetName(c), "virDomainCheckpointGetName");
        } finally {
            h.release();
        }
    }

    @Override
    public String getXMLDesc(DomainCheckpointXMLFlags... flags) {
        int mask = Flags.mask(flags);
        long c = h.acquire("virDomainCheckpointGetXMLDesc");
        try {
            return Errors.ownedString(VirtCheckpoints.virDomainCheckpointGetXMLDesc(c, mask),
                    "virDomainCheckpointGetXMLDesc");
        } finally {
            h.release();
        }
    }

    @Override
    public DomainCheckpoint getParent() {
        long c = h.acquire("virDomainCheckpointGetParent");
        try {
            return new JnaDomainCheckpoint(Errors.ptr(VirtCheckpoints.virDomainCheckpointGetParent(c, 0),
                    "virDomainCheckpointGetParent"));
        } finally {
            h.release();
        }
    }

    @Override
    public List<DomainCheckpoint> listAllChildren(DomainCheckpointListFlags... flags) {
        int mask = Flags.mask(flags);
        long c = h.acquire("virDomainCheckpointListAllChildren");
        try {
            long[] array = new long[1];
            int n = Errors.check(VirtCheckpoints.virDomainCheckpointListAllChildren(c, array, mask),
                    "virDomainCheckpointListAllChildren");
            return NativeLists.wrap(array[0], n, JnaDomainCheckpoint::new);
        } finally {
            h.release();
        }
    }

    @Override
    public void delete(DomainCheckpointDeleteFlags... flags) {
        int mask = Flags.mask(flags);
        long c = h.acquire("virDomainCheckpointDelete");
        try {
            Errors.check(VirtCheckpoints.virDomainCheckpointDelete(c, mask), "virDomainCheckpointDelete");
        } finally {
            h.release();
        }
    }
}

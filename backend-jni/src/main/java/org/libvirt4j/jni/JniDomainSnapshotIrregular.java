package org.libvirt4j.jni;

import org.libvirt4j.Domain;
import org.libvirt4j.spi.DomainSnapshotIrregularContract;
import org.libvirt4j.spi.NativeHandle;

/** The raw operations of {@link DomainSnapshotIrregularContract} over {@code lv_irregular.c}. */
interface JniDomainSnapshotIrregular extends DomainSnapshotIrregularContract {

    /** {@return the snapshot's guarded pointer} */
    NativeHandle guard();

    @Override
    default String[] rawListChildrenNames(int maxnames, int flags) {
        NativeHandle h = guard();
        return h.call("virDomainSnapshotListChildrenNames", s -> JniIrregularNatives.listNames(1, s, maxnames, flags));
    }

    @Override
    default Domain rawDomain() {
        NativeHandle h = guard();
        return h.call("virDomainSnapshotGetDomain", p -> {
            // the parent domain without a reference: take one for the new handle
            long d = LibvirtNatives.virDomainSnapshotGetDomain(p);
            if (d == 0) {
                throw JniObject.nullWithoutError("virDomainSnapshotGetDomain");
            }
            LibvirtNatives.virDomainRef(d);
            return new JniDomain(d);
        });
    }
}

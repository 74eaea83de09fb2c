package org.libvirt4j.jni;

import org.libvirt4j.Domain;
import org.libvirt4j.spi.DomainCheckpointIrregularContract;
import org.libvirt4j.spi.NativeHandle;

/** The raw operation of {@link DomainCheckpointIrregularContract} over the generated glue. */
interface JniDomainCheckpointIrregular extends DomainCheckpointIrregularContract {

    /** {@return the checkpoint's guarded pointer} */
    NativeHandle guard();

    @Override
    default Domain rawDomain() {
        NativeHandle h = guard();
        return h.call("virDomainCheckpointGetDomain", p -> {
            // the parent domain without a reference: take one for the new handle
            long d = LibvirtNatives.virDomainCheckpointGetDomain(p);
            if (d == 0) {
                throw JniObject.nullWithoutError("virDomainCheckpointGetDomain");
            }
            LibvirtNatives.virDomainRef(d);
            return new JniDomain(d);
        });
    }
}

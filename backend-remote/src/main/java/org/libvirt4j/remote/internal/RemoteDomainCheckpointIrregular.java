package org.libvirt4j.remote.internal;

import org.libvirt4j.Domain;
import org.libvirt4j.remote.generated.RemoteNonnullDomainCheckpoint;
import org.libvirt4j.spi.DomainCheckpointIrregularContract;

/** The raw operation of {@link DomainCheckpointIrregularContract}: the reference names the domain. */
interface RemoteDomainCheckpointIrregular extends DomainCheckpointIrregularContract {

    /** {@return the checkpoint's reference on the wire} */
    RemoteNonnullDomainCheckpoint wireCheckpoint();

    /**
     * The session for a call on this handle (see {@code RemoteObject.sessionFor}).
     *
     * @param fn the C function
     * @return the session
     */
    Session sessionFor(String fn);

    @Override
    default Domain rawDomain() {
        return new RemoteDomain(sessionFor("virDomainCheckpointGetDomain"), wireCheckpoint().dom());
    }
}

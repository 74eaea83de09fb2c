package org.libvirt4j.spi;

import org.libvirt4j.Connect;
import org.libvirt4j.Domain;
import org.libvirt4j.DomainCheckpointIrregularMethods;

/**
 * The hand-written checkpoint methods written once for every backend, over one raw operation
 * each backend implements.
 */
public interface DomainCheckpointIrregularContract extends DomainCheckpointIrregularMethods {

    /**
     * {@code virDomainCheckpointGetDomain(checkpoint)} with a reference of its own ({@code virDomainRef}), as a handle.
     *
     * @return the new domain handle
     */
    Domain rawDomain();

    @Override
    default Domain getDomain() {
        return rawDomain();
    }

    @Override
    default Connect getConnect() {
        // C's virDomainCheckpointGetConnect is the domain's connection: one raw operation serves both
        try (Domain d = rawDomain()) {
            return d.getConnect();
        }
    }
}

package org.libvirt4j.spi;

import java.util.List;
import org.libvirt4j.Connect;
import org.libvirt4j.Domain;
import org.libvirt4j.DomainSnapshotIrregularMethods;

/**
 * The hand-written snapshot methods written once for every backend, over raw operations each
 * backend implements with one C call (or one remote procedure).
 */
public interface DomainSnapshotIrregularContract extends DomainSnapshotIrregularMethods {
    /** How many names {@link #listChildrenNames} reads at most, as Go's binding does. */
    int LIST_MAX_NAMES = 1024;

    /**
     * {@code virDomainSnapshotListChildrenNames(snap, names, maxnames, flags)}.
     *
     * @param maxnames how many names at most
     * @param flags the flags
     * @return the names
     */
    String[] rawListChildrenNames(int maxnames, int flags);

    @Override
    default List<String> listChildrenNames(int flags) {
        return List.of(rawListChildrenNames(LIST_MAX_NAMES, flags));
    }

    /**
     * {@code virDomainSnapshotGetDomain(snapshot)} with a reference of its own ({@code virDomainRef}), as a handle.
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
        // C's virDomainSnapshotGetConnect is the domain's connection: one raw operation serves both
        try (Domain d = rawDomain()) {
            return d.getConnect();
        }
    }
}

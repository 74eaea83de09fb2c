package org.libvirt4j.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.libvirt4j.ConnectIrregularMethods;
import org.libvirt4j.Domain;

/**
 * The hand-written connection methods written once for every backend, over raw operations each
 * backend implements with one C call (or one remote procedure).
 */
public interface ConnectIrregularContract extends ConnectIrregularMethods {
    /** How many ids {@link #listDomains} reads at most, as Go's binding does. */
    int LIST_MAX_IDS = 512;
    /** How many names {@link #listDefinedDomains} reads at most, as Go's binding does. */
    int LIST_MAX_NAMES = 1024;

    /**
     * {@code virConnectListDomains(conn, ids, maxids)}.
     *
     * @param maxids how many ids at most
     * @return the ids
     */
    int[] rawListDomains(int maxids);

    /**
     * {@code virConnectListDefinedDomains(conn, names, maxnames)}.
     *
     * @param maxnames how many names at most
     * @return the names
     */
    String[] rawListDefinedDomains(int maxnames);

    @Override
    default List<Integer> listDomains() {
        int[] ids = rawListDomains(LIST_MAX_IDS);
        List<Integer> out = new ArrayList<>(ids.length);
        for (int id : ids) {
            out.add(id);
        }
        return List.copyOf(out);
    }

    @Override
    default List<String> listDefinedDomains() {
        return List.of(rawListDefinedDomains(LIST_MAX_NAMES));
    }

    /**
     * {@code virDomainCreateXMLWithFiles(conn, xml, nfiles, files, flags)}.
     *
     * @param xmlConfig the XML, checked
     * @param files the descriptors, a copy
     * @param flags the flags
     * @return the new domain
     */
    Domain rawDomainCreateXMLWithFiles(String xmlConfig, int[] files, int flags);

    @Override
    default Domain domainCreateXMLWithFiles(String xmlConfig, int[] files, int flags) {
        CStrings.requireNoNul(Objects.requireNonNull(xmlConfig, "xmlConfig"));
        return rawDomainCreateXMLWithFiles(xmlConfig, Objects.requireNonNull(files, "files").clone(), flags);
    }
}

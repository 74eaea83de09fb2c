package org.libvirt4j.spi;

import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;

/**
 * The kinds of libvirt handle, each with the error libvirt gives for an invalid one: every
 * backend reports a closed handle through {@link #invalid(String)}, so the error is the same
 * whichever backend is used.
 */
public enum ObjectKind {
    /** {@code virConnectPtr}. */
    CONNECT(ErrorNumber.ERR_INVALID_CONN, ErrorDomain.NONE, "connection"),
    /** {@code virDomainPtr}. */
    DOMAIN(ErrorNumber.ERR_INVALID_DOMAIN, ErrorDomain.DOM, "domain"),
    /** {@code virNetworkPtr}. */
    NETWORK(ErrorNumber.ERR_INVALID_NETWORK, ErrorDomain.NETWORK, "network"),
    /** {@code virNetworkPortPtr}. */
    NETWORK_PORT(ErrorNumber.ERR_INVALID_NETWORK_PORT, ErrorDomain.NETWORK, "network port"),
    /** {@code virStoragePoolPtr}. */
    STORAGE_POOL(ErrorNumber.ERR_INVALID_STORAGE_POOL, ErrorDomain.STORAGE, "storage pool"),
    /** {@code virStorageVolPtr}. */
    STORAGE_VOL(ErrorNumber.ERR_INVALID_STORAGE_VOL, ErrorDomain.STORAGE, "storage volume"),
    /** {@code virInterfacePtr}. */
    INTERFACE(ErrorNumber.ERR_INVALID_INTERFACE, ErrorDomain.INTERFACE, "interface"),
    /** {@code virNodeDevicePtr}. */
    NODE_DEVICE(ErrorNumber.ERR_INVALID_NODE_DEVICE, ErrorDomain.NODEDEV, "node device"),
    /** {@code virSecretPtr}. */
    SECRET(ErrorNumber.ERR_INVALID_SECRET, ErrorDomain.SECRET, "secret"),
    /** {@code virNWFilterPtr}. */
    NWFILTER(ErrorNumber.ERR_INVALID_NWFILTER, ErrorDomain.NWFILTER, "nwfilter"),
    /** {@code virNWFilterBindingPtr}. */
    NWFILTER_BINDING(ErrorNumber.ERR_INVALID_NWFILTER_BINDING, ErrorDomain.NWFILTER, "nwfilter binding"),
    /** {@code virDomainSnapshotPtr}. */
    DOMAIN_SNAPSHOT(ErrorNumber.ERR_INVALID_DOMAIN_SNAPSHOT, ErrorDomain.DOMAIN_SNAPSHOT, "domain snapshot"),
    /** {@code virDomainCheckpointPtr}. */
    DOMAIN_CHECKPOINT(ErrorNumber.ERR_INVALID_DOMAIN_CHECKPOINT, ErrorDomain.DOMAIN_CHECKPOINT, "domain checkpoint"),
    /** {@code virStreamPtr}. */
    STREAM(ErrorNumber.ERR_INVALID_STREAM, ErrorDomain.STREAMS, "stream"),
    /** {@code virAdmConnectPtr}. */
    ADM_CONNECT(ErrorNumber.ERR_INVALID_CONN, ErrorDomain.ADMIN, "admin connection"),
    /** {@code virAdmServerPtr}. */
    ADM_SERVER(ErrorNumber.ERR_INVALID_ARG, ErrorDomain.ADMIN, "admin server"),
    /** {@code virAdmClientPtr}. */
    ADM_CLIENT(ErrorNumber.ERR_INVALID_ARG, ErrorDomain.ADMIN, "admin client");

    private final ErrorNumber code;
    private final ErrorDomain domain;
    private final String noun;

    ObjectKind(ErrorNumber code, ErrorDomain domain, String noun) {
        this.code = code;
        this.domain = domain;
        this.noun = noun;
    }

    /** @return the libvirt code for an invalid handle of this kind */
    public ErrorNumber invalidCode() {
        return code;
    }

    /**
     * The error for a call on a closed (or otherwise invalid) handle, worded as libvirt's
     * own check words it.
     *
     * @param function the C function the call stands for, e.g. {@code "virDomainGetInfo"}
     * @return the exception to throw
     */
    public LibvirtException invalid(String function) {
        return LibvirtException.of(code, domain, "invalid " + noun + " pointer in " + function);
    }
}

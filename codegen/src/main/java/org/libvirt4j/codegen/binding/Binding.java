package org.libvirt4j.codegen.binding;

import java.util.List;

/**
 * One C function of a regular shape as every generated layer sees it: the API method, the
 * contract's checks, the native call and the remote procedure.
 *
 * @param cName the C function, {@code virDomainGetHostname}
 * @param file the API XML's file of the function ({@code libvirt-domain}), for the link
 * @param self the object the function is called on
 * @param javaName the Java method, {@code getHostname}
 * @param params the Java parameters, in C order, without the object itself or an out-parameter
 * @param ret what the method returns
 * @param returnKind for {@link Ret#HANDLE}: the kind of the returned object, else {@code null}
 * @param signature the C arguments, one letter each: {@code P} the object, {@code I} an int,
 *        {@code J} a 64-bit integer, {@code S} a string, {@code i}/{@code j} an out-parameter
 * @param summary our one-sentence description
 * @param remote how the remote backend sends it
 * @param fold the plain C function this {@code ...Flags} one folds in (called when the flags are
 *        0, as libvirt documents them to be the same), or {@code null}
 * @param hidden whether it has no Java method of its own (the plain half of a fold)
 */
record Binding(String cName, String file, Kind self, String javaName, List<Param> params, Ret ret,
        Kind returnKind, String signature, String summary, Remote remote, String fold, boolean hidden) {

    /** What the Java method returns, and how the C result is checked. */
    enum Ret {
        /** {@code int}, negative on failure; Java {@code void}. */
        STATUS('V', "void"),
        /** {@code int}, negative on failure; the value itself. */
        INT('I', "int"),
        /** {@code int} 0/1, negative on failure. */
        BOOL('Z', "boolean"),
        /** {@code char *} the caller frees, {@code NULL} on failure. */
        STRING('S', "String"),
        /** An object pointer, {@code NULL} on failure. */
        HANDLE('H', null),
        /** {@code int} status and one {@code int}/{@code unsigned int} out-parameter. */
        OUT_INT('i', "int"),
        /** {@code int} status and one 64-bit out-parameter. */
        OUT_LONG('j', "long"),
        /** {@code int} status and one {@code int} out-parameter holding 0/1 (the table's {@code bool}). */
        OUT_BOOL('i', "boolean");

        final char code;
        final String java;

        Ret(char code, String java) {
            this.code = code;
            this.java = java;
        }
    }

    /** A scalar parameter type. */
    enum Type {
        INT('I', "int", "Integer"), LONG('J', "long", "Long"), STRING('S', "String", "String"),
        /** libvirt's {@code int autostart}-style 0/1 argument; crosses as an int. */
        BOOL('I', "boolean", "Integer");

        final char code;
        final String java;
        final String boxed;

        Type(char code, String java, String boxed) {
            this.code = code;
            this.java = java;
            this.boxed = boxed;
        }
    }

    /**
     * A Java parameter.
     *
     * @param cName the C argument's name
     * @param javaName the Java parameter's name
     * @param cType the C type, for the documentation
     * @param type how it crosses
     * @param nullable for strings: whether {@code null} (C's {@code NULL}) may be passed
     * @param flagsEnum for a flags argument: the Java enum of its bits, or {@code null}
     */
    record Param(String cName, String javaName, String cType, Type type, boolean nullable, String flagsEnum) {
    }

    /**
     * How the remote backend sends the call.
     *
     * @param procedure the procedure constant
     * @param argsType the Java record of the arguments, or {@code null} when there are none
     * @param retType the Java record of the reply, or {@code null} when there is none
     * @param retComponent the reply component holding the result, or {@code null}
     * @param selfByName whether the procedure names the object by its name alone (a
     *        {@code remote_nonnull_string name} field, as for node devices) instead of its reference
     */
    record Remote(String procedure, String argsType, String retType, String retComponent, boolean selfByName) {
    }

    /**
     * The object kinds: C pointer type, {@code ObjectKind} constant, API interface, C prefix, XDR
     * reference, and whether procedures may name the object by a {@code remote_nonnull_string name}.
     */
    enum Kind {
        CONNECT("virConnectPtr", "Connect", "virConnect", null, false),
        DOMAIN("virDomainPtr", "Domain", "virDomain", "remote_nonnull_domain", false),
        DOMAIN_SNAPSHOT("virDomainSnapshotPtr", "DomainSnapshot", "virDomainSnapshot", "remote_nonnull_domain_snapshot",
                false),
        DOMAIN_CHECKPOINT("virDomainCheckpointPtr", "DomainCheckpoint", "virDomainCheckpoint",
                "remote_nonnull_domain_checkpoint", false),
        NETWORK("virNetworkPtr", "Network", "virNetwork", "remote_nonnull_network", false),
        NETWORK_PORT("virNetworkPortPtr", "NetworkPort", "virNetworkPort", "remote_nonnull_network_port", false),
        STORAGE_POOL("virStoragePoolPtr", "StoragePool", "virStoragePool", "remote_nonnull_storage_pool", false),
        STORAGE_VOL("virStorageVolPtr", "StorageVol", "virStorageVol", "remote_nonnull_storage_vol", false),
        INTERFACE("virInterfacePtr", "Interface", "virInterface", "remote_nonnull_interface", false),
        NODE_DEVICE("virNodeDevicePtr", "NodeDevice", "virNodeDevice", "remote_nonnull_node_device", true),
        SECRET("virSecretPtr", "Secret", "virSecret", "remote_nonnull_secret", false),
        NWFILTER("virNWFilterPtr", "NWFilter", "virNWFilter", "remote_nonnull_nwfilter", false),
        NWFILTER_BINDING("virNWFilterBindingPtr", "NWFilterBinding", "virNWFilterBinding",
                "remote_nonnull_nwfilter_binding", false);

        final String cType;
        final String api;
        final String prefix;
        final String xdrRef;
        final boolean byName;

        Kind(String cType, String api, String prefix, String xdrRef, boolean byName) {
            this.cType = cType;
            this.api = api;
            this.prefix = prefix;
            this.xdrRef = xdrRef;
            this.byName = byName;
        }

        static Kind ofCType(String cType) {
            for (Kind k : values()) {
                if (k.cType.equals(cType)) {
                    return k;
                }
            }
            return null;
        }

        static Kind ofXdrRef(String xdr) {
            for (Kind k : values()) {
                if (xdr.equals(k.xdrRef)) {
                    return k;
                }
            }
            return null;
        }
    }
}

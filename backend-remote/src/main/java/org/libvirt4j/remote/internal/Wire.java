package org.libvirt4j.remote.internal;

import java.util.List;
import java.util.function.Function;
import org.libvirt4j.TypedParameterType;
import org.libvirt4j.remote.internal.rpc.Rpc;
import org.libvirt4j.remote.internal.xdr.XdrException;
import org.libvirt4j.remote.internal.xdr.XdrReader;
import org.libvirt4j.remote.internal.xdr.XdrWriter;
import org.libvirt4j.spi.TypedParameter;

/**
 * The {@code remote_nonnull_*} object references of {@code remote_protocol.x} and the XDR
 * shapes shared by many procedures.
 */
final class Wire {
    static final int STRING_MAX = Rpc.STRING_MAX;
    static final int LIST_MAX = 16384;
    static final int NODE_DEVICE_LIST_MAX = 65536;
    static final int PARAMETERS_MAX = 16;
    static final int SECRET_VALUE_MAX = 65536;
    static final int UUID = Rpc.UUID_BUFLEN;

    private Wire() {
    }

    /** {@code remote_nonnull_domain}. */
    record Dom(String name, byte[] uuid, int id) {
    }

    /** {@code remote_nonnull_network}, {@code remote_nonnull_storage_pool}, {@code remote_nonnull_nwfilter}. */
    record Named(String name, byte[] uuid) {
    }

    /** {@code remote_nonnull_storage_vol}. */
    record Vol(String pool, String name, String key) {
    }

    /** {@code remote_nonnull_secret}. */
    record Sec(byte[] uuid, int usageType, String usageID) {
    }

    /** {@code remote_nonnull_interface}. */
    record Iface(String name, String mac) {
    }

    /** {@code remote_nonnull_nwfilter_binding}. */
    record Binding(String portdev, String filtername) {
    }

    /** {@code remote_nonnull_network_port}. */
    record Port(Named net, byte[] uuid) {
    }

    /** {@code remote_nonnull_domain_snapshot} and {@code remote_nonnull_domain_checkpoint}. */
    record Child(String name, Dom dom) {
    }

    static void str(XdrWriter w, String s) {
        w.writeString(s, STRING_MAX);
    }

    static String str(XdrReader r) {
        return r.readString(STRING_MAX);
    }

    /** {@code remote_string}: an optional string. */
    static void optStr(XdrWriter w, String s) {
        w.writeOptional(s, Wire::str);
    }

    static String optStr(XdrReader r) {
        return r.readOptional(Wire::str);
    }

    static void dom(XdrWriter w, Dom d) {
        str(w, d.name());
        w.writeFixedOpaque(d.uuid(), UUID);
        w.writeInt(d.id());
    }

    static Dom dom(XdrReader r) {
        return new Dom(str(r), r.readFixedOpaque(UUID), r.readInt());
    }

    static void named(XdrWriter w, Named n) {
        str(w, n.name());
        w.writeFixedOpaque(n.uuid(), UUID);
    }

    static Named named(XdrReader r) {
        return new Named(str(r), r.readFixedOpaque(UUID));
    }

    static void vol(XdrWriter w, Vol v) {
        str(w, v.pool());
        str(w, v.name());
        str(w, v.key());
    }

    static Vol vol(XdrReader r) {
        return new Vol(str(r), str(r), str(r));
    }

    static void sec(XdrWriter w, Sec s) {
        w.writeFixedOpaque(s.uuid(), UUID);
        w.writeInt(s.usageType());
        str(w, s.usageID());
    }

    static Sec sec(XdrReader r) {
        return new Sec(r.readFixedOpaque(UUID), r.readInt(), str(r));
    }

    static void iface(XdrWriter w, Iface i) {
        str(w, i.name());
        str(w, i.mac());
    }

    static Iface iface(XdrReader r) {
        return new Iface(str(r), str(r));
    }

    static void binding(XdrWriter w, Binding b) {
        str(w, b.portdev());
        str(w, b.filtername());
    }

    static Binding binding(XdrReader r) {
        return new Binding(str(r), str(r));
    }

    static void port(XdrWriter w, Port p) {
        named(w, p.net());
        w.writeFixedOpaque(p.uuid(), UUID);
    }

    static Port port(XdrReader r) {
        return new Port(named(r), r.readFixedOpaque(UUID));
    }

    static void child(XdrWriter w, Child c) {
        str(w, c.name());
        dom(w, c.dom());
    }

    static Child child(XdrReader r) {
        return new Child(str(r), dom(r));
    }

    /** Reads a {@code { T items<max>; unsigned int ret; }} list reply. */
    static <T> List<T> list(XdrReader r, int max, Function<XdrReader, T> element) {
        List<T> items = r.readArray(max, element);
        r.readInt();
        return items;
    }

    /** Writes a {@code remote_typed_param} list. */
    static void params(XdrWriter w, List<TypedParameter> params) {
        w.writeArray(params, PARAMETERS_MAX, Wire::param);
    }

    private static void param(XdrWriter w, TypedParameter p) {
        str(w, p.field());
        int type = p.type().value();
        w.writeInt(type);
        switch (p.type()) {
            case INT, UINT -> w.writeInt((Integer) p.value());
            case LLONG, ULLONG -> w.writeHyper((Long) p.value());
            case DOUBLE -> w.writeDouble((Double) p.value());
            case BOOLEAN -> w.writeInt(((Boolean) p.value()) ? 1 : 0);
            case STRING -> str(w, (String) p.value());
            default -> throw new XdrException("typed parameter " + p.field() + " has no wire type");
        }
    }

    /** Reads a {@code remote_typed_param} list; a kind unknown to this binding is a protocol error. */
    static List<TypedParameter> params(XdrReader r) {
        return r.readArray(PARAMETERS_MAX, Wire::param);
    }

    private static TypedParameter param(XdrReader r) {
        String field = str(r);
        int type = r.readInt();
        TypedParameterType t = TypedParameterType.fromValue(type);
        return switch (t) {
            case INT -> TypedParameter.ofInt(field, r.readInt());
            case UINT -> TypedParameter.ofUInt(field, r.readInt());
            case LLONG -> TypedParameter.ofLLong(field, r.readHyper());
            case ULLONG -> TypedParameter.ofULLong(field, r.readHyper());
            case DOUBLE -> TypedParameter.ofDouble(field, r.readDouble());
            case BOOLEAN -> TypedParameter.ofBoolean(field, r.readInt() != 0);
            case STRING -> TypedParameter.ofString(field, str(r));
            default -> throw new XdrException("typed parameter " + field + " of unknown type " + type);
        };
    }
}

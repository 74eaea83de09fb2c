package org.libvirt4j.remote.internal;

import java.util.List;
import java.util.function.Function;
import org.libvirt4j.TypedParameterType;
import org.libvirt4j.remote.generated.LibvirtHeaderConstants;
import org.libvirt4j.remote.generated.RemoteProtocol;
import org.libvirt4j.remote.internal.xdr.XdrException;
import org.libvirt4j.remote.internal.xdr.XdrReader;
import org.libvirt4j.remote.internal.xdr.XdrWriter;
import org.libvirt4j.spi.TypedParameter;

/**
 * XDR shapes shared by many procedures of {@code remote_protocol.x}: strings, list replies
 * and typed parameters (mapped to the SPI's {@link TypedParameter}). Object references are the
 * generated {@code RemoteNonnull*} records.
 */
final class Wire {
    static final int STRING_MAX = RemoteProtocol.REMOTE_STRING_MAX;
    /** Every {@code REMOTE_*_LIST_MAX} of the object lists this backend reads is 16384. */
    static final int LIST_MAX = RemoteProtocol.REMOTE_DOMAIN_LIST_MAX;
    static final int NODE_DEVICE_LIST_MAX = RemoteProtocol.REMOTE_NODE_DEVICE_LIST_MAX;
    /** Memory and scheduler parameter lists share this maximum. */
    static final int PARAMETERS_MAX = RemoteProtocol.REMOTE_DOMAIN_SCHEDULER_PARAMETERS_MAX;
    static final int SECRET_VALUE_MAX = RemoteProtocol.REMOTE_SECRET_VALUE_MAX;
    static final int UUID = LibvirtHeaderConstants.VIR_UUID_BUFLEN;

    private Wire() {
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

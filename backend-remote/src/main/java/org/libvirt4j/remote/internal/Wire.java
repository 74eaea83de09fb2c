package org.libvirt4j.remote.internal;

import java.util.ArrayList;
import java.util.List;
import org.libvirt4j.TypedParameterType;
import org.libvirt4j.remote.generated.LibvirtHeaderConstants;
import org.libvirt4j.remote.generated.RemoteProtocol;
import org.libvirt4j.remote.generated.RemoteTypedParam;
import org.libvirt4j.remote.generated.RemoteTypedParamValue;
import org.libvirt4j.remote.internal.xdr.XdrException;
import org.libvirt4j.remote.internal.xdr.XdrReader;
import org.libvirt4j.spi.TypedParameter;

/**
 * XDR shapes shared by many procedures of {@code remote_protocol.x}: strings and typed
 * parameters (mapped to the SPI's {@link TypedParameter}). Object references are the
 * generated {@code RemoteNonnull*} records.
 */
final class Wire {
    static final int STRING_MAX = RemoteProtocol.REMOTE_STRING_MAX;
    static final int UUID = LibvirtHeaderConstants.VIR_UUID_BUFLEN;

    private Wire() {
    }

    static String str(XdrReader r) {
        return r.readString(STRING_MAX);
    }

    /**
     * @param params the SPI's parameters
     * @return the same as {@code remote_typed_param}s, unsigned values bit for bit
     */
    static List<RemoteTypedParam> toWire(List<TypedParameter> params) {
        List<RemoteTypedParam> out = new ArrayList<>(params.size());
        for (TypedParameter p : params) {
            RemoteTypedParamValue v = switch (p.type()) {
                case INT -> RemoteTypedParamValue.ofI((Integer) p.value());
                case UINT -> RemoteTypedParamValue.ofUi((Integer) p.value());
                case LLONG -> RemoteTypedParamValue.ofL((Long) p.value());
                case ULLONG -> RemoteTypedParamValue.ofUl((Long) p.value());
                case DOUBLE -> RemoteTypedParamValue.ofD((Double) p.value());
                case BOOLEAN -> RemoteTypedParamValue.ofB(((Boolean) p.value()) ? 1 : 0);
                case STRING -> RemoteTypedParamValue.ofS((String) p.value());
                default -> throw new XdrException("typed parameter " + p.field() + " has no wire type");
            };
            out.add(new RemoteTypedParam(p.field(), v));
        }
        return out;
    }

    /**
     * @param params what the daemon sent
     * @return the SPI's parameters
     * @throws XdrException for a kind this binding does not know, which the daemon must not send
     */
    static List<TypedParameter> fromWire(List<RemoteTypedParam> params) {
        List<TypedParameter> out = new ArrayList<>(params.size());
        for (RemoteTypedParam p : params) {
            RemoteTypedParamValue v = p.value();
            String f = p.field();
            out.add(switch (TypedParameterType.fromValue(v.type())) {
                case INT -> TypedParameter.ofInt(f, v.i());
                case UINT -> TypedParameter.ofUInt(f, v.ui());
                case LLONG -> TypedParameter.ofLLong(f, v.l());
                case ULLONG -> TypedParameter.ofULLong(f, v.ul());
                case DOUBLE -> TypedParameter.ofDouble(f, v.d());
                case BOOLEAN -> TypedParameter.ofBoolean(f, v.b() != 0);
                case STRING -> TypedParameter.ofString(f, v.s());
                default -> throw new XdrException("typed parameter " + f + " of unknown type " + v.type());
            });
        }
        return out;
    }
}

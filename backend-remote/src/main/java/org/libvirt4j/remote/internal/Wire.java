package org.libvirt4j.remote.internal;

import java.util.ArrayList;
import java.util.List;
import org.libvirt4j.TypedParameterType;
import org.libvirt4j.remote.generated.LibvirtHeaderConstants;
import org.libvirt4j.remote.generated.RemoteNonnullDomain;
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
    /**
     * The heap that decoding a {@code getAllDomainStats} reply may allocate, in bytes per byte of
     * the reply on the wire, garbage included: the contract {@link #readAllDomainStats} keeps and
     * a test checks with the largest legal message of the costliest shapes.
     */
    static final int DOMAIN_STATS_HEAP_PER_WIRE_BYTE = 8;
    /** Smallest {@code remote_typed_param} on the wire: an empty field name, the type, a 4-byte value. */
    private static final int TYPED_PARAM_MIN_SIZE = 12;
    /** Smallest {@code remote_domain_stats_record}: a domain (empty name, uuid, id) and a params count. */
    private static final int STATS_RECORD_MIN_SIZE = 4 + 16 + 4 + 4;

    private Wire() {
    }

    /** One {@code remote_domain_stats_record}, its parameters already the SPI's. */
    record StatsRecord(RemoteNonnullDomain dom, List<TypedParameter> params) {
    }

    /**
     * Reads {@code remote_connect_get_all_domain_stats_ret} straight into the SPI's typed
     * parameters, without the generated records in between.
     *
     * <p>Memory contract: this reply is the largest a daemon legally sends (millions of
     * parameters in {@code VIR_NET_MESSAGE_MAX} bytes), so decoding it allocates at most
     * {@link #DOMAIN_STATS_HEAP_PER_WIRE_BYTE} bytes of heap per byte on the wire, garbage
     * included, whatever the daemon sends; the frame itself stays in Netty's direct buffer, off
     * the heap, and is not copied. The costliest shapes are parameters with one-letter names: an
     * int outside the boxing cache (16 wire bytes) becomes a {@link TypedParameter}, a String and
     * an Integer, 96 bytes, 6 per wire byte; a one-letter string value (20 wire bytes) 128 bytes,
     * 6.4 per wire byte (DecodeMemoryTest measures both with the largest legal message). That holds
     * because each parameter is made once, in its final form (the generated union records and a
     * converted copy, as other replies are decoded, cost 15-16 per wire byte here), the reader
     * builds no error text unless it fails, and every array is allocated at its final size: a
     * count is checked against the bytes that remain at the smallest element's size first, so a
     * hostile count cannot allocate more than the bytes that carry it.
     *
     * @param r the reply
     * @return the records, an immutable list
     * @throws XdrException when the reply breaks a bound or a parameter has an unknown type
     */
    static List<StatsRecord> readAllDomainStats(XdrReader r) {
        int n = r.readCount(RemoteProtocol.REMOTE_DOMAIN_LIST_MAX, STATS_RECORD_MIN_SIZE,
                "remote_connect_get_all_domain_stats_ret.retStats");
        StatsRecord[] out = new StatsRecord[n];
        for (int i = 0; i < n; i++) {
            RemoteNonnullDomain dom = RemoteNonnullDomain.decode(r);
            out[i] = new StatsRecord(dom, readTypedParams(r, RemoteProtocol.REMOTE_CONNECT_GET_ALL_DOMAIN_STATS_MAX,
                    "remote_domain_stats_record.params"));
        }
        return List.of(out);
    }

    /**
     * Reads {@code remote_typed_param x<max>} straight into the SPI's typed parameters.
     *
     * @param r the reader
     * @param max the array's declared maximum
     * @param field names the array in errors
     * @return the parameters, an immutable list
     */
    static List<TypedParameter> readTypedParams(XdrReader r, int max, String field) {
        int n = r.readCount(max, TYPED_PARAM_MIN_SIZE, field);
        TypedParameter[] out = new TypedParameter[n];
        for (int i = 0; i < n; i++) {
            String f = r.readString(STRING_MAX, "remote_typed_param.field");
            int type = r.readInt();
            out[i] = switch (type) {
                case LibvirtHeaderConstants.VIR_TYPED_PARAM_INT -> TypedParameter.ofInt(f, r.readInt());
                case LibvirtHeaderConstants.VIR_TYPED_PARAM_UINT -> TypedParameter.ofUInt(f, r.readUnsignedInt());
                case LibvirtHeaderConstants.VIR_TYPED_PARAM_LLONG -> TypedParameter.ofLLong(f, r.readHyper());
                case LibvirtHeaderConstants.VIR_TYPED_PARAM_ULLONG -> TypedParameter.ofULLong(f, r.readUnsignedHyper());
                case LibvirtHeaderConstants.VIR_TYPED_PARAM_DOUBLE -> TypedParameter.ofDouble(f, r.readDouble());
                case LibvirtHeaderConstants.VIR_TYPED_PARAM_BOOLEAN -> TypedParameter.ofBoolean(f, r.readInt() != 0);
                case LibvirtHeaderConstants.VIR_TYPED_PARAM_STRING ->
                        TypedParameter.ofString(f, r.readString(STRING_MAX, "remote_typed_param_value.s"));
                default -> throw new XdrException("remote_typed_param_value: discriminant " + type + " selects no arm");
            };
        }
        return List.of(out);
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

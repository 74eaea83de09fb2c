package org.libvirt4j.remote.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.libvirt4j.LibvirtObject;
import org.libvirt4j.TypedParameterType;
import org.libvirt4j.remote.generated.AdminProcedure;
import org.libvirt4j.remote.generated.AdminTypedParam;
import org.libvirt4j.remote.generated.AdminTypedParamValue;
import org.libvirt4j.remote.internal.xdr.XdrException;
import org.libvirt4j.remote.internal.xdr.XdrReader;
import org.libvirt4j.remote.internal.xdr.XdrWriter;
import org.libvirt4j.spi.NativeHandle;
import org.libvirt4j.spi.ObjectKind;
import org.libvirt4j.spi.TypedParameter;

/**
 * What every admin handle of this backend shares, as {@link RemoteObject} for the remote program:
 * a reference on the {@link AdminSession}, dropped on close or by the Cleaner, and the guard that
 * refuses calls on a closed handle with the kind's invalid-object error.
 */
abstract class RemoteAdmHandle implements LibvirtObject {
    final AdminSession session;
    private final NativeHandle guard;

    RemoteAdmHandle(AdminSession session, ObjectKind kind) {
        this.session = session;
        session.retain();
        this.guard = new NativeHandle(kind, 0L, p -> session.release());
    }

    /** Calls a procedure on behalf of the C function {@code fn}. */
    final <T> T call(String fn, AdminProcedure proc, Consumer<XdrWriter> args, Function<XdrReader, T> ret) {
        guard.acquire(fn);
        try {
            return session.call(proc, args, ret);
        } finally {
            guard.release();
        }
    }

    /** For C functions answered from the handle itself: only the validity check. */
    final void check(String fn) {
        guard.acquire(fn);
        guard.release();
    }

    @Override
    public void close() {
        guard.close();
    }

    /** @return the SPI's parameters, unsigned values bit for bit */
    static List<TypedParameter> fromWire(List<AdminTypedParam> params) {
        List<TypedParameter> out = new ArrayList<>(params.size());
        for (AdminTypedParam p : params) {
            AdminTypedParamValue v = p.value();
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
        return List.copyOf(out);
    }

    /** @return the same as {@code admin_typed_param}s */
    static List<AdminTypedParam> toWire(List<TypedParameter> params) {
        List<AdminTypedParam> out = new ArrayList<>(params.size());
        for (TypedParameter p : params) {
            AdminTypedParamValue v = switch (p.type()) {
                case INT -> AdminTypedParamValue.ofI((Integer) p.value());
                case UINT -> AdminTypedParamValue.ofUi((Integer) p.value());
                case LLONG -> AdminTypedParamValue.ofL((Long) p.value());
                case ULLONG -> AdminTypedParamValue.ofUl((Long) p.value());
                case DOUBLE -> AdminTypedParamValue.ofD((Double) p.value());
                case BOOLEAN -> AdminTypedParamValue.ofB(((Boolean) p.value()) ? 1 : 0);
                case STRING -> AdminTypedParamValue.ofS((String) p.value());
                default -> throw new IllegalArgumentException("typed parameter " + p.field() + " has no wire type");
            };
            out.add(new AdminTypedParam(p.field(), v));
        }
        return out;
    }
}

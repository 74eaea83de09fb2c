package org.libvirt4j.jna;

import com.sun.jna.Pointer;
import java.util.List;
import org.libvirt4j.Connect;
import org.libvirt4j.Domain;
import org.libvirt4j.jna.internal.CStrings;
import org.libvirt4j.jna.internal.Errors;
import org.libvirt4j.jna.internal.TypedParams;
import org.libvirt4j.spi.DomainMigrateContract;
import org.libvirt4j.spi.NativeHandle;
import org.libvirt4j.spi.ObjectKind;
import org.libvirt4j.spi.TypedParameter;

/**
 * The raw operations of {@link DomainMigrateContract}: plain calls into libvirt.so, which drives
 * the migration itself. C's {@code unsigned long} flags and bandwidth go as 64-bit values.
 */
interface JnaDomainMigrate extends DomainMigrateContract {

    /** {@return the domain's guarded pointer} */
    NativeHandle handle();

    @Override
    default Domain rawMigrate(MigrateCall call, Connect dconn, String dxml, int flags, String dname, String uri,
            long bandwidth) {
        String fn = call.function;
        NativeHandle dh = destination(dconn, fn);
        return handle().call(fn, d -> {
            long c = dh.acquire(fn);
            try {
                long f = Integer.toUnsignedLong(flags);
                Object[] args = call == MigrateCall.MIGRATE
                        ? new Object[] {new Pointer(d), new Pointer(c), f, CStrings.of(dname), CStrings.of(uri), bandwidth}
                        : new Object[] {new Pointer(d), new Pointer(c), CStrings.of(dxml), f, CStrings.of(dname),
                            CStrings.of(uri), bandwidth};
                return new JnaDomain(Errors.ptr(NativeFunctions.get(fn).invokeLong(args), fn));
            } finally {
                dh.release();
            }
        });
    }

    @Override
    default Domain rawMigrate3(Connect dconn, List<TypedParameter> params, int flags) {
        String fn = MigrateCall.MIGRATE3.function;
        NativeHandle dh = destination(dconn, fn);
        NativeHandle h = handle();
        long d = h.acquire(fn);
        try (TypedParams.Packed p = TypedParams.pack(params)) {
            long c = dh.acquire(fn);
            try {
                return new JnaDomain(Errors.ptr(NativeFunctions.get(fn).invokeLong(new Object[] {new Pointer(d),
                    new Pointer(c), new Pointer(p.address()), p.count(), flags}), fn));
            } finally {
                dh.release();
            }
        } finally {
            h.release();
        }
    }

    @Override
    default void rawMigrateToURI(MigrateCall call, String dconnuri, String miguri, String dxml, int flags, String dname,
            long bandwidth) {
        String fn = call.function;
        handle().run(fn, d -> {
            long f = Integer.toUnsignedLong(flags);
            if (call == MigrateCall.TO_URI) {
                NativeFunctions.check(fn, new Pointer(d), CStrings.of(dconnuri), f, CStrings.of(dname), bandwidth);
            } else {
                NativeFunctions.check(fn, new Pointer(d), CStrings.of(dconnuri), CStrings.of(miguri), CStrings.of(dxml), f,
                        CStrings.of(dname), bandwidth);
            }
        });
    }

    /** {@return the destination's guarded pointer} A connection of another backend is an invalid one here. */
    private static NativeHandle destination(Connect dconn, String fn) {
        if (!(dconn instanceof JnaConnect jc)) {
            throw ObjectKind.CONNECT.invalid(fn);
        }
        return jc.guard();
    }
}

package org.libvirt4j.jni;

import java.util.List;
import org.libvirt4j.Connect;
import org.libvirt4j.Domain;
import org.libvirt4j.spi.DomainMigrateContract;
import org.libvirt4j.spi.NativeHandle;
import org.libvirt4j.spi.ObjectKind;
import org.libvirt4j.spi.TypedParameter;

/** The raw operations of {@link DomainMigrateContract} over {@code lv_irregular.c}: libvirt.so drives the migration. */
interface JniDomainMigrate extends DomainMigrateContract {

    /** {@return the domain's guarded pointer} */
    NativeHandle guard();

    @Override
    default Domain rawMigrate(MigrateCall call, Connect dconn, String dxml, int flags, String dname, String uri,
            long bandwidth) {
        String fn = call.function;
        NativeHandle dh = JniObject.handleOf(dconn, JniConnect.class, ObjectKind.CONNECT, fn);
        NativeHandle h = guard();
        return h.call(fn, d -> {
            long c = dh.acquire(fn);
            try {
                return new JniDomain(JniIrregularNatives.migrate(call == MigrateCall.MIGRATE ? 0 : 1, d, c, dxml,
                        Integer.toUnsignedLong(flags), dname, uri, bandwidth));
            } finally {
                dh.release();
            }
        });
    }

    @Override
    default Domain rawMigrate3(Connect dconn, List<TypedParameter> params, int flags) {
        String fn = MigrateCall.MIGRATE3.function;
        NativeHandle dh = JniObject.handleOf(dconn, JniConnect.class, ObjectKind.CONNECT, fn);
        Params p = Params.toNative(params);
        NativeHandle h = guard();
        return h.call(fn, d -> {
            long c = dh.acquire(fn);
            try {
                return new JniDomain(JniIrregularNatives.migrate3(d, c, p.fields(), p.types(), p.values(), p.strings(),
                        flags));
            } finally {
                dh.release();
            }
        });
    }

    @Override
    default void rawMigrateToURI(MigrateCall call, String dconnuri, String miguri, String dxml, int flags, String dname,
            long bandwidth) {
        NativeHandle h = guard();
        h.run(call.function, d -> {
            JniIrregularNatives.migrateToURI(call == MigrateCall.TO_URI ? 0 : 1, d, dconnuri, miguri, dxml,
                    Integer.toUnsignedLong(flags), dname, bandwidth);
        });
    }
}

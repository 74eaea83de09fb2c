package org.libvirt4j.remote.internal;

import java.util.List;
import org.libvirt4j.Connect;
import org.libvirt4j.Domain;
import org.libvirt4j.remote.generated.RemoteNonnullDomain;
import org.libvirt4j.spi.DomainMigrateContract;
import org.libvirt4j.spi.ObjectKind;
import org.libvirt4j.spi.TypedParameter;

/** The raw operations of {@link DomainMigrateContract}: libvirt's client-side migration protocol ({@link RemoteMigrate}). */
interface RemoteDomainMigrate extends DomainMigrateContract {

    /** {@return the domain's reference on the wire} */
    RemoteNonnullDomain wireDomain();

    /**
     * @param fn the C function
     * @return the session, checked open as a call on this handle would be
     */
    Session sessionFor(String fn);

    @Override
    default Domain rawMigrate(MigrateCall call, Connect dconn, String dxml, int flags, String dname, String uri,
            long bandwidth) {
        RemoteConnect d = destination(dconn, call.function);
        RemoteMigrate.Source src = source(call);
        Session dst = d.sessionFor(call.function);
        RemoteMigrate.checkWritable(call.function, src.session(), dst);
        return RemoteMigrate.migrate(src, d, dst, call == MigrateCall.MIGRATE2, dxml, flags, dname, uri, bandwidth);
    }

    @Override
    default Domain rawMigrate3(Connect dconn, List<TypedParameter> params, int flags) {
        String fn = MigrateCall.MIGRATE3.function;
        RemoteConnect d = destination(dconn, fn);
        RemoteMigrate.Source src = source(MigrateCall.MIGRATE3);
        Session dst = d.sessionFor(fn);
        RemoteMigrate.checkWritable(fn, src.session(), dst);
        return RemoteMigrate.migrate3(src, dst, params, flags);
    }

    @Override
    default void rawMigrateToURI(MigrateCall call, String dconnuri, String miguri, String dxml, int flags, String dname,
            long bandwidth) {
        RemoteMigrate.Source src = source(call);
        RemoteMigrate.checkWritable(call.function, src.session());
        RemoteMigrate.toURI(src, call == MigrateCall.TO_URI2, dconnuri, miguri, dxml, flags, dname, bandwidth);
    }

    private RemoteMigrate.Source source(MigrateCall call) {
        return new RemoteMigrate.Source(sessionFor(call.function), wireDomain());
    }

    /** A connection of another backend has no session here: libvirt's invalid-connection error. */
    private static RemoteConnect destination(Connect dconn, String fn) {
        if (!(dconn instanceof RemoteConnect c)) {
            throw ObjectKind.CONNECT.invalid(fn);
        }
        return c;
    }
}

package org.libvirt4j.remote.internal;

import java.util.function.Consumer;
import java.util.function.Function;
import org.libvirt4j.remote.generated.RemoteDomainSnapshotListChildrenNamesArgs;
import org.libvirt4j.remote.generated.RemoteDomainSnapshotListChildrenNamesRet;
import org.libvirt4j.remote.generated.RemoteNonnullDomainSnapshot;
import org.libvirt4j.remote.generated.RemoteProcedure;
import org.libvirt4j.remote.internal.xdr.XdrReader;
import org.libvirt4j.remote.internal.xdr.XdrWriter;
import org.libvirt4j.Domain;
import org.libvirt4j.spi.DomainSnapshotIrregularContract;

/** The raw operations of {@link DomainSnapshotIrregularContract} as remote procedures. */
interface RemoteDomainSnapshotIrregular extends DomainSnapshotIrregularContract {

    /** {@return the snapshot's reference on the wire} */
    RemoteNonnullDomainSnapshot wireSnapshot();

    /**
     * Calls a procedure for the C function {@code fn}, failing as libvirt does on a closed handle.
     *
     * @param <T> the result
     * @param fn the C function
     * @param proc the procedure
     * @param args the argument encoder, or {@code null}
     * @param ret the reply decoder, or {@code null}
     * @return the decoded reply
     */
    <T> T callRemote(String fn, RemoteProcedure proc, Consumer<XdrWriter> args, Function<XdrReader, T> ret);

    @Override
    default String[] rawListChildrenNames(int maxnames, int flags) {
        return callRemote("virDomainSnapshotListChildrenNames",
                RemoteProcedure.REMOTE_PROC_DOMAIN_SNAPSHOT_LIST_CHILDREN_NAMES,
                new RemoteDomainSnapshotListChildrenNamesArgs(wireSnapshot(), maxnames, flags)::encode,
                RemoteDomainSnapshotListChildrenNamesRet::decode).names().stream().limit(maxnames)
                .toArray(String[]::new);
    }

    /**
     * The session for a call on this handle (see {@code RemoteObject.sessionFor}).
     *
     * @param fn the C function
     * @return the session
     */
    Session sessionFor(String fn);

    @Override
    default Domain rawDomain() {
        return new RemoteDomain(sessionFor("virDomainSnapshotGetDomain"), wireSnapshot().dom());
    }
}

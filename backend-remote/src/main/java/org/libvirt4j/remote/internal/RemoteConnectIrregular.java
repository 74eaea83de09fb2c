package org.libvirt4j.remote.internal;

import org.libvirt4j.Domain;
import java.util.function.Consumer;
import java.util.function.Function;
import org.libvirt4j.remote.generated.RemoteConnectListDefinedDomainsArgs;
import org.libvirt4j.remote.generated.RemoteConnectListDefinedDomainsRet;
import org.libvirt4j.remote.generated.RemoteConnectListDomainsArgs;
import org.libvirt4j.remote.generated.RemoteConnectListDomainsRet;
import org.libvirt4j.remote.generated.RemoteDomainCreateXmlWithFilesArgs;
import org.libvirt4j.remote.generated.RemoteDomainCreateXmlWithFilesRet;
import org.libvirt4j.remote.generated.RemoteNonnullDomain;
import org.libvirt4j.remote.generated.RemoteProcedure;
import org.libvirt4j.remote.internal.xdr.XdrReader;
import org.libvirt4j.remote.internal.xdr.XdrWriter;
import org.libvirt4j.spi.ConnectIrregularContract;

/** The raw operations of {@link ConnectIrregularContract} as remote procedures. */
interface RemoteConnectIrregular extends ConnectIrregularContract {

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
    default int[] rawListDomains(int maxids) {
        return callRemote("virConnectListDomains", RemoteProcedure.REMOTE_PROC_CONNECT_LIST_DOMAINS,
                new RemoteConnectListDomainsArgs(maxids)::encode, RemoteConnectListDomainsRet::decode).ids().stream()
                .limit(maxids).mapToInt(Integer::intValue).toArray();
    }

    @Override
    default String[] rawListDefinedDomains(int maxnames) {
        return callRemote("virConnectListDefinedDomains", RemoteProcedure.REMOTE_PROC_CONNECT_LIST_DEFINED_DOMAINS,
                new RemoteConnectListDefinedDomainsArgs(maxnames)::encode, RemoteConnectListDefinedDomainsRet::decode)
                .names().stream().limit(maxnames).toArray(String[]::new);
    }

    /**
     * @param fn the C function
     * @return the session, checked open for fn
     */
    Session sessionFor(String fn);

    @Override
    default Domain rawDomainCreateXMLWithFiles(String xmlConfig, int[] files, int flags) {
        String fn = "virDomainCreateXMLWithFiles";
        // without descriptors the procedure is an ordinary call, as libvirt's client sends it
        RemoteNonnullDomain d = sessionFor(fn).callWithFds(org.libvirt4j.remote.generated.RemoteProtocol.REMOTE_PROGRAM,
                RemoteProcedure.REMOTE_PROC_DOMAIN_CREATE_XML_WITH_FILES.value(),
                new RemoteDomainCreateXmlWithFilesArgs(xmlConfig, flags)::encode, files,
                r -> RemoteDomainCreateXmlWithFilesRet.decode(r).dom()).value();
        return new RemoteDomain(sessionFor(fn), d);
    }
}

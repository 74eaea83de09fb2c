package org.libvirt4j.remote.internal;

import java.util.Objects;
import java.util.function.Consumer;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.StorageVol;
import org.libvirt4j.StorageVolInfo;
import org.libvirt4j.Stream;
import org.libvirt4j.remote.generated.RemoteNonnullStorageVol;
import org.libvirt4j.remote.generated.RemoteProcedure;
import org.libvirt4j.remote.generated.RemoteStorageVolDownloadArgs;
import org.libvirt4j.remote.generated.RemoteStorageVolGetInfoArgs;
import org.libvirt4j.remote.generated.RemoteStorageVolGetInfoRet;
import org.libvirt4j.remote.generated.RemoteStorageVolGetXmlDescArgs;
import org.libvirt4j.remote.generated.RemoteStorageVolGetXmlDescRet;
import org.libvirt4j.remote.generated.RemoteStorageVolUploadArgs;
import org.libvirt4j.remote.internal.xdr.XdrWriter;
import org.libvirt4j.spi.ObjectKind;

/** {@link StorageVol} over RPC; pool name, name and key live in the handle. */
final class RemoteStorageVol extends RemoteObject implements StorageVol, org.libvirt4j.spi.generated.StorageVolContract,
        org.libvirt4j.spi.StorageVolManualContract {
    private final RemoteNonnullStorageVol ref;

    RemoteStorageVol(Session session, RemoteNonnullStorageVol ref) {
        super(session, ObjectKind.STORAGE_VOL);
        this.ref = ref;
    }

    @Override
    public String getName() {
        check("virStorageVolGetName");
        return ref.name();
    }

    @Override
    public String getKey() {
        check("virStorageVolGetKey");
        return ref.key();
    }

    @Override
    public String getXMLDesc() {
        return call("virStorageVolGetXMLDesc", RemoteProcedure.REMOTE_PROC_STORAGE_VOL_GET_XML_DESC,
                new RemoteStorageVolGetXmlDescArgs(ref, 0)::encode, RemoteStorageVolGetXmlDescRet::decode).xml();
    }

    @Override
    public StorageVolInfo getInfo() {
        return call("virStorageVolGetInfo", RemoteProcedure.REMOTE_PROC_STORAGE_VOL_GET_INFO,
                new RemoteStorageVolGetInfoArgs(ref)::encode,
                r -> {
                    RemoteStorageVolGetInfoRet i = RemoteStorageVolGetInfoRet.decode(r);
                    return new StorageVolInfo(i.type(), i.capacity(), i.allocation());
                });
    }

    @Override
    public void upload(Stream stream, long offset, long length, int flags) {
        int mask = flags;
        transfer(stream, "virStorageVolUpload", RemoteProcedure.REMOTE_PROC_STORAGE_VOL_UPLOAD,
                new RemoteStorageVolUploadArgs(ref, offset, length, mask)::encode,
                (mask & org.libvirt4j.StorageVolUploadFlags.SPARSE_STREAM.value()) != 0);
    }

    @Override
    public void download(Stream stream, long offset, long length, int flags) {
        int mask = flags;
        transfer(stream, "virStorageVolDownload", RemoteProcedure.REMOTE_PROC_STORAGE_VOL_DOWNLOAD,
                new RemoteStorageVolDownloadArgs(ref, offset, length, mask)::encode,
                (mask & org.libvirt4j.StorageVolDownloadFlags.SPARSE_STREAM.value()) != 0);
    }

    /** @param sparse whether the transfer is sparse: holes travel, as libvirt's remote driver opens its client stream */
    private void transfer(Stream stream, String fn, RemoteProcedure proc, Consumer<XdrWriter> args, boolean sparse) {
        Objects.requireNonNull(stream, "stream");
        acquire(fn);
        try {
            RemoteStream.of(stream, session, fn, () -> LibvirtException.of(ErrorNumber.ERR_INVALID_ARG,
                    ErrorDomain.STORAGE, "stream in " + fn + " must match connection of volume '" + ref.name() + "'"))
                    .open(fn, rpc -> {
                        rpc.allowSkip(sparse);
                        return session.callStream(proc, args, null, rpc);
                    });
        } finally {
            release();
        }
    }

    @Override
    Object wireRef() {
        return ref;
    }

    @Override
    public Object invokeManual(org.libvirt4j.spi.ManualFn fn, Object... args) {
        return RemoteManual.invoke(this, fn, args);
    }
}

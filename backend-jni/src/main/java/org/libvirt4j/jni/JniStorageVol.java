package org.libvirt4j.jni;

import static org.libvirt4j.jni.LibvirtNatives.*;

import java.util.Objects;
import org.libvirt4j.StorageVol;
import org.libvirt4j.StorageVolInfo;
import org.libvirt4j.Stream;
import org.libvirt4j.spi.NativeHandle;
import org.libvirt4j.spi.ObjectKind;

/** {@link StorageVol} over a {@code virStorageVolPtr}; {@link #close()} is {@code virStorageVolFree}. */
final class JniStorageVol extends JniObject implements StorageVol, org.libvirt4j.spi.generated.StorageVolContract,
        org.libvirt4j.spi.StorageVolManualContract {

    JniStorageVol(long vol) {
        super(ObjectKind.STORAGE_VOL, JniNatives.K_STORAGE_VOL, vol);
    }

    @Override
    public String getName() {
        return str("virStorageVolGetName", v -> virStorageVolGetName(v));
    }

    @Override
    public String getKey() {
        return str("virStorageVolGetKey", v -> virStorageVolGetKey(v));
    }

    @Override
    public String getXMLDesc() {
        return str("virStorageVolGetXMLDesc", v -> virStorageVolGetXMLDesc(v, 0));
    }

    @Override
    public StorageVolInfo getInfo() {
        long[] out = new long[3];
        run("virStorageVolGetInfo", v -> JniNatives.storageVolGetInfo(v, out));
        return new StorageVolInfo((int) out[0], out[1], out[2]);
    }

    @Override
    public void upload(Stream stream, long offset, long length, int flags) {
        int mask = flags;
        transfer(stream, "virStorageVolUpload", (v, st) -> virStorageVolUpload(v, st, offset, length, mask));
    }

    @Override
    public void download(Stream stream, long offset, long length, int flags) {
        int mask = flags;
        transfer(stream, "virStorageVolDownload", (v, st) -> virStorageVolDownload(v, st, offset, length, mask));
    }

    private interface Transfer {
        int start(long vol, long stream);
    }

    private void transfer(Stream stream, String fn, Transfer start) {
        Objects.requireNonNull(stream, "stream");
        NativeHandle sh = handleOf(stream, JniStream.class, ObjectKind.STREAM, fn);
        run(fn, v -> {
            long st = sh.acquire(fn);
            try {
                start.start(v, st);
            } finally {
                sh.release();
            }
        });
    }

    @Override
    public Object invokeManual(org.libvirt4j.spi.ManualFn fn, Object... args) {
        return JniManual.invoke(this, fn, args);
    }
}

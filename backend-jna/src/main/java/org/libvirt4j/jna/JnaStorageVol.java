package org.libvirt4j.jna;

import org.libvirt4j.StorageVol;
import org.libvirt4j.StorageVolInfo;
import org.libvirt4j.Stream;
import org.libvirt4j.jna.internal.Errors;
import org.libvirt4j.jna.internal.Virt;
import org.libvirt4j.spi.NativeHandle;
import org.libvirt4j.spi.ObjectKind;

/** {@link StorageVol} over a {@code virStorageVolPtr}; {@link #close()} is {@code virStorageVolFree}. */
final class JnaStorageVol implements StorageVol, JnaHandle, org.libvirt4j.spi.generated.StorageVolContract,
        org.libvirt4j.spi.StorageVolManualContract {
    private final NativeHandle h;

    JnaStorageVol(long vol) {
        this.h = new NativeHandle(ObjectKind.STORAGE_VOL, vol, Virt::virStorageVolFree);
    }

    @Override
    public NativeHandle handle() {
        return h;
    }

    @Override
    public void close() {
        h.close();
    }

    @Override
    public String getName() {
        return h.call("virStorageVolGetName", v -> {
            return Errors.constString(Virt.virStorageVolGetName(v), "virStorageVolGetName");
        });
    }

    @Override
    public String getKey() {
        return h.call("virStorageVolGetKey", v -> {
            return Errors.constString(Virt.virStorageVolGetKey(v), "virStorageVolGetKey");
        });
    }

    @Override
    public String getXMLDesc() {
        return h.call("virStorageVolGetXMLDesc", v -> {
            return Errors.ownedString(Virt.virStorageVolGetXMLDesc(v, 0), "virStorageVolGetXMLDesc");
        });
    }

    @Override
    public StorageVolInfo getInfo() {
        return h.call("virStorageVolGetInfo", v -> {
            // struct _virStorageVolInfo: int type (padded to 8); two unsigned long longs.
            long[] raw = new long[3];
            Errors.check(Virt.virStorageVolGetInfo(v, raw), "virStorageVolGetInfo");
            return new StorageVolInfo(NativeInts.firstInt(raw[0]), raw[1], raw[2]);
        });
    }

    @Override
    public void upload(Stream stream, long offset, long length, int flags) {
        int mask = flags;
        transfer(stream, "virStorageVolUpload", (v, st) -> Virt.virStorageVolUpload(v, st, offset, length, mask));
    }

    @Override
    public void download(Stream stream, long offset, long length, int flags) {
        int mask = flags;
        transfer(stream, "virStorageVolDownload", (v, st) -> Virt.virStorageVolDownload(v, st, offset, length, mask));
    }

    private interface Transfer {
        int start(long vol, long stream);
    }

    private void transfer(Stream stream, String fn, Transfer start) {
        NativeHandle sh = JnaHandle.of(stream, JnaStream.class, ObjectKind.STREAM, fn);
        h.run(fn, v -> {
            long st = sh.acquire(fn);
            try {
                Errors.check(start.start(v, st), fn);
            } finally {
                sh.release();
            }
        });
    }

    @Override
    public Object invoke(org.libvirt4j.spi.generated.Fn fn, Object... args) {
        return JnaCalls.invoke(h, fn, args);
    }

    @Override
    public Object invokeManual(org.libvirt4j.spi.ManualFn fn, Object... args) {
        return JnaManual.invoke(h, fn, args);
    }
}

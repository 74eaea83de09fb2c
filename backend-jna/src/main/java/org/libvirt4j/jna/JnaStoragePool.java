package org.libvirt4j.jna;

import java.util.List;
import java.util.UUID;
import org.libvirt4j.StoragePool;
import org.libvirt4j.StoragePoolInfo;
import org.libvirt4j.StorageVol;
import org.libvirt4j.jna.internal.CStrings;
import org.libvirt4j.jna.internal.Errors;
import org.libvirt4j.jna.internal.Virt;
import org.libvirt4j.spi.NativeHandle;
import org.libvirt4j.spi.ObjectKind;
import org.libvirt4j.spi.Uuids;

/** {@link StoragePool} over a {@code virStoragePoolPtr}; {@link #close()} is {@code virStoragePoolFree}. */
final class JnaStoragePool implements StoragePool, JnaHandle, org.libvirt4j.spi.generated.StoragePoolContract,
        org.libvirt4j.spi.StoragePoolManualContract {
    private final NativeHandle h;

    JnaStoragePool(long pool) {
        this.h = new NativeHandle(ObjectKind.STORAGE_POOL, pool, Virt::virStoragePoolFree);
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
        return h.call("virStoragePoolGetName", p -> {
            return Errors.constString(Virt.virStoragePoolGetName(p), "virStoragePoolGetName");
        });
    }

    @Override
    public UUID getUUID() {
        return h.call("virStoragePoolGetUUID", p -> {
            byte[] raw = new byte[Uuids.BUFLEN];
            Errors.check(Virt.virStoragePoolGetUUID(p, raw), "virStoragePoolGetUUID");
            return Uuids.fromBytes(raw);
        });
    }

    @Override
    public String getUUIDString() {
        return h.call("virStoragePoolGetUUIDString", p -> {
            byte[] buf = new byte[CStrings.UUID_STRING_BUFLEN];
            Errors.check(Virt.virStoragePoolGetUUIDString(p, buf), "virStoragePoolGetUUIDString");
            return CStrings.fromBuffer(buf);
        });
    }

    @Override
    public StoragePoolInfo getInfo() {
        return h.call("virStoragePoolGetInfo", p -> {
            // struct _virStoragePoolInfo: int state (padded to 8); three unsigned long longs.
            long[] raw = new long[4];
            Errors.check(Virt.virStoragePoolGetInfo(p, raw), "virStoragePoolGetInfo");
            return new StoragePoolInfo(NativeInts.firstInt(raw[0]), raw[1], raw[2], raw[3]);
        });
    }

    @Override
    public void refresh() {
        h.run("virStoragePoolRefresh", p -> Errors.check(Virt.virStoragePoolRefresh(p, 0), "virStoragePoolRefresh"));
    }

    @Override
    public List<StorageVol> listAllStorageVolumes() {
        return h.call("virStoragePoolListAllVolumes", p -> {
            long[] array = new long[1];
            int n = Errors.check(Virt.virStoragePoolListAllVolumes(p, array, 0), "virStoragePoolListAllVolumes");
            return NativeLists.wrap(array[0], n, JnaStorageVol::new);
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

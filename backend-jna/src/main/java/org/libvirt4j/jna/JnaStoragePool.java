package org.libvirt4j.jna;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.libvirt4j.StoragePool;
import org.libvirt4j.StoragePoolBuildFlags;
import org.libvirt4j.StoragePoolCreateFlags;
import org.libvirt4j.StoragePoolDeleteFlags;
import org.libvirt4j.StoragePoolInfo;
import org.libvirt4j.StorageVol;
import org.libvirt4j.StorageVolCreateFlags;
import org.libvirt4j.StorageXMLFlags;
import org.libvirt4j.jna.internal.CStrings;
import org.libvirt4j.jna.internal.Errors;
import org.libvirt4j.jna.internal.Virt;
import org.libvirt4j.spi.NativeHandle;
import org.libvirt4j.spi.ObjectKind;
import org.libvirt4j.spi.Uuids;

/** {@link StoragePool} over a {@code virStoragePoolPtr}; {@link #close()} is {@code virStoragePoolFree}. */
final class JnaStoragePool implements StoragePool, JnaHandle, org.libvirt4j.spi.generated.StoragePoolContract {
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
        long p = h.acquire("virStoragePoolGetName");
        try {
            return Errors.constString(Virt.virStoragePoolGetName(p), "virStoragePoolGetName");
        } finally {
            h.release();
        }
    }

    @Override
    public UUID getUUID() {
        long p = h.acquire("virStoragePoolGetUUID");
        try {
            byte[] raw = new byte[Uuids.BUFLEN];
            Errors.check(Virt.virStoragePoolGetUUID(p, raw), "virStoragePoolGetUUID");
            return Uuids.fromBytes(raw);
        } finally {
            h.release();
        }
    }

    @Override
    public String getUUIDString() {
        long p = h.acquire("virStoragePoolGetUUIDString");
        try {
            byte[] buf = new byte[CStrings.UUID_STRING_BUFLEN];
            Errors.check(Virt.virStoragePoolGetUUIDString(p, buf), "virStoragePoolGetUUIDString");
            return CStrings.fromBuffer(buf);
        } finally {
            h.release();
        }
    }

    @Override
    public String getXMLDesc(StorageXMLFlags... flags) {
        int mask = Flags.mask(flags);
        long p = h.acquire("virStoragePoolGetXMLDesc");
        try {
            return Errors.ownedString(Virt.virStoragePoolGetXMLDesc(p, mask), "virStoragePoolGetXMLDesc");
        } finally {
            h.release();
        }
    }

    @Override
    public StoragePoolInfo getInfo() {
        long p = h.acquire("virStoragePoolGetInfo");
        try {
            // struct _virStoragePoolInfo: int state (padded to 8); three unsigned long longs.
            long[] raw = new long[4];
            Errors.check(Virt.virStoragePoolGetInfo(p, raw), "virStoragePoolGetInfo");
            return new StoragePoolInfo(NativeInts.firstInt(raw[0]), raw[1], raw[2], raw[3]);
        } finally {
            h.release();
        }
    }

    @Override
    public void build(StoragePoolBuildFlags... flags) {
        int mask = Flags.mask(flags);
        long p = h.acquire("virStoragePoolBuild");
        try {
            Errors.check(Virt.virStoragePoolBuild(p, mask), "virStoragePoolBuild");
        } finally {
            h.release();
        }
    }

    @Override
    public void create(StoragePoolCreateFlags... flags) {
        int mask = Flags.mask(flags);
        long p = h.acquire("virStoragePoolCreate");
        try {
            Errors.check(Virt.virStoragePoolCreate(p, mask), "virStoragePoolCreate");
        } finally {
            h.release();
        }
    }

    @Override
    public void destroy() {
        long p = h.acquire("virStoragePoolDestroy");
        try {
            Errors.check(Virt.virStoragePoolDestroy(p), "virStoragePoolDestroy");
        } finally {
            h.release();
        }
    }

    @Override
    public void delete(StoragePoolDeleteFlags... flags) {
        int mask = Flags.mask(flags);
        long p = h.acquire("virStoragePoolDelete");
        try {
            Errors.check(Virt.virStoragePoolDelete(p, mask), "virStoragePoolDelete");
        } finally {
            h.release();
        }
    }

    @Override
    public void undefine() {
        long p = h.acquire("virStoragePoolUndefine");
        try {
            Errors.check(Virt.virStoragePoolUndefine(p), "virStoragePoolUndefine");
        } finally {
            h.release();
        }
    }

    @Override
    public void refresh() {
        long p = h.acquire("virStoragePoolRefresh");
        try {
            Errors.check(Virt.virStoragePoolRefresh(p, 0), "virStoragePoolRefresh");
        } finally {
            h.release();
        }
    }

    @Override
    public boolean isActive() {
        long p = h.acquire("virStoragePoolIsActive");
        try {
            return Errors.bool(Virt.virStoragePoolIsActive(p), "virStoragePoolIsActive");
        } finally {
            h.release();
        }
    }

    @Override
    public boolean isPersistent() {
        long p = h.acquire("virStoragePoolIsPersistent");
        try {
            return Errors.bool(Virt.virStoragePoolIsPersistent(p), "virStoragePoolIsPersistent");
        } finally {
            h.release();
        }
    }

    @Override
    public boolean getAutostart() {
        long p = h.acquire("virStoragePoolGetAutostart");
        try {
            int[] autostart = new int[1];
            Errors.check(Virt.virStoragePoolGetAutostart(p, autostart), "virStoragePoolGetAutostart");
            return autostart[0] != 0;
        } finally {
            h.release();
        }
    }

    @Override
    public void setAutostart(boolean autostart) {
        long p = h.acquire("virStoragePoolSetAutostart");
        try {
            Errors.check(Virt.virStoragePoolSetAutostart(p, autostart ? 1 : 0), "virStoragePoolSetAutostart");
        } finally {
            h.release();
        }
    }

    @Override
    public List<StorageVol> listAllStorageVolumes() {
        long p = h.acquire("virStoragePoolListAllVolumes");
        try {
            long[] array = new long[1];
            int n = Errors.check(Virt.virStoragePoolListAllVolumes(p, array, 0), "virStoragePoolListAllVolumes");
            return NativeLists.wrap(array[0], n, JnaStorageVol::new);
        } finally {
            h.release();
        }
    }

    @Override
    public StorageVol lookupStorageVolByName(String name) {
        byte[] n = CStrings.of(Objects.requireNonNull(name, "name"));
        long p = h.acquire("virStorageVolLookupByName");
        try {
            return new JnaStorageVol(Errors.ptr(Virt.virStorageVolLookupByName(p, n), "virStorageVolLookupByName"));
        } finally {
            h.release();
        }
    }

    @Override
    public StorageVol storageVolCreateXML(String xml, StorageVolCreateFlags... flags) {
        byte[] x = CStrings.of(Objects.requireNonNull(xml, "xml"));
        int mask = Flags.mask(flags);
        long p = h.acquire("virStorageVolCreateXML");
        try {
            return new JnaStorageVol(Errors.ptr(Virt.virStorageVolCreateXML(p, x, mask), "virStorageVolCreateXML"));
        } finally {
            h.release();
        }
    }

    @Override
    public Object invoke(org.libvirt4j.spi.generated.Fn fn, Object... args) {
        return JnaCalls.invoke(h, fn, args);
    }
}

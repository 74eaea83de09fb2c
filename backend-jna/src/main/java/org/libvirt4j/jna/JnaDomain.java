package org.libvirt4j.jna;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.libvirt4j.Domain;
import org.libvirt4j.DomainBlockStats;
import org.libvirt4j.DomainCheckpoint;
import org.libvirt4j.DomainInfo;
import org.libvirt4j.DomainInterfaceStats;
import org.libvirt4j.DomainMemoryParameters;
import org.libvirt4j.DomainMemoryStat;
import org.libvirt4j.DomainMemoryStatTags;
import org.libvirt4j.DomainMetadataType;
import org.libvirt4j.DomainSchedulerParameters;
import org.libvirt4j.DomainSnapshot;
import org.libvirt4j.DomainStateInfo;
import org.libvirt4j.Stream;
import org.libvirt4j.jna.internal.CStrings;
import org.libvirt4j.jna.internal.Errors;
import org.libvirt4j.jna.internal.TypedParams;
import org.libvirt4j.jna.internal.Virt;
import org.libvirt4j.jna.internal.VirtCheckpoints;
import org.libvirt4j.spi.NativeHandle;
import org.libvirt4j.spi.ObjectKind;
import org.libvirt4j.spi.TypedParameter;
import org.libvirt4j.spi.TypedParameters;
import org.libvirt4j.spi.Uuids;

/** {@link Domain} over a {@code virDomainPtr}; {@link #close()} is {@code virDomainFree}. */
final class JnaDomain implements Domain, JnaHandle, org.libvirt4j.spi.generated.DomainContract,
        org.libvirt4j.spi.generated.DomainTypedContract, JnaDomainIrregular, JnaDomainQemu, JnaDomainMigrate {
    private final NativeHandle h;

    JnaDomain(long dom) {
        this.h = new NativeHandle(ObjectKind.DOMAIN, dom, Virt::virDomainFree);
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
        return h.call("virDomainGetName", d -> Errors.constString(Virt.virDomainGetName(d), "virDomainGetName"));
    }

    @Override
    public UUID getUUID() {
        return h.call("virDomainGetUUID", d -> {
            byte[] raw = new byte[Uuids.BUFLEN];
            Errors.check(Virt.virDomainGetUUID(d, raw), "virDomainGetUUID");
            return Uuids.fromBytes(raw);
        });
    }

    @Override
    public String getUUIDString() {
        return h.call("virDomainGetUUIDString", d -> {
            byte[] buf = new byte[CStrings.UUID_STRING_BUFLEN];
            Errors.check(Virt.virDomainGetUUIDString(d, buf), "virDomainGetUUIDString");
            return CStrings.fromBuffer(buf);
        });
    }

    @Override
    public int getID() {
        return h.call("virDomainGetID", d -> {
            // (unsigned int)-1 means both "inactive" and "failed"; only a failure sets an error.
            int id = Virt.virDomainGetID(d);
            if (id == -1 && Errors.pending()) {
                throw Errors.last("virDomainGetID");
            }
            return id;
        });
    }

    @Override
    public DomainInfo getInfo() {
        CallScratch s = CallScratch.take();
        try {
            long d = h.acquire("virDomainGetInfo");
            try {
                Errors.check(Virt.virDomainGetInfo(d, s.address()), "virDomainGetInfo");
            } finally {
                h.release();
            }
            // struct _virDomainInfo: unsigned char state; unsigned long maxMem; unsigned long memory;
            // unsigned short nrVirtCpu; unsigned long long cpuTime (LP64: offsets 0, 8, 16, 24, 32)
            java.nio.ByteBuffer b = s.buffer();
            return new DomainInfo(b.get(0) & 0xff, b.getLong(8), b.getLong(16), b.getShort(24) & 0xffff, b.getLong(32));
        } finally {
            s.give();
        }
    }

    @Override
    public DomainStateInfo getState() {
        return h.call("virDomainGetState", d -> {
            int[] state = new int[1];
            int[] reason = new int[1];
            Errors.check(Virt.virDomainGetState(d, state, reason, 0), "virDomainGetState");
            return new DomainStateInfo(state[0], reason[0]);
        });
    }

    @Override
    public void create(int flags) {
        int mask = flags;
        if (mask == 0) {
            long d = h.acquire("virDomainCreate");
            try {
                Errors.check(Virt.virDomainCreate(d), "virDomainCreate");
            } finally {
                h.release();
            }
            return;
        }
        h.run("virDomainCreateWithFlags", d -> {
            Errors.check(Virt.virDomainCreateWithFlags(d, mask), "virDomainCreateWithFlags");
        });
    }

    @Override
    public void destroy(int flags) {
        int mask = flags;
        if (mask == 0) {
            long d = h.acquire("virDomainDestroy");
            try {
                Errors.check(Virt.virDomainDestroy(d), "virDomainDestroy");
            } finally {
                h.release();
            }
            return;
        }
        h.run("virDomainDestroyFlags", d -> Errors.check(Virt.virDomainDestroyFlags(d, mask), "virDomainDestroyFlags"));
    }

    @Override
    public long getMaxMemory() {
        return h.call("virDomainGetMaxMemory", d -> {
            long kib = Virt.virDomainGetMaxMemory(d);
            if (kib == 0 && Errors.pending()) {
                throw Errors.last("virDomainGetMaxMemory");
            }
            return kib;
        });
    }

    @Override
    public DomainMemoryParameters getMemoryParameters(int flags) {
        int mask = flags;
        return h.call("virDomainGetMemoryParameters", d -> {
            // First call with no array asks for the count, as libvirt documents.
            int[] count = {0};
            Errors.check(Virt.virDomainGetMemoryParameters(d, 0, count, mask), "virDomainGetMemoryParameters");
            List<TypedParameter> params = TypedParams.fetch(count[0],
                    (array, n) -> Virt.virDomainGetMemoryParameters(d, array, n, mask), "virDomainGetMemoryParameters");
            return TypedParameters.unpackMemory(params);
        });
    }

    @Override
    public void setMemoryParameters(DomainMemoryParameters params, int flags) {
        List<TypedParameter> list = TypedParameters.pack(Objects.requireNonNull(params, "params"));
        int mask = flags;
        long d = h.acquire("virDomainSetMemoryParameters");
        try (TypedParams.Packed packed = TypedParams.pack(list)) {
            Errors.check(Virt.virDomainSetMemoryParameters(d, packed.address(), packed.count(), mask),
                    "virDomainSetMemoryParameters");
        } finally {
            h.release();
        }
    }

    @Override
    public DomainSchedulerParameters getSchedulerParameters() {
        return h.call("virDomainGetSchedulerParameters", d -> {
            int[] count = {0};
            String type = Errors.ownedString(Virt.virDomainGetSchedulerType(d, count), "virDomainGetSchedulerType");
            List<TypedParameter> params = TypedParams.fetch(count[0],
                    (array, n) -> Virt.virDomainGetSchedulerParameters(d, array, n), "virDomainGetSchedulerParameters");
            return TypedParameters.unpackScheduler(type, params);
        });
    }

    @Override
    public DomainSchedulerParameters getSchedulerParametersFlags(int flags) {
        int mask = flags;
        return h.call("virDomainGetSchedulerParametersFlags", d -> {
            int[] count = {0};
            String type = Errors.ownedString(Virt.virDomainGetSchedulerType(d, count), "virDomainGetSchedulerType");
            List<TypedParameter> params = TypedParams.fetch(count[0],
                    (array, n) -> Virt.virDomainGetSchedulerParametersFlags(d, array, n, mask),
                    "virDomainGetSchedulerParametersFlags");
            return TypedParameters.unpackScheduler(type, params);
        });
    }

    @Override
    public void setSchedulerParameters(DomainSchedulerParameters params) {
        List<TypedParameter> list = TypedParameters.pack(Objects.requireNonNull(params, "params"));
        long d = h.acquire("virDomainSetSchedulerParameters");
        try (TypedParams.Packed packed = TypedParams.pack(list)) {
            Errors.check(Virt.virDomainSetSchedulerParameters(d, packed.address(), packed.count()),
                    "virDomainSetSchedulerParameters");
        } finally {
            h.release();
        }
    }

    @Override
    public void setSchedulerParametersFlags(DomainSchedulerParameters params, int flags) {
        List<TypedParameter> list = TypedParameters.pack(Objects.requireNonNull(params, "params"));
        int mask = flags;
        long d = h.acquire("virDomainSetSchedulerParametersFlags");
        try (TypedParams.Packed packed = TypedParams.pack(list)) {
            Errors.check(Virt.virDomainSetSchedulerParametersFlags(d, packed.address(), packed.count(), mask),
                    "virDomainSetSchedulerParametersFlags");
        } finally {
            h.release();
        }
    }

    @Override
    public String screenshot(Stream stream, int screen) {
        NativeHandle sh = JnaHandle.of(stream, JnaStream.class, ObjectKind.STREAM, "virDomainScreenshot");
        return h.call("virDomainScreenshot", d -> {
            long s = sh.acquire("virDomainScreenshot");
            try {
                return Errors.ownedString(Virt.virDomainScreenshot(d, s, screen, 0), "virDomainScreenshot");
            } finally {
                sh.release();
            }
        });
    }

    @Override
    public void setMetadata(DomainMetadataType type, String metadata, String key, String uri,
            int flags) {
        Objects.requireNonNull(type, "type");
        byte[] m = metadata == null ? null : CStrings.of(metadata);
        byte[] k = key == null ? null : CStrings.of(key);
        byte[] u = uri == null ? null : CStrings.of(uri);
        int mask = flags;
        h.run("virDomainSetMetadata", d -> {
            Errors.check(Virt.virDomainSetMetadata(d, type.value(), m, k, u, mask), "virDomainSetMetadata");
        });
    }

    @Override
    public String getMetadata(DomainMetadataType type, String uri, int flags) {
        Objects.requireNonNull(type, "type");
        byte[] u = uri == null ? null : CStrings.of(uri);
        int mask = flags;
        return h.call("virDomainGetMetadata", d -> {
            return Errors.ownedString(Virt.virDomainGetMetadata(d, type.value(), u, mask), "virDomainGetMetadata");
        });
    }

    @Override
    public boolean hasManagedSaveImage() {
        return h.call("virDomainHasManagedSaveImage", d -> {
            return Errors.check(Virt.virDomainHasManagedSaveImage(d, 0), "virDomainHasManagedSaveImage") != 0;
        });
    }

    @Override
    public void managedSaveRemove() {
        h.run("virDomainManagedSaveRemove", d -> {
            Errors.check(Virt.virDomainManagedSaveRemove(d, 0), "virDomainManagedSaveRemove");
        });
    }

    @Override
    public void reset() {
        h.run("virDomainReset", d -> Errors.check(Virt.virDomainReset(d, 0), "virDomainReset"));
    }

    @Override
    public DomainBlockStats blockStats(String disk) {
        byte[] path = CStrings.of(Objects.requireNonNull(disk, "disk"));
        return h.call("virDomainBlockStats", d -> {
            // struct _virDomainBlockStats: five long longs
            long[] raw = new long[5];
            Errors.check(Virt.virDomainBlockStats(d, path, raw, raw.length * 8L), "virDomainBlockStats");
            return new DomainBlockStats(raw[0], raw[1], raw[2], raw[3], raw[4]);
        });
    }

    @Override
    public DomainInterfaceStats interfaceStats(String device) {
        byte[] path = CStrings.of(Objects.requireNonNull(device, "device"));
        return h.call("virDomainInterfaceStats", d -> {
            // struct _virDomainInterfaceStats: eight long longs
            long[] raw = new long[8];
            Errors.check(Virt.virDomainInterfaceStats(d, path, raw, raw.length * 8L), "virDomainInterfaceStats");
            return new DomainInterfaceStats(raw[0], raw[1], raw[2], raw[3], raw[4], raw[5], raw[6], raw[7]);
        });
    }

    @Override
    public List<DomainMemoryStat> memoryStats() {
        int nr = DomainMemoryStatTags.NR.value();
        return h.call("virDomainMemoryStats", d -> {
            // struct _virDomainMemoryStat: int tag (padded to 8), unsigned long long val
            long[] raw = new long[2 * nr];
            int n = Errors.check(Virt.virDomainMemoryStats(d, raw, nr, 0), "virDomainMemoryStats");
            List<DomainMemoryStat> stats = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                stats.add(new DomainMemoryStat(NativeInts.firstInt(raw[2 * i]), raw[2 * i + 1]));
            }
            return List.copyOf(stats);
        });
    }

    private interface DeviceCall {
        int call(long dom, byte[] xml);
    }

    private void device(String fn, String xml, DeviceCall call) {
        byte[] x = CStrings.of(Objects.requireNonNull(xml, "xml"));
        h.run(fn, d -> Errors.check(call.call(d, x), fn));
    }

    // --- snapshots and checkpoints ---------------------------------------------------------

    @Override
    public List<DomainSnapshot> listAllSnapshots(int flags) {
        int mask = flags;
        return h.call("virDomainListAllSnapshots", d -> {
            long[] array = new long[1];
            int n = Errors.check(Virt.virDomainListAllSnapshots(d, array, mask), "virDomainListAllSnapshots");
            return NativeLists.wrap(array[0], n, JnaDomainSnapshot::new);
        });
    }

    @Override
    public DomainSnapshot snapshotLookupByName(String name) {
        byte[] n = CStrings.of(Objects.requireNonNull(name, "name"));
        return h.call("virDomainSnapshotLookupByName", d -> {
            return new JnaDomainSnapshot(Errors.ptr(Virt.virDomainSnapshotLookupByName(d, n, 0),
                    "virDomainSnapshotLookupByName"));
        });
    }

    @Override
    public List<DomainCheckpoint> listAllCheckpoints(int flags) {
        int mask = flags;
        long d = h.acquire("virDomainListAllCheckpoints");
        try {
            long[] array = new long[1];
            int n = Errors.check(VirtCheckpoints.virDomainListAllCheckpoints(d, array, mask),
                    "virDomainListAllCheckpoints");
            return NativeLists.wrap(array[0], n, JnaDomainCheckpoint::new);
        } catch (UnsatisfiedLinkError e) {
            throw Errors.noSupport("virDomainListAllCheckpoints", e);
        } finally {
            h.release();
        }
    }

    @Override
    public DomainCheckpoint checkpointLookupByName(String name) {
        byte[] n = CStrings.of(Objects.requireNonNull(name, "name"));
        long d = h.acquire("virDomainCheckpointLookupByName");
        try {
            return new JnaDomainCheckpoint(Errors.ptr(VirtCheckpoints.virDomainCheckpointLookupByName(d, n, 0),
                    "virDomainCheckpointLookupByName"));
        } catch (UnsatisfiedLinkError e) {
            throw Errors.noSupport("virDomainCheckpointLookupByName", e);
        } finally {
            h.release();
        }
    }

    @Override
    public Object invoke(org.libvirt4j.spi.generated.Fn fn, Object... args) {
        return JnaCalls.invoke(h, fn, args);
    }

    @Override
    public org.libvirt4j.spi.TypedReply invokeTyped(org.libvirt4j.spi.generated.TypedFn fn,
            java.util.List<org.libvirt4j.spi.TypedParameter> params, Object... args) {
        return JnaTypedCalls.invoke(h, fn, params, args);
    }
}

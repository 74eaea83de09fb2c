package org.libvirt4j.jni;

import static org.libvirt4j.jni.LibvirtNatives.*;

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
import org.libvirt4j.DomainMetadataType;
import org.libvirt4j.DomainSchedulerParameters;
import org.libvirt4j.DomainSnapshot;
import org.libvirt4j.DomainStateInfo;
import org.libvirt4j.Stream;
import org.libvirt4j.spi.NativeHandle;
import org.libvirt4j.spi.ObjectKind;
import org.libvirt4j.spi.TypedParameters;
import org.libvirt4j.spi.Uuids;

/** {@link Domain} over a {@code virDomainPtr}; {@link #close()} is {@code virDomainFree}. */
final class JniDomain extends JniObject implements Domain, org.libvirt4j.spi.generated.DomainContract,
        org.libvirt4j.spi.generated.DomainTypedContract, JniDomainIrregular, JniDomainQemu, JniDomainMigrate {

    JniDomain(long dom) {
        super(ObjectKind.DOMAIN, JniNatives.K_DOMAIN, dom);
    }

    @Override
    public String getName() {
        return str("virDomainGetName", d -> virDomainGetName(d));
    }

    @Override
    public UUID getUUID() {
        return Uuids.fromBytes(obj("virDomainGetUUID", d -> virDomainGetUUID(d)));
    }

    @Override
    public String getUUIDString() {
        return str("virDomainGetUUIDString", d -> virDomainGetUUIDString(d));
    }

    @Override
    public int getID() {
        // (unsigned int)-1 is both "inactive" and "failed"; the glue throws only when an error is set.
        return num("virDomainGetID", d -> virDomainGetID(d));
    }

    @Override
    public DomainInfo getInfo() {
        long[] v = new long[5];
        long d = h.acquire("virDomainGetInfo");
        try {
            JniNatives.domainGetInfo(d, v);
        } finally {
            h.release();
        }
        return new DomainInfo((int) v[0], v[1], v[2], (int) v[3], v[4]);
    }

    @Override
    public DomainStateInfo getState() {
        int[] v = new int[2];
        long d = h.acquire("virDomainGetState");
        try {
            JniNatives.domainGetState(d, 0, v);
        } finally {
            h.release();
        }
        return new DomainStateInfo(v[0], v[1]);
    }

    @Override
    public void create(int flags) {
        int mask = flags;
        if (mask == 0) {
            run("virDomainCreate", d -> virDomainCreate(d));
        } else {
            run("virDomainCreateWithFlags", d -> virDomainCreateWithFlags(d, mask));
        }
    }

    @Override
    public void destroy(int flags) {
        int mask = flags;
        if (mask == 0) {
            run("virDomainDestroy", d -> virDomainDestroy(d));
        } else {
            run("virDomainDestroyFlags", d -> virDomainDestroyFlags(d, mask));
        }
    }

    @Override
    public long getMaxMemory() {
        return lng("virDomainGetMaxMemory", d -> virDomainGetMaxMemory(d));
    }

    @Override
    public DomainMemoryParameters getMemoryParameters(int flags) {
        int mask = flags;
        Object[] raw = obj("virDomainGetMemoryParameters", d -> JniNatives.getParams(JniNatives.P_MEMORY, d, mask));
        return TypedParameters.unpackMemory(Params.fromNative(raw));
    }

    @Override
    public void setMemoryParameters(DomainMemoryParameters params, int flags) {
        Objects.requireNonNull(params, "params");
        int mask = flags;
        Params p = Params.toNative(TypedParameters.pack(params));
        run("virDomainSetMemoryParameters", d -> JniNatives.setParams(JniNatives.P_MEMORY, d, p.fields(), p.types(),
                p.values(), p.strings(), mask));
    }

    @Override
    public DomainSchedulerParameters getSchedulerParameters() {
        Object[] raw = obj("virDomainGetSchedulerParameters", d -> JniNatives.getParams(JniNatives.P_SCHED, d, 0));
        return TypedParameters.unpackScheduler((String) raw[0], Params.fromNative(raw));
    }

    @Override
    public DomainSchedulerParameters getSchedulerParametersFlags(int flags) {
        int mask = flags;
        Object[] raw = obj("virDomainGetSchedulerParametersFlags",
                d -> JniNatives.getParams(JniNatives.P_SCHED_FLAGS, d, mask));
        return TypedParameters.unpackScheduler((String) raw[0], Params.fromNative(raw));
    }

    @Override
    public void setSchedulerParameters(DomainSchedulerParameters params) {
        Objects.requireNonNull(params, "params");
        Params p = Params.toNative(TypedParameters.pack(params));
        run("virDomainSetSchedulerParameters", d -> JniNatives.setParams(JniNatives.P_SCHED, d, p.fields(), p.types(),
                p.values(), p.strings(), 0));
    }

    @Override
    public void setSchedulerParametersFlags(DomainSchedulerParameters params, int flags) {
        Objects.requireNonNull(params, "params");
        int mask = flags;
        Params p = Params.toNative(TypedParameters.pack(params));
        run("virDomainSetSchedulerParametersFlags", d -> JniNatives.setParams(JniNatives.P_SCHED_FLAGS, d, p.fields(),
                p.types(), p.values(), p.strings(), mask));
    }

    @Override
    public String screenshot(Stream stream, int screen) {
        Objects.requireNonNull(stream, "stream");
        NativeHandle sh = handleOf(stream, JniStream.class, ObjectKind.STREAM, "virDomainScreenshot");
        return h.call("virDomainScreenshot", d -> {
            long s = sh.acquire("virDomainScreenshot");
            try {
                return virDomainScreenshot(d, s, screen, 0);
            } finally {
                sh.release();
            }
        });
    }

    @Override
    public void setMetadata(DomainMetadataType type, String metadata, String key, String uri,
            int flags) {
        Objects.requireNonNull(type, "type");
        int mask = flags;
        run("virDomainSetMetadata", d -> virDomainSetMetadata(d, type.value(), metadata, key, uri, mask));
    }

    @Override
    public String getMetadata(DomainMetadataType type, String uri, int flags) {
        Objects.requireNonNull(type, "type");
        int mask = flags;
        return str("virDomainGetMetadata", d -> virDomainGetMetadata(d, type.value(), uri, mask));
    }

    @Override
    public boolean hasManagedSaveImage() {
        return bool("virDomainHasManagedSaveImage", d -> virDomainHasManagedSaveImage(d, 0));
    }

    @Override
    public void managedSaveRemove() {
        run("virDomainManagedSaveRemove", d -> virDomainManagedSaveRemove(d, 0));
    }

    @Override
    public void reset() {
        run("virDomainReset", d -> virDomainReset(d, 0));
    }

    @Override
    public DomainBlockStats blockStats(String disk) {
        Objects.requireNonNull(disk, "disk");
        long[] o = new long[5];
        run("virDomainBlockStats", d -> JniNatives.domainBlockStats(d, disk, o));
        return new DomainBlockStats(o[0], o[1], o[2], o[3], o[4]);
    }

    @Override
    public DomainInterfaceStats interfaceStats(String device) {
        Objects.requireNonNull(device, "device");
        long[] o = new long[8];
        run("virDomainInterfaceStats", d -> JniNatives.domainInterfaceStats(d, device, o));
        return new DomainInterfaceStats(o[0], o[1], o[2], o[3], o[4], o[5], o[6], o[7]);
    }

    @Override
    public List<DomainMemoryStat> memoryStats() {
        long[] o = new long[2 * JniNatives.MEMORY_STAT_NR];
        int n = num("virDomainMemoryStats", d -> JniNatives.domainMemoryStats(d, o, 0));
        List<DomainMemoryStat> stats = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            stats.add(new DomainMemoryStat((int) o[2 * i], o[2 * i + 1]));
        }
        return List.copyOf(stats);
    }

    // --- snapshots and checkpoints ---------------------------------------------------------

    @Override
    public List<DomainSnapshot> listAllSnapshots(int flags) {
        int mask = flags;
        return wrap(obj("virDomainListAllSnapshots", d -> JniNatives.listAll(JniNatives.L_SNAPSHOTS, d, mask)),
                JniDomainSnapshot::new);
    }

    @Override
    public DomainSnapshot snapshotLookupByName(String name) {
        Objects.requireNonNull(name, "name");
        return obj("virDomainSnapshotLookupByName", d -> new JniDomainSnapshot(
                ptr(virDomainSnapshotLookupByName(d, name, 0), "virDomainSnapshotLookupByName")));
    }

    @Override
    public List<DomainCheckpoint> listAllCheckpoints(int flags) {
        int mask = flags;
        return wrap(obj("virDomainListAllCheckpoints", d -> JniNatives.listAll(JniNatives.L_CHECKPOINTS, d, mask)),
                JniDomainCheckpoint::new);
    }

    @Override
    public DomainCheckpoint checkpointLookupByName(String name) {
        Objects.requireNonNull(name, "name");
        return obj("virDomainCheckpointLookupByName", d -> new JniDomainCheckpoint(
                ptr(virDomainCheckpointLookupByName(d, name, 0), "virDomainCheckpointLookupByName")));
    }
}

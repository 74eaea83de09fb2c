package org.libvirt4j.remote.internal;

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
import org.libvirt4j.DomainModificationImpact;
import org.libvirt4j.DomainSchedulerParameters;
import org.libvirt4j.DomainSnapshot;
import org.libvirt4j.DomainStateInfo;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.Stream;
import org.libvirt4j.TypedParameterFlags;
import org.libvirt4j.remote.generated.RemoteDomainCheckpointLookupByNameArgs;
import org.libvirt4j.remote.generated.RemoteDomainCreateArgs;
import org.libvirt4j.remote.generated.RemoteDomainCreateWithFlagsArgs;
import org.libvirt4j.remote.generated.RemoteDomainDestroyArgs;
import org.libvirt4j.remote.generated.RemoteDomainDestroyFlagsArgs;
import org.libvirt4j.remote.generated.RemoteDomainGetInfoArgs;
import org.libvirt4j.remote.generated.RemoteDomainGetInfoRet;
import org.libvirt4j.remote.generated.RemoteDomainGetMaxMemoryArgs;
import org.libvirt4j.remote.generated.RemoteDomainGetMaxMemoryRet;
import org.libvirt4j.remote.generated.RemoteDomainGetMemoryParametersArgs;
import org.libvirt4j.remote.generated.RemoteDomainGetMemoryParametersRet;
import org.libvirt4j.remote.generated.RemoteDomainGetSchedulerParametersArgs;
import org.libvirt4j.remote.generated.RemoteDomainGetSchedulerParametersFlagsArgs;
import org.libvirt4j.remote.generated.RemoteDomainGetSchedulerParametersFlagsRet;
import org.libvirt4j.remote.generated.RemoteDomainGetSchedulerParametersRet;
import org.libvirt4j.remote.generated.RemoteDomainGetSchedulerTypeArgs;
import org.libvirt4j.remote.generated.RemoteDomainGetSchedulerTypeRet;
import org.libvirt4j.remote.generated.RemoteDomainGetStateArgs;
import org.libvirt4j.remote.generated.RemoteDomainGetStateRet;
import org.libvirt4j.remote.generated.RemoteDomainListAllCheckpointsArgs;
import org.libvirt4j.remote.generated.RemoteDomainListAllCheckpointsRet;
import org.libvirt4j.remote.generated.RemoteDomainListAllSnapshotsArgs;
import org.libvirt4j.remote.generated.RemoteDomainListAllSnapshotsRet;
import org.libvirt4j.remote.generated.RemoteDomainLookupByUuidArgs;
import org.libvirt4j.remote.generated.RemoteDomainScreenshotArgs;
import org.libvirt4j.remote.generated.RemoteDomainMemoryStatsRet;
import org.libvirt4j.remote.generated.RemoteDomainMemoryStatsArgs;
import org.libvirt4j.remote.generated.RemoteDomainInterfaceStatsRet;
import org.libvirt4j.remote.generated.RemoteDomainInterfaceStatsArgs;
import org.libvirt4j.remote.generated.RemoteDomainBlockStatsRet;
import org.libvirt4j.remote.generated.RemoteDomainBlockStatsArgs;
import org.libvirt4j.remote.generated.RemoteDomainResetArgs;
import org.libvirt4j.remote.generated.RemoteDomainManagedSaveRemoveArgs;
import org.libvirt4j.remote.generated.RemoteDomainHasManagedSaveImageRet;
import org.libvirt4j.remote.generated.RemoteDomainHasManagedSaveImageArgs;
import org.libvirt4j.remote.generated.RemoteDomainGetMetadataRet;
import org.libvirt4j.remote.generated.RemoteDomainGetMetadataArgs;
import org.libvirt4j.remote.generated.RemoteDomainSetMetadataArgs;
import org.libvirt4j.remote.generated.RemoteDomainScreenshotRet;
import org.libvirt4j.remote.generated.RemoteDomainSetMemoryParametersArgs;
import org.libvirt4j.remote.generated.RemoteDomainSetSchedulerParametersArgs;
import org.libvirt4j.remote.generated.RemoteDomainSetSchedulerParametersFlagsArgs;
import org.libvirt4j.remote.generated.RemoteDomainSnapshotLookupByNameArgs;
import org.libvirt4j.remote.generated.RemoteNonnullDomain;
import org.libvirt4j.remote.generated.RemoteNonnullDomainCheckpoint;
import org.libvirt4j.remote.generated.RemoteNonnullDomainSnapshot;
import org.libvirt4j.remote.generated.RemoteProcedure;
import org.libvirt4j.remote.generated.RemoteTypedParam;
import org.libvirt4j.spi.ObjectKind;
import org.libvirt4j.spi.TypedParameter;
import org.libvirt4j.spi.TypedParameters;
import org.libvirt4j.spi.Uuids;

/**
 * {@link Domain} over RPC. Name, UUID and id live in the handle, as in libvirt's
 * {@code virDomain}: reading them sends nothing; the id follows create and destroy as the C
 * remote driver updates it.
 */
final class RemoteDomain extends RemoteObject implements Domain, org.libvirt4j.spi.generated.DomainContract,
        org.libvirt4j.spi.generated.DomainTypedContract, RemoteDomainIrregular, RemoteDomainQemu, RemoteDomainMigrate {
    private volatile String name;
    private final byte[] uuid;
    private volatile int id;

    RemoteDomain(Session session, RemoteNonnullDomain ref) {
        super(session, ObjectKind.DOMAIN);
        this.name = ref.name();
        this.uuid = ref.uuid().clone();
        this.id = ref.id();
    }

    RemoteNonnullDomain ref() {
        return new RemoteNonnullDomain(name, uuid, id);
    }

    @Override
    public RemoteNonnullDomain wireDomain() {
        return ref();
    }

    @Override
    public <T> T callRemote(String fn, RemoteProcedure proc, java.util.function.Consumer<
            org.libvirt4j.remote.internal.xdr.XdrWriter> args,
            java.util.function.Function<org.libvirt4j.remote.internal.xdr.XdrReader, T> ret) {
        return call(fn, proc, args, ret);
    }

    @Override
    public void renamed(String newName) {
        this.name = newName;
    }

    @Override
    public String getName() {
        check("virDomainGetName");
        return name;
    }

    @Override
    public UUID getUUID() {
        check("virDomainGetUUID");
        return Uuids.fromBytes(uuid);
    }

    @Override
    public String getUUIDString() {
        check("virDomainGetUUIDString");
        return Uuids.fromBytes(uuid).toString();
    }

    @Override
    public int getID() {
        check("virDomainGetID");
        return id;
    }

    @Override
    public DomainInfo getInfo() {
        return call("virDomainGetInfo", RemoteProcedure.REMOTE_PROC_DOMAIN_GET_INFO,
                new RemoteDomainGetInfoArgs(ref())::encode, r -> {
            RemoteDomainGetInfoRet i = RemoteDomainGetInfoRet.decode(r);
            return new DomainInfo(i.state(), i.maxMem(), i.memory(), i.nrVirtCpu(), i.cpuTime());
        });
    }

    @Override
    public DomainStateInfo getState() {
        return call("virDomainGetState", RemoteProcedure.REMOTE_PROC_DOMAIN_GET_STATE,
                new RemoteDomainGetStateArgs(ref(), 0)::encode, r -> {
            RemoteDomainGetStateRet st = RemoteDomainGetStateRet.decode(r);
            return new DomainStateInfo(st.state(), st.reason());
        });
    }

    @Override
    public void create(int flags) {
        int mask = flags;
        if (mask == 0) {
            call("virDomainCreate", RemoteProcedure.REMOTE_PROC_DOMAIN_CREATE,
                    new RemoteDomainCreateArgs(ref())::encode, null);
            // DOMAIN_CREATE returns nothing; like the C driver, look the domain up for its new id.
            try {
                id = call("virDomainCreate", RemoteProcedure.REMOTE_PROC_DOMAIN_LOOKUP_BY_UUID,
                        new RemoteDomainLookupByUuidArgs(uuid)::encode,
                        RemoteNonnullDomain::decode).id();
            } catch (LibvirtException e) {
                // a transient domain that stopped at once: the start itself succeeded
            }
            return;
        }
        id = call("virDomainCreateWithFlags", RemoteProcedure.REMOTE_PROC_DOMAIN_CREATE_WITH_FLAGS,
                new RemoteDomainCreateWithFlagsArgs(ref(), mask)::encode, RemoteNonnullDomain::decode).id();
    }

    /** Here, not in {@link RemoteDomainIrregular}: a start updates the id this handle keeps. */
    @Override
    public void rawCreateWithFiles(int[] files, int flags) {
        String fn = "virDomainCreateWithFiles";
        // without descriptors the procedure is an ordinary call, as libvirt's client sends it
        id = sessionFor(fn).callWithFds(org.libvirt4j.remote.generated.RemoteProtocol.REMOTE_PROGRAM, RemoteProcedure.REMOTE_PROC_DOMAIN_CREATE_WITH_FILES.value(),
                new org.libvirt4j.remote.generated.RemoteDomainCreateWithFilesArgs(ref(), flags)::encode, files,
                r -> org.libvirt4j.remote.generated.RemoteDomainCreateWithFilesRet.decode(r).dom().id()).value();
    }

    @Override
    public void destroy(int flags) {
        int mask = flags;
        if (mask == 0) {
            call("virDomainDestroy", RemoteProcedure.REMOTE_PROC_DOMAIN_DESTROY,
                    new RemoteDomainDestroyArgs(ref())::encode, null);
        } else {
            call("virDomainDestroyFlags", RemoteProcedure.REMOTE_PROC_DOMAIN_DESTROY_FLAGS,
                    new RemoteDomainDestroyFlagsArgs(ref(), mask)::encode, null);
        }
        id = -1;
    }

    @Override
    public long getMaxMemory() {
        return call("virDomainGetMaxMemory", RemoteProcedure.REMOTE_PROC_DOMAIN_GET_MAX_MEMORY,
                new RemoteDomainGetMaxMemoryArgs(ref())::encode, RemoteDomainGetMaxMemoryRet::decode).memory();
    }

    // --- typed parameters -------------------------------------------------------------------

    /** libvirt's {@code VIR_EXCLUSIVE_FLAGS_GOTO(VIR_DOMAIN_AFFECT_LIVE, VIR_DOMAIN_AFFECT_CONFIG)}. */
    private static void liveConfigExclusive(int mask) {
        int live = DomainModificationImpact.LIVE.value();
        int config = DomainModificationImpact.CONFIG.value();
        if ((mask & live) != 0 && (mask & config) != 0) {
            throw LibvirtException.of(ErrorNumber.ERR_INVALID_ARG, ErrorDomain.DOMAIN,
                    "Flags 'VIR_DOMAIN_AFFECT_LIVE' and 'VIR_DOMAIN_AFFECT_CONFIG' are mutually exclusive");
        }
    }

    /**
     * The native backends pass no parameters as a NULL array, which libvirt rejects before sending
     * anything; every backend reports it the same way.
     */
    private static void requireParams(List<RemoteTypedParam> list, String fn) {
        if (list.isEmpty()) {
            throw LibvirtException.of(ErrorNumber.ERR_INVALID_ARG, ErrorDomain.DOMAIN,
                    "params in " + fn + " must not be NULL");
        }
    }

    private int withStringOkay(int mask) {
        return session.typedParamString ? mask | TypedParameterFlags.STRING_OKAY.value() : mask;
    }

    @Override
    public DomainMemoryParameters getMemoryParameters(int flags) {
        int mask = flags;
        acquire("virDomainGetMemoryParameters");
        try {
            liveConfigExclusive(mask);
            int wire = withStringOkay(mask);
            // First ask how many parameters there are, then fetch them, as virsh does.
            int count = session.call(RemoteProcedure.REMOTE_PROC_DOMAIN_GET_MEMORY_PARAMETERS,
                    new RemoteDomainGetMemoryParametersArgs(ref(), 0, wire)::encode,
                    RemoteDomainGetMemoryParametersRet::decode).nparams();
            if (count == 0) {
                return TypedParameters.unpackMemory(List.of());
            }
            RemoteDomainGetMemoryParametersRet ret = session.call(
                    RemoteProcedure.REMOTE_PROC_DOMAIN_GET_MEMORY_PARAMETERS,
                    new RemoteDomainGetMemoryParametersArgs(ref(), count, wire)::encode,
                    RemoteDomainGetMemoryParametersRet::decode);
            return TypedParameters.unpackMemory(Wire.fromWire(ret.params()));
        } finally {
            release();
        }
    }

    @Override
    public void setMemoryParameters(DomainMemoryParameters params, int flags) {
        Objects.requireNonNull(params, "params");
        int mask = flags;
        List<TypedParameter> list = TypedParameters.pack(params);
        acquire("virDomainSetMemoryParameters");
        try {
            if (list.isEmpty()) {
                throw LibvirtException.of(ErrorNumber.ERR_INVALID_ARG, ErrorDomain.DOMAIN,
                        "nparams in virDomainSetMemoryParameters must be greater than zero");
            }
            session.call(RemoteProcedure.REMOTE_PROC_DOMAIN_SET_MEMORY_PARAMETERS,
                    new RemoteDomainSetMemoryParametersArgs(ref(), Wire.toWire(list), mask)::encode, null);
        } finally {
            release();
        }
    }

    @Override
    public DomainSchedulerParameters getSchedulerParameters() {
        acquire("virDomainGetSchedulerParameters");
        try {
            RemoteDomainGetSchedulerTypeRet t = schedulerType();
            RemoteDomainGetSchedulerParametersRet ret = session.call(
                    RemoteProcedure.REMOTE_PROC_DOMAIN_GET_SCHEDULER_PARAMETERS,
                    new RemoteDomainGetSchedulerParametersArgs(ref(), t.nparams())::encode,
                    RemoteDomainGetSchedulerParametersRet::decode);
            return TypedParameters.unpackScheduler(t.type(), Wire.fromWire(ret.params()));
        } finally {
            release();
        }
    }

    @Override
    public DomainSchedulerParameters getSchedulerParametersFlags(int flags) {
        int mask = flags;
        acquire("virDomainGetSchedulerParametersFlags");
        try {
            RemoteDomainGetSchedulerTypeRet t = schedulerType();
            liveConfigExclusive(mask);
            int wire = withStringOkay(mask);
            RemoteDomainGetSchedulerParametersFlagsRet ret = session.call(
                    RemoteProcedure.REMOTE_PROC_DOMAIN_GET_SCHEDULER_PARAMETERS_FLAGS,
                    new RemoteDomainGetSchedulerParametersFlagsArgs(ref(), t.nparams(), wire)::encode,
                    RemoteDomainGetSchedulerParametersFlagsRet::decode);
            return TypedParameters.unpackScheduler(t.type(), Wire.fromWire(ret.params()));
        } finally {
            release();
        }
    }

    private RemoteDomainGetSchedulerTypeRet schedulerType() {
        return session.call(RemoteProcedure.REMOTE_PROC_DOMAIN_GET_SCHEDULER_TYPE,
                new RemoteDomainGetSchedulerTypeArgs(ref())::encode, RemoteDomainGetSchedulerTypeRet::decode);
    }

    @Override
    public void setSchedulerParameters(DomainSchedulerParameters params) {
        Objects.requireNonNull(params, "params");
        List<RemoteTypedParam> list = Wire.toWire(TypedParameters.pack(params));
        acquire("virDomainSetSchedulerParameters");
        try {
            requireParams(list, "virDomainSetSchedulerParameters");
        } finally {
            release();
        }
        call("virDomainSetSchedulerParameters", RemoteProcedure.REMOTE_PROC_DOMAIN_SET_SCHEDULER_PARAMETERS,
                new RemoteDomainSetSchedulerParametersArgs(ref(), list)::encode, null);
    }

    @Override
    public void setSchedulerParametersFlags(DomainSchedulerParameters params, int flags) {
        Objects.requireNonNull(params, "params");
        int mask = flags;
        List<RemoteTypedParam> list = Wire.toWire(TypedParameters.pack(params));
        acquire("virDomainSetSchedulerParametersFlags");
        try {
            requireParams(list, "virDomainSetSchedulerParametersFlags");
            liveConfigExclusive(mask);
            session.call(RemoteProcedure.REMOTE_PROC_DOMAIN_SET_SCHEDULER_PARAMETERS_FLAGS,
                    new RemoteDomainSetSchedulerParametersFlagsArgs(ref(), list, mask)::encode, null);
        } finally {
            release();
        }
    }

    @Override
    public String screenshot(Stream stream, int screen) {
        Objects.requireNonNull(stream, "stream");
        acquire("virDomainScreenshot");
        try {
            RemoteStream rs = RemoteStream.of(stream, session, "virDomainScreenshot",
                    () -> LibvirtException.of(ErrorNumber.ERR_INVALID_ARG, ErrorDomain.DOMAIN,
                            "stream must match connection of domain '" + name + "'"));
            return rs.open("virDomainScreenshot",
                    rpc -> session.callStream(RemoteProcedure.REMOTE_PROC_DOMAIN_SCREENSHOT,
                            new RemoteDomainScreenshotArgs(ref(), screen, 0)::encode, RemoteDomainScreenshotRet::decode,
                            rpc).mime());
        } finally {
            release();
        }
    }

    @Override
    public void setMetadata(DomainMetadataType type, String metadata, String key, String uri,
            int flags) {
        Objects.requireNonNull(type, "type");
        int mask = flags;
        call("virDomainSetMetadata", RemoteProcedure.REMOTE_PROC_DOMAIN_SET_METADATA,
                new RemoteDomainSetMetadataArgs(ref(), type.value(), metadata, key, uri, mask)::encode, null);
    }

    @Override
    public String getMetadata(DomainMetadataType type, String uri, int flags) {
        Objects.requireNonNull(type, "type");
        int mask = flags;
        return call("virDomainGetMetadata", RemoteProcedure.REMOTE_PROC_DOMAIN_GET_METADATA,
                new RemoteDomainGetMetadataArgs(ref(), type.value(), uri, mask)::encode,
                RemoteDomainGetMetadataRet::decode).metadata();
    }

    @Override
    public boolean hasManagedSaveImage() {
        return call("virDomainHasManagedSaveImage", RemoteProcedure.REMOTE_PROC_DOMAIN_HAS_MANAGED_SAVE_IMAGE,
                new RemoteDomainHasManagedSaveImageArgs(ref(), 0)::encode,
                RemoteDomainHasManagedSaveImageRet::decode).result() != 0;
    }

    @Override
    public void managedSaveRemove() {
        call("virDomainManagedSaveRemove", RemoteProcedure.REMOTE_PROC_DOMAIN_MANAGED_SAVE_REMOVE,
                new RemoteDomainManagedSaveRemoveArgs(ref(), 0)::encode, null);
    }

    @Override
    public void reset() {
        call("virDomainReset", RemoteProcedure.REMOTE_PROC_DOMAIN_RESET, new RemoteDomainResetArgs(ref(), 0)::encode,
                null);
    }

    @Override
    public DomainBlockStats blockStats(String disk) {
        Objects.requireNonNull(disk, "disk");
        RemoteDomainBlockStatsRet r = call("virDomainBlockStats", RemoteProcedure.REMOTE_PROC_DOMAIN_BLOCK_STATS,
                new RemoteDomainBlockStatsArgs(ref(), disk)::encode, RemoteDomainBlockStatsRet::decode);
        return new DomainBlockStats(r.rdReq(), r.rdBytes(), r.wrReq(), r.wrBytes(), r.errs());
    }

    @Override
    public DomainInterfaceStats interfaceStats(String device) {
        Objects.requireNonNull(device, "device");
        RemoteDomainInterfaceStatsRet r = call("virDomainInterfaceStats",
                RemoteProcedure.REMOTE_PROC_DOMAIN_INTERFACE_STATS,
                new RemoteDomainInterfaceStatsArgs(ref(), device)::encode, RemoteDomainInterfaceStatsRet::decode);
        return new DomainInterfaceStats(r.rxBytes(), r.rxPackets(), r.rxErrs(), r.rxDrop(), r.txBytes(),
                r.txPackets(), r.txErrs(), r.txDrop());
    }

    @Override
    public List<DomainMemoryStat> memoryStats() {
        int nr = DomainMemoryStatTags.NR.value();
        RemoteDomainMemoryStatsRet r = call("virDomainMemoryStats", RemoteProcedure.REMOTE_PROC_DOMAIN_MEMORY_STATS,
                new RemoteDomainMemoryStatsArgs(ref(), nr, 0)::encode, RemoteDomainMemoryStatsRet::decode);
        // the C client copies at most the entries it asked for
        return r.stats().stream().limit(nr).map(m -> new DomainMemoryStat(m.tag(), m.val())).toList();
    }

    // --- snapshots and checkpoints ---------------------------------------------------------

    @Override
    public List<DomainSnapshot> listAllSnapshots(int flags) {
        int mask = flags;
        return wrap(call("virDomainListAllSnapshots", RemoteProcedure.REMOTE_PROC_DOMAIN_LIST_ALL_SNAPSHOTS,
                new RemoteDomainListAllSnapshotsArgs(ref(), 1, mask)::encode,
                r -> RemoteDomainListAllSnapshotsRet.decode(r).snapshots()),
                c -> new RemoteDomainSnapshot(session, c));
    }

    @Override
    public DomainSnapshot snapshotLookupByName(String snapshotName) {
        Objects.requireNonNull(snapshotName, "name");
        return new RemoteDomainSnapshot(session, call("virDomainSnapshotLookupByName",
                RemoteProcedure.REMOTE_PROC_DOMAIN_SNAPSHOT_LOOKUP_BY_NAME,
                new RemoteDomainSnapshotLookupByNameArgs(ref(), snapshotName, 0)::encode,
                RemoteNonnullDomainSnapshot::decode));
    }

    @Override
    public List<DomainCheckpoint> listAllCheckpoints(int flags) {
        int mask = flags;
        return wrap(call("virDomainListAllCheckpoints", RemoteProcedure.REMOTE_PROC_DOMAIN_LIST_ALL_CHECKPOINTS,
                new RemoteDomainListAllCheckpointsArgs(ref(), 1, mask)::encode,
                r -> RemoteDomainListAllCheckpointsRet.decode(r).checkpoints()),
                c -> new RemoteDomainCheckpoint(session, c));
    }

    @Override
    public DomainCheckpoint checkpointLookupByName(String checkpointName) {
        Objects.requireNonNull(checkpointName, "name");
        return new RemoteDomainCheckpoint(session, call("virDomainCheckpointLookupByName",
                RemoteProcedure.REMOTE_PROC_DOMAIN_CHECKPOINT_LOOKUP_BY_NAME,
                new RemoteDomainCheckpointLookupByNameArgs(ref(), checkpointName, 0)::encode,
                RemoteNonnullDomainCheckpoint::decode));
    }

    @Override
    Object wireRef() {
        return ref();
    }
}

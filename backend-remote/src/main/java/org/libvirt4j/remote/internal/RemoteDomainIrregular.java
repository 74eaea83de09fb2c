package org.libvirt4j.remote.internal;

import org.libvirt4j.FileDescriptors;
import java.util.List;
import java.nio.charset.StandardCharsets;
import org.libvirt4j.Connect;
import org.libvirt4j.DomainDiskError;
import org.libvirt4j.DomainFSInfo;
import org.libvirt4j.DomainIPAddress;
import org.libvirt4j.DomainInterface;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.SecurityLabel;
import org.libvirt4j.remote.generated.RemoteDomainGetDiskErrorsArgs;
import org.libvirt4j.remote.generated.RemoteDomainGetDiskErrorsRet;
import org.libvirt4j.remote.generated.RemoteDomainGetFsinfoArgs;
import org.libvirt4j.remote.generated.RemoteDomainGetFsinfoRet;
import org.libvirt4j.remote.generated.RemoteDomainFsfreezeArgs;
import org.libvirt4j.remote.generated.RemoteDomainFsfreezeRet;
import org.libvirt4j.remote.generated.RemoteDomainFsthawArgs;
import org.libvirt4j.remote.generated.RemoteDomainFsthawRet;
import org.libvirt4j.remote.generated.RemoteDomainInterfaceAddressesArgs;
import org.libvirt4j.remote.generated.RemoteDomainInterfaceAddressesRet;
import org.libvirt4j.remote.generated.RemoteDomainGetSecurityLabelArgs;
import org.libvirt4j.remote.generated.RemoteDomainGetSecurityLabelRet;
import org.libvirt4j.remote.generated.RemoteDomainGetSecurityLabelListArgs;
import org.libvirt4j.remote.generated.RemoteDomainGetSecurityLabelListRet;
import org.libvirt4j.remote.generated.RemoteDomainGetMessagesArgs;
import org.libvirt4j.remote.generated.RemoteDomainGetMessagesRet;
import org.libvirt4j.remote.generated.RemoteDomainAuthorizedSshKeysGetArgs;
import org.libvirt4j.remote.generated.RemoteDomainAuthorizedSshKeysGetRet;
import org.libvirt4j.remote.generated.RemoteDomainAuthorizedSshKeysSetArgs;
import org.libvirt4j.remote.generated.RemoteDomainBlockPeekArgs;
import org.libvirt4j.remote.generated.RemoteDomainBlockPeekRet;
import org.libvirt4j.remote.generated.RemoteDomainMemoryPeekArgs;
import org.libvirt4j.remote.generated.RemoteDomainMemoryPeekRet;
import org.libvirt4j.remote.generated.RemoteDomainSnapshotListNamesArgs;
import org.libvirt4j.remote.generated.RemoteDomainSnapshotListNamesRet;
import java.util.function.Consumer;
import java.util.function.Function;
import org.libvirt4j.remote.generated.RemoteDomainGetBlockInfoArgs;
import org.libvirt4j.remote.generated.RemoteDomainGetCpuStatsArgs;
import org.libvirt4j.remote.generated.RemoteDomainGetCpuStatsRet;
import org.libvirt4j.remote.generated.RemoteDomainGetBlockInfoRet;
import org.libvirt4j.remote.generated.RemoteDomainGetBlockJobInfoArgs;
import org.libvirt4j.remote.generated.RemoteDomainGetBlockJobInfoRet;
import org.libvirt4j.remote.generated.RemoteDomainGetControlInfoArgs;
import org.libvirt4j.remote.generated.RemoteDomainGetControlInfoRet;
import org.libvirt4j.remote.generated.RemoteDomainGetEmulatorPinInfoArgs;
import org.libvirt4j.remote.generated.RemoteDomainGetEmulatorPinInfoRet;
import org.libvirt4j.remote.generated.RemoteDomainGetIothreadInfoArgs;
import org.libvirt4j.remote.generated.RemoteDomainGetIothreadInfoRet;
import org.libvirt4j.remote.generated.RemoteDomainGetJobInfoArgs;
import org.libvirt4j.remote.generated.RemoteDomainGetJobInfoRet;
import org.libvirt4j.remote.generated.RemoteDomainGetSchedulerTypeArgs;
import org.libvirt4j.remote.generated.RemoteDomainGetSchedulerTypeRet;
import org.libvirt4j.remote.generated.RemoteDomainGetTimeArgs;
import org.libvirt4j.remote.generated.RemoteDomainGetTimeRet;
import org.libvirt4j.remote.generated.RemoteDomainGetVcpuPinInfoArgs;
import org.libvirt4j.remote.generated.RemoteDomainGetVcpuPinInfoRet;
import org.libvirt4j.remote.generated.RemoteDomainGetVcpusArgs;
import org.libvirt4j.remote.generated.RemoteDomainGetVcpusRet;
import org.libvirt4j.remote.generated.RemoteDomainIothreadInfo;
import org.libvirt4j.remote.generated.RemoteDomainPinEmulatorArgs;
import org.libvirt4j.remote.generated.RemoteDomainPinIothreadArgs;
import org.libvirt4j.remote.generated.RemoteDomainPinVcpuArgs;
import org.libvirt4j.remote.generated.RemoteDomainPinVcpuFlagsArgs;
import org.libvirt4j.remote.generated.RemoteDomainRenameArgs;
import org.libvirt4j.remote.generated.RemoteDomainRenameRet;
import org.libvirt4j.remote.generated.RemoteDomainSendKeyArgs;
import org.libvirt4j.remote.generated.RemoteNodeGetInfoRet;
import org.libvirt4j.remote.generated.RemoteNonnullDomain;
import org.libvirt4j.remote.generated.RemoteProcedure;
import org.libvirt4j.remote.generated.RemoteVcpuInfo;
import org.libvirt4j.remote.internal.xdr.XdrReader;
import org.libvirt4j.remote.internal.xdr.XdrWriter;
import org.libvirt4j.spi.DomainIrregularContract;

/**
 * The raw operations of {@link DomainIrregularContract} as remote procedures, each what libvirt's
 * own remote client sends for the C function.
 */
interface RemoteDomainIrregular extends DomainIrregularContract {

    /** {@return the domain's reference on the wire} */
    RemoteNonnullDomain wireDomain();

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

    /**
     * Records the new name after a successful rename, as libvirt's remote client does.
     *
     * @param name the new name
     */
    void renamed(String name);

    @Override
    default long[] rawStruct(StructCall call, String disk, int flags) {
        RemoteNonnullDomain d = wireDomain();
        return switch (call) {
            case BLOCK_INFO -> {
                RemoteDomainGetBlockInfoRet r = callRemote(call.function(),
                        RemoteProcedure.REMOTE_PROC_DOMAIN_GET_BLOCK_INFO,
                        new RemoteDomainGetBlockInfoArgs(d, disk, flags)::encode, RemoteDomainGetBlockInfoRet::decode);
                yield new long[] {r.capacity(), r.allocation(), r.physical()};
            }
            case JOB_INFO -> {
                RemoteDomainGetJobInfoRet r = callRemote(call.function(), RemoteProcedure.REMOTE_PROC_DOMAIN_GET_JOB_INFO,
                        new RemoteDomainGetJobInfoArgs(d)::encode, RemoteDomainGetJobInfoRet::decode);
                yield new long[] {r.type(), r.timeElapsed(), r.timeRemaining(), r.dataTotal(), r.dataProcessed(),
                    r.dataRemaining(), r.memTotal(), r.memProcessed(), r.memRemaining(), r.fileTotal(),
                    r.fileProcessed(), r.fileRemaining()};
            }
            case CONTROL_INFO -> {
                RemoteDomainGetControlInfoRet r = callRemote(call.function(),
                        RemoteProcedure.REMOTE_PROC_DOMAIN_GET_CONTROL_INFO,
                        new RemoteDomainGetControlInfoArgs(d, flags)::encode, RemoteDomainGetControlInfoRet::decode);
                yield new long[] {Integer.toUnsignedLong(r.state()), Integer.toUnsignedLong(r.details()), r.stateTime()};
            }
            case BLOCK_JOB_INFO -> {
                RemoteDomainGetBlockJobInfoRet r = callRemote(call.function(),
                        RemoteProcedure.REMOTE_PROC_DOMAIN_GET_BLOCK_JOB_INFO,
                        new RemoteDomainGetBlockJobInfoArgs(d, disk, flags)::encode,
                        RemoteDomainGetBlockJobInfoRet::decode);
                yield r.found() == 0 ? new long[5]
                        : new long[] {1, r.type(), r.bandwidth(), r.cur(), r.end()};
            }
            case TIME -> {
                RemoteDomainGetTimeRet r = callRemote(call.function(), RemoteProcedure.REMOTE_PROC_DOMAIN_GET_TIME,
                        new RemoteDomainGetTimeArgs(d, flags)::encode, RemoteDomainGetTimeRet::decode);
                yield new long[] {r.seconds(), Integer.toUnsignedLong(r.nseconds())};
            }
        };
    }

    @Override
    default String rawSchedulerType() {
        return callRemote("virDomainGetSchedulerType", RemoteProcedure.REMOTE_PROC_DOMAIN_GET_SCHEDULER_TYPE,
                new RemoteDomainGetSchedulerTypeArgs(wireDomain())::encode, RemoteDomainGetSchedulerTypeRet::decode)
                .type();
    }

    @Override
    default void rawRename(String name, int flags) {
        RemoteDomainRenameRet r = callRemote("virDomainRename", RemoteProcedure.REMOTE_PROC_DOMAIN_RENAME,
                new RemoteDomainRenameArgs(wireDomain(), name, flags)::encode, RemoteDomainRenameRet::decode);
        if (r.retcode() == 0) {
            renamed(name);
        }
    }

    @Override
    default void rawSendKey(int codeset, int holdtime, int[] keycodes, int flags) {
        List<Integer> codes = java.util.Arrays.stream(keycodes).boxed().toList();
        callRemote("virDomainSendKey", RemoteProcedure.REMOTE_PROC_DOMAIN_SEND_KEY,
                new RemoteDomainSendKeyArgs(wireDomain(), codeset, holdtime, codes, flags)::encode, null);
    }

    @Override
    default void rawPin(PinCall call, int index, byte[] cpumap, int flags) {
        RemoteNonnullDomain d = wireDomain();
        switch (call) {
            case VCPU -> callRemote(call.function, RemoteProcedure.REMOTE_PROC_DOMAIN_PIN_VCPU,
                    new RemoteDomainPinVcpuArgs(d, index, cpumap)::encode, null);
            case VCPU_FLAGS -> callRemote(call.function, RemoteProcedure.REMOTE_PROC_DOMAIN_PIN_VCPU_FLAGS,
                    new RemoteDomainPinVcpuFlagsArgs(d, index, cpumap, flags)::encode, null);
            case EMULATOR -> callRemote(call.function, RemoteProcedure.REMOTE_PROC_DOMAIN_PIN_EMULATOR,
                    new RemoteDomainPinEmulatorArgs(d, cpumap, flags)::encode, null);
            case IOTHREAD -> callRemote(call.function, RemoteProcedure.REMOTE_PROC_DOMAIN_PIN_IOTHREAD,
                    new RemoteDomainPinIothreadArgs(d, index, cpumap, flags)::encode, null);
        }
    }

    @Override
    default int rawHostCpus() {
        RemoteNodeGetInfoRet i = callRemote("virNodeGetInfo", RemoteProcedure.REMOTE_PROC_NODE_GET_INFO, null,
                RemoteNodeGetInfoRet::decode);
        return i.nodes() * i.sockets() * i.cores() * i.threads();
    }

    @Override
    default int rawVcpus(int maxinfo, long[] info, byte[] cpumaps) {
        int maplen = maxinfo == 0 ? 0 : cpumaps.length / maxinfo;
        RemoteDomainGetVcpusRet r = callRemote("virDomainGetVcpus", RemoteProcedure.REMOTE_PROC_DOMAIN_GET_VCPUS,
                new RemoteDomainGetVcpusArgs(wireDomain(), maxinfo, maplen)::encode, RemoteDomainGetVcpusRet::decode);
        int n = Math.min(r.info().size(), maxinfo);
        for (int i = 0; i < n; i++) {
            RemoteVcpuInfo v = r.info().get(i);
            info[4 * i] = Integer.toUnsignedLong(v.number());
            info[4 * i + 1] = v.state();
            info[4 * i + 2] = v.cpuTime();
            info[4 * i + 3] = v.cpu();
        }
        System.arraycopy(r.cpumaps(), 0, cpumaps, 0, Math.min(r.cpumaps().length, cpumaps.length));
        return n;
    }

    @Override
    default int rawVcpuPinInfo(int ncpumaps, byte[] cpumaps, int flags) {
        int maplen = ncpumaps == 0 ? 0 : cpumaps.length / ncpumaps;
        RemoteDomainGetVcpuPinInfoRet r = callRemote("virDomainGetVcpuPinInfo",
                RemoteProcedure.REMOTE_PROC_DOMAIN_GET_VCPU_PIN_INFO,
                new RemoteDomainGetVcpuPinInfoArgs(wireDomain(), ncpumaps, maplen, flags)::encode,
                RemoteDomainGetVcpuPinInfoRet::decode);
        System.arraycopy(r.cpumaps(), 0, cpumaps, 0, Math.min(r.cpumaps().length, cpumaps.length));
        return Math.min(r.num(), ncpumaps);
    }

    @Override
    default void rawEmulatorPinInfo(byte[] cpumap, int flags) {
        RemoteDomainGetEmulatorPinInfoRet r = callRemote("virDomainGetEmulatorPinInfo",
                RemoteProcedure.REMOTE_PROC_DOMAIN_GET_EMULATOR_PIN_INFO,
                new RemoteDomainGetEmulatorPinInfoArgs(wireDomain(), cpumap.length, flags)::encode,
                RemoteDomainGetEmulatorPinInfoRet::decode);
        System.arraycopy(r.cpumaps(), 0, cpumap, 0, Math.min(r.cpumaps().length, cpumap.length));
    }

    @Override
    default RawIOThreads rawIOThreadInfo(int flags) {
        RemoteDomainGetIothreadInfoRet r = callRemote("virDomainGetIOThreadInfo",
                RemoteProcedure.REMOTE_PROC_DOMAIN_GET_IOTHREAD_INFO,
                new RemoteDomainGetIothreadInfoArgs(wireDomain(), flags)::encode, RemoteDomainGetIothreadInfoRet::decode);
        int n = r.info().size();
        int[] ids = new int[n];
        byte[][] maps = new byte[n][];
        for (int i = 0; i < n; i++) {
            RemoteDomainIothreadInfo t = r.info().get(i);
            ids[i] = t.iothreadId();
            maps[i] = t.cpumap();
        }
        return new RawIOThreads(ids, maps);
    }

    /** libvirt's {@code REMOTE_DOMAIN_BLOCK_PEEK_BUFFER_MAX} (and the memory peek one). */
    int PEEK_BUFFER_MAX = 4194304;

    @Override
    default int rawDiskErrorCount() {
        // with no array libvirt's client sends maxerrors 0, and the reply carries the count
        return callRemote("virDomainGetDiskErrors", RemoteProcedure.REMOTE_PROC_DOMAIN_GET_DISK_ERRORS,
                new RemoteDomainGetDiskErrorsArgs(wireDomain(), 0, 0)::encode, RemoteDomainGetDiskErrorsRet::decode)
                .nerrors();
    }

    @Override
    default List<DomainDiskError> rawDiskErrors(int maxerrors, int flags) {
        RemoteDomainGetDiskErrorsRet r = callRemote("virDomainGetDiskErrors",
                RemoteProcedure.REMOTE_PROC_DOMAIN_GET_DISK_ERRORS,
                new RemoteDomainGetDiskErrorsArgs(wireDomain(), maxerrors, flags)::encode,
                RemoteDomainGetDiskErrorsRet::decode);
        return r.errors().stream().limit(maxerrors).map(e -> new DomainDiskError(e.disk(), e.error())).toList();
    }

    @Override
    default List<DomainFSInfo> rawFSInfo(int flags) {
        RemoteDomainGetFsinfoRet r = callRemote("virDomainGetFSInfo", RemoteProcedure.REMOTE_PROC_DOMAIN_GET_FSINFO,
                new RemoteDomainGetFsinfoArgs(wireDomain(), flags)::encode, RemoteDomainGetFsinfoRet::decode);
        return r.info().stream().map(i -> new DomainFSInfo(i.mountpoint(), i.name(), i.fstype(), i.devAliases()))
                .toList();
    }

    @Override
    default int rawFSFreezeThaw(boolean freeze, String[] mountPoints, int flags) {
        List<String> m = List.of(mountPoints);
        if (freeze) {
            return callRemote("virDomainFSFreeze", RemoteProcedure.REMOTE_PROC_DOMAIN_FSFREEZE,
                    new RemoteDomainFsfreezeArgs(wireDomain(), m, flags)::encode, RemoteDomainFsfreezeRet::decode)
                    .filesystems();
        }
        return callRemote("virDomainFSThaw", RemoteProcedure.REMOTE_PROC_DOMAIN_FSTHAW,
                new RemoteDomainFsthawArgs(wireDomain(), m, flags)::encode, RemoteDomainFsthawRet::decode)
                .filesystems();
    }

    @Override
    default List<DomainInterface> rawInterfaceAddresses(int source, int flags) {
        RemoteDomainInterfaceAddressesRet r = callRemote("virDomainInterfaceAddresses",
                RemoteProcedure.REMOTE_PROC_DOMAIN_INTERFACE_ADDRESSES,
                new RemoteDomainInterfaceAddressesArgs(wireDomain(), source, flags)::encode,
                RemoteDomainInterfaceAddressesRet::decode);
        return r.ifaces().stream().map(i -> new DomainInterface(i.name(), i.hwaddr(), i.addrs().stream()
                .map(a -> new DomainIPAddress(a.type(), a.addr(), a.prefix())).toList())).toList();
    }

    @Override
    default SecurityLabel rawSecurityLabel() {
        RemoteDomainGetSecurityLabelRet r = callRemote("virDomainGetSecurityLabel",
                RemoteProcedure.REMOTE_PROC_DOMAIN_GET_SECURITY_LABEL,
                new RemoteDomainGetSecurityLabelArgs(wireDomain())::encode, RemoteDomainGetSecurityLabelRet::decode);
        return label(r);
    }

    @Override
    default List<SecurityLabel> rawSecurityLabelList() {
        RemoteDomainGetSecurityLabelListRet r = callRemote("virDomainGetSecurityLabelList",
                RemoteProcedure.REMOTE_PROC_DOMAIN_GET_SECURITY_LABEL_LIST,
                new RemoteDomainGetSecurityLabelListArgs(wireDomain())::encode,
                RemoteDomainGetSecurityLabelListRet::decode);
        if (r.ret() < 0) {
            // libvirtd reports a failure of this call as a successful reply with ret -1 and no
            // error; libvirt's client then returns -1 with no error set, which its public entry
            // point turns into the generic failure
            throw LibvirtException.of(ErrorNumber.ERR_INTERNAL_ERROR, ErrorDomain.NONE,
                    "An error occurred, but the cause is unknown");
        }
        return r.labels().stream().map(RemoteDomainIrregular::label).toList();
    }

    /** The label as libvirt's client copies it: the bytes up to the first NUL. */
    private static SecurityLabel label(RemoteDomainGetSecurityLabelRet r) {
        byte[] b = r.label();
        int n = 0;
        while (n < b.length && b[n] != 0) {
            n++;
        }
        return new SecurityLabel(new String(b, 0, n, StandardCharsets.UTF_8), r.enforcing() != 0);
    }

    @Override
    default String[] rawMessages(int flags) {
        return callRemote("virDomainGetMessages", RemoteProcedure.REMOTE_PROC_DOMAIN_GET_MESSAGES,
                new RemoteDomainGetMessagesArgs(wireDomain(), flags)::encode, RemoteDomainGetMessagesRet::decode)
                .msgs().toArray(String[]::new);
    }

    @Override
    default String[] rawAuthorizedSSHKeysGet(String user, int flags) {
        return callRemote("virDomainAuthorizedSSHKeysGet", RemoteProcedure.REMOTE_PROC_DOMAIN_AUTHORIZED_SSH_KEYS_GET,
                new RemoteDomainAuthorizedSshKeysGetArgs(wireDomain(), user, flags)::encode,
                RemoteDomainAuthorizedSshKeysGetRet::decode).keys().toArray(String[]::new);
    }

    @Override
    default void rawAuthorizedSSHKeysSet(String user, String[] keys, int flags) {
        callRemote("virDomainAuthorizedSSHKeysSet", RemoteProcedure.REMOTE_PROC_DOMAIN_AUTHORIZED_SSH_KEYS_SET,
                new RemoteDomainAuthorizedSshKeysSetArgs(wireDomain(), user, List.of(keys), flags)::encode, null);
    }

    @Override
    default byte[] rawBlockPeek(String disk, long offset, int size, int flags) {
        if (size > PEEK_BUFFER_MAX) {
            throw LibvirtException.of(ErrorNumber.ERR_RPC, ErrorDomain.REMOTE,
                    "block peek request too large for remote protocol, " + size + " > " + PEEK_BUFFER_MAX);
        }
        byte[] b = callRemote("virDomainBlockPeek", RemoteProcedure.REMOTE_PROC_DOMAIN_BLOCK_PEEK,
                new RemoteDomainBlockPeekArgs(wireDomain(), disk, offset, size, flags)::encode,
                RemoteDomainBlockPeekRet::decode).buffer();
        return peeked(b, size);
    }

    @Override
    default byte[] rawMemoryPeek(long start, int size, int flags) {
        if (size > PEEK_BUFFER_MAX) {
            throw LibvirtException.of(ErrorNumber.ERR_RPC, ErrorDomain.REMOTE,
                    "memory peek request too large for remote protocol, " + size + " > "
                            + PEEK_BUFFER_MAX);
        }
        byte[] b = callRemote("virDomainMemoryPeek", RemoteProcedure.REMOTE_PROC_DOMAIN_MEMORY_PEEK,
                new RemoteDomainMemoryPeekArgs(wireDomain(), start, size, flags)::encode,
                RemoteDomainMemoryPeekRet::decode).buffer();
        return peeked(b, size);
    }

    /** libvirt's client refuses a reply whose buffer is not the size asked for. */
    private static byte[] peeked(byte[] b, int size) {
        if (b.length != size) {
            throw LibvirtException.of(ErrorNumber.ERR_RPC, ErrorDomain.REMOTE,
                    "returned buffer is not same size as requested");
        }
        return b;
    }

    @Override
    default String[] rawSnapshotListNames(int maxnames, int flags) {
        return callRemote("virDomainSnapshotListNames", RemoteProcedure.REMOTE_PROC_DOMAIN_SNAPSHOT_LIST_NAMES,
                new RemoteDomainSnapshotListNamesArgs(wireDomain(), maxnames, flags)::encode,
                RemoteDomainSnapshotListNamesRet::decode).names().stream().limit(maxnames).toArray(String[]::new);
    }

    /**
     * The session for a call on this handle (see {@code RemoteObject.sessionFor}).
     *
     * @param fn the C function
     * @return the session
     */
    Session sessionFor(String fn);

    @Override
    default Connect rawConnect() {
        return RemoteConnect.sharing(sessionFor("virDomainGetConnect"));
    }

    @Override
    default List<org.libvirt4j.spi.TypedParameter> rawGuestVcpus(int flags) {
        return Wire.fromWire(callRemote("virDomainGetGuestVcpus", RemoteProcedure.REMOTE_PROC_DOMAIN_GET_GUEST_VCPUS,
                new org.libvirt4j.remote.generated.RemoteDomainGetGuestVcpusArgs(wireDomain(), flags)::encode,
                org.libvirt4j.remote.generated.RemoteDomainGetGuestVcpusRet::decode).params());
    }

    @Override
    default List<org.libvirt4j.spi.TypedParameter> rawGuestInfo(int types, int flags) {
        return Wire.fromWire(callRemote("virDomainGetGuestInfo", RemoteProcedure.REMOTE_PROC_DOMAIN_GET_GUEST_INFO,
                new org.libvirt4j.remote.generated.RemoteDomainGetGuestInfoArgs(wireDomain(), types, flags)::encode,
                org.libvirt4j.remote.generated.RemoteDomainGetGuestInfoRet::decode).params());
    }

    /** libvirt's {@code REMOTE_NODE_CPU_STATS_MAX} and {@code REMOTE_DOMAIN_GET_CPU_STATS_NCPUS_MAX}. */
    int CPU_STATS_NPARAMS_MAX = 16;
    /** libvirt's {@code REMOTE_DOMAIN_GET_CPU_STATS_NCPUS_MAX}. */
    int CPU_STATS_NCPUS_MAX = 128;

    private RemoteDomainGetCpuStatsRet cpuStats(int nparams, int startCpu, int ncpus, int flags) {
        // libvirt's client refuses these before sending
        if (Integer.toUnsignedLong(nparams) > CPU_STATS_NPARAMS_MAX) {
            throw LibvirtException.of(ErrorNumber.ERR_RPC, ErrorDomain.REMOTE,
                    "nparams count exceeds maximum: " + Integer.toUnsignedString(nparams) + " > " + CPU_STATS_NPARAMS_MAX);
        }
        if (Integer.toUnsignedLong(ncpus) > CPU_STATS_NCPUS_MAX) {
            throw LibvirtException.of(ErrorNumber.ERR_RPC, ErrorDomain.REMOTE,
                    "ncpus count exceeds maximum: " + Integer.toUnsignedString(ncpus) + " > " + CPU_STATS_NCPUS_MAX);
        }
        RemoteDomainGetCpuStatsRet r = callRemote("virDomainGetCPUStats", RemoteProcedure.REMOTE_PROC_DOMAIN_GET_CPU_STATS,
                new RemoteDomainGetCpuStatsArgs(wireDomain(), nparams, startCpu, ncpus, flags)::encode,
                RemoteDomainGetCpuStatsRet::decode);
        int len = r.params().size();
        if (len > nparams * ncpus || (len != 0 && (r.nparams() <= 0 || len % r.nparams() != 0 || r.nparams() > nparams))) {
            throw LibvirtException.of(ErrorNumber.ERR_RPC, ErrorDomain.REMOTE,
                    "remoteDomainGetCPUStats: returned number of stats exceeds limit");
        }
        return r;
    }

    @Override
    default int rawCPUStatsCount(int startCpu, int ncpus) {
        return cpuStats(0, startCpu, ncpus, 0).nparams();
    }

    @Override
    default List<List<org.libvirt4j.spi.TypedParameter>> rawCPUStats(int nparams, int startCpu, int ncpus, int flags) {
        RemoteDomainGetCpuStatsRet r = cpuStats(nparams, startCpu, ncpus, flags);
        int lists = startCpu == -1 ? 1 : ncpus;
        List<List<org.libvirt4j.spi.TypedParameter>> out = new java.util.ArrayList<>(lists);
        // the daemon sends ret.nparams entries per CPU, leaving out the trailing CPUs it has nothing for
        int stride = r.nparams();
        for (int i = 0; i < lists; i++) {
            int from = i * stride;
            out.add(stride == 0 || from >= r.params().size() ? List.of()
                    : Wire.fromWire(r.params().subList(from, from + stride)));
        }
        return out;
    }

    @Override
    default void rawBlockCopy(String disk, String destXml, List<org.libvirt4j.spi.TypedParameter> params, int flags) {
        callRemote("virDomainBlockCopy", RemoteProcedure.REMOTE_PROC_DOMAIN_BLOCK_COPY,
                new org.libvirt4j.remote.generated.RemoteDomainBlockCopyArgs(wireDomain(), disk, destXml,
                        Wire.toWire(params), flags)::encode, null);
    }

    @Override
    default void rawOpenStream(StreamCall call, String name, org.libvirt4j.Stream stream, int flags) {
        String fn = call.function;
        Session session = sessionFor(fn);
        RemoteNonnullDomain d = wireDomain();
        RemoteStream.of(stream, session, fn, () -> org.libvirt4j.LibvirtException.of(org.libvirt4j.ErrorNumber.ERR_INVALID_ARG,
                org.libvirt4j.ErrorDomain.DOMAIN, "stream in " + fn + " must match connection of domain '" + d.name() + "'"))
                .open(fn, rpc -> switch (call) {
                    case CONSOLE -> session.callStream(RemoteProcedure.REMOTE_PROC_DOMAIN_OPEN_CONSOLE,
                            new org.libvirt4j.remote.generated.RemoteDomainOpenConsoleArgs(d, name, flags)::encode, null, rpc);
                    case CHANNEL -> session.callStream(RemoteProcedure.REMOTE_PROC_DOMAIN_OPEN_CHANNEL,
                            new org.libvirt4j.remote.generated.RemoteDomainOpenChannelArgs(d, name, flags)::encode, null, rpc);
                });
    }

    @Override
    default void rawFdAssociate(String name, int[] files, int flags) {
        sessionFor("virDomainFDAssociate").callWithFds(org.libvirt4j.remote.generated.RemoteProtocol.REMOTE_PROGRAM,
                RemoteProcedure.REMOTE_PROC_DOMAIN_FD_ASSOCIATE.value(),
                new org.libvirt4j.remote.generated.RemoteDomainFdAssociateArgs(wireDomain(), name, flags)::encode,
                files, null);
    }

    @Override
    default void rawOpenGraphics(int idx, int fd, int flags) {
        Session s = sessionFor("virDomainOpenGraphics");
        FdChecks.requireSocket(fd);
        s.callWithFds(org.libvirt4j.remote.generated.RemoteProtocol.REMOTE_PROGRAM, RemoteProcedure.REMOTE_PROC_DOMAIN_OPEN_GRAPHICS.value(),
                new org.libvirt4j.remote.generated.RemoteDomainOpenGraphicsArgs(wireDomain(), idx, flags)::encode,
                new int[] {fd}, null);
    }

    @Override
    default FileDescriptors rawOpenGraphicsFD(int idx, int flags) {
        FileDescriptors fds = sessionFor("virDomainOpenGraphicsFD").callWithFds(org.libvirt4j.remote.generated.RemoteProtocol.REMOTE_PROGRAM,
                RemoteProcedure.REMOTE_PROC_DOMAIN_OPEN_GRAPHICS_FD.value(),
                new org.libvirt4j.remote.generated.RemoteDomainOpenGraphicsFdArgs(wireDomain(), idx, flags)::encode,
                new int[0], null).fds();
        return FdChecks.exactlyOne(fds);
    }
}

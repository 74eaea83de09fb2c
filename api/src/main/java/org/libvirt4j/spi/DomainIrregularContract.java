package org.libvirt4j.spi;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import org.libvirt4j.Connect;
import org.libvirt4j.DomainBlockInfo;
import org.libvirt4j.DomainBlockCopyParameters;
import org.libvirt4j.DomainBlockJobInfo;
import org.libvirt4j.DomainCPUStats;
import org.libvirt4j.DomainControlInfo;
import org.libvirt4j.DomainDiskError;
import org.libvirt4j.DomainFSInfo;
import org.libvirt4j.DomainGuestVcpus;
import org.libvirt4j.DomainInterface;
import org.libvirt4j.SecurityLabel;
import org.libvirt4j.DomainIOThreadInfo;
import org.libvirt4j.DomainInfo;
import org.libvirt4j.DomainIrregularMethods;
import org.libvirt4j.FileDescriptors;
import org.libvirt4j.DomainJobInfo;
import org.libvirt4j.DomainTime;
import org.libvirt4j.DomainVcpuInfo;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;

/**
 * The hand-written domain methods written once for every backend: argument checks, CPU-map and
 * struct conversions, and the records. A backend implements only the raw operations below, each
 * one C call (or one remote procedure) with C's arguments.
 */
public interface DomainIrregularContract extends DomainIrregularMethods {

    /** The C functions that fill a small struct (or a pair of out-parameters) with integers. */
    enum StructCall {
        /** {@code virDomainGetBlockInfo(dom, disk, &info, flags)}: capacity, allocation, physical. */
        BLOCK_INFO(3),
        /** {@code virDomainGetJobInfo(dom, &info)}: type, then the eleven counters in C order. */
        JOB_INFO(12),
        /** {@code virDomainGetControlInfo(dom, &info, flags)}: state, details, stateTime. */
        CONTROL_INFO(3),
        /** {@code virDomainGetBlockJobInfo(dom, disk, &info, flags)}: C's result (0: no job), type, bandwidth, cur, end. */
        BLOCK_JOB_INFO(5),
        /** {@code virDomainGetTime(dom, &seconds, &nseconds, flags)}: seconds, nanoseconds. */
        TIME(2);

        /** How many values the raw call returns. */
        public final int size;

        StructCall(int size) {
            this.size = size;
        }

        /** @return the C function */
        public String function() {
            return switch (this) {
                case BLOCK_INFO -> "virDomainGetBlockInfo";
                case JOB_INFO -> "virDomainGetJobInfo";
                case CONTROL_INFO -> "virDomainGetControlInfo";
                case BLOCK_JOB_INFO -> "virDomainGetBlockJobInfo";
                case TIME -> "virDomainGetTime";
            };
        }
    }

    /** The C functions that pin something to a CPU map. */
    enum PinCall {
        /** {@code virDomainPinVcpu(dom, vcpu, cpumap, maplen)}. */
        VCPU("virDomainPinVcpu"),
        /** {@code virDomainPinVcpuFlags(dom, vcpu, cpumap, maplen, flags)}. */
        VCPU_FLAGS("virDomainPinVcpuFlags"),
        /** {@code virDomainPinEmulator(dom, cpumap, maplen, flags)}; the index is unused. */
        EMULATOR("virDomainPinEmulator"),
        /** {@code virDomainPinIOThread(dom, iothread_id, cpumap, maplen, flags)}. */
        IOTHREAD("virDomainPinIOThread");

        /** The C function. */
        public final String function;

        PinCall(String function) {
            this.function = function;
        }
    }

    /** The C functions that connect a stream to a character device of the domain. */
    enum StreamCall {
        /** {@code virDomainOpenConsole(dom, dev_name, st, flags)}. */
        CONSOLE("virDomainOpenConsole"),
        /** {@code virDomainOpenChannel(dom, name, st, flags)}. */
        CHANNEL("virDomainOpenChannel");

        /** The C function. */
        public final String function;

        StreamCall(String function) {
            this.function = function;
        }
    }

    /**
     * IOThreads as {@code virDomainGetIOThreadInfo} lists them.
     *
     * @param ids each IOThread's id
     * @param cpumaps each IOThread's cpumap bytes
     */
    record RawIOThreads(int[] ids, byte[][] cpumaps) {
    }

    // ---- the raw operations a backend implements ------------------------------------------------

    /**
     * Calls one of the {@link StreamCall} functions. A stream of another connection (or backend)
     * is refused with libvirt's {@code ERR_INVALID_ARG} "stream in FUNCTION must match connection
     * of domain 'NAME'".
     *
     * @param call the function
     * @param name the device's name, or {@code null}
     * @param stream the stream, not null
     * @param flags the flags
     */
    void rawOpenStream(StreamCall call, String name, org.libvirt4j.Stream stream, int flags);

    /**
     * Calls one of the {@link StructCall} functions.
     *
     * @param call the function
     * @param disk the disk argument of the block calls, else {@code null}
     * @param flags the flags argument, 0 where C has none
     * @return {@link StructCall#size} values, each C integer widened to a {@code long}
     */
    long[] rawStruct(StructCall call, String disk, int flags);

    /**
     * {@code virDomainGetSchedulerType(dom, &nparams)}.
     *
     * @return the scheduler's name
     */
    String rawSchedulerType();

    /**
     * {@code virDomainRename(dom, name, flags)}; on success the handle takes the new name.
     *
     * @param name the new name
     * @param flags the flags
     */
    void rawRename(String name, int flags);

    /**
     * {@code virDomainSendKey(dom, codeset, holdtime, keycodes, nkeycodes, flags)}.
     *
     * @param codeset the code set
     * @param holdtime milliseconds
     * @param keycodes the codes
     * @param flags the flags
     */
    void rawSendKey(int codeset, int holdtime, int[] keycodes, int flags);

    /**
     * Calls one of the {@link PinCall} functions.
     *
     * @param call the function
     * @param index the vCPU or IOThread id
     * @param cpumap the map's bytes (its length is C's {@code maplen})
     * @param flags the flags, 0 where C has none
     */
    void rawPin(PinCall call, int index, byte[] cpumap, int flags);

    /**
     * The number of host CPUs ({@code nodes * sockets * cores * threads} of {@code virNodeGetInfo}
     * on the domain's connection), which sizes the maps libvirt fills.
     *
     * @return the number of host CPUs
     */
    int rawHostCpus();

    /**
     * {@code virDomainGetVcpus(dom, info, maxinfo, cpumaps, maplen)}.
     *
     * @param maxinfo how many vCPUs to read
     * @param info filled with number, state, cpuTime, cpu for each vCPU ({@code 4 * maxinfo} values)
     * @param cpumaps filled with each vCPU's map ({@code maxinfo * maplen} bytes)
     * @return how many vCPUs were filled
     */
    int rawVcpus(int maxinfo, long[] info, byte[] cpumaps);

    /**
     * {@code virDomainGetVcpuPinInfo(dom, ncpumaps, cpumaps, maplen, flags)}.
     *
     * @param ncpumaps how many maps to read
     * @param cpumaps filled with the maps ({@code ncpumaps * maplen} bytes)
     * @param flags the flags
     * @return how many maps were filled
     */
    int rawVcpuPinInfo(int ncpumaps, byte[] cpumaps, int flags);

    /**
     * {@code virDomainGetEmulatorPinInfo(dom, cpumap, maplen, flags)}.
     *
     * @param cpumap filled with the map
     * @param flags the flags
     */
    void rawEmulatorPinInfo(byte[] cpumap, int flags);

    /**
     * {@code virDomainGetIOThreadInfo(dom, &info, flags)}.
     *
     * @param flags the flags
     * @return the IOThreads
     */
    RawIOThreads rawIOThreadInfo(int flags);

    /**
     * {@return the domain's info} Declared here for the vCPU count the maps are sized by; every
     * domain has it.
     */
    DomainInfo getInfo();

    /**
     * {@code virDomainGetDiskErrors(dom, NULL, 0, 0)}: how many disks have errors.
     *
     * @return the count
     */
    int rawDiskErrorCount();

    /**
     * {@code virDomainGetDiskErrors(dom, errors, maxerrors, flags)}.
     *
     * @param maxerrors how many to read
     * @param flags the flags
     * @return the errors read
     */
    List<DomainDiskError> rawDiskErrors(int maxerrors, int flags);

    /**
     * {@code virDomainGetFSInfo(dom, &info, flags)}.
     *
     * @param flags the flags
     * @return the filesystems
     */
    List<DomainFSInfo> rawFSInfo(int flags);

    /**
     * {@code virDomainFSFreeze} or {@code virDomainFSThaw(dom, mountpoints, nmountpoints, flags)}.
     *
     * @param freeze whether to freeze (else thaw)
     * @param mountPoints the mount points, empty for {@code NULL, 0}
     * @param flags the flags
     * @return C's result, the number of filesystems
     */
    int rawFSFreezeThaw(boolean freeze, String[] mountPoints, int flags);

    /**
     * {@code virDomainInterfaceAddresses(dom, &ifaces, source, flags)}.
     *
     * @param source the source
     * @param flags the flags
     * @return the interfaces
     */
    List<DomainInterface> rawInterfaceAddresses(int source, int flags);

    /**
     * {@code virDomainGetSecurityLabel(dom, &label)}.
     *
     * @return the label
     */
    SecurityLabel rawSecurityLabel();

    /**
     * {@code virDomainGetSecurityLabelList(dom, &labels)}.
     *
     * @return the labels
     */
    List<SecurityLabel> rawSecurityLabelList();

    /**
     * {@code virDomainGetMessages(dom, &msgs, flags)}.
     *
     * @param flags the flags
     * @return the messages
     */
    String[] rawMessages(int flags);

    /**
     * {@code virDomainAuthorizedSSHKeysGet(dom, user, &keys, flags)}.
     *
     * @param user the user
     * @param flags the flags
     * @return the keys
     */
    String[] rawAuthorizedSSHKeysGet(String user, int flags);

    /**
     * {@code virDomainAuthorizedSSHKeysSet(dom, user, keys, nkeys, flags)}.
     *
     * @param user the user
     * @param keys the keys, empty for {@code NULL, 0}
     * @param flags the flags
     */
    void rawAuthorizedSSHKeysSet(String user, String[] keys, int flags);

    /**
     * {@code virDomainBlockPeek(dom, disk, offset, size, buffer, flags)}.
     *
     * @param disk the disk
     * @param offset the offset
     * @param size the byte count, not negative
     * @param flags the flags
     * @return {@code size} bytes
     */
    byte[] rawBlockPeek(String disk, long offset, int size, int flags);

    /**
     * {@code virDomainMemoryPeek(dom, start, size, buffer, flags)}.
     *
     * @param start the address
     * @param size the byte count, not negative
     * @param flags the flags
     * @return {@code size} bytes
     */
    byte[] rawMemoryPeek(long start, int size, int flags);

    /**
     * {@code virDomainSnapshotListNames(dom, names, maxnames, flags)}.
     *
     * @param maxnames how many names at most
     * @param flags the flags
     * @return the names
     */
    String[] rawSnapshotListNames(int maxnames, int flags);

    // ---- the API methods, once ---------------------------------------------------------------

    @Override
    default String getSchedulerType() {
        return rawSchedulerType();
    }

    @Override
    default DomainBlockInfo getBlockInfo(String disk, int flags) {
        CStrings.requireNoNul(Objects.requireNonNull(disk, "disk"));
        long[] v = rawStruct(StructCall.BLOCK_INFO, disk, flags);
        return new DomainBlockInfo(v[0], v[1], v[2]);
    }

    @Override
    default DomainJobInfo getJobInfo() {
        long[] v = rawStruct(StructCall.JOB_INFO, null, 0);
        return new DomainJobInfo((int) v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11]);
    }

    @Override
    default DomainControlInfo getControlInfo(int flags) {
        long[] v = rawStruct(StructCall.CONTROL_INFO, null, flags);
        return new DomainControlInfo((int) v[0], (int) v[1], v[2]);
    }

    @Override
    default DomainBlockJobInfo getBlockJobInfo(String disk, int flags) {
        CStrings.requireNoNul(Objects.requireNonNull(disk, "disk"));
        long[] v = rawStruct(StructCall.BLOCK_JOB_INFO, disk, flags);
        return v[0] == 0 ? null : new DomainBlockJobInfo((int) v[1], v[2], v[3], v[4]);
    }

    @Override
    default DomainTime getTime(int flags) {
        long[] v = rawStruct(StructCall.TIME, null, flags);
        return new DomainTime(v[0], (int) v[1]);
    }

    @Override
    default void openConsole(String devname, org.libvirt4j.Stream stream, int flags) {
        Objects.requireNonNull(stream, "stream");
        rawOpenStream(StreamCall.CONSOLE, devname == null ? null : CStrings.requireNoNul(devname), stream, flags);
    }

    @Override
    default void openChannel(String name, org.libvirt4j.Stream stream, int flags) {
        Objects.requireNonNull(stream, "stream");
        rawOpenStream(StreamCall.CHANNEL, name == null ? null : CStrings.requireNoNul(name), stream, flags);
    }

    @Override
    default void rename(String name, int flags) {
        rawRename(CStrings.requireNoNul(Objects.requireNonNull(name, "name")), flags);
    }

    /** libvirt's {@code VIR_DOMAIN_SEND_KEY_MAX_KEYS}. */
    int SEND_KEY_MAX_KEYS = 16;

    @Override
    default void sendKey(int codeset, int holdtime, int[] keycodes, int flags) {
        int[] codes = Objects.requireNonNull(keycodes, "keycodes").clone();
        if (codes.length > SEND_KEY_MAX_KEYS) {
            // libvirt's public entry point checks this before any driver, so the remote client
            // never sends it (the protocol's array could not carry it anyway)
            throw LibvirtException.of(ErrorNumber.ERR_INVALID_ARG, ErrorDomain.DOMAIN,
                    "nkeycodes must be <= " + SEND_KEY_MAX_KEYS);
        }
        rawSendKey(codeset, holdtime, codes, flags);
    }

    @Override
    default List<DomainVcpuInfo> getVcpus() {
        int npcpus = rawHostCpus();
        int nvcpus = getInfo().nrVirtCpu();
        int maplen = CpuMaps.maplen(npcpus);
        long[] info = new long[4 * nvcpus];
        byte[] maps = new byte[nvcpus * maplen];
        int n = rawVcpus(nvcpus, info, maps);
        List<DomainVcpuInfo> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new DomainVcpuInfo((int) info[4 * i], (int) info[4 * i + 1], info[4 * i + 2], (int) info[4 * i + 3],
                    CpuMaps.toBitSet(maps, i * maplen, maplen, npcpus)));
        }
        return List.copyOf(out);
    }

    @Override
    default void pinVcpu(int vcpu, BitSet cpuMap) {
        rawPin(PinCall.VCPU, vcpu, CpuMaps.toBytes(Objects.requireNonNull(cpuMap, "cpuMap")), 0);
    }

    @Override
    default void pinVcpuFlags(int vcpu, BitSet cpuMap, int flags) {
        rawPin(PinCall.VCPU_FLAGS, vcpu, CpuMaps.toBytes(Objects.requireNonNull(cpuMap, "cpuMap")), flags);
    }

    @Override
    default List<BitSet> getVcpuPinInfo(int flags) {
        int npcpus = rawHostCpus();
        int nvcpus = getInfo().nrVirtCpu();
        int maplen = CpuMaps.maplen(npcpus);
        byte[] maps = new byte[nvcpus * maplen];
        int n = rawVcpuPinInfo(nvcpus, maps, flags);
        List<BitSet> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(CpuMaps.toBitSet(maps, i * maplen, maplen, npcpus));
        }
        return List.copyOf(out);
    }

    @Override
    default void pinEmulator(BitSet cpuMap, int flags) {
        rawPin(PinCall.EMULATOR, 0, CpuMaps.toBytes(Objects.requireNonNull(cpuMap, "cpuMap")), flags);
    }

    @Override
    default BitSet getEmulatorPinInfo(int flags) {
        int npcpus = rawHostCpus();
        byte[] map = new byte[CpuMaps.maplen(npcpus)];
        rawEmulatorPinInfo(map, flags);
        return CpuMaps.toBitSet(map, 0, map.length, npcpus);
    }

    @Override
    default List<DomainIOThreadInfo> getIOThreadInfo(int flags) {
        RawIOThreads raw = rawIOThreadInfo(flags);
        List<DomainIOThreadInfo> out = new ArrayList<>(raw.ids().length);
        for (int i = 0; i < raw.ids().length; i++) {
            byte[] m = raw.cpumaps()[i];
            out.add(new DomainIOThreadInfo(raw.ids()[i], CpuMaps.toBitSet(m, 0, m.length, 8 * m.length)));
        }
        return List.copyOf(out);
    }

    @Override
    default void pinIOThread(int iothreadId, BitSet cpuMap, int flags) {
        rawPin(PinCall.IOTHREAD, iothreadId, CpuMaps.toBytes(Objects.requireNonNull(cpuMap, "cpuMap")), flags);
    }

    /** How many names or ids the list calls read at most, as Go's binding does. */
    int LIST_MAX_NAMES = 1024;

    @Override
    default List<DomainDiskError> getDiskErrors(int flags) {
        int n = rawDiskErrorCount();
        return n == 0 ? List.of() : List.copyOf(rawDiskErrors(n, flags));
    }

    @Override
    default List<DomainFSInfo> getFSInfo(int flags) {
        return List.copyOf(rawFSInfo(flags));
    }

    @Override
    default int fsFreeze(List<String> mountPoints, int flags) {
        return rawFSFreezeThaw(true, strings(mountPoints, "mountPoints"), flags);
    }

    @Override
    default int fsThaw(List<String> mountPoints, int flags) {
        return rawFSFreezeThaw(false, strings(mountPoints, "mountPoints"), flags);
    }

    @Override
    default List<DomainInterface> listAllInterfaceAddresses(int source, int flags) {
        return List.copyOf(rawInterfaceAddresses(source, flags));
    }

    @Override
    default SecurityLabel getSecurityLabel() {
        return rawSecurityLabel();
    }

    @Override
    default List<SecurityLabel> getSecurityLabelList() {
        return List.copyOf(rawSecurityLabelList());
    }

    @Override
    default List<String> getMessages(int flags) {
        return List.of(rawMessages(flags));
    }

    @Override
    default List<String> authorizedSSHKeysGet(String user, int flags) {
        return List.of(rawAuthorizedSSHKeysGet(CStrings.requireNoNul(Objects.requireNonNull(user, "user")), flags));
    }

    @Override
    default void authorizedSSHKeysSet(String user, List<String> keys, int flags) {
        CStrings.requireNoNul(Objects.requireNonNull(user, "user"));
        rawAuthorizedSSHKeysSet(user, strings(keys, "keys"), flags);
    }

    @Override
    default byte[] blockPeek(String disk, long offset, int size, int flags) {
        CStrings.requireNoNul(Objects.requireNonNull(disk, "disk"));
        if (size < 0) {
            throw new IllegalArgumentException("size < 0: " + size);
        }
        return rawBlockPeek(disk, offset, size, flags);
    }

    @Override
    default byte[] memoryPeek(long start, int size, int flags) {
        if (size < 0) {
            throw new IllegalArgumentException("size < 0: " + size);
        }
        return rawMemoryPeek(start, size, flags);
    }

    @Override
    default List<String> snapshotListNames(int flags) {
        return List.of(rawSnapshotListNames(LIST_MAX_NAMES, flags));
    }

    /** The strings of a list for C: each checked for null and NUL. */
    private static String[] strings(List<String> list, String name) {
        Objects.requireNonNull(list, name);
        String[] out = new String[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = CStrings.requireNoNul(Objects.requireNonNull(list.get(i), name + "[" + i + "]"));
        }
        return out;
    }

    /**
     * {@code virDomainGetConnect(dom)} with a reference of its own ({@code virConnectRef}), as a handle.
     *
     * @return the new connection handle
     */
    Connect rawConnect();

    @Override
    default Connect getConnect() {
        return rawConnect();
    }

    /**
     * {@code virDomainGetGuestVcpus(dom, &params, &nparams, flags)}.
     *
     * @param flags the flags
     * @return the typed parameters
     */
    List<TypedParameter> rawGuestVcpus(int flags);

    @Override
    default DomainGuestVcpus getGuestVcpus(int flags) {
        java.util.Map<String, BitSet> maps = new java.util.HashMap<>();
        for (TypedParameter p : rawGuestVcpus(flags)) {
            if (p.value() instanceof String s) {
                maps.put(p.field(), CpuMaps.parse(s));
            }
        }
        return new DomainGuestVcpus(java.util.Optional.ofNullable(maps.get("vcpus")),
                java.util.Optional.ofNullable(maps.get("online")), java.util.Optional.ofNullable(maps.get("offlinable")));
    }

    /**
     * {@code virDomainGetGuestInfo(dom, types, &params, &nparams, flags)}.
     *
     * @param types the {@code virDomainGuestInfoTypes} bits
     * @param flags the flags
     * @return the typed parameters
     */
    List<TypedParameter> rawGuestInfo(int types, int flags);

    @Override
    default org.libvirt4j.DomainGuestInfo getGuestInfo(int types, int flags) {
        return GuestInfos.of(rawGuestInfo(types, flags));
    }

    /**
     * {@code virDomainGetCPUStats(dom, NULL, 0, startCpu, ncpus, 0)}: the number of parameters per
     * CPU, or (with 0, 0) the number of host CPUs.
     *
     * @param startCpu the first CPU, or -1
     * @param ncpus how many
     * @return C's result
     */
    int rawCPUStatsCount(int startCpu, int ncpus);

    /**
     * {@code virDomainGetCPUStats(dom, params, nparams, startCpu, ncpus, flags)}.
     *
     * @param nparams the parameters per CPU
     * @param startCpu the first CPU, or -1 for the total
     * @param ncpus how many CPUs (1 for the total)
     * @param flags the flags
     * @return one list of parameters per CPU (one for the total)
     */
    List<List<TypedParameter>> rawCPUStats(int nparams, int startCpu, int ncpus, int flags);

    @Override
    default List<DomainCPUStats> getCPUStats(int startCpu, int nCpus, int flags) {
        int n = nCpus;
        if (n == 0) {
            n = startCpu == -1 ? 1 : rawCPUStatsCount(0, 0) - startCpu;
        }
        int nparams = rawCPUStatsCount(startCpu, n);
        List<DomainCPUStats> out = new ArrayList<>();
        for (List<TypedParameter> cpu : rawCPUStats(nparams, startCpu, n, flags)) {
            java.util.OptionalLong cpuTime = java.util.OptionalLong.empty();
            java.util.OptionalLong user = java.util.OptionalLong.empty();
            java.util.OptionalLong system = java.util.OptionalLong.empty();
            java.util.OptionalLong vcpu = java.util.OptionalLong.empty();
            for (TypedParameter p : cpu) {
                if (!(p.value() instanceof Number)) {
                    continue;
                }
                java.util.OptionalLong v = java.util.OptionalLong.of(p.asLong());
                switch (p.field()) {
                    case "cpu_time" -> cpuTime = v;
                    case "user_time" -> user = v;
                    case "system_time" -> system = v;
                    case "vcpu_time" -> vcpu = v;
                    default -> {
                        // a statistic newer than this binding
                    }
                }
            }
            out.add(new DomainCPUStats(cpuTime, user, system, vcpu));
        }
        return List.copyOf(out);
    }

    /**
     * {@code virDomainBlockCopy(dom, disk, destxml, params, nparams, flags)}.
     *
     * @param disk the disk
     * @param destXml the destination XML
     * @param params the parameters to send
     * @param flags the flags
     */
    void rawBlockCopy(String disk, String destXml, List<TypedParameter> params, int flags);

    @Override
    default void blockCopy(String disk, String destXml, DomainBlockCopyParameters params, int flags) {
        CStrings.requireNoNul(Objects.requireNonNull(disk, "disk"));
        CStrings.requireNoNul(Objects.requireNonNull(destXml, "destXml"));
        Objects.requireNonNull(params, "params");
        List<TypedParameter> p = new ArrayList<>(3);
        params.bandwidth().ifPresent(v -> p.add(TypedParameter.ofULLong(
                org.libvirt4j.TypedParameterFields.DOMAIN_BLOCK_COPY_BANDWIDTH, v)));
        params.granularity().ifPresent(v -> p.add(TypedParameter.ofUInt(
                org.libvirt4j.TypedParameterFields.DOMAIN_BLOCK_COPY_GRANULARITY, v)));
        params.bufSize().ifPresent(v -> p.add(TypedParameter.ofULLong(
                org.libvirt4j.TypedParameterFields.DOMAIN_BLOCK_COPY_BUF_SIZE, v)));
        rawBlockCopy(disk, destXml, List.copyOf(p), flags);
    }

    /**
     * {@code virDomainCreateWithFiles(dom, nfiles, files, flags)}.
     *
     * @param files the descriptors, a copy
     * @param flags the flags
     */
    void rawCreateWithFiles(int[] files, int flags);

    /**
     * {@code virDomainFDAssociate(dom, name, nfds, fds, flags)}.
     *
     * @param name the name, checked
     * @param files the descriptors, a copy
     * @param flags the flags
     */
    void rawFdAssociate(String name, int[] files, int flags);

    /**
     * {@code virDomainOpenGraphics(dom, idx, fd, flags)}.
     *
     * @param idx the graphics device's index
     * @param fd the caller's socket
     * @param flags the flags
     */
    void rawOpenGraphics(int idx, int fd, int flags);

    /**
     * {@code virDomainOpenGraphicsFD(dom, idx, flags)}.
     *
     * @param idx the graphics device's index
     * @param flags the flags
     * @return the holder of the returned descriptor
     */
    FileDescriptors rawOpenGraphicsFD(int idx, int flags);

    @Override
    default void createWithFiles(int[] files, int flags) {
        rawCreateWithFiles(Objects.requireNonNull(files, "files").clone(), flags);
    }

    @Override
    default void fdAssociate(String name, int[] files, int flags) {
        CStrings.requireNoNul(Objects.requireNonNull(name, "name"));
        Objects.requireNonNull(files, "files");
        // libvirt's own check, made here so that the remote backend refuses it alike
        if (files.length == 0) {
            throw ManualChecks.invalid(ErrorDomain.DOMAIN, "nfds in virDomainFDAssociate must not be zero");
        }
        rawFdAssociate(name, files.clone(), flags);
    }

    @Override
    default void openGraphics(int idx, int fd, int flags) {
        // libvirt's own check, made here so that the remote backend refuses it alike
        if (fd < 0) {
            throw ManualChecks.invalid(ErrorDomain.DOMAIN, "fd in virDomainOpenGraphics must be zero or greater");
        }
        rawOpenGraphics(idx, fd, flags);
    }

    @Override
    default FileDescriptors openGraphicsFD(int idx, int flags) {
        return rawOpenGraphicsFD(idx, flags);
    }
}

package org.libvirt4j.jni;

import org.libvirt4j.FileDescriptors;
import java.util.ArrayList;
import java.util.List;
import org.libvirt4j.Connect;
import org.libvirt4j.DomainDiskError;
import org.libvirt4j.DomainFSInfo;
import org.libvirt4j.DomainIPAddress;
import org.libvirt4j.DomainInterface;
import org.libvirt4j.SecurityLabel;
import org.libvirt4j.spi.DomainIrregularContract;
import org.libvirt4j.spi.NativeHandle;

/** The raw operations of {@link DomainIrregularContract} over {@code lv_irregular.c}. */
interface JniDomainIrregular extends DomainIrregularContract {

    /** {@return the domain's guarded pointer} */
    NativeHandle guard();

    @Override
    default long[] rawStruct(StructCall call, String disk, int flags) {
        NativeHandle h = guard();
        return h.call(call.function(), d -> {
            long[] v = new long[call.size];
            JniIrregularNatives.structCall(call.ordinal(), d, disk, flags, v);
            return v;
        });
    }

    @Override
    default String rawSchedulerType() {
        NativeHandle h = guard();
        return h.call("virDomainGetSchedulerType", d -> JniIrregularNatives.schedulerType(d));
    }

    @Override
    default void rawRename(String name, int flags) {
        NativeHandle h = guard();
        h.run("virDomainRename", d -> LibvirtNatives.virDomainRename(d, name, flags));
    }

    @Override
    default void rawSendKey(int codeset, int holdtime, int[] keycodes, int flags) {
        NativeHandle h = guard();
        h.run("virDomainSendKey", d -> JniIrregularNatives.sendKey(d, codeset, holdtime, keycodes, flags));
    }

    @Override
    default void rawPin(PinCall call, int index, byte[] cpumap, int flags) {
        NativeHandle h = guard();
        h.run(call.function, d -> JniIrregularNatives.pin(call.ordinal(), d, index, cpumap, flags));
    }

    @Override
    default int rawHostCpus() {
        NativeHandle h = guard();
        return h.call("virNodeGetInfo", d -> JniIrregularNatives.hostCpus(d));
    }

    @Override
    default int rawVcpus(int maxinfo, long[] info, byte[] cpumaps) {
        NativeHandle h = guard();
        return h.call("virDomainGetVcpus", d -> JniIrregularNatives.vcpus(d, maxinfo, info, cpumaps));
    }

    @Override
    default int rawVcpuPinInfo(int ncpumaps, byte[] cpumaps, int flags) {
        NativeHandle h = guard();
        return h.call("virDomainGetVcpuPinInfo", d -> JniIrregularNatives.vcpuPinInfo(d, ncpumaps, cpumaps, flags));
    }

    @Override
    default void rawEmulatorPinInfo(byte[] cpumap, int flags) {
        NativeHandle h = guard();
        h.run("virDomainGetEmulatorPinInfo", d -> JniIrregularNatives.emulatorPinInfo(d, cpumap, flags));
    }

    @Override
    default RawIOThreads rawIOThreadInfo(int flags) {
        NativeHandle h = guard();
        return h.call("virDomainGetIOThreadInfo", d -> {
            Object[] r = JniIrregularNatives.iothreadInfo(d, flags);
            return new RawIOThreads((int[]) r[0], (byte[][]) r[1]);
        });
    }

    /** Calls {@code call} with the domain's pointer held. */
    private <T> T with(String fn, java.util.function.LongFunction<T> call) {
        NativeHandle h = guard();
        return h.call(fn, d -> call.apply(d));
    }

    @Override
    default int rawDiskErrorCount() {
        return with("virDomainGetDiskErrors", JniIrregularNatives::diskErrorCount);
    }

    @Override
    default List<DomainDiskError> rawDiskErrors(int maxerrors, int flags) {
        Object[] r = with("virDomainGetDiskErrors", d -> JniIrregularNatives.diskErrors(d, maxerrors, flags));
        String[] disks = (String[]) r[0];
        int[] codes = (int[]) r[1];
        List<DomainDiskError> out = new ArrayList<>(disks.length);
        for (int i = 0; i < disks.length; i++) {
            out.add(new DomainDiskError(disks[i], codes[i]));
        }
        return out;
    }

    @Override
    default List<DomainFSInfo> rawFSInfo(int flags) {
        Object[] r = with("virDomainGetFSInfo", d -> JniIrregularNatives.fsInfo(d, flags));
        List<DomainFSInfo> out = new ArrayList<>(r.length);
        for (Object o : r) {
            Object[] f = (Object[]) o;
            out.add(new DomainFSInfo((String) f[0], (String) f[1], (String) f[2], List.of((String[]) f[3])));
        }
        return out;
    }

    @Override
    default int rawFSFreezeThaw(boolean freeze, String[] mountPoints, int flags) {
        return with(freeze ? "virDomainFSFreeze" : "virDomainFSThaw",
                d -> JniIrregularNatives.fsFreezeThaw(freeze, d, mountPoints, flags));
    }

    @Override
    default List<DomainInterface> rawInterfaceAddresses(int source, int flags) {
        Object[] r = with("virDomainInterfaceAddresses",
                d -> JniIrregularNatives.interfaceAddresses(d, source, flags));
        List<DomainInterface> out = new ArrayList<>(r.length);
        for (Object o : r) {
            Object[] f = (Object[]) o;
            int[] types = (int[]) f[2];
            String[] addrs = (String[]) f[3];
            int[] prefixes = (int[]) f[4];
            List<DomainIPAddress> a = new ArrayList<>(addrs.length);
            for (int k = 0; k < addrs.length; k++) {
                a.add(new DomainIPAddress(types[k], addrs[k], prefixes[k]));
            }
            out.add(new DomainInterface((String) f[0], (String) f[1], a));
        }
        return out;
    }

    private static List<SecurityLabel> labels(Object[] r) {
        String[] labels = (String[]) r[0];
        int[] enforcing = (int[]) r[1];
        List<SecurityLabel> out = new ArrayList<>(labels.length);
        for (int i = 0; i < labels.length; i++) {
            out.add(new SecurityLabel(labels[i], enforcing[i] != 0));
        }
        return out;
    }

    @Override
    default SecurityLabel rawSecurityLabel() {
        return labels(with("virDomainGetSecurityLabel", JniIrregularNatives::securityLabel)).get(0);
    }

    @Override
    default List<SecurityLabel> rawSecurityLabelList() {
        return labels(with("virDomainGetSecurityLabelList", JniIrregularNatives::securityLabelList));
    }

    @Override
    default String[] rawMessages(int flags) {
        return with("virDomainGetMessages", d -> JniIrregularNatives.ownedStrings(0, d, null, flags));
    }

    @Override
    default String[] rawAuthorizedSSHKeysGet(String user, int flags) {
        return with("virDomainAuthorizedSSHKeysGet", d -> JniIrregularNatives.ownedStrings(1, d, user, flags));
    }

    @Override
    default void rawAuthorizedSSHKeysSet(String user, String[] keys, int flags) {
        with("virDomainAuthorizedSSHKeysSet", d -> {
            JniIrregularNatives.sshKeysSet(d, user, keys, flags);
            return null;
        });
    }

    @Override
    default byte[] rawBlockPeek(String disk, long offset, int size, int flags) {
        byte[] b = new byte[size];
        with("virDomainBlockPeek", d -> {
            JniIrregularNatives.peek(d, disk, offset, b, flags);
            return null;
        });
        return b;
    }

    @Override
    default byte[] rawMemoryPeek(long start, int size, int flags) {
        byte[] b = new byte[size];
        with("virDomainMemoryPeek", d -> {
            JniIrregularNatives.peek(d, null, start, b, flags);
            return null;
        });
        return b;
    }

    @Override
    default String[] rawSnapshotListNames(int maxnames, int flags) {
        return with("virDomainSnapshotListNames", d -> JniIrregularNatives.listNames(0, d, maxnames, flags));
    }

    @Override
    default Connect rawConnect() {
        return with("virDomainGetConnect", d -> {
            // the domain's connection without a reference: take one for the new handle
            long c = LibvirtNatives.virDomainGetConnect(d);
            if (c == 0) {
                throw JniObject.nullWithoutError("virDomainGetConnect");
            }
            LibvirtNatives.virConnectRef(c);
            return new JniConnect(c);
        });
    }

    @Override
    default List<org.libvirt4j.spi.TypedParameter> rawGuestVcpus(int flags) {
        return Params.fromNative(with("virDomainGetGuestVcpus", d -> JniIrregularNatives.guestVcpus(d, flags)));
    }

    @Override
    default List<org.libvirt4j.spi.TypedParameter> rawGuestInfo(int types, int flags) {
        return Params.fromNative(with("virDomainGetGuestInfo", d -> JniIrregularNatives.guestInfo(d, types, flags)));
    }

    @Override
    default int rawCPUStatsCount(int startCpu, int ncpus) {
        return with("virDomainGetCPUStats", d -> JniIrregularNatives.cpuStatsCount(d, startCpu, ncpus));
    }

    @Override
    default List<List<org.libvirt4j.spi.TypedParameter>> rawCPUStats(int nparams, int startCpu, int ncpus, int flags) {
        Object[] r = with("virDomainGetCPUStats", d -> JniIrregularNatives.cpuStats(d, nparams, startCpu, ncpus, flags));
        List<List<org.libvirt4j.spi.TypedParameter>> out = new ArrayList<>(r.length);
        for (Object cpu : r) {
            out.add(Params.fromNative((Object[]) cpu));
        }
        return out;
    }

    @Override
    default void rawBlockCopy(String disk, String destXml, List<org.libvirt4j.spi.TypedParameter> params, int flags) {
        Params p = Params.toNative(params);
        with("virDomainBlockCopy", d -> {
            JniIrregularNatives.blockCopy(d, disk, destXml, p.fields(), p.types(), p.values(), p.strings(), flags);
            return null;
        });
    }

    @Override
    default void rawOpenStream(StreamCall call, String name, org.libvirt4j.Stream stream, int flags) {
        String fn = call.function;
        NativeHandle sh = JniObject.handleOf(stream, JniStream.class, org.libvirt4j.spi.ObjectKind.STREAM, fn);
        NativeHandle h = guard();
        h.run(fn, d -> {
            long s = sh.acquire(fn);
            try {
                switch (call) {
                    case CONSOLE -> LibvirtNatives.virDomainOpenConsole(d, name, s, flags);
                    case CHANNEL -> LibvirtNatives.virDomainOpenChannel(d, name, s, flags);
                }
            } finally {
                sh.release();
            }
        });
    }

    @Override
    default void rawCreateWithFiles(int[] files, int flags) {
        NativeHandle h = guard();
        h.run("virDomainCreateWithFiles", d -> JniIrregularNatives.createWithFiles(d, files, flags));
    }

    @Override
    default void rawFdAssociate(String name, int[] files, int flags) {
        NativeHandle h = guard();
        h.run("virDomainFDAssociate", d -> JniIrregularNatives.fdAssociate(d, name, files, flags));
    }

    @Override
    default void rawOpenGraphics(int idx, int fd, int flags) {
        NativeHandle h = guard();
        h.run("virDomainOpenGraphics", d -> LibvirtNatives.virDomainOpenGraphics(d, idx, fd, flags));
    }

    @Override
    default FileDescriptors rawOpenGraphicsFD(int idx, int flags) {
        NativeHandle h = guard();
        return h.call("virDomainOpenGraphicsFD", d -> {
            return JniQemuNatives.own(new int[] {LibvirtNatives.virDomainOpenGraphicsFD(d, idx, flags)});
        });
    }
}

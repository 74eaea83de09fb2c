package org.libvirt4j;

import java.util.BitSet;
import java.util.List;

/**
 * The domain methods whose C shape the binding generator does not cover (struct results, CPU
 * maps, arrays): written by hand once, in {@code spi.DomainIrregularContract}, over narrow raw
 * operations each backend implements.
 *
 * <p>CPU maps are {@link BitSet}s: bit {@code i} stands for host CPU {@code i}, as each bit of
 * libvirt's {@code cpumap} bytes and each element of Go's {@code []bool} do.
 */
public interface DomainIrregularMethods {

    /**
     * Returns the name of the scheduler the domain's hypervisor uses, such as {@code "posix"}.
     *
     * @return the scheduler's name
     * @throws LibvirtException libvirt's error when the call fails
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainGetSchedulerType">virDomainGetSchedulerType</a>
     */
    String getSchedulerType();

    /**
     * Returns the capacity, allocation and physical size of one of the domain's disks.
     *
     * @param disk the disk's target ({@code vda}) or source path
     * @param flags reserved, 0
     * @return the sizes
     * @throws LibvirtException libvirt's error when the call fails
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainGetBlockInfo">virDomainGetBlockInfo</a>
     */
    DomainBlockInfo getBlockInfo(String disk, int flags);

    /**
     * Returns the progress of the domain's background job (a migration, save or dump).
     *
     * @return the job's type and progress; type NONE when no job runs
     * @throws LibvirtException libvirt's error when the call fails
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainGetJobInfo">virDomainGetJobInfo</a>
     */
    DomainJobInfo getJobInfo();

    /**
     * Tells whether libvirt can talk to the domain's hypervisor process now, or why not.
     *
     * @param flags reserved, 0
     * @return the control state
     * @throws LibvirtException libvirt's error when the call fails
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainGetControlInfo">virDomainGetControlInfo</a>
     */
    DomainControlInfo getControlInfo(int flags);

    /**
     * Returns the progress of the block job running on a disk.
     *
     * @param disk the disk's target ({@code vda}) or source path
     * @param flags a bitwise OR of {@link DomainBlockJobInfoFlags} values; bits newer than this binding are passed as they are
     * @return the job's progress, or {@code null} when no block job runs on the disk (C's result 0)
     * @throws LibvirtException libvirt's error when the call fails
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainGetBlockJobInfo">virDomainGetBlockJobInfo</a>
     */
    DomainBlockJobInfo getBlockJobInfo(String disk, int flags);

    /**
     * Returns the progress of the block job running on a disk.
     *
     * <p>The same call with the flags as enum constants.
     *
     * @param disk the disk's target ({@code vda}) or source path
     * @param flags {@link DomainBlockJobInfoFlags} values to OR together; none gives 0
     * @return the job's progress, or {@code null} when no block job runs on the disk
     * @throws LibvirtException libvirt's error when the call fails
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainGetBlockJobInfo">virDomainGetBlockJobInfo</a>
     */
    default DomainBlockJobInfo getBlockJobInfo(String disk, DomainBlockJobInfoFlags... flags) {
        return getBlockJobInfo(disk, LibvirtEnum.mask(flags));
    }

    /**
     * Reads the guest's clock through its guest agent.
     *
     * @param flags reserved, 0
     * @return the guest's time
     * @throws LibvirtException libvirt's error when the call fails (for example no agent answers)
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainGetTime">virDomainGetTime</a>
     */
    DomainTime getTime(int flags);

    /**
     * Renames the inactive domain (this handle's cached name follows only where libvirt's driver updates it,
     * as its remote client does).
     *
     * @param name the new name
     * @param flags reserved, 0
     * @throws LibvirtException libvirt's error when the call fails (for example the domain is running)
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainRename">virDomainRename</a>
     */
    void rename(String name, int flags);

    /**
     * Sends key presses to the guest, as if typed on its keyboard.
     *
     * @param codeset the {@link KeycodeSet} the codes belong to, as its number
     * @param holdtime how long to hold the keys, in milliseconds
     * @param keycodes the key codes, at most 16
     * @param flags reserved, 0
     * @throws LibvirtException libvirt's error when the call fails
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainSendKey">virDomainSendKey</a>
     */
    void sendKey(int codeset, int holdtime, int[] keycodes, int flags);

    /**
     * Returns each vCPU of the running domain: its state, CPU time, current host CPU and affinity.
     *
     * @return one entry per vCPU
     * @throws LibvirtException libvirt's error when the call fails (for example the domain is not running)
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainGetVcpus">virDomainGetVcpus</a>
     */
    List<DomainVcpuInfo> getVcpus();

    /**
     * Restricts a vCPU of the running domain to the given host CPUs.
     *
     * @param vcpu the vCPU's number
     * @param cpuMap the host CPUs it may run on
     * @throws LibvirtException libvirt's error when the call fails
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainPinVcpu">virDomainPinVcpu</a>
     */
    void pinVcpu(int vcpu, BitSet cpuMap);

    /**
     * Restricts a vCPU to the given host CPUs in the live or persistent definition, or both.
     *
     * @param vcpu the vCPU's number
     * @param cpuMap the host CPUs it may run on
     * @param flags a bitwise OR of {@link DomainModificationImpact} values; bits newer than this binding are passed as they are
     * @throws LibvirtException libvirt's error when the call fails
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainPinVcpuFlags">virDomainPinVcpuFlags</a>
     */
    void pinVcpuFlags(int vcpu, BitSet cpuMap, int flags);

    /**
     * Restricts a vCPU to the given host CPUs in the live or persistent definition, or both.
     *
     * <p>The same call with the flags as enum constants.
     *
     * @param vcpu the vCPU's number
     * @param cpuMap the host CPUs it may run on
     * @param flags {@link DomainModificationImpact} values to OR together; none gives 0
     * @throws LibvirtException libvirt's error when the call fails
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainPinVcpuFlags">virDomainPinVcpuFlags</a>
     */
    default void pinVcpuFlags(int vcpu, BitSet cpuMap, DomainModificationImpact... flags) {
        pinVcpuFlags(vcpu, cpuMap, LibvirtEnum.mask(flags));
    }

    /**
     * Returns the host CPUs each vCPU may run on, in the live or persistent definition.
     *
     * @param flags a bitwise OR of {@link DomainModificationImpact} values; bits newer than this binding are passed as they are
     * @return one map per vCPU, in vCPU order
     * @throws LibvirtException libvirt's error when the call fails
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainGetVcpuPinInfo">virDomainGetVcpuPinInfo</a>
     */
    List<BitSet> getVcpuPinInfo(int flags);

    /**
     * Returns the host CPUs each vCPU may run on, in the live or persistent definition.
     *
     * <p>The same call with the flags as enum constants.
     *
     * @param flags {@link DomainModificationImpact} values to OR together; none gives 0
     * @return one map per vCPU, in vCPU order
     * @throws LibvirtException libvirt's error when the call fails
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainGetVcpuPinInfo">virDomainGetVcpuPinInfo</a>
     */
    default List<BitSet> getVcpuPinInfo(DomainModificationImpact... flags) {
        return getVcpuPinInfo(LibvirtEnum.mask(flags));
    }

    /**
     * Restricts the domain's emulator threads to the given host CPUs.
     *
     * @param cpuMap the host CPUs they may run on
     * @param flags a bitwise OR of {@link DomainModificationImpact} values; bits newer than this binding are passed as they are
     * @throws LibvirtException libvirt's error when the call fails
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainPinEmulator">virDomainPinEmulator</a>
     */
    void pinEmulator(BitSet cpuMap, int flags);

    /**
     * Restricts the domain's emulator threads to the given host CPUs.
     *
     * <p>The same call with the flags as enum constants.
     *
     * @param cpuMap the host CPUs they may run on
     * @param flags {@link DomainModificationImpact} values to OR together; none gives 0
     * @throws LibvirtException libvirt's error when the call fails
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainPinEmulator">virDomainPinEmulator</a>
     */
    default void pinEmulator(BitSet cpuMap, DomainModificationImpact... flags) {
        pinEmulator(cpuMap, LibvirtEnum.mask(flags));
    }

    /**
     * Returns the host CPUs the domain's emulator threads may run on.
     *
     * @param flags a bitwise OR of {@link DomainModificationImpact} values; bits newer than this binding are passed as they are
     * @return the map
     * @throws LibvirtException libvirt's error when the call fails
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainGetEmulatorPinInfo">virDomainGetEmulatorPinInfo</a>
     */
    BitSet getEmulatorPinInfo(int flags);

    /**
     * Returns the host CPUs the domain's emulator threads may run on.
     *
     * <p>The same call with the flags as enum constants.
     *
     * @param flags {@link DomainModificationImpact} values to OR together; none gives 0
     * @return the map
     * @throws LibvirtException libvirt's error when the call fails
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainGetEmulatorPinInfo">virDomainGetEmulatorPinInfo</a>
     */
    default BitSet getEmulatorPinInfo(DomainModificationImpact... flags) {
        return getEmulatorPinInfo(LibvirtEnum.mask(flags));
    }

    /**
     * Returns the domain's IOThreads and the host CPUs each may run on.
     *
     * @param flags a bitwise OR of {@link DomainModificationImpact} values; bits newer than this binding are passed as they are
     * @return one entry per IOThread
     * @throws LibvirtException libvirt's error when the call fails
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainGetIOThreadInfo">virDomainGetIOThreadInfo</a>
     */
    List<DomainIOThreadInfo> getIOThreadInfo(int flags);

    /**
     * Returns the domain's IOThreads and the host CPUs each may run on.
     *
     * <p>The same call with the flags as enum constants.
     *
     * @param flags {@link DomainModificationImpact} values to OR together; none gives 0
     * @return one entry per IOThread
     * @throws LibvirtException libvirt's error when the call fails
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainGetIOThreadInfo">virDomainGetIOThreadInfo</a>
     */
    default List<DomainIOThreadInfo> getIOThreadInfo(DomainModificationImpact... flags) {
        return getIOThreadInfo(LibvirtEnum.mask(flags));
    }

    /**
     * Restricts one of the domain's IOThreads to the given host CPUs.
     *
     * @param iothreadId the IOThread's id
     * @param cpuMap the host CPUs it may run on
     * @param flags a bitwise OR of {@link DomainModificationImpact} values; bits newer than this binding are passed as they are
     * @throws LibvirtException libvirt's error when the call fails
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainPinIOThread">virDomainPinIOThread</a>
     */
    void pinIOThread(int iothreadId, BitSet cpuMap, int flags);

    /**
     * Restricts one of the domain's IOThreads to the given host CPUs.
     *
     * <p>The same call with the flags as enum constants.
     *
     * @param iothreadId the IOThread's id
     * @param cpuMap the host CPUs it may run on
     * @param flags {@link DomainModificationImpact} values to OR together; none gives 0
     * @throws LibvirtException libvirt's error when the call fails
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainPinIOThread">virDomainPinIOThread</a>
     */
    default void pinIOThread(int iothreadId, BitSet cpuMap, DomainModificationImpact... flags) {
        pinIOThread(iothreadId, cpuMap, LibvirtEnum.mask(flags));
    }

    /**
     * Returns the domain's disks that had I/O errors.
     *
     * @param flags reserved, 0
     * @return one entry per disk with an error
     * @throws LibvirtException libvirt's error when the call fails
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainGetDiskErrors">virDomainGetDiskErrors</a>
     */
    List<DomainDiskError> getDiskErrors(int flags);

    /**
     * Returns the filesystems mounted in the guest, through its guest agent.
     *
     * @param flags reserved, 0
     * @return one entry per filesystem
     * @throws LibvirtException libvirt's error when the call fails (for example no agent answers)
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainGetFSInfo">virDomainGetFSInfo</a>
     */
    List<DomainFSInfo> getFSInfo(int flags);

    /**
     * Freezes guest filesystems through the guest agent, so a snapshot sees them consistent.
     *
     * @param mountPoints the mount points to freeze; empty freezes all
     * @param flags reserved, 0
     * @return how many filesystems were frozen
     * @throws LibvirtException libvirt's error when the call fails
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainFSFreeze">virDomainFSFreeze</a>
     */
    int fsFreeze(List<String> mountPoints, int flags);

    /**
     * Thaws guest filesystems frozen by {@link #fsFreeze}.
     *
     * @param mountPoints the mount points to thaw; empty thaws all
     * @param flags reserved, 0
     * @return how many filesystems were thawed
     * @throws LibvirtException libvirt's error when the call fails
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainFSThaw">virDomainFSThaw</a>
     */
    int fsThaw(List<String> mountPoints, int flags);

    /**
     * Returns the guest's network interfaces and their IP addresses, from a source of knowledge.
     *
     * @param source the {@link DomainInterfaceAddressesSource} to ask, as its number
     * @param flags reserved, 0
     * @return one entry per interface
     * @throws LibvirtException libvirt's error when the call fails
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainInterfaceAddresses">virDomainInterfaceAddresses</a>
     */
    List<DomainInterface> listAllInterfaceAddresses(int source, int flags);

    /**
     * Returns the guest's network interfaces and their IP addresses, from a source of knowledge.
     *
     * <p>Go's {@code ListAllInterfaceAddresses}: the source as an enum, flags 0.
     *
     * @param source where libvirt looks the addresses up
     * @return one entry per interface
     * @throws LibvirtException libvirt's error when the call fails
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainInterfaceAddresses">virDomainInterfaceAddresses</a>
     */
    default List<DomainInterface> listAllInterfaceAddresses(DomainInterfaceAddressesSource source) {
        return listAllInterfaceAddresses(LibvirtEnum.mask(java.util.Objects.requireNonNull(source, "source")), 0);
    }

    /**
     * Returns the security label of the domain's process under the host's primary security model.
     *
     * @return the label
     * @throws LibvirtException libvirt's error when the call fails
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainGetSecurityLabel">virDomainGetSecurityLabel</a>
     */
    SecurityLabel getSecurityLabel();

    /**
     * Returns the security labels of the domain's process, one per security model of the host.
     *
     * @return the labels
     * @throws LibvirtException libvirt's error when the call fails
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainGetSecurityLabelList">virDomainGetSecurityLabelList</a>
     */
    List<SecurityLabel> getSecurityLabelList();

    /**
     * Returns libvirt's messages about the domain, such as tainting or deprecation warnings.
     *
     * @param flags a bitwise OR of {@link DomainMessageType} values (0: all); bits newer than this binding are passed as they are
     * @return the messages
     * @throws LibvirtException libvirt's error when the call fails
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainGetMessages">virDomainGetMessages</a>
     */
    List<String> getMessages(int flags);

    /**
     * Returns libvirt's messages about the domain, such as tainting or deprecation warnings.
     *
     * <p>The same call with the flags as enum constants.
     *
     * @param flags {@link DomainMessageType} values to OR together; none gives all messages
     * @return the messages
     * @throws LibvirtException libvirt's error when the call fails
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainGetMessages">virDomainGetMessages</a>
     */
    default List<String> getMessages(DomainMessageType... flags) {
        return getMessages(LibvirtEnum.mask(flags));
    }

    /**
     * Returns a guest user's authorized SSH keys, through the guest agent.
     *
     * @param user the guest user
     * @param flags a bitwise OR of {@link DomainAuthorizedSSHKeysFlags} values; bits newer than this binding are passed as they are
     * @return the keys, one per line of the user's file
     * @throws LibvirtException libvirt's error when the call fails
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainAuthorizedSSHKeysGet">virDomainAuthorizedSSHKeysGet</a>
     */
    List<String> authorizedSSHKeysGet(String user, int flags);

    /**
     * Adds (or, with flags, replaces or removes) a guest user's authorized SSH keys, through the guest agent.
     *
     * @param user the guest user
     * @param keys the keys
     * @param flags a bitwise OR of {@link DomainAuthorizedSSHKeysFlags} values; bits newer than this binding are passed as they are
     * @throws LibvirtException libvirt's error when the call fails
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainAuthorizedSSHKeysSet">virDomainAuthorizedSSHKeysSet</a>
     */
    void authorizedSSHKeysSet(String user, List<String> keys, int flags);

    /**
     * Reads bytes of a disk's image, as the host sees it.
     *
     * @param disk the disk's target ({@code vda}) or source path
     * @param offset where to start reading, in bytes
     * @param size how many bytes to read
     * @param flags reserved, 0
     * @return the bytes
     * @throws LibvirtException libvirt's error when the call fails
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainBlockPeek">virDomainBlockPeek</a>
     */
    byte[] blockPeek(String disk, long offset, int size, int flags);

    /**
     * Reads bytes of the guest's memory.
     *
     * @param start the address to start at
     * @param size how many bytes to read
     * @param flags a bitwise OR of {@link DomainMemoryFlags} values, one of which says how the address is meant
     * @return the bytes
     * @throws LibvirtException libvirt's error when the call fails
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainMemoryPeek">virDomainMemoryPeek</a>
     */
    byte[] memoryPeek(long start, int size, int flags);

    /**
     * Returns the names of the domain's snapshots that match the flags.
     *
     * @param flags a bitwise OR of {@link DomainSnapshotListFlags} values; bits newer than this binding are passed as they are
     * @return the names
     * @throws LibvirtException libvirt's error when the call fails
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain-snapshot.html#virDomainSnapshotListNames">virDomainSnapshotListNames</a>
     */
    List<String> snapshotListNames(int flags);

    /**
     * Returns the names of the domain's snapshots that match the flags.
     *
     * <p>The same call with the flags as enum constants.
     *
     * @param flags {@link DomainSnapshotListFlags} values to OR together; none gives 0
     * @return the names
     * @throws LibvirtException libvirt's error when the call fails
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain-snapshot.html#virDomainSnapshotListNames">virDomainSnapshotListNames</a>
     */
    default List<String> snapshotListNames(DomainSnapshotListFlags... flags) {
        return snapshotListNames(LibvirtEnum.mask(flags));
    }

    /**
     * Returns a new handle on the connection this domain belongs to (Go's {@code DomainGetConnect}); the
     * caller closes it, and the connection stays open until every handle on it is closed.
     *
     * @return the connection
     * @throws LibvirtException libvirt's error when the call fails
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainGetConnect">virDomainGetConnect</a>
     */
    Connect getConnect();

    /**
     * Returns the vCPUs the guest knows, and which are online and offlinable, through its guest agent.
     *
     * @param flags reserved, 0
     * @return the guest's vCPU maps
     * @throws LibvirtException libvirt's error when the call fails (for example no agent answers)
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainGetGuestVcpus">virDomainGetGuestVcpus</a>
     */
    DomainGuestVcpus getGuestVcpus(int flags);

    /**
     * Returns what the guest agent reports about the guest: users, operating system, time zone,
     * host name, file systems, disks, interfaces, as {@code types} selects.
     *
     * @param types a bitwise OR of {@link DomainGuestInfoTypes} values, 0 for every group the driver has
     * @param flags reserved, 0
     * @return the guest's information
     * @throws LibvirtException libvirt's error when the call fails (for example no agent answers)
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainGetGuestInfo">virDomainGetGuestInfo</a>
     */
    DomainGuestInfo getGuestInfo(int types, int flags);

    /**
     * Returns what the guest agent reports about the guest, for the groups in {@code types}.
     *
     * @param types the groups; empty for every group the driver has
     * @param flags reserved, 0
     * @return the guest's information
     * @throws LibvirtException libvirt's error when the call fails
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainGetGuestInfo">virDomainGetGuestInfo</a>
     */
    default DomainGuestInfo getGuestInfo(java.util.Set<DomainGuestInfoTypes> types, int flags) {
        return getGuestInfo(LibvirtEnum.mask("types", types), flags);
    }

    /**
     * Returns the CPU time the domain used on each of a range of host CPUs, or in total.
     *
     * @param startCpu the first host CPU, or -1 for the total over all of them
     * @param nCpus how many host CPUs from {@code startCpu} (1 for the total); 0 means all from
     *        {@code startCpu}, as Go's binding reads it
     * @param flags a bitwise OR of {@link TypedParameterFlags} values; bits newer than this binding are passed as they are
     * @return one entry per host CPU asked for, or the one total
     * @throws LibvirtException libvirt's error when the call fails
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainGetCPUStats">virDomainGetCPUStats</a>
     */
    List<DomainCPUStats> getCPUStats(int startCpu, int nCpus, int flags);

    /**
     * Starts copying a disk of the running domain to the destination described by disk XML,
     * mirroring writes until the job is pivoted or cancelled ({@code blockJobAbort}).
     *
     * @param disk the disk's target ({@code vda}) or source path
     * @param destXml the destination, as a {@code <disk>} element
     * @param params the tunables to send
     * @param flags a bitwise OR of {@link DomainBlockCopyFlags} values; bits newer than this binding are passed as they are
     * @throws LibvirtException libvirt's error when the call fails
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainBlockCopy">virDomainBlockCopy</a>
     */
    void blockCopy(String disk, String destXml, DomainBlockCopyParameters params, int flags);

    /**
     * Starts copying a disk of the running domain to the destination described by disk XML.
     *
     * <p>The same call with the flags as enum constants.
     *
     * @param disk the disk's target ({@code vda}) or source path
     * @param destXml the destination, as a {@code <disk>} element
     * @param params the tunables to send
     * @param flags {@link DomainBlockCopyFlags} values to OR together; none gives 0
     * @throws LibvirtException libvirt's error when the call fails
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainBlockCopy">virDomainBlockCopy</a>
     */
    default void blockCopy(String disk, String destXml, DomainBlockCopyParameters params, DomainBlockCopyFlags... flags) {
        blockCopy(disk, destXml, params, LibvirtEnum.mask(flags));
    }

    /**
     * Connects {@code stream} to a console of the running domain: what the guest writes to it
     * arrives on the stream, what the stream sends reaches the guest.
     *
     * @param devname the console's alias (as in the domain XML), or {@code null} for the first console
     * @param stream a stream of the domain's connection, not yet used
     * @param flags a bitwise OR of {@link DomainConsoleFlags} values; bits newer than this binding are passed as they are
     * @throws LibvirtException libvirt's error, e.g. {@code ERR_OPERATION_INVALID} for a domain that is not running
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainOpenConsole">virDomainOpenConsole</a>
     */
    void openConsole(String devname, Stream stream, int flags);

    /**
     * Connects {@code stream} to a console of the running domain.
     *
     * <p>The same call with the flags as enum constants.
     *
     * @param devname the console's alias, or {@code null} for the first console
     * @param stream a stream of the domain's connection, not yet used
     * @param flags {@link DomainConsoleFlags} values to OR together; none gives 0
     * @throws LibvirtException libvirt's error
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainOpenConsole">virDomainOpenConsole</a>
     */
    default void openConsole(String devname, Stream stream, DomainConsoleFlags... flags) {
        openConsole(devname, stream, LibvirtEnum.mask(flags));
    }

    /**
     * Connects {@code stream} to a character-device channel of the running domain.
     *
     * @param name the channel's name or alias, or {@code null} for the first channel
     * @param stream a stream of the domain's connection, not yet used
     * @param flags a bitwise OR of {@link DomainChannelFlags} values; bits newer than this binding are passed as they are
     * @throws LibvirtException libvirt's error, e.g. {@code ERR_INTERNAL_ERROR} when the domain has no such channel
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainOpenChannel">virDomainOpenChannel</a>
     */
    void openChannel(String name, Stream stream, int flags);

    /**
     * Connects {@code stream} to a character-device channel of the running domain.
     *
     * <p>The same call with the flags as enum constants.
     *
     * @param name the channel's name or alias, or {@code null} for the first channel
     * @param stream a stream of the domain's connection, not yet used
     * @param flags {@link DomainChannelFlags} values to OR together; none gives 0
     * @throws LibvirtException libvirt's error
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainOpenChannel">virDomainOpenChannel</a>
     */
    default void openChannel(String name, Stream stream, DomainChannelFlags... flags) {
        openChannel(name, stream, LibvirtEnum.mask(flags));
    }

    /**
     * Starts the defined domain, handing it open files the caller keeps owning (libvirt's LXC
     * driver gives them to the container's init).
     *
     * @param files the descriptors, lent for the call; may be empty
     * @param flags {@link DomainCreateFlags} values ORed
     * @throws LibvirtException libvirt's error; on the remote backend {@code ERR_NO_SUPPORT} when
     *         files are given, as it cannot pass file descriptors yet
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainCreateWithFiles">virDomainCreateWithFiles</a>
     */
    void createWithFiles(int[] files, int flags);

    /**
     * Enum form of {@link #createWithFiles(int[], int)}.
     *
     * @param files the descriptors, lent for the call
     * @param flags the flags
     * @throws LibvirtException as {@link #createWithFiles(int[], int)}
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainCreateWithFiles">virDomainCreateWithFiles</a>
     */
    default void createWithFiles(int[] files, DomainCreateFlags... flags) {
        createWithFiles(files, LibvirtEnum.mask(flags));
    }

    /**
     * Associates open files with the domain under a name its configuration refers to (a disk's
     * {@code fdgroup}); the caller keeps owning its copies.
     *
     * @param name the name the domain's XML uses
     * @param files the descriptors, lent for the call
     * @param flags {@link DomainFDAssociateFlags} values ORed
     * @throws LibvirtException libvirt's error; {@code ERR_NO_SUPPORT} on the remote backend, which
     *         cannot pass file descriptors yet
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainFDAssociate">virDomainFDAssociate</a>
     */
    void fdAssociate(String name, int[] files, int flags);

    /**
     * Enum form of {@link #fdAssociate(String, int[], int)}.
     *
     * @param name the name the domain's XML uses
     * @param files the descriptors, lent for the call
     * @param flags the flags
     * @throws LibvirtException as {@link #fdAssociate(String, int[], int)}
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainFDAssociate">virDomainFDAssociate</a>
     */
    default void fdAssociate(String name, int[] files, DomainFDAssociateFlags... flags) {
        fdAssociate(name, files, LibvirtEnum.mask(flags));
    }

    /**
     * Connects a UNIX socket the caller opened to one of the domain's graphics servers (VNC,
     * SPICE), so that a client can talk to it without a listening port; the caller keeps
     * owning the socket.
     *
     * @param idx the index of the graphics device in the domain's XML
     * @param fd the caller's UNIX socket, lent for the call
     * @param flags {@link DomainOpenGraphicsFlags} values ORed
     * @throws LibvirtException libvirt's error; {@code ERR_NO_SUPPORT} on the remote backend, which
     *         cannot pass file descriptors yet
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainOpenGraphics">virDomainOpenGraphics</a>
     */
    void openGraphics(int idx, int fd, int flags);

    /**
     * Enum form of {@link #openGraphics(int, int, int)}.
     *
     * @param idx the index of the graphics device
     * @param fd the caller's UNIX socket, lent for the call
     * @param flags the flags
     * @throws LibvirtException as {@link #openGraphics(int, int, int)}
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainOpenGraphics">virDomainOpenGraphics</a>
     */
    default void openGraphics(int idx, int fd, DomainOpenGraphicsFlags... flags) {
        openGraphics(idx, fd, LibvirtEnum.mask(flags));
    }

    /**
     * Opens a connection to one of the domain's graphics servers and hands its socket to the
     * caller (Go returns an {@code *os.File}; here a {@link FileDescriptors} holder of one).
     *
     * @param idx the index of the graphics device in the domain's XML
     * @param flags {@link DomainOpenGraphicsFlags} values ORed
     * @return the holder of the one socket, which the caller closes
     * @throws LibvirtException libvirt's error; {@code ERR_NO_SUPPORT} on the remote backend, which
     *         cannot receive file descriptors yet
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainOpenGraphicsFD">virDomainOpenGraphicsFD</a>
     */
    FileDescriptors openGraphicsFD(int idx, int flags);

    /**
     * Enum form of {@link #openGraphicsFD(int, int)}.
     *
     * @param idx the index of the graphics device
     * @param flags the flags
     * @return the holder of the one socket
     * @throws LibvirtException as {@link #openGraphicsFD(int, int)}
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainOpenGraphicsFD">virDomainOpenGraphicsFD</a>
     */
    default FileDescriptors openGraphicsFD(int idx, DomainOpenGraphicsFlags... flags) {
        return openGraphicsFD(idx, LibvirtEnum.mask(flags));
    }
}

package org.libvirt4j;

import java.util.List;
import java.util.UUID;

/**
 * A domain, that is a virtual machine ({@code virDomainPtr}, Go's {@code Domain});
 * {@link #close()} is {@code virDomainFree}.
 *
 * <p>Every method throws {@link LibvirtException} with libvirt's error on failure, and
 * {@code ERR_INVALID_DOMAIN} once this handle is closed.
 *
 * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainFree">virDomainFree</a>
 */
public interface Domain extends LibvirtObject, DomainMethods, DomainTypedMethods, DomainIrregularMethods,
        DomainQemuMethods, DomainLxcMethods, DomainMigrateMethods {

    /**
     * {@return the name}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainGetName">virDomainGetName</a>
     */
    String getName();

    /**
     * {@return the UUID}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainGetUUID">virDomainGetUUID</a>
     */
    UUID getUUID();

    /**
     * {@return the UUID in libvirt's string form}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainGetUUIDString">virDomainGetUUIDString</a>
     */
    String getUUIDString();

    /**
     * {@return the id of a running domain, -1 for an inactive one}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainGetID">virDomainGetID</a>
     */
    int getID();

    /**
     * {@return state, memory, vCPUs and CPU time}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainGetInfo">virDomainGetInfo</a>
     */
    DomainInfo getInfo();

    /**
     * {@return the state and its reason}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainGetState">virDomainGetState</a>
     */
    DomainStateInfo getState();

    /**
     * Starts a defined domain.
     *
     * @param flags a bitwise OR of {@link DomainCreateFlags} values (raw, so bits newer than this binding pass too); start options
     * @throws LibvirtException {@code ERR_OPERATION_INVALID} if it is already running
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainCreate">virDomainCreate</a>
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainCreateWithFlags">virDomainCreateWithFlags</a>
     */
    void create(int flags);

    /**
     * Starts a defined domain.
     *
     * @param flags the flags as enum constants; none gives 0
     * @throws LibvirtException {@code ERR_OPERATION_INVALID} if it is already running
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainCreate">virDomainCreate</a>
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainCreateWithFlags">virDomainCreateWithFlags</a>
     */
    default void create(DomainCreateFlags... flags) {
        create(LibvirtEnum.mask(flags));
    }

    /**
     * Powers the domain off at once.
     *
     * @param flags a bitwise OR of {@link DomainDestroyFlags} values (raw, so bits newer than this binding pass too); options
     * @throws LibvirtException {@code ERR_OPERATION_INVALID} if it is not running
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainDestroy">virDomainDestroy</a>
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainDestroyFlags">virDomainDestroyFlags</a>
     */
    void destroy(int flags);

    /**
     * Powers the domain off at once.
     *
     * @param flags the flags as enum constants; none gives 0
     * @throws LibvirtException {@code ERR_OPERATION_INVALID} if it is not running
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainDestroy">virDomainDestroy</a>
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainDestroyFlags">virDomainDestroyFlags</a>
     */
    default void destroy(DomainDestroyFlags... flags) {
        destroy(LibvirtEnum.mask(flags));
    }

    /**
     * {@return the maximum memory in KiB}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainGetMaxMemory">virDomainGetMaxMemory</a>
     */
    long getMaxMemory();

    /**
     * {@return the memory tunables}
     *
     * @param flags a bitwise OR of {@link DomainModificationImpact} values (raw, so bits newer than this binding pass too); which definition
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainGetMemoryParameters">virDomainGetMemoryParameters</a>
     */
    DomainMemoryParameters getMemoryParameters(int flags);

    /**
     * {@return the memory tunables}
     *
     * @param flags the flags as enum constants; none gives 0
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainGetMemoryParameters">virDomainGetMemoryParameters</a>
     */
    default DomainMemoryParameters getMemoryParameters(DomainModificationImpact... flags) {
        return getMemoryParameters(LibvirtEnum.mask(flags));
    }

    /**
     * Changes memory tunables such as the hard and soft limits.
     *
     * @param params the tunables to change; unset ones are left alone
     * @param flags a bitwise OR of {@link DomainModificationImpact} values (raw, so bits newer than this binding pass too); which definition
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainSetMemoryParameters">virDomainSetMemoryParameters</a>
     */
    void setMemoryParameters(DomainMemoryParameters params, int flags);

    /**
     * Changes memory tunables such as the hard and soft limits.
     *
     * @param params the tunables to change; unset ones are left alone
     * @param flags the flags as enum constants; none gives 0
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainSetMemoryParameters">virDomainSetMemoryParameters</a>
     */
    default void setMemoryParameters(DomainMemoryParameters params, DomainModificationImpact... flags) {
        setMemoryParameters(params, LibvirtEnum.mask(flags));
    }

    /**
     * {@return the scheduler type and tunables of the running domain}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainGetSchedulerParameters">virDomainGetSchedulerParameters</a>
     */
    DomainSchedulerParameters getSchedulerParameters();

    /**
     * {@return the scheduler type and tunables}
     *
     * @param flags a bitwise OR of {@link DomainModificationImpact} values (raw, so bits newer than this binding pass too); which definition
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainGetSchedulerParametersFlags">virDomainGetSchedulerParametersFlags</a>
     */
    DomainSchedulerParameters getSchedulerParametersFlags(int flags);

    /**
     * {@return the scheduler type and tunables}
     *
     * @param flags the flags as enum constants; none gives 0
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainGetSchedulerParametersFlags">virDomainGetSchedulerParametersFlags</a>
     */
    default DomainSchedulerParameters getSchedulerParametersFlags(DomainModificationImpact... flags) {
        return getSchedulerParametersFlags(LibvirtEnum.mask(flags));
    }

    /**
     * Changes scheduler tunables of the running domain.
     *
     * @param params the tunables to change; unset ones are left alone
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainSetSchedulerParameters">virDomainSetSchedulerParameters</a>
     */
    void setSchedulerParameters(DomainSchedulerParameters params);

    /**
     * Changes scheduler tunables of the live or persistent definition.
     *
     * @param params the tunables to change
     * @param flags a bitwise OR of {@link DomainModificationImpact} values (raw, so bits newer than this binding pass too); which definition
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainSetSchedulerParametersFlags">virDomainSetSchedulerParametersFlags</a>
     */
    void setSchedulerParametersFlags(DomainSchedulerParameters params, int flags);

    /**
     * Changes scheduler tunables of the live or persistent definition.
     *
     * @param params the tunables to change
     * @param flags the flags as enum constants; none gives 0
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainSetSchedulerParametersFlags">virDomainSetSchedulerParametersFlags</a>
     */
    default void setSchedulerParametersFlags(DomainSchedulerParameters params, DomainModificationImpact... flags) {
        setSchedulerParametersFlags(params, LibvirtEnum.mask(flags));
    }

    /**
     * Takes a screenshot into a stream; read it with
     * {@link Stream#recv(byte[])} until it returns 0, then {@link Stream#finish()}.
     *
     * @param stream a stream from {@link Connect#newStream}
     * @param screen the screen number
     * @return the MIME type of the image
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainScreenshot">virDomainScreenshot</a>
     */
    String screenshot(Stream stream, int screen);

    /**
     * Sets or removes one piece of metadata.
     *
     * @param type title, description, or an XML element in the namespace {@code uri}
     * @param metadata the new value, or null to remove it
     * @param key the namespace prefix of an element (null for title and description)
     * @param uri the namespace of an element (null for title and description)
     * @param flags a bitwise OR of {@link DomainModificationImpact} values (raw, so bits newer than this binding pass too); which definition to change
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainSetMetadata">virDomainSetMetadata</a>
     */
    void setMetadata(DomainMetadataType type, String metadata, String key, String uri, int flags);

    /**
     * Sets or removes one piece of metadata.
     *
     * @param type title, description, or an XML element in the namespace {@code uri}
     * @param metadata the new value, or null to remove it
     * @param key the namespace prefix of an element (null for title and description)
     * @param uri the namespace of an element (null for title and description)
     * @param flags the flags as enum constants; none gives 0
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainSetMetadata">virDomainSetMetadata</a>
     */
    default void setMetadata(DomainMetadataType type, String metadata, String key, String uri, DomainModificationImpact... flags) {
        setMetadata(type, metadata, key, uri, LibvirtEnum.mask(flags));
    }

    /**
     * {@return one piece of metadata}
     *
     * @param type title, description, or an XML element in the namespace {@code uri}
     * @param uri the namespace of an element (null for title and description)
     * @param flags a bitwise OR of {@link DomainModificationImpact} values (raw, so bits newer than this binding pass too); which definition to read
     * @throws LibvirtException {@code ERR_NO_DOMAIN_METADATA} when there is none of that type
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainGetMetadata">virDomainGetMetadata</a>
     */
    String getMetadata(DomainMetadataType type, String uri, int flags);

    /**
     * {@return one piece of metadata}
     *
     * @param type title, description, or an XML element in the namespace {@code uri}
     * @param uri the namespace of an element (null for title and description)
     * @param flags the flags as enum constants; none gives 0
     * @throws LibvirtException {@code ERR_NO_DOMAIN_METADATA} when there is none of that type
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainGetMetadata">virDomainGetMetadata</a>
     */
    default String getMetadata(DomainMetadataType type, String uri, DomainModificationImpact... flags) {
        return getMetadata(type, uri, LibvirtEnum.mask(flags));
    }

    /**
     * {@return whether a managed save image exists}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainHasManagedSaveImage">virDomainHasManagedSaveImage</a>
     */
    boolean hasManagedSaveImage();

    /**
     * Removes the managed save image.
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainManagedSaveRemove">virDomainManagedSaveRemove</a>
     */
    void managedSaveRemove();

    /**
     * Resets the domain like a hardware reset button, without a guest shutdown.
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainReset">virDomainReset</a>
     */
    void reset();

    /**
     * {@return the I/O counters of one disk}
     *
     * @param disk the disk's target name ({@code vda}) or source path
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainBlockStats">virDomainBlockStats</a>
     */
    DomainBlockStats blockStats(String disk);

    /**
     * {@return the traffic counters of one network interface}
     *
     * @param device the interface's target device name ({@code vnet0}) or MAC address
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainInterfaceStats">virDomainInterfaceStats</a>
     */
    DomainInterfaceStats interfaceStats(String device);

    /**
     * {@return the memory statistics the hypervisor reports, at most one per tag}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainMemoryStats">virDomainMemoryStats</a>
     */
    List<DomainMemoryStat> memoryStats();

    // --- snapshots and checkpoints ---------------------------------------------------------

    /**
     * {@return the snapshots}
     *
     * @param flags a bitwise OR of {@link DomainSnapshotListFlags} values (raw, so bits newer than this binding pass too); filters
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain-snapshot.html#virDomainListAllSnapshots">virDomainListAllSnapshots</a>
     */
    List<DomainSnapshot> listAllSnapshots(int flags);

    /**
     * {@return the snapshots}
     *
     * @param flags the flags as enum constants; none gives 0
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain-snapshot.html#virDomainListAllSnapshots">virDomainListAllSnapshots</a>
     */
    default List<DomainSnapshot> listAllSnapshots(DomainSnapshotListFlags... flags) {
        return listAllSnapshots(LibvirtEnum.mask(flags));
    }

    /**
     * Looks up a snapshot of this domain by its name.
     *
     * @param name the name
     * @return the snapshot
     * @throws LibvirtException {@code ERR_NO_DOMAIN_SNAPSHOT} if there is none
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain-snapshot.html#virDomainSnapshotLookupByName">virDomainSnapshotLookupByName</a>
     */
    DomainSnapshot snapshotLookupByName(String name);

    /**
     * {@return the checkpoints}
     *
     * @param flags a bitwise OR of {@link DomainCheckpointListFlags} values (raw, so bits newer than this binding pass too); filters
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain-checkpoint.html#virDomainListAllCheckpoints">virDomainListAllCheckpoints</a>
     */
    List<DomainCheckpoint> listAllCheckpoints(int flags);

    /**
     * {@return the checkpoints}
     *
     * @param flags the flags as enum constants; none gives 0
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain-checkpoint.html#virDomainListAllCheckpoints">virDomainListAllCheckpoints</a>
     */
    default List<DomainCheckpoint> listAllCheckpoints(DomainCheckpointListFlags... flags) {
        return listAllCheckpoints(LibvirtEnum.mask(flags));
    }

    /**
     * Looks up a checkpoint of this domain by its name.
     *
     * @param name the name
     * @return the checkpoint
     * @throws LibvirtException {@code ERR_NO_DOMAIN_CHECKPOINT} if there is none
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain-checkpoint.html#virDomainCheckpointLookupByName">virDomainCheckpointLookupByName</a>
     */
    DomainCheckpoint checkpointLookupByName(String name);
}

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
public interface Domain extends LibvirtObject, DomainMethods {

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
     * @param flags start options
     * @throws LibvirtException {@code ERR_OPERATION_INVALID} if it is already running
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainCreate">virDomainCreate</a>
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainCreateWithFlags">virDomainCreateWithFlags</a>
     */
    void create(DomainCreateFlags... flags);

    /**
     * Powers the domain off at once.
     *
     * @param flags options
     * @throws LibvirtException {@code ERR_OPERATION_INVALID} if it is not running
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainDestroy">virDomainDestroy</a>
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainDestroyFlags">virDomainDestroyFlags</a>
     */
    void destroy(DomainDestroyFlags... flags);

    /**
     * {@return the maximum memory in KiB}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainGetMaxMemory">virDomainGetMaxMemory</a>
     */
    long getMaxMemory();

    /**
     * {@return the memory tunables}
     *
     * @param flags which definition
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainGetMemoryParameters">virDomainGetMemoryParameters</a>
     */
    DomainMemoryParameters getMemoryParameters(DomainModificationImpact... flags);

    /**
     * Changes memory tunables such as the hard and soft limits.
     *
     * @param params the tunables to change; unset ones are left alone
     * @param flags which definition
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainSetMemoryParameters">virDomainSetMemoryParameters</a>
     */
    void setMemoryParameters(DomainMemoryParameters params, DomainModificationImpact... flags);

    /**
     * {@return the scheduler type and tunables of the running domain}
     *
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainGetSchedulerParameters">virDomainGetSchedulerParameters</a>
     */
    DomainSchedulerParameters getSchedulerParameters();

    /**
     * {@return the scheduler type and tunables}
     *
     * @param flags which definition
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainGetSchedulerParametersFlags">virDomainGetSchedulerParametersFlags</a>
     */
    DomainSchedulerParameters getSchedulerParametersFlags(DomainModificationImpact... flags);

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
     * @param flags which definition
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainSetSchedulerParametersFlags">virDomainSetSchedulerParametersFlags</a>
     */
    void setSchedulerParametersFlags(DomainSchedulerParameters params, DomainModificationImpact... flags);

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
     * @param flags which definition to change
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainSetMetadata">virDomainSetMetadata</a>
     */
    void setMetadata(DomainMetadataType type, String metadata, String key, String uri, DomainModificationImpact... flags);

    /**
     * {@return one piece of metadata}
     *
     * @param type title, description, or an XML element in the namespace {@code uri}
     * @param uri the namespace of an element (null for title and description)
     * @param flags which definition to read
     * @throws LibvirtException {@code ERR_NO_DOMAIN_METADATA} when there is none of that type
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainGetMetadata">virDomainGetMetadata</a>
     */
    String getMetadata(DomainMetadataType type, String uri, DomainModificationImpact... flags);

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
     * @param flags filters
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain-snapshot.html#virDomainListAllSnapshots">virDomainListAllSnapshots</a>
     */
    List<DomainSnapshot> listAllSnapshots(DomainSnapshotListFlags... flags);

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
     * @param flags filters
     * @see <a href="https://libvirt.org/html/libvirt-libvirt-domain-checkpoint.html#virDomainListAllCheckpoints">virDomainListAllCheckpoints</a>
     */
    List<DomainCheckpoint> listAllCheckpoints(DomainCheckpointListFlags... flags);

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

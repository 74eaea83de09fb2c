package org.libvirt4j;

import java.util.List;
import java.util.UUID;

/**
 * A domain, that is a virtual machine ({@code virDomainPtr}, Go's {@code Domain});
 * {@link #close()} is {@code virDomainFree}.
 *
 * <p>Every method throws {@link LibvirtException} with libvirt's error on failure, and
 * {@code ERR_INVALID_DOMAIN} once this handle is closed.
 */
public interface Domain extends LibvirtObject, DomainMethods {

    /** @return the name ({@code virDomainGetName}) */
    String getName();

    /** @return the UUID ({@code virDomainGetUUID}) */
    UUID getUUID();

    /** @return the UUID in libvirt's string form ({@code virDomainGetUUIDString}) */
    String getUUIDString();

    /** @return the id of a running domain, -1 for an inactive one ({@code virDomainGetID}) */
    int getID();

    /** @return the guest OS type, e.g. {@code "hvm"} ({@code virDomainGetOSType}) */
    String getOSType();

    /** @return whether the domain is running ({@code virDomainIsActive}) */
    boolean isActive();

    /** @return whether the domain has a persistent definition ({@code virDomainIsPersistent}) */
    boolean isPersistent();

    /** @return state, memory, vCPUs and CPU time ({@code virDomainGetInfo}) */
    DomainInfo getInfo();

    /** @return the state and its reason ({@code virDomainGetState}) */
    DomainStateInfo getState();

    /** @param flags what to include @return the domain XML ({@code virDomainGetXMLDesc}) */
    String getXMLDesc(DomainXMLFlags... flags);

    /**
     * Starts a defined domain ({@code virDomainCreate}, or {@code virDomainCreateWithFlags}).
     *
     * @param flags start options
     * @throws LibvirtException {@code ERR_OPERATION_INVALID} if it is already running
     */
    void create(DomainCreateFlags... flags);

    /**
     * Powers the domain off at once ({@code virDomainDestroy}, or {@code virDomainDestroyFlags}).
     *
     * @param flags options
     * @throws LibvirtException {@code ERR_OPERATION_INVALID} if it is not running
     */
    void destroy(DomainDestroyFlagsValues... flags);

    /** @param flags the shutdown methods to use ({@code virDomainShutdown}, or {@code virDomainShutdownFlags}) */
    void shutdown(DomainShutdownFlagValues... flags);

    /** @param flags the reboot methods to use ({@code virDomainReboot}) */
    void reboot(DomainRebootFlagValues... flags);

    /** Pauses the domain's vCPUs ({@code virDomainSuspend}). */
    void suspend();

    /** Resumes a paused domain ({@code virDomainResume}). */
    void resume();

    /** @param flags what else to remove ({@code virDomainUndefine}, or {@code virDomainUndefineFlags}) */
    void undefine(DomainUndefineFlagsValues... flags);

    /** @return the maximum memory in KiB ({@code virDomainGetMaxMemory}) */
    long getMaxMemory();

    /** @param kib the new maximum in KiB ({@code virDomainSetMaxMemory}) */
    void setMaxMemory(long kib);

    /** @param kib the new balloon target of the running domain in KiB ({@code virDomainSetMemory}) */
    void setMemory(long kib);

    /** @param kib the new size in KiB @param flags which definition and which size ({@code virDomainSetMemoryFlags}) */
    void setMemoryFlags(long kib, DomainMemoryModFlags... flags);

    /** @param count the new number of vCPUs of the running domain ({@code virDomainSetVcpus}) */
    void setVcpus(int count);

    /** @param count the new number @param flags which definition and which count ({@code virDomainSetVcpusFlags}) */
    void setVcpusFlags(int count, DomainVcpuFlags... flags);

    /** @param flags which definition and which count @return the vCPU count ({@code virDomainGetVcpusFlags}) */
    int getVcpusFlags(DomainVcpuFlags... flags);

    /** @return whether the domain starts with the host ({@code virDomainGetAutostart}) */
    boolean getAutostart();

    /** @param autostart whether the domain starts with the host ({@code virDomainSetAutostart}) */
    void setAutostart(boolean autostart);

    /** @param flags which definition @return the memory tunables ({@code virDomainGetMemoryParameters}) */
    DomainMemoryParameters getMemoryParameters(DomainModificationImpact... flags);

    /** @param params the tunables to change; unset ones are left alone @param flags which definition ({@code virDomainSetMemoryParameters}) */
    void setMemoryParameters(DomainMemoryParameters params, DomainModificationImpact... flags);

    /** @return the scheduler type and tunables of the running domain ({@code virDomainGetSchedulerParameters}) */
    DomainSchedulerParameters getSchedulerParameters();

    /** @param flags which definition @return the scheduler type and tunables ({@code virDomainGetSchedulerParametersFlags}) */
    DomainSchedulerParameters getSchedulerParametersFlags(DomainModificationImpact... flags);

    /** @param params the tunables to change; unset ones are left alone ({@code virDomainSetSchedulerParameters}) */
    void setSchedulerParameters(DomainSchedulerParameters params);

    /** @param params the tunables to change @param flags which definition ({@code virDomainSetSchedulerParametersFlags}) */
    void setSchedulerParametersFlags(DomainSchedulerParameters params, DomainModificationImpact... flags);

    /**
     * Takes a screenshot into a stream ({@code virDomainScreenshot}); read it with
     * {@link Stream#recv(byte[])} until it returns 0, then {@link Stream#finish()}.
     *
     * @param stream a stream from {@link Connect#newStream}
     * @param screen the screen number
     * @return the MIME type of the image
     */
    String screenshot(Stream stream, int screen);

    /**
     * Sets or removes one piece of metadata ({@code virDomainSetMetadata}).
     *
     * @param type title, description, or an XML element in the namespace {@code uri}
     * @param metadata the new value, or null to remove it
     * @param key the namespace prefix of an element (null for title and description)
     * @param uri the namespace of an element (null for title and description)
     * @param flags which definition to change
     */
    void setMetadata(DomainMetadataType type, String metadata, String key, String uri, DomainModificationImpact... flags);

    /**
     * @param type title, description, or an XML element in the namespace {@code uri}
     * @param uri the namespace of an element (null for title and description)
     * @param flags which definition to read
     * @return the metadata ({@code virDomainGetMetadata}); {@code ERR_NO_DOMAIN_METADATA} when absent
     */
    String getMetadata(DomainMetadataType type, String uri, DomainModificationImpact... flags);

    /** @param flags how to save: saves the running domain's state and stops it ({@code virDomainManagedSave}) */
    void managedSave(DomainSaveRestoreFlags... flags);

    /** @return whether a managed save image exists ({@code virDomainHasManagedSaveImage}) */
    boolean hasManagedSaveImage();

    /** Removes the managed save image ({@code virDomainManagedSaveRemove}). */
    void managedSaveRemove();

    /** Resets the domain like a hardware reset button, without a guest shutdown ({@code virDomainReset}). */
    void reset();

    /** @param xml the device XML: hot-plugs it into the running domain ({@code virDomainAttachDevice}) */
    void attachDevice(String xml);

    /**
     * @param xml the device XML
     * @param flags which definition to change: none means the current one, live or persistent
     *              ({@code virDomainAttachDeviceFlags})
     */
    void attachDeviceFlags(String xml, DomainDeviceModifyFlags... flags);

    /** @param xml the device XML: hot-unplugs it from the running domain ({@code virDomainDetachDevice}) */
    void detachDevice(String xml);

    /**
     * @param xml the device XML
     * @param flags which definition to change ({@code virDomainDetachDeviceFlags})
     */
    void detachDeviceFlags(String xml, DomainDeviceModifyFlags... flags);

    /**
     * @param xml the device's new XML, e.g. another medium for a CD-ROM
     * @param flags which definition to change ({@code virDomainUpdateDeviceFlags})
     */
    void updateDeviceFlags(String xml, DomainDeviceModifyFlags... flags);

    /**
     * @param disk the disk's target name ({@code vda}) or source path
     * @return its I/O counters ({@code virDomainBlockStats})
     */
    DomainBlockStats blockStats(String disk);

    /**
     * @param device the interface's target device name ({@code vnet0}) or MAC address
     * @return its traffic counters ({@code virDomainInterfaceStats})
     */
    DomainInterfaceStats interfaceStats(String device);

    /** @return the memory statistics the hypervisor reports, at most one per tag ({@code virDomainMemoryStats}) */
    List<DomainMemoryStat> memoryStats();

    // --- snapshots and checkpoints ---------------------------------------------------------

    /** @param xml the snapshot XML @param flags options @return the snapshot ({@code virDomainSnapshotCreateXML}) */
    DomainSnapshot snapshotCreateXML(String xml, DomainSnapshotCreateFlags... flags);

    /** @param flags filters @return the snapshots ({@code virDomainListAllSnapshots}) */
    List<DomainSnapshot> listAllSnapshots(DomainSnapshotListFlags... flags);

    /** @param name the name @return the snapshot ({@code virDomainSnapshotLookupByName}) @throws LibvirtException {@code ERR_NO_DOMAIN_SNAPSHOT} */
    DomainSnapshot snapshotLookupByName(String name);

    /** @param xml the checkpoint XML @param flags options @return the checkpoint ({@code virDomainCheckpointCreateXML}) */
    DomainCheckpoint checkpointCreateXML(String xml, DomainCheckpointCreateFlags... flags);

    /** @param flags filters @return the checkpoints ({@code virDomainListAllCheckpoints}) */
    List<DomainCheckpoint> listAllCheckpoints(DomainCheckpointListFlags... flags);

    /** @param name the name @return the checkpoint ({@code virDomainCheckpointLookupByName}) @throws LibvirtException {@code ERR_NO_DOMAIN_CHECKPOINT} */
    DomainCheckpoint checkpointLookupByName(String name);
}

package org.libvirt4j.jni;

/** The natives of {@code lv_irregular.c}: the raw domain calls of irregular shape. */
final class JniIrregularNatives {
    private JniIrregularNatives() {
    }

    /** {@code which}: the ordinal of {@code DomainIrregularContract.StructCall}. */
    static native void structCall(int which, long dom, String disk, int flags, long[] out);

    static native String schedulerType(long dom);

    static native void sendKey(long dom, int codeset, int holdtime, int[] keycodes, int flags);

    /** {@code which}: the ordinal of {@code DomainIrregularContract.PinCall}. */
    static native void pin(int which, long dom, int index, byte[] cpumap, int flags);

    static native int hostCpus(long dom);

    static native int vcpus(long dom, int maxinfo, long[] info, byte[] cpumaps);

    static native int vcpuPinInfo(long dom, int ncpumaps, byte[] cpumaps, int flags);

    static native void emulatorPinInfo(long dom, byte[] cpumap, int flags);

    /** {@return {@code { int[] ids, byte[][] cpumaps }}} */
    static native Object[] iothreadInfo(long dom, int flags);

    static native int diskErrorCount(long dom);

    /** {@return {@code { String[] disks, int[] errors }}} */
    static native Object[] diskErrors(long dom, int max, int flags);

    /** {@return one {@code { mountpoint, name, fstype, String[] devAlias }} per filesystem} */
    static native Object[] fsInfo(long dom, int flags);

    static native int fsFreezeThaw(boolean freeze, long dom, String[] mountPoints, int flags);

    /** {@return one {@code { name, hwaddr, int[] types, String[] addrs, int[] prefixes }} per interface} */
    static native Object[] interfaceAddresses(long dom, int source, int flags);

    /** {@return {@code { String[] labels, int[] enforcing }} with one label} */
    static native Object[] securityLabel(long dom);

    /** {@return {@code { String[] labels, int[] enforcing }}} */
    static native Object[] securityLabelList(long dom);

    /** {@code which}: 0 {@code virDomainGetMessages}, 1 {@code virDomainAuthorizedSSHKeysGet}. */
    static native String[] ownedStrings(int which, long dom, String user, int flags);

    static native void sshKeysSet(long dom, String user, String[] keys, int flags);

    /** A {@code null} disk peeks memory at {@code offset}. */
    static native void peek(long dom, String disk, long offset, byte[] buffer, int flags);

    /**
     * {@code which}: 0 {@code virDomainSnapshotListNames}, 1 {@code virDomainSnapshotListChildrenNames},
     * 2 {@code virConnectListDefinedDomains} (flags unused).
     */
    static native String[] listNames(int which, long object, int max, int flags);

    static native int[] listDomains(long conn, int max);

    /** {@return the parameters as {@code JniNatives.getParams} gives them} */
    static native Object[] guestVcpus(long dom, int flags);

    /** virDomainGetGuestInfo's parameters, packed as lv_params_to_java packs them. */
    static native Object[] guestInfo(long dom, int types, int flags);

    static native int cpuStatsCount(long dom, int startCpu, int ncpus);

    /** {@return one {@code JniNatives.getParams}-shaped array per CPU (one for the total)} */
    static native Object[] cpuStats(long dom, int nparams, int startCpu, int ncpus, int flags);

    /** The parameters as {@link Params} lays them out. */
    static native void blockCopy(long dom, String disk, String destXml, String[] fields, int[] types, long[] values,
            String[] strings, int flags);

    /** {@return the new domain's pointer} {@code which}: 0 for {@code virDomainMigrate}, 1 for {@code virDomainMigrate2}. */
    static native long migrate(int which, long dom, long dconn, String dxml, long flags, String dname, String uri,
            long bandwidth);

    /** {@return the new domain's pointer} The parameters as {@link Params} lays them out. */
    static native long migrate3(long dom, long dconn, String[] fields, int[] types, long[] values, String[] strings,
            int flags);

    /** {@code which}: 0 for {@code virDomainMigrateToURI} ({@code dconnuri} is its {@code duri}), 1 for {@code virDomainMigrateToURI2}. */
    static native void migrateToURI(int which, long dom, String dconnuri, String miguri, String dxml, long flags,
            String dname, long bandwidth);

    static native void createWithFiles(long dom, int[] files, int flags);

    /** {@return the new domain's pointer} */
    static native long createXMLWithFiles(long conn, String xml, int[] files, int flags);

    static native void fdAssociate(long dom, String name, int[] files, int flags);
}

package org.libvirt4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libvirt4j.tck.NodeFixture.CREATED_VHBA;
import static org.libvirt4j.tck.NodeFixture.FC_HOST;
import static org.libvirt4j.tck.NodeFixture.INTERFACE;
import static org.libvirt4j.tck.NodeFixture.NETWORK;
import static org.libvirt4j.tck.NodeFixture.NODE_DEVICE;
import static org.libvirt4j.tck.NodeFixture.NODE_DEVICES;
import static org.libvirt4j.tck.NodeFixture.POOL;
import static org.libvirt4j.tck.NodeFixture.VHBA;
import static org.libvirt4j.tck.NodeFixture.VOLUME;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.libvirt4j.ConnectCompareCPUFlags;
import org.libvirt4j.Connect;
import org.libvirt4j.Domain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.Interface;
import org.libvirt4j.InterfaceDefineFlags;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.Network;
import org.libvirt4j.NetworkCreateFlags;
import org.libvirt4j.NWFilterDefineFlags;
import org.libvirt4j.NetworkDefineFlags;
import org.libvirt4j.NetworkUpdateCommand;
import org.libvirt4j.NetworkUpdateFlags;
import org.libvirt4j.NetworkUpdateSection;
import org.libvirt4j.NodeDevice;
import org.libvirt4j.NodeSuspendTarget;
import org.libvirt4j.StoragePool;
import org.libvirt4j.StorageVol;
import org.libvirt4j.StorageVolResizeFlags;
import org.libvirt4j.StorageVolWipeAlgorithm;

/**
 * The host, interface, network, node device and storage functions bound from
 * {@code codegen/bindings.table} (generated on every backend from one description): values on
 * the test driver where it implements them, libvirt's own refusal naming the C function where it
 * does not, and the shared argument contract on the handle kinds that got generated methods.
 */
public abstract class HostOperationsTck extends TckArea {
    HostOperationsTck() {
    }

    /** Fails when a count reaches another C function or procedure, or its result is not decoded. */
    @Test
    @DisplayName("numOf* counts match the fixture and follow a newly defined domain and network")
    void countsMatchTheFixture() {
        try (Connect c = open()) {
            assertThat(c.numOfDomains()).isEqualTo(1);
            assertThat(c.numOfDefinedDomains()).isEqualTo(1);
            assertThat(c.numOfNetworks()).isEqualTo(1);
            assertThat(c.numOfDefinedNetworks()).isZero();
            assertThat(c.numOfInterfaces()).isEqualTo(1);
            assertThat(c.numOfDefinedInterfaces()).isZero();
            assertThat(c.numOfStoragePools()).isEqualTo(1);
            assertThat(c.numOfDefinedStoragePools()).isZero();
            try (Domain d = c.domainDefineXML(testDomainXml(unique("tck-count"), UUID.randomUUID()));
                    Network n = c.networkDefineXML(networkXml(unique("tck-count"), "tckcnt0"))) {
                assertThat(c.numOfDefinedDomains()).isEqualTo(2);
                assertThat(c.numOfDomains()).isEqualTo(1);
                assertThat(c.numOfDefinedNetworks()).isEqualTo(1);
                assertThat(n.getName()).startsWith("tck-count");
                assertThat(d.getName()).startsWith("tck-count");
            }
        }
    }

    /** Fails when the capability filter (a nullable string) or a handle's name is not passed on. */
    @Test
    @DisplayName("numOfDevices counts all or one capability's devices; numOfCaps and numOfStorageVolumes count theirs")
    void deviceAndVolumeCounts() {
        try (Connect c = open(); NodeDevice pci = c.lookupNodeDeviceByName(NODE_DEVICE);
                NodeDevice hba = c.lookupNodeDeviceByName(FC_HOST); StoragePool pool = c.lookupStoragePoolByName(POOL)) {
            assertThat(c.numOfDevices(null, 0)).isEqualTo(NODE_DEVICES);
            assertThat(c.numOfDevices("pci", 0)).isEqualTo(1);
            assertThat(c.numOfDevices("scsi_host", 0)).isEqualTo(2);
            assertThat(c.numOfDevices("vports", 0)).isEqualTo(1);
            assertThat(c.numOfDevices("net", 0)).isZero();
            assertThat(pci.numOfCaps()).isEqualTo(pci.listCaps().size()).isEqualTo(1);
            assertThat(hba.numOfCaps()).isEqualTo(hba.listCaps().size());
            assertThat(pool.numOfStorageVolumes()).isEqualTo(1);
            try (StorageVol v = pool.storageVolCreateXML("<volume><name>" + unique("tck-count") + "</name>"
                    + "<capacity unit='MiB'>1</capacity></volume>")) {
                assertThat(pool.numOfStorageVolumes()).isEqualTo(2);
                v.delete();
            }
        }
    }

    /** Fails when define, create, destroy or undefine does not reach its own function on the right interface. */
    @Test
    @DisplayName("interfaceDefineXML, create, destroy and undefine take an interface through its life")
    void interfaceLifecycle() {
        String name = unique("tck-if");
        try (Connect c = open()) {
            try (Interface i = c.interfaceDefineXML(interfaceXml(name, "52:54:00:aa:bb:42"), InterfaceDefineFlags.VALIDATE)) {
                assertThat(i.getName()).isEqualTo(name);
                assertThat(i.isActive()).isFalse();
                assertThat(c.numOfDefinedInterfaces()).isEqualTo(1);
                i.create(0);
                assertThat(i.isActive()).isTrue();
                assertThat(c.numOfInterfaces()).isEqualTo(2);
                expectError(ErrorNumber.ERR_OPERATION_INVALID, () -> i.create(0));
                i.destroy(0);
                assertThat(i.isActive()).isFalse();
                expectError(ErrorNumber.ERR_OPERATION_INVALID, () -> i.destroy(0));
                i.undefine();
            }
            expectError(ErrorNumber.ERR_NO_INTERFACE, () -> c.lookupInterfaceByName(name));
            try (Interface fixture = c.lookupInterfaceByName(INTERFACE)) {
                fixture.destroy(0);
                assertThat(fixture.isActive()).isFalse();
                assertThat(c.numOfDefinedInterfaces()).isEqualTo(1);
            }
        }
    }

    /** Fails when the three transaction calls are mixed up: rollback must undo, commit must keep. */
    @Test
    @DisplayName("interfaceChangeRollback undoes a definition made since interfaceChangeBegin; interfaceChangeCommit keeps it")
    void interfaceTransactions() {
        try (Connect c = open()) {
            expectError(ErrorNumber.ERR_OPERATION_INVALID, () -> c.interfaceChangeCommit(0));
            expectError(ErrorNumber.ERR_OPERATION_INVALID, () -> c.interfaceChangeRollback(0));

            String dropped = unique("tck-if");
            c.interfaceChangeBegin(0);
            expectError(ErrorNumber.ERR_OPERATION_INVALID, () -> c.interfaceChangeBegin(0));
            c.interfaceDefineXML(interfaceXml(dropped, "52:54:00:aa:bb:43"), 0).close();
            assertThat(c.numOfInterfaces() + c.numOfDefinedInterfaces()).isEqualTo(2);
            c.interfaceChangeRollback(0);
            // The test driver restores a copy of the saved definitions, whose active state it
            // does not keep: count the interfaces whatever their state.
            assertThat(c.numOfInterfaces() + c.numOfDefinedInterfaces()).isEqualTo(1);
            expectError(ErrorNumber.ERR_NO_INTERFACE, () -> c.lookupInterfaceByName(dropped));

            String kept = unique("tck-if");
            c.interfaceChangeBegin(0);
            c.interfaceDefineXML(interfaceXml(kept, "52:54:00:aa:bb:44"), 0).close();
            c.interfaceChangeCommit(0);
            try (Interface i = c.lookupInterfaceByName(kept)) {
                assertThat(i.getName()).isEqualTo(kept);
            }
            expectError(ErrorNumber.ERR_OPERATION_INVALID, () -> c.interfaceChangeRollback(0));
        }
    }

    /** Fails when the Flags forms of network define and create do not reach their own functions. */
    @Test
    @DisplayName("networkDefineXML defines an inactive persistent network and networkCreateXML starts a transient one")
    void networkFlagsForms() {
        try (Connect c = open()) {
            String defined = unique("tck-netdef");
            try (Network n = c.networkDefineXML(networkXml(defined, "tckdef0"), NetworkDefineFlags.VALIDATE)) {
                assertThat(n.getName()).isEqualTo(defined);
                assertThat(n.isPersistent()).isTrue();
                assertThat(n.isActive()).isFalse();
            }
            String created = unique("tck-netnew");
            try (Network n = c.networkCreateXML(networkXml(created, "tcknew0"), NetworkCreateFlags.VALIDATE)) {
                assertThat(n.getName()).isEqualTo(created);
                assertThat(n.isPersistent()).isFalse();
                assertThat(n.isActive()).isTrue();
            }
            assertThat(c.numOfNetworks()).isEqualTo(2);
            assertThat(c.numOfDefinedNetworks()).isEqualTo(1);
            expectError(ErrorNumber.ERR_NO_NAME, () -> c.networkDefineXML("<network/>", 0));
        }
    }

    /**
     * Fails when the command, section, parent index or XML of a network update is lost or
     * reordered on the way: a swapped command and section would touch another section.
     */
    @Test
    @DisplayName("update adds a DHCP host to the running network and deletes it again")
    void networkUpdateDhcpHost() {
        String host = "<host mac='52:54:00:00:00:42' name='tck-dhcp' ip='192.168.150.42'/>";
        try (Connect c = open(); Network n = c.lookupNetworkByName(NETWORK)) {
            n.update(NetworkUpdateCommand.ADD_LAST.value(), NetworkUpdateSection.IP_DHCP_HOST.value(), -1, host,
                    NetworkUpdateFlags.LIVE);
            String xml = n.getXMLDesc();
            assertThat(xpath(xml, "/network/ip/dhcp/host/@mac")).isEqualTo("52:54:00:00:00:42");
            assertThat(xpath(xml, "/network/ip/dhcp/host/@ip")).isEqualTo("192.168.150.42");
            assertThat(xpath(xml, "/network/ip/dhcp/range/@start")).isEqualTo("192.168.150.2");
            expectError(ErrorNumber.ERR_OPERATION_INVALID, () -> n.update(NetworkUpdateCommand.ADD_LAST.value(),
                    NetworkUpdateSection.IP_DHCP_HOST.value(), -1, host, 0));
            n.update(NetworkUpdateCommand.DELETE.value(), NetworkUpdateSection.IP_DHCP_HOST.value(), -1, host, 0);
            assertThat(xpath(n.getXMLDesc(), "/network/ip/dhcp/host/@mac")).isEmpty();
        }
    }

    /**
     * Fails when deviceCreateXML does not send the device XML, or destroy does not reach the new
     * device by its name (node devices travel by name on the wire).
     */
    @Test
    @DisplayName("deviceCreateXML creates a vHBA on the fixture's FC HBA and destroy removes it")
    void vhbaCreateDestroy() {
        String xml = "<device><parent>" + FC_HOST + "</parent><capability type='scsi_host'>"
                + "<capability type='fc_host'><wwnn>2001001b32a9da4e</wwnn><wwpn>2101001b32a9da4e</wwpn>"
                + "</capability></capability></device>";
        try (Connect c = open()) {
            try (NodeDevice d = c.deviceCreateXML(xml)) {
                assertThat(d.getName()).isEqualTo(CREATED_VHBA);
                assertThat(d.getParent()).isEqualTo(FC_HOST);
                assertThat(xpath(d.getXMLDesc(), "//capability[@type='fc_host']/wwpn")).isEqualTo("2101001b32a9da4e");
                assertThat(c.numOfDevices(null, 0)).isEqualTo(NODE_DEVICES + 1);
                d.destroy();
            }
            assertThat(c.numOfDevices(null, 0)).isEqualTo(NODE_DEVICES);
            expectError(ErrorNumber.ERR_NO_NODE_DEVICE, () -> c.lookupNodeDeviceByName(CREATED_VHBA));
            try (NodeDevice template = c.lookupNodeDeviceByName(VHBA)) {
                assertThat(template.getParent()).isEqualTo(FC_HOST);
            }
            assertThat(expectError(ErrorNumber.ERR_INTERNAL_ERROR, () -> c.deviceCreateXML("<device/>", 0)).getMessage())
                    .contains("no device capabilities");
        }
    }

    /**
     * Fails when a generated binding reaches another C function or procedure than its own: the
     * test driver refuses each of these with libvirt's ERR_NO_SUPPORT naming the function called.
     */
    @Test
    @DisplayName("calls the test driver lacks are refused with ERR_NO_SUPPORT naming their own C function")
    void unsupportedCallsNameTheirFunction() {
        String cpu = "<cpu><arch>x86_64</arch><model>qemu64</model></cpu>";
        try (Connect c = open(); NodeDevice dev = c.lookupNodeDeviceByName(NODE_DEVICE);
                StoragePool pool = c.lookupStoragePoolByName(POOL); StorageVol vol = pool.lookupStorageVolByName(VOLUME)) {
            Map<String, ThrowingCallable> calls = new LinkedHashMap<>();
            calls.put("virConnectCompareCPU", () -> c.compareCPU(cpu));
            calls.put("virConnectCompareHypervisorCPU",
                    () -> c.compareHypervisorCPU(null, "x86_64", null, null, cpu, ConnectCompareCPUFlags.FAIL_INCOMPATIBLE));
            calls.put("virConnectGetDomainCapabilities", () -> c.getDomainCapabilities(null, "x86_64", null, "test", 0));
            calls.put("virConnectGetStoragePoolCapabilities", () -> c.getStoragePoolCapabilities(0));
            calls.put("virConnectDomainXMLFromNative", () -> c.domainXMLFromNative("qemu-argv", "qemu-system-x86_64", 0));
            calls.put("virConnectDomainXMLToNative",
                    () -> c.domainXMLToNative("qemu-argv", testDomainXml("tck-native", UUID.randomUUID()), 0));
            calls.put("virNodeSuspendForDuration", () -> c.suspendForDuration(NodeSuspendTarget.MEM.value(), 60, 0));
            calls.put("virConnectNumOfSecrets", c::numOfSecrets);
            calls.put("virConnectNumOfNWFilters", c::numOfNWFilters);
            calls.put("virNWFilterDefineXMLFlags", () -> c.nwfilterDefineXML("<filter name='tck-gen'/>", NWFilterDefineFlags.VALIDATE));
            calls.put("virNodeDeviceDefineXML", () -> c.deviceDefineXML("<device><parent>computer</parent>"
                    + "<capability type='mdev'><type id='tck'/></capability></device>", 0));
            calls.put("virNodeDeviceLookupSCSIHostByWWN",
                    () -> c.lookupDeviceSCSIHostByWWN("2000000012341234", "1000000012341234", 0));
            calls.put("virStoragePoolLookupByTargetPath", () -> c.lookupStoragePoolByTargetPath("/" + POOL));
            calls.put("virNodeDeviceCreate", () -> dev.create(0));
            calls.put("virNodeDeviceUndefine", () -> dev.undefine(0));
            calls.put("virNodeDeviceIsActive", dev::isActive);
            calls.put("virNodeDeviceIsPersistent", dev::isPersistent);
            calls.put("virNodeDeviceGetAutostart", dev::getAutostart);
            calls.put("virNodeDeviceSetAutostart", () -> dev.setAutostart(true));
            calls.put("virStorageVolResize", () -> vol.resize(128L << 20, StorageVolResizeFlags.ALLOCATE));
            calls.put("virStorageVolWipe", () -> vol.wipe(0));
            calls.put("virStorageVolWipePattern", () -> vol.wipePattern(StorageVolWipeAlgorithm.ZERO.value(), 0));
            expectNoSupportNamingEach(calls);
        }
    }

    /** Fails when a raw flags mask on a connection-level or interface call is not passed through as given. */
    @Test
    @DisplayName("a flag bit newer than the binding reaches libvirt and is refused there")
    void rawFlagsPassThrough() {
        try (Connect c = open(); Interface i = c.lookupInterfaceByName(INTERFACE)) {
            for (ThrowingCallable call : java.util.List.<ThrowingCallable>of(() -> c.numOfDevices(null, 1 << 30),
                    () -> c.interfaceChangeBegin(1 << 30), () -> i.destroy(1 << 30))) {
                LibvirtException e = expectError(ErrorNumber.ERR_INVALID_ARG, call);
                assertThat(e.getMessage()).contains("0x40000000");
            }
            assertThat(i.isActive()).isTrue();
        }
    }

    /** Fails when the shared argument contract is not applied to the newly generated handle kinds. */
    @Test
    @DisplayName("generated methods refuse null and NUL strings, and calls on a closed handle")
    @SuppressWarnings("try")
    void contract() {
        try (Connect c = open(); Network n = c.lookupNetworkByName(NETWORK); Interface i = c.lookupInterfaceByName(INTERFACE);
                NodeDevice d = c.lookupNodeDeviceByName(NODE_DEVICE); StoragePool p = c.lookupStoragePoolByName(POOL);
                StorageVol v = p.lookupStorageVolByName(VOLUME)) {
            expectNpe(() -> c.interfaceDefineXML(null, 0));
            expectNpe(() -> c.compareCPU(null));
            expectNpe(() -> c.lookupStoragePoolByTargetPath(null));
            expectNpe(() -> c.lookupDeviceSCSIHostByWWN("2000000012341234", null, 0));
            expectNpe(() -> n.update(NetworkUpdateCommand.ADD_LAST.value(), NetworkUpdateSection.IP_DHCP_HOST.value(), -1,
                    null, 0));
            LibvirtException nul = expectError(ErrorNumber.ERR_INVALID_ARG, () -> c.numOfDevices("p\0ci", 0));
            assertThat(nul.getMessage()).contains("NUL");
            i.close();
            d.close();
            v.close();
            p.close();
            n.close();
            assertThat(expectError(ErrorNumber.ERR_INVALID_INTERFACE, () -> i.create(0)).getMessage())
                    .contains("virInterfaceCreate");
            assertThat(expectError(ErrorNumber.ERR_INVALID_NODE_DEVICE, d::numOfCaps).getMessage())
                    .contains("virNodeDeviceNumOfCaps");
            assertThat(expectError(ErrorNumber.ERR_INVALID_STORAGE_VOL, () -> v.wipe(0)).getMessage())
                    .contains("virStorageVolWipe");
            assertThat(expectError(ErrorNumber.ERR_INVALID_STORAGE_POOL, p::numOfStorageVolumes).getMessage())
                    .contains("virStoragePoolNumOfVolumes");
            assertThat(expectError(ErrorNumber.ERR_INVALID_NETWORK,
                    () -> n.update(NetworkUpdateCommand.DELETE.value(), NetworkUpdateSection.IP_DHCP_HOST.value(), -1,
                            "<host/>", 0)).getMessage()).contains("virNetworkUpdate");
        }
    }

    private static String interfaceXml(String name, String mac) {
        return "<interface type='ethernet' name='" + name + "'><start mode='none'/><mac address='" + mac + "'/>"
                + "</interface>";
    }

    private static String networkXml(String name, String bridge) {
        return "<network><name>" + name + "</name><uuid>" + UUID.randomUUID() + "</uuid><bridge name='" + bridge
                + "'/></network>";
    }
}

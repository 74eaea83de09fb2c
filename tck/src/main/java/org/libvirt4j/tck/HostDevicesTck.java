package org.libvirt4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libvirt4j.tck.NodeFixture.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.libvirt4j.Connect;
import org.libvirt4j.ConnectListAllInterfacesFlags;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.Interface;
import org.libvirt4j.NodeDevice;

/** Host interfaces and node devices on the test driver. */
public abstract class HostDevicesTck extends TckArea {
    HostDevicesTck() {
    }

    /** Fails when listAllInterfaces loses the fixture interface or ignores the filter flags. */
    @Test
    @DisplayName("listAllInterfaces returns the fixture interface as active")
    void listInterfaces() {
        try (Connect c = open()) {
            List<String> names = new ArrayList<>();
            for (Interface i : c.listAllInterfaces(ConnectListAllInterfacesFlags.ACTIVE)) {
                try (i) {
                    names.add(i.getName());
                }
            }
            assertThat(names).contains(INTERFACE);
        }
    }

    /** Fails when interface lookups by name and MAC disagree or a field is misread. */
    @Test
    @DisplayName("Interface lookups by name and MAC agree on name, MAC, state and XML")
    void interfaceLookups() {
        try (Connect c = open(); Interface byName = c.lookupInterfaceByName(INTERFACE);
                Interface byMac = c.lookupInterfaceByMACString(INTERFACE_MAC)) {
            assertThat(byName.getMACString()).isEqualTo(INTERFACE_MAC);
            assertThat(byMac.getName()).isEqualTo(INTERFACE);
            assertThat(byName.isActive()).isTrue();
            String xml = byName.getXMLDesc();
            assertThat(xpath(xml, "/interface/@name")).isEqualTo(INTERFACE);
            assertThat(xpath(xml, "/interface/mac/@address")).isEqualTo(INTERFACE_MAC);
        }
    }

    /** Fails when an unknown interface is not reported as ERR_NO_INTERFACE. */
    @Test
    @DisplayName("Looking up an unknown interface fails with ERR_NO_INTERFACE")
    void unknownInterface() {
        try (Connect c = open()) {
            expectError(ErrorNumber.ERR_NO_INTERFACE, () -> c.lookupInterfaceByName("no-such-iface"));
            expectError(ErrorNumber.ERR_NO_INTERFACE, () -> c.lookupInterfaceByMACString("52:54:00:ff:ff:ff"));
        }
    }

    /** Fails when listAllNodeDevices with no flags is not passed 0, or loses the fixture device. */
    @Test
    @DisplayName("listAllNodeDevices returns the fixture's PCI device")
    void listNodeDevices() {
        try (Connect c = open()) {
            List<String> names = new ArrayList<>();
            for (NodeDevice d : c.listAllNodeDevices()) {
                try (d) {
                    names.add(d.getName());
                }
            }
            assertThat(names).contains(NODE_DEVICE);
        }
    }

    /** Fails when node device name, parent, capabilities or XML are misread. */
    @Test
    @DisplayName("lookupNodeDeviceByName returns the device with its parent, pci capability and XML")
    void nodeDevice() {
        try (Connect c = open(); NodeDevice d = c.lookupNodeDeviceByName(NODE_DEVICE)) {
            assertThat(d.getName()).isEqualTo(NODE_DEVICE);
            assertThat(d.getParent()).isEqualTo("computer");
            assertThat(d.listCaps()).containsExactly("pci");
            assertThat(xpath(d.getXMLDesc(), "/device/capability/product")).isEqualTo("tck bridge");
        }
    }

    /** Fails when an unknown node device is not reported as ERR_NO_NODE_DEVICE. */
    @Test
    @DisplayName("Looking up an unknown node device fails with ERR_NO_NODE_DEVICE")
    void unknownNodeDevice() {
        try (Connect c = open()) {
            expectError(ErrorNumber.ERR_NO_NODE_DEVICE, () -> c.lookupNodeDeviceByName("no_such_device"));
        }
    }
}

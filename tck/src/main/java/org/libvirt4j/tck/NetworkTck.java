package org.libvirt4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libvirt4j.tck.NodeFixture.*;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.libvirt4j.Connect;
import org.libvirt4j.ConnectListAllNetworksFlags;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.Network;

/** Virtual networks on the test driver. */
public abstract class NetworkTck extends TckArea {
    NetworkTck() {
    }

    static String networkXml(String name, UUID uuid, int subnet) {
        return "<network><name>" + name + "</name><uuid>" + uuid + "</uuid><bridge name='tck" + subnet + "'/>"
                + "<ip address='10.77." + subnet + ".1' netmask='255.255.255.0'/></network>";
    }

    static List<String> names(List<Network> networks) {
        List<String> out = new ArrayList<>();
        for (Network n : networks) {
            try (n) {
                out.add(n.getName());
            }
        }
        return out;
    }

    /** Fails when listAllNetworks loses the fixture network or ignores the filter flags. */
    @Test
    @DisplayName("listAllNetworks returns the fixture network, which is active and persistent")
    void listAll() {
        try (Connect c = open()) {
            assertThat(names(c.listAllNetworks())).containsExactly(NETWORK);
            assertThat(names(c.listAllNetworks(ConnectListAllNetworksFlags.ACTIVE))).containsExactly(NETWORK);
            assertThat(names(c.listAllNetworks(ConnectListAllNetworksFlags.INACTIVE))).isEmpty();
        }
    }

    /** Fails when network lookups disagree on identity. */
    @Test
    @DisplayName("Network lookups by name, UUID and UUID string agree on name, UUID and bridge")
    void lookups() {
        try (Connect c = open(); Network a = c.lookupNetworkByName(NETWORK); Network b = c.lookupNetworkByUUID(NETWORK_UUID);
                Network s = c.lookupNetworkByUUIDString(NETWORK_UUID.toString())) {
            assertThat(a.getUUID()).isEqualTo(NETWORK_UUID);
            assertThat(a.getUUIDString()).isEqualTo(NETWORK_UUID.toString());
            assertThat(b.getName()).isEqualTo(NETWORK);
            assertThat(s.getName()).isEqualTo(NETWORK);
            assertThat(a.getBridgeName()).isEqualTo(BRIDGE);
            assertThat(a.isActive()).isTrue();
            assertThat(a.isPersistent()).isTrue();
        }
    }

    /** Fails when network XML is mangled. */
    @Test
    @DisplayName("Network getXMLDesc names the network, its bridge and its address")
    void xml() {
        try (Connect c = open(); Network n = c.lookupNetworkByName(NETWORK)) {
            String xml = n.getXMLDesc();
            assertThat(xpath(xml, "/network/name")).isEqualTo(NETWORK);
            assertThat(xpath(xml, "/network/bridge/@name")).isEqualTo(BRIDGE);
            assertThat(xpath(xml, "/network/ip/@address")).isEqualTo("192.168.150.1");
        }
    }

    /** Fails when destroy/create of a network does not change its active state. */
    @Test
    @DisplayName("Network destroy deactivates and create reactivates")
    void destroyCreate() {
        try (Connect c = open(); Network n = c.lookupNetworkByName(NETWORK)) {
            n.destroy();
            assertThat(n.isActive()).isFalse();
            n.create();
            assertThat(n.isActive()).isTrue();
        }
    }

    /** Fails when a defined network does not round-trip or undefine does not remove it. */
    @Test
    @DisplayName("networkDefineXML defines an inactive network that undefine removes")
    void defineUndefine() {
        String name = unique("net");
        UUID uuid = UUID.randomUUID();
        try (Connect c = open()) {
            try (Network n = c.networkDefineXML(networkXml(name, uuid, 3))) {
                assertThat(n.getName()).isEqualTo(name);
                assertThat(n.getUUID()).isEqualTo(uuid);
                assertThat(n.isActive()).isFalse();
                assertThat(n.isPersistent()).isTrue();
                assertThat(xpath(n.getXMLDesc(), "/network/uuid")).isEqualTo(uuid.toString());
                n.undefine();
            }
            expectError(ErrorNumber.ERR_NO_NETWORK, () -> c.lookupNetworkByName(name));
        }
    }

    /** Fails when networkCreateXML does not start a transient network. */
    @Test
    @DisplayName("networkCreateXML starts a transient, active network")
    void createTransient() {
        String name = unique("tnet");
        try (Connect c = open(); Network n = c.networkCreateXML(networkXml(name, UUID.randomUUID(), 4))) {
            assertThat(n.isActive()).isTrue();
            assertThat(n.isPersistent()).isFalse();
            n.destroy();
            expectError(ErrorNumber.ERR_NO_NETWORK, () -> c.lookupNetworkByName(name));
        }
    }

    /** Fails when network autostart is not written or read back. */
    @Test
    @DisplayName("Network setAutostart is read back by getAutostart")
    void autostart() {
        try (Connect c = open(); Network n = c.lookupNetworkByName(NETWORK)) {
            assertThat(n.getAutostart()).isFalse();
            n.setAutostart(true);
            assertThat(n.getAutostart()).isTrue();
        }
    }

    /** Fails when an unsupported driver call is not reported as ERR_NO_SUPPORT (the test driver has no network ports). */
    @Test
    @DisplayName("Network ports on the test driver fail with ERR_NO_SUPPORT")
    void portsUnsupported() {
        try (Connect c = open(); Network n = c.lookupNetworkByName(NETWORK)) {
            expectError(ErrorNumber.ERR_NO_SUPPORT, n::listAllPorts);
            expectError(ErrorNumber.ERR_NO_SUPPORT, () -> n.portCreateXML(
                    "<networkport><owner><name>x</name><uuid>" + UUID.randomUUID() + "</uuid></owner>"
                            + "<mac address='52:54:00:00:00:01'/></networkport>"));
        }
    }
}

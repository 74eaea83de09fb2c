package org.libvirt4j.tck;

import java.util.UUID;

/** What {@link Fixtures#NODE} holds, as the tests check it. */
final class NodeFixture {
    static final String RUNNING = "tck-running";
    static final UUID RUNNING_UUID = UUID.fromString("11111111-2222-3333-4444-555555555501");
    static final String SHUTOFF = "tck-second";
    static final UUID SHUTOFF_UUID = UUID.fromString("11111111-2222-3333-4444-555555555502");
    static final String NETWORK = "tck-net";
    static final UUID NETWORK_UUID = UUID.fromString("22222222-3333-4444-5555-666666666601");
    static final String BRIDGE = "tckbr0";
    static final String POOL = "tck-pool";
    static final UUID POOL_UUID = UUID.fromString("33333333-4444-5555-6666-777777777701");
    static final String VOLUME = "tck-vol.img";
    static final String VOLUME_PATH = "/tck-pool/tck-vol.img";
    static final String INTERFACE = "tck-eth0";
    static final String INTERFACE_MAC = "52:54:00:aa:bb:01";
    static final String NODE_DEVICE = "tck_pci_0000_00_1f_0";
    /** A Fibre Channel HBA with virtual-port support: the parent of vHBAs created from XML. */
    static final String FC_HOST = "scsi_host1";
    /** The fixture's vHBA on {@link #FC_HOST}, which the test driver copies to create a new one. */
    static final String VHBA = "scsi_host11";
    /** What the test driver names every vHBA it creates from XML. */
    static final String CREATED_VHBA = "scsi_host12";
    /** Node devices in the fixture: {@link #NODE_DEVICE}, {@link #FC_HOST} and {@link #VHBA}. */
    static final int NODE_DEVICES = 3;
    static final String AUTH_USER = "tck-user";
    static final String AUTH_PASSWORD = "tck-secret";

    private NodeFixture() {
    }
}

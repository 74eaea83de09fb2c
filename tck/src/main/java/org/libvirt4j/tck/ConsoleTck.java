package org.libvirt4j.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.libvirt4j.Connect;
import org.libvirt4j.Domain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.Stream;

/**
 * Consoles and channels of a real TCG guest on the private daemon: its disk is one boot sector
 * that writes a line to the first serial port on every timer tick, so the console has output
 * without an operating system.
 */
public abstract class ConsoleTck extends TckArea {
    /** What the guest writes, again and again. */
    static final String BANNER = "libvirt4j console\r\n";

    ConsoleTck() {
    }

    /**
     * A boot sector: {@code xor ax,ax; mov ds,ax; cld; sti; mov dx,0x3f8; again: mov si,msg;
     * next: lodsb; test al,al; jz idle; out dx,al; jmp next; idle: hlt; jmp again; msg: BANNER, 0},
     * then the 0x55AA signature.
     */
    static byte[] bootSector() {
        byte[] code = {0x31, (byte) 0xC0, (byte) 0x8E, (byte) 0xD8, (byte) 0xFC, (byte) 0xFB, (byte) 0xBA, (byte) 0xF8, 0x03,
            (byte) 0xBE, 0x17, 0x7C, (byte) 0xAC, (byte) 0x84, (byte) 0xC0, 0x74, 0x03, (byte) 0xEE, (byte) 0xEB, (byte) 0xF8,
            (byte) 0xF4, (byte) 0xEB, (byte) 0xF2};
        byte[] sector = new byte[512];
        System.arraycopy(code, 0, sector, 0, code.length);
        byte[] msg = BANNER.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(msg, 0, sector, code.length, msg.length);
        sector[510] = 0x55;
        sector[511] = (byte) 0xAA;
        return sector;
    }

    static String guestXml(String name, Path image) {
        return "<domain type='qemu'><name>" + name + "</name><memory unit='MiB'>32</memory><vcpu>1</vcpu>"
                + "<os><type arch='x86_64' machine='pc'>hvm</type><boot dev='hd'/></os><devices>"
                + "<disk type='file' device='disk'><driver name='qemu' type='raw'/><source file='" + image + "'/>"
                + "<target dev='hda' bus='ide'/></disk>"
                + "<serial type='pty'><target port='0'/></serial><console type='pty'><target type='serial' port='0'/></console>"
                + "</devices></domain>";
    }

    /**
     * Fails when the test driver's lack of guest info and of consoles is not reported as libvirt
     * reports it, naming the C function: proof the binding reaches virDomainGetGuestInfo.
     */
    @Test
    @DisplayName("On the test driver, getGuestInfo and openChannel fail with ERR_NO_SUPPORT naming their C functions")
    void testDriverRefusals() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(NodeFixture.RUNNING); Stream s = c.newStream()) {
            expectNoSupportNamingEach(java.util.Map.of(
                    "virDomainGetGuestInfo", () -> d.getGuestInfo(0, 0),
                    "virDomainOpenChannel", () -> d.openChannel(null, s, 0)));
        }
    }

    /**
     * Fails when the console stream does not carry what the guest writes to its serial port, or
     * when a missing channel, a foreign or null stream is not refused as libvirt refuses them.
     * Check the daemon log named in the error when the guest does not start.
     */
    @Test
    @Timeout(180)
    @DisplayName("openConsole on a TCG guest carries its serial output; openChannel of a missing channel is refused")
    void consoleAndChannel() throws Exception {
        require(TckCapability.QEMU_GUEST);
        Path dir = Files.createTempDirectory("libvirt4j-tck-console-");
        Path image = dir.resolve("boot.img");
        byte[] disk = new byte[64 * 1024];
        System.arraycopy(bootSector(), 0, disk, 0, 512);
        Files.write(image, disk);
        String name = unique("tck-console");
        try (Connect c = tck().openQemu(); Domain d = c.domainCreateXML(guestXml(name, image), 0)) {
            try {
                try (Stream s = c.newStream()) {
                    d.openConsole(null, s, 0);
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    byte[] buf = new byte[256];
                    while (!out.toString(StandardCharsets.US_ASCII).contains(BANNER)) {
                        int n = s.recv(buf);
                        assertThat(n).as("console output keeps coming").isPositive();
                        out.write(buf, 0, n);
                    }
                    s.abort();
                }
                try (Stream s = c.newStream()) {
                    LibvirtException e = expectError(ErrorNumber.ERR_INTERNAL_ERROR,
                            () -> d.openChannel("org.qemu.guest_agent.0", s, 0));
                    assertThat(e.getMessage()).isEqualTo("internal error: cannot find channel org.qemu.guest_agent.0");
                }
                try (Stream s = c.newStream()) {
                    LibvirtException e = expectError(ErrorNumber.ERR_INTERNAL_ERROR,
                            () -> d.openConsole("nosuch", s, 0));
                    assertThat(e.getMessage()).isEqualTo("internal error: cannot find character device nosuch");
                }
                // no guest-agent channel: QEMU refuses before asking anything
                LibvirtException noAgent = expectError(ErrorNumber.ERR_ARGUMENT_UNSUPPORTED, () -> d.getGuestInfo(0, 0));
                assertThat(noAgent.getMessage()).isEqualTo("argument unsupported: QEMU guest agent is not configured");
                noAgent = expectError(ErrorNumber.ERR_ARGUMENT_UNSUPPORTED, () -> d.getGuestInfo(
                        java.util.EnumSet.of(org.libvirt4j.DomainGuestInfoTypes.OS, org.libvirt4j.DomainGuestInfoTypes.HOSTNAME), 0));
                assertThat(noAgent.getMessage()).isEqualTo("argument unsupported: QEMU guest agent is not configured");
                expectNpe(() -> d.openConsole(null, null, 0));
                expectNpe(() -> d.openChannel(null, null, 0));
            } finally {
                d.destroy();
            }
        } finally {
            Files.deleteIfExists(image);
            Files.deleteIfExists(dir);
        }
    }
}

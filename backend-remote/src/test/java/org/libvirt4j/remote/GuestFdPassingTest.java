package org.libvirt4j.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.unix.FileDescriptor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.libvirt4j.Connect;
import org.libvirt4j.Domain;
import org.libvirt4j.DomainOpenGraphicsFlags;
import org.libvirt4j.DomainQemuMonitorCommandWithFilesResult;
import org.libvirt4j.FileDescriptors;
import org.libvirt4j.Libvirt;
import org.libvirt4j.tck.PrivateLibvirtd;

/**
 * Descriptors through the private daemon's unix socket on a real TCG guest, the remote backend
 * side by side with libvirt's own client (the JNA backend): what comes back must work (the VNC
 * server's banner is read from {@code openGraphicsFD}'s socket) and what goes out must arrive
 * (QEMU's {@code getfd} accepts the descriptor a monitor command passes, and refuses without one).
 */
@org.junit.jupiter.api.Tag("fd-passing")
@Timeout(300)
class GuestFdPassingTest {

    private static String guestXml(String name) {
        return "<domain type='qemu'><name>" + name + "</name><uuid>" + UUID.randomUUID() + "</uuid>"
                + "<memory unit='MiB'>64</memory><vcpu>1</vcpu>"
                + "<os><type arch='x86_64' machine='pc'>hvm</type></os>"
                + "<devices><graphics type='vnc' autoport='yes' listen='127.0.0.1'/>"
                + "<video><model type='vga'/></video></devices></domain>";
    }

    /** Reads up to {@code n} bytes from a raw descriptor, blocking or not, within 30 s. */
    private static String read(int fd, int n) throws IOException, InterruptedException {
        FileDescriptor in = new FileDescriptor(fd);
        ByteBuffer b = ByteBuffer.allocateDirect(n);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (b.hasRemaining() && System.nanoTime() < end) {
            int r = in.read(b, b.position(), b.limit());
            if (r < 0) {
                break;
            }
            b.position(b.position() + r);
            if (r == 0) {
                Thread.sleep(10);
            }
        }
        return StandardCharsets.US_ASCII.decode(b.flip()).toString();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"remote", "jna"})
    @DisplayName("openGraphicsFD's socket speaks VNC; a monitor command's descriptor reaches QEMU")
    void onGuest(String backend) throws Exception {
        String uri = PrivateLibvirtd.shared().qemuUri();
        String name = "fdpass-" + backend + "-" + Long.toHexString(System.nanoTime());
        try (Connect c = Libvirt.using(backend).newConnect(uri); Domain d = c.domainDefineXML(guestXml(name))) {
            d.create();
            try {
                try (FileDescriptors fds = d.openGraphicsFD(0, DomainOpenGraphicsFlags.SKIPAUTH)) {
                    assertThat(fds.size()).isEqualTo(1);
                    assertThat(read(fds.fds()[0], 12)).isEqualTo("RFB 003.008\n");
                }
                FileDescriptor[] pipe = FileDescriptor.pipe();
                try {
                    DomainQemuMonitorCommandWithFilesResult got = d.qemuMonitorCommandWithFiles(
                            "{\"execute\":\"getfd\",\"arguments\":{\"fdname\":\"tck-fd\"}}",
                            new int[] {pipe[1].intValue()});
                    try (FileDescriptors none = got.files()) {
                        assertThat(got.result()).contains("\"return\"").doesNotContain("error");
                        assertThat(none.size()).isZero();
                    }
                    assertThat(d.qemuMonitorCommand("{\"execute\":\"closefd\",\"arguments\":{\"fdname\":\"tck-fd\"}}", 0))
                            .contains("\"return\"").doesNotContain("error");
                    // without a descriptor QEMU has nothing to take
                    assertThat(d.qemuMonitorCommandWithFiles(
                            "{\"execute\":\"getfd\",\"arguments\":{\"fdname\":\"tck-none\"}}", new int[0]).result())
                            .contains("No file descriptor supplied via SCM_RIGHTS");
                } finally {
                    pipe[0].close();
                    pipe[1].close();
                }
            } finally {
                d.destroy();
                d.undefine();
            }
        }
    }
}

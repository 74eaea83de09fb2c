package org.libvirt4j.remote.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.libvirt4j.Connect;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.remote.generated.QemuProtocol;
import org.libvirt4j.remote.generated.VirNetMessageType;

/**
 * The framing of the daemon's other programs (QEMU, LXC) and of replies that carry file
 * descriptors, against a {@link FakeDaemon}: a reply this client cannot complete fails its call
 * clearly and leaves the connection in step; a reply from the wrong program ends the connection.
 */
class OtherProgramsWireTest {
    private static final Duration LIMIT = Duration.ofSeconds(20);

    private static byte[] hostname(String name) {
        byte[] b = name.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[4 + ((b.length + 3) & ~3)];
        java.nio.ByteBuffer.wrap(out).putInt(b.length).put(b);
        return out;
    }

    @Test
    @DisplayName("A reply with file descriptors over TCP ends the connection with libvirt's client's error")
    void replyWithFds() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (FakeDaemon fake = new FakeDaemon((c, out, s) -> {
                byte[] body = hostname("fds");
                byte[] withCount = new byte[4 + body.length];
                java.nio.ByteBuffer.wrap(withCount).putInt(2).put(body);
                FakeDaemon.frame(out, FakeDaemon.PROGRAM, 1, c.proc(), VirNetMessageType.VIR_NET_REPLY_WITH_FDS.value(), c.serial(), 0,
                        withCount);
            }); Connect c = RemoteConnect.open(fake.uri())) {
                // TCP cannot carry descriptors: libvirt's client fails reading them and closes the connection
                LibvirtException e = catchThrowableOfType(LibvirtException.class, c::getHostname);
                assertThat(e).isNotNull();
                assertThat(e.code()).isEqualTo(ErrorNumber.ERR_INTERNAL_ERROR);
                assertThat(e.domain()).isEqualTo(ErrorDomain.RPC);
                assertThat(e.getMessage()).isEqualTo(
                        "internal error: Receiving file descriptors is not supported on this socket");
                assertThat(c.isAlive()).isFalse();
            }
        });
    }

    @Test
    @DisplayName("A reply from the QEMU program to a call of the remote program ends the connection with ERR_RPC")
    void replyFromOtherProgram() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (FakeDaemon fake = new FakeDaemon((c, out, s) -> FakeDaemon.frame(out, QemuProtocol.QEMU_PROGRAM, 1, c.proc(),
                    VirNetMessageType.VIR_NET_REPLY.value(), c.serial(), 0, hostname("qemu"))); Connect c = RemoteConnect.open(fake.uri())) {
                LibvirtException e = catchThrowableOfType(LibvirtException.class, c::getHostname);
                assertThat(e).isNotNull();
                assertThat(e.domain()).isEqualTo(ErrorDomain.RPC);
                assertThat(e.getMessage()).contains("reply from program 0x20008087 to a call of program 0x20008086");
                assertThat(c.isAlive()).isFalse();
            }
        });
    }
}

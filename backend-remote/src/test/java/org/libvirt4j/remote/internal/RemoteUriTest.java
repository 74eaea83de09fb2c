package org.libvirt4j.remote.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.remote.internal.RemoteUri.Transport;

/** URI parsing as libvirt's remote driver reads URIs, and the name it sends in CONNECT_OPEN. */
class RemoteUriTest {

    @Test
    @DisplayName("test+unix with a socket parameter: unix transport, socket taken out of the name")
    void unixWithSocket() {
        RemoteUri u = RemoteUri.parse("test+unix:///tmp/x.xml?socket=/s/libvirt-sock");
        assertThat(u.transport()).isEqualTo(Transport.UNIX);
        assertThat(u.explicitTransport()).isTrue();
        assertThat(u.driver()).isEqualTo("test");
        assertThat(u.socket()).contains("/s/libvirt-sock");
        assertThat(u.host()).isEmpty();
        assertThat(u.name()).isEqualTo("test:///tmp/x.xml");
        assertThat(u.unixSocket(false, true, null, "/root")).isEqualTo(Path.of("/s/libvirt-sock"));
    }

    @Test
    @DisplayName("test+tcp with user, host and port: none of them reach the name")
    void tcpWithHostAndPort() {
        RemoteUri u = RemoteUri.parse("test+tcp://alice@127.0.0.1:16600/abs/node.xml");
        assertThat(u.transport()).isEqualTo(Transport.TCP);
        assertThat(u.user()).contains("alice");
        assertThat(u.host()).contains("127.0.0.1");
        assertThat(u.port()).hasValue(16600);
        assertThat(u.path()).isEqualTo("/abs/node.xml");
        assertThat(u.name()).isEqualTo("test:///abs/node.xml");
    }

    @Test
    @DisplayName("Parameters the client consumes are stripped, unknown ones pass through in order")
    void parameters() {
        RemoteUri u = RemoteUri.parse("qemu+tcp://h/system?no_verify=1&foo=bar&SOCKET=/x&mode=legacy&baz=1#frag");
        assertThat(u.noVerify()).isTrue();
        assertThat(u.socket()).contains("/x");
        assertThat(u.name()).isEqualTo("qemu:///system?foo=bar&baz=1#frag");
    }

    @Test
    @DisplayName("name= overrides the name sent to the daemon")
    void nameParameter() {
        assertThat(RemoteUri.parse("qemu+unix:///system?name=test:///default").name()).isEqualTo("test:///default");
    }

    @Test
    @DisplayName("Plain local URIs go to the local daemon over unix; a host without transport means TLS")
    void implicitTransport() {
        RemoteUri local = RemoteUri.parse("qemu:///system");
        assertThat(local.transport()).isEqualTo(Transport.UNIX);
        assertThat(local.explicitTransport()).isFalse();
        assertThat(local.name()).isEqualTo("qemu:///system");
        assertThat(local.unixSocket(false, true, null, "/root")).isEqualTo(Path.of("/run/libvirt/libvirt-sock"));
        assertThat(local.unixSocket(true, true, null, "/root")).isEqualTo(Path.of("/run/libvirt/libvirt-sock-ro"));
        assertThat(RemoteUri.parse("qemu://example.org/system").transport()).isEqualTo(Transport.TLS);
        assertThat(RemoteUri.parse("test:///default").name()).isEqualTo("test:///default");
    }

    @Test
    @DisplayName("Session URIs use the per-user socket under XDG_RUNTIME_DIR, else ~/.cache")
    void sessionSocket() {
        RemoteUri u = RemoteUri.parse("qemu:///session");
        assertThat(u.unixSocket(false, false, "/run/user/1000", "/home/a"))
                .isEqualTo(Path.of("/run/user/1000/libvirt/libvirt-sock"));
        assertThat(u.unixSocket(false, false, null, "/home/a")).isEqualTo(Path.of("/home/a/.cache/libvirt/libvirt-sock"));
    }

    @Test
    @DisplayName("The empty URI lets the daemon probe, and remote:// does too")
    void probing() {
        assertThat(RemoteUri.parse("").name()).isEmpty();
        assertThat(RemoteUri.parse("remote:///").name()).isEmpty();
        assertThat(RemoteUri.parse("remote+tcp://h/").transport()).isEqualTo(Transport.TCP);
    }

    @Test
    @DisplayName("Every transport libvirt names is recognised; an unknown one is ERR_INVALID_ARG like the C client")
    void transports() {
        assertThat(RemoteUri.parse("qemu+ssh://h/system").transport()).isEqualTo(Transport.SSH);
        assertThat(RemoteUri.parse("qemu+libssh2://h/system").transport()).isEqualTo(Transport.LIBSSH);
        assertThat(RemoteUri.parse("qemu+tls://h/system").transport()).isEqualTo(Transport.TLS);
        assertThat(RemoteUri.parse("qemu+ext:///system?command=/bin/x").transport()).isEqualTo(Transport.EXT);
        assertThatThrownBy(() -> RemoteUri.parse("qemu+pigeon://h/system"))
                .isInstanceOfSatisfying(LibvirtException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorNumber.ERR_INVALID_ARG);
                    assertThat(e.domain()).isEqualTo(ErrorDomain.REMOTE);
                    assertThat(e.getMessage()).contains("transport in URL not recognised");
                });
    }

    @Test
    @DisplayName("An unparseable URI is libvirt's URI error; supports() says no instead of throwing")
    void unparseable() {
        assertThatThrownBy(() -> RemoteUri.parse("test:///a b")).isInstanceOfSatisfying(LibvirtException.class,
                e -> assertThat(e.domain()).isEqualTo(ErrorDomain.URI));
        assertThat(RemoteUri.isServable("test:///a b")).isFalse();
        assertThat(RemoteUri.isServable("esx://host/")).isFalse();
        assertThat(RemoteUri.isServable("test+unix:///x.xml")).isTrue();
        assertThat(RemoteUri.isServable("qemu:///system")).isTrue();
    }

    @Test
    @DisplayName("ssh parameters are the client's; virt-ssh-helper's URI keeps mode and socket, the daemon's does not")
    void sshParameters() {
        RemoteUri u = RemoteUri.parse("qemu+ssh://fred@h:2222/system?keyfile=/k&No_Tty=1&netcat=/bin/nc&mode=direct"
                + "&socket=/s&x=1&no_verify=0");
        assertThat(u.user()).hasValue("fred");
        assertThat(u.port()).hasValue(2222);
        assertThat(u.clientParam("keyfile")).hasValue("/k");
        assertThat(u.clientParam("netcat")).hasValue("/bin/nc");
        assertThat(u.clientFlag("no_tty")).isTrue();
        assertThat(u.clientFlag("no_verify")).isFalse();
        assertThat(u.clientFlag("known_hosts")).isFalse();
        assertThat(u.name()).isEqualTo("qemu:///system?x=1");
        assertThat(u.helperName()).isEqualTo("qemu:///system?mode=direct&socket=/s&x=1");
        assertThatThrownBy(() -> RemoteUri.parse("qemu+ssh://h/system?no_tty=yes").clientFlag("no_tty"))
                .isInstanceOfSatisfying(LibvirtException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorNumber.ERR_INVALID_ARG);
                    assertThat(e.getMessage()).isEqualTo("invalid argument: Failed to parse value of URI component no_tty");
                });
    }
}

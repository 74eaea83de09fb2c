package org.libvirt4j.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.libvirt4j.Connect;
import org.libvirt4j.ConnectAuth;
import org.libvirt4j.ConnectCredential;
import org.libvirt4j.ConnectCredentialType;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.Libvirt;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.tck.Fixtures;
import org.libvirt4j.tck.PrivateLibvirtd;
import org.libvirt4j.tck.PrivateSshd;

/**
 * The ssh transports' own behaviour against the private sshd in front of the private daemon:
 * what the TCK runners cannot show (refused host keys, unknown hosts, bad parameters), each
 * error compared with libvirt's own C client (the JNA backend) opening the same URI.
 */
@Timeout(120)
class SshTransportTest {
    private static PrivateSshd sshd() {
        return PrivateSshd.shared();
    }

    private static String node() {
        return Fixtures.path(Fixtures.NODE).toString();
    }

    /** The error libvirt's C client gives for {@code uri}, and ours, which must be the same. */
    private static LibvirtException sameRefusal(String uri, ConnectAuth auth) {
        LibvirtException c = catchThrowableOfType(LibvirtException.class, () -> open("jna", uri, auth).close());
        LibvirtException ours = catchThrowableOfType(LibvirtException.class, () -> open("remote", uri, auth).close());
        assertThat(c).as("libvirt's C client refuses %s", uri).isNotNull();
        assertThat(ours).as("libvirt4j refuses %s", uri).isNotNull();
        assertThat(ours.getMessage()).isEqualTo(c.getMessage());
        assertThat(ours.code()).isEqualTo(c.code());
        assertThat(ours.domain()).isEqualTo(c.domain());
        return ours;
    }

    private static Connect open(String backend, String uri, ConnectAuth auth) {
        return auth == null ? Libvirt.using(backend).newConnect(uri)
                : Libvirt.using(backend).newConnectWithAuth(uri, auth);
    }

    private String base(String transport) {
        return "test+" + transport + "://root@127.0.0.1:" + sshd().port() + node() + "?socket="
                + PrivateLibvirtd.shared().unixSocket() + "&keyfile=" + sshd().clientKey();
    }

    @Test
    void sshBinaryCarriesCalls() {
        try (Connect c = Libvirt.using("remote").newConnect(sshd().testSshUri(Fixtures.path(Fixtures.NODE),
                PrivateLibvirtd.shared()))) {
            assertThat(c.isSecure()).isTrue();
            assertThat(c.isEncrypted()).isFalse();
            assertThat(c.getURI()).startsWith("test+ssh://");
            assertThat(c.listAllDomains()).isNotEmpty().allSatisfy(d -> d.close());
        }
    }

    @Test
    void libsshCarriesCalls() {
        try (Connect c = Libvirt.using("remote").newConnect(sshd().testLibsshUri(Fixtures.path(Fixtures.NODE),
                PrivateLibvirtd.shared()))) {
            assertThat(c.isSecure()).isTrue();
            assertThat(c.listAllDomains()).isNotEmpty().allSatisfy(d -> d.close());
        }
    }

    @Test
    void sshRefusesAChangedHostKeyAsLibvirtDoes() {
        LibvirtException e = sameRefusal(base("ssh") + "&no_tty=1&command=" + sshd().wrongSshCommand(), null);
        assertThat(e.code()).isEqualTo(ErrorNumber.ERR_SYSTEM_ERROR);
        // ssh fails before reading what the client sent: libvirt's client reads a reset
        assertThat(e.getMessage()).startsWith("Cannot recv data: ")
                .contains("Host key verification failed.").endsWith(": Connection reset by peer");
    }

    @Test
    void libsshRefusesAChangedHostKeyAsLibvirtDoes() {
        LibvirtException e = sameRefusal(base("libssh") + "&sshauth=privkey&known_hosts=" + sshd().wrongKnownHosts(),
                null);
        assertThat(e.code()).isEqualTo(ErrorNumber.ERR_AUTH_FAILED);
        assertThat(e.domain()).isEqualTo(ErrorDomain.LIBSSH);
        assertThat(e.getMessage()).contains("!!! SSH HOST KEY VERIFICATION FAILED !!!")
                .contains("'127.0.0.1:" + sshd().port() + "'").contains(sshd().wrongKnownHosts().toString());
    }

    @Test
    void libssh2RefusesAChangedHostKeyAsLibvirtDoes() {
        LibvirtException e = sameRefusal(base("libssh2") + "&sshauth=privkey&known_hosts=" + sshd().wrongKnownHosts(),
                null);
        assertThat(e.code()).isEqualTo(ErrorNumber.ERR_AUTH_FAILED);
        assertThat(e.domain()).isEqualTo(ErrorDomain.SSH);
        assertThat(e.getMessage()).contains("!!! SSH HOST KEY VERIFICATION FAILED !!!");
    }

    @Test
    void libssh2RefusesAnUnknownHostWithoutACallback(@TempDir Path tmp) {
        LibvirtException e = sameRefusal(base("libssh2") + "&sshauth=privkey&known_hosts=" + tmp.resolve("none"), null);
        assertThat(e.code()).isEqualTo(ErrorNumber.ERR_SSH);
    }

    @Test
    void libsshRefusesAnUnknownHostWithoutACallback(@TempDir Path tmp) {
        LibvirtException e = sameRefusal(base("libssh") + "&sshauth=privkey&known_hosts=" + tmp.resolve("none"), null);
        assertThat(e.code()).isEqualTo(ErrorNumber.ERR_LIBSSH);
        assertThat(Files.exists(tmp.resolve("none"))).isFalse();
    }

    @Test
    void libsshAsksAboutAnUnknownHostAndRemembersIt(@TempDir Path tmp) throws Exception {
        Path known = tmp.resolve("known_hosts");
        List<String> prompts = new java.util.concurrent.CopyOnWriteArrayList<>();
        ConnectAuth yes = new ConnectAuth(List.of(ConnectCredentialType.ECHOPROMPT,
                ConnectCredentialType.NOECHOPROMPT), creds -> {
                    for (ConnectCredential c : creds) {
                        prompts.add(c.prompt());
                        c.setResult("y");
                    }
                });
        try (Connect c = Libvirt.using("remote").newConnectWithAuth(base("libssh") + "&sshauth=privkey&known_hosts="
                + known, yes)) {
            assertThat(c.getHostname()).isNotEmpty();
        }
        assertThat(prompts).singleElement().asString().startsWith("Accept SSH host key with hash '")
                .endsWith("' for host '127.0.0.1:" + sshd().port() + "' (y/n)?");
        String hostKey = Files.readString(sshd().hostPublicKey()).split(" ")[1];
        assertThat(Files.readString(known)).contains(hostKey);
        // known now: no question the second time
        prompts.clear();
        try (Connect c = Libvirt.using("remote").newConnectWithAuth(base("libssh") + "&sshauth=privkey&known_hosts="
                + known, yes)) {
            assertThat(c.getHostname()).isNotEmpty();
        }
        assertThat(prompts).isEmpty();
    }

    @Test
    void libsshAutoAddsAnUnknownHost(@TempDir Path tmp) throws Exception {
        Path known = tmp.resolve("known_hosts");
        try (Connect c = Libvirt.using("remote").newConnect(base("libssh") + "&sshauth=privkey&known_hosts_verify=auto"
                + "&known_hosts=" + known)) {
            assertThat(c.getHostname()).isNotEmpty();
        }
        assertThat(Files.readString(known)).contains(Files.readString(sshd().hostPublicKey()).split(" ")[1]);
    }

    @Test
    void libsshAsksForAKeyPassphrase() {
        String uri = "test+libssh://root@127.0.0.1:" + sshd().port() + node() + "?socket="
                + PrivateLibvirtd.shared().unixSocket() + "&keyfile=" + sshd().lockedClientKey() + "&known_hosts="
                + sshd().knownHosts() + "&sshauth=privkey";
        List<String> prompts = new java.util.concurrent.CopyOnWriteArrayList<>();
        ConnectAuth passphrase = new ConnectAuth(List.of(ConnectCredentialType.PASSPHRASE), creds -> {
            for (ConnectCredential c : creds) {
                prompts.add(c.prompt());
                c.setResult(PrivateSshd.KEY_PASSPHRASE);
            }
        });
        try (Connect c = Libvirt.using("remote").newConnectWithAuth(uri, passphrase)) {
            assertThat(c.listAllDomains()).isNotEmpty().allSatisfy(d -> d.close());
        }
        assertThat(prompts).isNotEmpty();
        // without a callback: refused before anything reaches the server, as libvirt refuses it
        LibvirtException e = sameRefusal(uri, null);
        assertThat(e.code()).isEqualTo(ErrorNumber.ERR_LIBSSH);
        assertThat(e.getMessage()).isEqualTo(
                "libssh transport error: No user interaction callback provided: Can't retrieve private key passphrase");
    }

    @Test
    void badParametersAreRefusedAsLibvirtDoes() {
        sameRefusal(base("ssh") + "&no_tty=1&proxy=carrier-pigeon", null);
        sameRefusal(base("libssh") + "&known_hosts_verify=sometimes", null);
        sameRefusal(base("libssh") + "&sshauth=telepathy&known_hosts=" + sshd().knownHosts(), null);
        sameRefusal(base("ssh") + "&no_tty=1&proxy=native&netcat=/bin/nc", null);
    }
}

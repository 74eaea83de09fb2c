package org.libvirt4j.remote.internal.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;

/**
 * The ssh command lines, checked against the ones libvirt's own virnetsockettest expects of
 * {@code virNetSocketNewConnectSSH} and {@code virNetClientSSHHelperCommand} (the arguments after
 * the binary, joined by spaces).
 */
class SshCommandLineTest {
    private static final String NC_TAIL = " -q 2>&1 | grep \"requires an argument\" >/dev/null 2>&1; then "
            + "ARG=-q0;else ARG=;fi;";

    private static String args(String host, String port, String user, String keyfile, boolean noTty,
            boolean noVerify, SshTunnel.Proxy proxy, String netcat) {
        String command = SshTunnel.helperCommand(proxy, netcat, "/tmp/socket", "qemu:///session", true);
        List<String> argv = SshTunnel.argv("ssh", host, port, user, keyfile, noTty, noVerify, command);
        assertThat(argv.get(0)).isEqualTo("ssh");
        return String.join(" ", argv.subList(1, argv.size()));
    }

    @Test
    void plainNetcat() {
        assertThat(args("somehost", null, null, null, false, false, SshTunnel.Proxy.NETCAT, "nc"))
                .isEqualTo("-T -e none -- somehost sh -c 'if 'nc'" + NC_TAIL + "'nc' $ARG -U /tmp/socket'");
    }

    @Test
    void portUserBatchModeAndNoVerify() {
        assertThat(args("somehost", "9000", "fred", null, true, false, SshTunnel.Proxy.AUTO, "netcat"))
                .isEqualTo("-p 9000 -l fred -T -e none -o BatchMode=yes -- somehost sh -c 'if 'netcat'" + NC_TAIL
                        + "'netcat' $ARG -U /tmp/socket'");
        assertThat(args("somehost", "9000", "fred", null, false, true, SshTunnel.Proxy.AUTO, "netcat"))
                .isEqualTo("-p 9000 -l fred -T -e none -o StrictHostKeyChecking=no -- somehost sh -c 'if 'netcat'"
                        + NC_TAIL + "'netcat' $ARG -U /tmp/socket'");
        assertThat(args("example.com", null, null, "/root/.ssh/example_key", false, true, SshTunnel.Proxy.AUTO,
                "nc")).isEqualTo("-i /root/.ssh/example_key -T -e none -o StrictHostKeyChecking=no -- example.com "
                        + "sh -c 'if 'nc'" + NC_TAIL + "'nc' $ARG -U /tmp/socket'");
    }

    @Test
    void netcatPathsAreQuotedTwice() {
        assertThat(args("somehost", null, null, null, false, false, SshTunnel.Proxy.AUTO, "n c"))
                .isEqualTo("-T -e none -- somehost sh -c 'if '''\\''n c'\\''''" + NC_TAIL
                        + "'''\\''n c'\\'''' $ARG -U /tmp/socket'");
        assertThat(args("somehost", null, null, null, false, false, SshTunnel.Proxy.AUTO, "n'c"))
                .isEqualTo("-T -e none -- somehost sh -c 'if '''\\''n'\\''\\'\\'''\\''c'\\''''" + NC_TAIL
                        + "'''\\''n'\\''\\'\\'''\\''c'\\'''' $ARG -U /tmp/socket'");
        assertThat(args("somehost", null, null, null, false, false, SshTunnel.Proxy.AUTO, "n\"c"))
                .isEqualTo("-T -e none -- somehost sh -c 'if '''\\''n\"c'\\''''" + NC_TAIL
                        + "'''\\''n\"c'\\'''' $ARG -U /tmp/socket'");
    }

    @Test
    void autoTriesVirtSshHelperFirst() {
        assertThat(args("somehost", null, null, null, false, false, SshTunnel.Proxy.AUTO, null))
                .isEqualTo("-T -e none -- somehost sh -c 'which virt-ssh-helper 1>/dev/null 2>&1; "
                        + "if test $? = 0; then     virt-ssh-helper -r 'qemu:///session'; else    if 'nc'" + NC_TAIL
                        + "'nc' $ARG -U /tmp/socket; fi'");
    }

    @Test
    void nativeRunsOnlyVirtSshHelper() {
        assertThat(args("somehost", null, null, null, false, false, SshTunnel.Proxy.NATIVE, null))
                .isEqualTo("-T -e none -- somehost sh -c 'virt-ssh-helper -r 'qemu:///session''");
        assertThatThrownBy(() -> SshTunnel.helperCommand(SshTunnel.Proxy.NATIVE, "nc", "/s", "qemu:///system", false))
                .isInstanceOfSatisfying(LibvirtException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorNumber.ERR_INVALID_ARG);
                    assertThat(e.getMessage()).isEqualTo("invalid argument: netcat path not valid with native proxy mode");
                });
    }

    @Test
    void shellEscapingQuotesOnlyWhatNeedsIt() {
        assertThat(SshTunnel.escapeShell("")).isEqualTo("''");
        assertThat(SshTunnel.escapeShell("/usr/bin/nc")).isEqualTo("/usr/bin/nc");
        assertThat(SshTunnel.escapeShell("a b")).isEqualTo("'a b'");
        assertThat(SshTunnel.escapeShell("it's")).isEqualTo("'it'\\''s'");
    }
}

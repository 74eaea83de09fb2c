package org.libvirt4j.remote;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.libvirt4j.tck.PrivateLibvirtd;
import org.libvirt4j.tck.PrivateSshd;

/**
 * The TCK's transport-sensitive areas (connections, errors, events, streams, a daemon killed
 * under the tunnel) again over {@code +libssh}: the pure-Java SSH client logs in to the private sshd
 * with the fixture's key, verifies its host key against the fixture's known-hosts file, and runs
 * {@code nc} to the private daemon's socket on an exec channel.
 */
@TckAreas(value = {"ConnectTests", "ErrorTests", "EventTests", "StreamTests", "FaultTests", "OptionsTests"},
        reason = "transport-independent area, run over unix, tcp and tls; every connection here costs an ssh login "
                + "(the whole TCK over ssh took 15 min, see the TCK README)")
@DisplayName("TCK on the remote backend over libssh (pure Java)")
class RemoteLibsshTckTest extends RemoteTckTest {
    @Override
    protected String fixtureUri(Path fixtureXml) {
        return PrivateSshd.shared().testLibsshUri(fixtureXml, PrivateLibvirtd.shared());
    }
}

package org.libvirt4j.remote;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.libvirt4j.tck.PrivateLibvirtd;
import org.libvirt4j.tck.PrivateSshd;

/**
 * The TCK's transport-sensitive areas (connections, errors, events, streams, a daemon killed
 * under the tunnel, descriptors that a tunnel cannot carry) again over {@code +ssh}: the system {@code ssh} binary logs in to a private sshd
 * on loopback with a key the fixture made, checks its host key against the fixture's known-hosts
 * file, and the far side's {@code nc} reaches the private daemon's socket.
 */
@TckAreas(value = {"ConnectTests", "ErrorTests", "EventTests", "StreamTests", "FaultTests", "OptionsTests",
        "FdPassingTests"},
        reason = "transport-independent area, run over unix, tcp and tls; every connection here costs an ssh login "
                + "(the whole TCK over ssh took 15 min, see the TCK README)")
@DisplayName("TCK on the remote backend over ssh")
class RemoteSshTckTest extends RemoteTckTest {
    @Override
    protected String fixtureUri(Path fixtureXml) {
        return PrivateSshd.shared().testSshUri(fixtureXml, PrivateLibvirtd.shared());
    }
}

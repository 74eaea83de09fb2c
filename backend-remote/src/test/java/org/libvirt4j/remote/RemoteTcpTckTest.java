package org.libvirt4j.remote;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.libvirt4j.tck.PrivateLibvirtd;

/** The whole TCK again with the test-driver fixtures served over the private daemon's loopback TCP port. */
@DisplayName("TCK on the remote backend over TCP")
class RemoteTcpTckTest extends RemoteTckTest {
    @Override
    protected String fixtureUri(Path fixtureXml) {
        return PrivateLibvirtd.shared().testTcpUri(fixtureXml);
    }
}

package org.libvirt4j.remote;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.libvirt4j.tck.PrivateLibvirtd;

/**
 * The whole TCK again over the private daemon's TLS port: the handshake against libvirt's GnuTLS,
 * this client's certificate, and every call encrypted.
 */
@DisplayName("TCK on the remote backend over TLS")
class RemoteTlsTckTest extends RemoteTckTest {
    @Override
    protected String fixtureUri(Path fixtureXml) {
        return PrivateLibvirtd.shared().testTlsUri(fixtureXml);
    }
}

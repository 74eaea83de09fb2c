package org.libvirt4j.jna;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.libvirt4j.tck.LibvirtTck;
import org.libvirt4j.tck.PrivateLibvirtd;
import org.libvirt4j.tck.TckCapability;

/**
 * The TCK on the JNA backend through libvirt's own remote driver: the fixtures are served by
 * the private daemon over UNIX, exactly as the remote backend reaches them. It shows which
 * expectations hold for libvirt's C client on that transport, the reference the pure-Java
 * remote backend must match.
 */
@DisplayName("TCK on the JNA backend through the private daemon")
class JnaOverDaemonTckTest extends LibvirtTck {
    @Override
    protected String backendName() {
        return "jna";
    }

    @Override
    protected String fixtureUri(Path fixtureXml) {
        return PrivateLibvirtd.shared().testUnixUri(fixtureXml);
    }

    @Override
    protected String qemuUri() {
        return PrivateLibvirtd.shared().qemuUri();
    }

    @Override
    protected Map<TckCapability, String> unsupported() {
        return Map.of(TckCapability.AUTH_CALLBACK, "the fixture's <auth> is checked by the test driver inside the daemon, "
                + "which has no callback to ask");
    }
}

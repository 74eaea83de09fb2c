package org.libvirt4j.remote;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.libvirt4j.tck.LibvirtTck;
import org.libvirt4j.tck.PrivateLibvirtd;
import org.libvirt4j.tck.TckCapability;

/** Runs the libvirt4j TCK against the remote backend: the private daemon serves the test-driver fixtures over UNIX. */
@DisplayName("TCK on the remote backend")
class RemoteTckTest extends LibvirtTck {
    @Override
    protected String backendName() {
        return "remote";
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
                + "which has no callback to ask; the remote protocol's own SASL/polkit auth is not what the fixture tests");
    }
}

package org.libvirt4j.remote;

import java.nio.file.Path;
import java.util.List;
import org.libvirt4j.tck.DifferentialTck;
import org.libvirt4j.tck.PrivateLibvirtd;

/**
 * The differential run of the remote backend against libvirt's own C client (the JNA backend),
 * both talking to the same private daemon over its UNIX socket: every observation, error
 * messages included, must be the same.
 */
class RemoteDifferentialTest extends DifferentialTck {
    @Override
    protected List<String> backendNames() {
        return List.of("jna", "remote");
    }

    @Override
    protected String fixtureUri(String backendName, Path fixtureXml) {
        return PrivateLibvirtd.shared().testUnixUri(fixtureXml);
    }
}

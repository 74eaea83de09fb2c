package org.libvirt4j.jna;

import java.nio.file.Path;
import java.util.List;
import org.libvirt4j.tck.DifferentialTck;

/**
 * The differential run with the JNA backend as reference against the faithful (NONE) mode of
 * {@link BrokenBackend}: proves the scenarios are deterministic, so that a difference found
 * between real backends (jna vs remote, from backend-remote's tests) means a real difference.
 */
class JnaDifferentialTest extends DifferentialTck {
    @Override
    protected List<String> backendNames() {
        return List.of("jna", "tck-broken");
    }

    @Override
    protected String fixtureUri(String backendName, Path fixtureXml) {
        return "test://" + fixtureXml.toAbsolutePath();
    }
}

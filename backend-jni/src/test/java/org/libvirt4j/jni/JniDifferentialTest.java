package org.libvirt4j.jni;

import java.nio.file.Path;
import java.util.List;
import org.libvirt4j.tck.DifferentialTck;

/**
 * The differential run of the JNI backend against the JNA backend, both calling libvirt.so in
 * process on fresh copies of the fixture: every observation, error messages included, must be
 * the same.
 */
class JniDifferentialTest extends DifferentialTck {
    @Override
    protected List<String> backendNames() {
        return List.of("jna", "jni");
    }

    @Override
    protected String fixtureUri(String backendName, Path fixtureXml) {
        return "test://" + fixtureXml.toAbsolutePath();
    }
}

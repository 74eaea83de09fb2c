package org.libvirt4j.jni;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.libvirt4j.tck.LibvirtTck;
import org.libvirt4j.tck.PrivateLibvirtd;

/** Runs the libvirt4j TCK against the JNI backend: test-driver fixtures in process, QEMU on a private daemon. */
@DisplayName("TCK on the JNI backend")
class JniTckTest extends LibvirtTck {
    @Override
    protected String backendName() {
        return "jni";
    }

    @Override
    protected String fixtureUri(Path fixtureXml) {
        return "test://" + fixtureXml.toAbsolutePath();
    }

    @Override
    protected String qemuUri() {
        return PrivateLibvirtd.shared().qemuUri();
    }
}

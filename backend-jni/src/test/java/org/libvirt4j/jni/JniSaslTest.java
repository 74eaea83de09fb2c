package org.libvirt4j.jni;

import org.junit.jupiter.api.DisplayName;
import org.libvirt4j.tck.SaslTck;

/** The SASL area of the TCK on the JNI backend, against a private libvirtd that requires SASL. */
@DisplayName("SASL on the JNI backend")
class JniSaslTest extends SaslTck {
    @Override
    protected String backendName() {
        return "jni";
    }
}

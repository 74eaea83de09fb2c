package org.libvirt4j.jna;

import org.junit.jupiter.api.DisplayName;
import org.libvirt4j.tck.SaslTck;

/** The SASL area of the TCK on the JNA backend, against a private libvirtd that requires SASL. */
@DisplayName("SASL on the JNA backend")
class JnaSaslTest extends SaslTck {
    @Override
    protected String backendName() {
        return "jna";
    }
}

package org.libvirt4j.remote;

import org.junit.jupiter.api.DisplayName;
import org.libvirt4j.tck.SaslTck;

/** The SASL area of the TCK on the remote backend, against a private libvirtd that requires SASL. */
@DisplayName("SASL on the remote backend")
class RemoteSaslTest extends SaslTck {
    @Override
    protected String backendName() {
        return "remote";
    }
}

package org.libvirt4j;

import java.util.List;

/** Answers libvirt's credential requests (Go's {@code ConnectAuthCallback}). */
@FunctionalInterface
public interface ConnectAuthCallback {
    /**
     * Fills in the results of the requested credentials.
     *
     * @param credentials the requests, each answered with {@link ConnectCredential#setResult}
     * @throws RuntimeException to refuse: the open fails with {@code ERR_AUTH_FAILED}
     */
    void authenticate(List<ConnectCredential> credentials);
}

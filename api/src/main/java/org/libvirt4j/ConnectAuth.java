package org.libvirt4j;

import java.util.List;
import java.util.Objects;

/**
 * The credential types an application can answer and the callback that answers them (Go's
 * {@code ConnectAuth}).
 *
 * @param credTypes the types the callback supports
 * @param callback the callback
 */
public record ConnectAuth(List<ConnectCredentialType> credTypes, ConnectAuthCallback callback) {
    /**
     * Copies the list and rejects {@code null}s.
     *
     * @param credTypes the types the callback supports
     * @param callback the callback
     */
    public ConnectAuth {
        credTypes = List.copyOf(Objects.requireNonNull(credTypes, "credTypes"));
        Objects.requireNonNull(callback, "callback");
    }
}

package org.libvirt4j;

import java.util.Optional;

/**
 * A backend found on the class path or module path, as {@link Libvirt#backends()} lists it.
 *
 * @param name the name to select it by
 * @param priority its rank in automatic selection
 * @param implementation the class that provides it
 * @param unavailabilityCause why it cannot be used here, empty when usable
 * @param supportedOptions the {@link ConnectOptions} keys it honours; opening with any other is refused
 */
public record BackendInfo(String name, int priority, String implementation,
        Optional<Throwable> unavailabilityCause, java.util.Set<ConnectOption<?>> supportedOptions) {
    /** @return whether the backend can be used */
    public boolean available() {
        return unavailabilityCause.isEmpty();
    }
}

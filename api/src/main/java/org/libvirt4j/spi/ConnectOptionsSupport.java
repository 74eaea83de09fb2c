package org.libvirt4j.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.libvirt4j.ConnectOption;
import org.libvirt4j.ConnectOptions;

/** The one check of {@link ConnectOptions} against what a backend honours. */
public final class ConnectOptionsSupport {
    private ConnectOptionsSupport() {
    }

    /**
     * Refuses options a backend does not honour, so that none is silently ignored.
     *
     * @param backend the backend
     * @param options the options asked for
     * @throws IllegalArgumentException naming the options refused and those honoured
     */
    public static void requireSupported(LibvirtBackend backend, ConnectOptions options) {
        Set<ConnectOption<?>> supported = backend.supportedOptions();
        List<String> refused = new ArrayList<>();
        for (ConnectOption<?> key : options.keys()) {
            if (!supported.contains(key)) {
                refused.add(key.name());
            }
        }
        if (!refused.isEmpty()) {
            List<String> honoured = supported.stream().map(ConnectOption::name).sorted().toList();
            throw new IllegalArgumentException("the " + backend.name() + " backend does not honour the connect options "
                    + refused + "; it honours " + honoured);
        }
    }
}

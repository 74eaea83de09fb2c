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
     * Starts the {@link ConnectOption#KEEPALIVE} asked for, as {@code virConnectSetKeepAlive}
     * does, on a connection just opened; closes it when that fails.
     *
     * @param conn the new connection
     * @param options its options
     * @throws org.libvirt4j.LibvirtException libvirt's error from {@code virConnectSetKeepAlive}
     */
    public static void startKeepAlive(org.libvirt4j.Connect conn, ConnectOptions options) {
        ConnectOptions.KeepAlive ka = options.get(ConnectOption.KEEPALIVE).orElse(null);
        if (ka == null) {
            return;
        }
        try {
            conn.setKeepAlive((int) Math.min(Integer.MAX_VALUE, ka.interval().getSeconds()), ka.count());
        } catch (RuntimeException e) {
            conn.close();
            throw e;
        }
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

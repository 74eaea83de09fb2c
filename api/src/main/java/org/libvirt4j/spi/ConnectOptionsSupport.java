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
     * Gives a connection just opened the {@link ConnectOption#EVENT_EXECUTOR} asked for.
     *
     * @param conn the new connection, an {@link EventCallbackRunner.Host} when the option is given
     * @param uri names the connection in the runner's log
     * @param options its options
     * @throws IllegalStateException when the option is given and the backend's connection cannot take it
     */
    public static void runEventCallbacksOn(org.libvirt4j.Connect conn, String uri, ConnectOptions options) {
        java.util.concurrent.Executor executor = options.get(ConnectOption.EVENT_EXECUTOR).orElse(null);
        if (executor == null) {
            return;
        }
        if (!(conn instanceof EventCallbackRunner.Host host)) {
            conn.close();
            throw new IllegalStateException(conn.getClass().getName() + " lists EVENT_EXECUTOR but is no EventCallbackRunner.Host");
        }
        host.runEventCallbacks(EventCallbackRunner.on(executor, "'" + uri + "'"));
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

package org.libvirt4j;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * A typed key of {@link ConnectOptions}. The options every backend understands are constants
 * here; a backend may define its own keys (the remote backend's Netty {@code EventLoopGroup},
 * for one) with {@link #of(String, Class)}. A backend lists the keys it honours in
 * {@link BackendInfo}; opening with a key it does not honour is refused, never ignored.
 *
 * @param <T> the value's type
 */
public final class ConnectOption<T> {
    /** How long one call waits for its reply before failing with {@code ERR_OPERATION_TIMEOUT}. */
    public static final ConnectOption<Duration> CALL_TIMEOUT = of("callTimeout", Duration.class);
    /** Keepalive started as the connection opens ({@code virConnectSetKeepAlive}). */
    public static final ConnectOption<ConnectOptions.KeepAlive> KEEPALIVE = of("keepAlive",
            ConnectOptions.KeepAlive.class);
    /** Reopening the connection when the daemon goes away; off unless given. */
    public static final ConnectOption<ReconnectPolicy> RECONNECT = of("reconnect", ReconnectPolicy.class);
    /** Hears every disconnect and reconnect of the connection; needs {@link #RECONNECT}. */
    public static final ConnectOption<ConnectionListener> CONNECTION_LISTENER = of("connectionListener",
            ConnectionListener.class);
    /** Runs the connection's event callbacks, instead of the backend's own event thread. */
    public static final ConnectOption<Executor> EVENT_EXECUTOR = of("eventExecutor", Executor.class);

    private final String name;
    private final Class<T> type;

    private ConnectOption(String name, Class<T> type) {
        this.name = name;
        this.type = type;
    }

    /**
     * Defines a key. Two keys are the same option only when they are the same object, so a
     * backend defines each of its keys once, as a constant.
     *
     * @param name the name errors and {@link BackendInfo} show
     * @param type the value's type, checked when a value is set
     * @param <T> the value's type
     * @return the key
     */
    public static <T> ConnectOption<T> of(String name, Class<T> type) {
        return new ConnectOption<>(Objects.requireNonNull(name, "name"), Objects.requireNonNull(type, "type"));
    }

    /** @return the option's name */
    public String name() {
        return name;
    }

    /** @return the type of its value */
    public Class<T> type() {
        return type;
    }

    @Override
    public String toString() {
        return name;
    }
}

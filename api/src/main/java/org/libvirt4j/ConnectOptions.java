package org.libvirt4j;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How to open one connection, beyond its URI: the credentials callback and open flags of
 * {@link Libvirt#newConnectWithAuth}, plus per-connection settings (call timeout, keepalive,
 * reconnect, where events run, backend-specific ones) that the C API keeps process-wide or
 * lacks. Immutable; build with {@link #builder()} and open with
 * {@link Libvirt#newConnect(String, ConnectOptions)}.
 *
 * <pre>{@code
 * ConnectOptions options = ConnectOptions.builder()
 *         .callTimeout(Duration.ofSeconds(30))
 *         .reconnect(ReconnectPolicy.exponentialBackoff(Duration.ofMillis(100), Duration.ofSeconds(10), 0))
 *         .build();
 * try (Connect conn = Libvirt.newConnect("qemu+tls://host/system", options)) { ... }
 * }</pre>
 */
public final class ConnectOptions {
    private static final ConnectOptions DEFAULTS = builder().build();

    private final ConnectAuth auth;
    private final ConnectFlags[] flags;
    private final Map<ConnectOption<?>, Object> values;

    private ConnectOptions(Builder b) {
        this.auth = b.auth;
        this.flags = b.flags.clone();
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(b.values));
    }

    /** @return options with nothing set: what {@link Libvirt#newConnect(String)} opens with */
    public static ConnectOptions defaults() {
        return DEFAULTS;
    }

    /** @return a builder with nothing set */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the credentials callback, if one was given */
    public Optional<ConnectAuth> auth() {
        return Optional.ofNullable(auth);
    }

    /** @return the open flags (a copy) */
    public ConnectFlags[] flags() {
        return flags.clone();
    }

    /**
     * @param option a key
     * @param <T> its value's type
     * @return the value set for it, if any
     */
    public <T> Optional<T> get(ConnectOption<T> option) {
        return Optional.ofNullable(option.type().cast(values.get(Objects.requireNonNull(option, "option"))));
    }

    /** @return the keys that have a value, in the order they were first set */
    public Set<ConnectOption<?>> keys() {
        return values.keySet();
    }

    @Override
    public String toString() {
        return "ConnectOptions" + values + (flags.length == 0 ? "" : Arrays.toString(flags));
    }

    /**
     * Keepalive as {@code virConnectSetKeepAlive} takes it: a probe after {@code interval} of
     * silence from the daemon, and the connection closed after {@code count} unanswered probes.
     *
     * @param interval the silence before a probe, a positive whole number of seconds or more
     * @param count unanswered probes tolerated; 0 closes at the first silence past the interval
     */
    public record KeepAlive(Duration interval, int count) {
        /**
         * Checks the values.
         *
         * @param interval the silence before a probe
         * @param count unanswered probes tolerated
         */
        public KeepAlive {
            Objects.requireNonNull(interval, "interval");
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("keepalive interval must be positive: " + interval);
            }
            // virConnectSetKeepAlive counts whole seconds: a fraction would be silently rounded
            if (interval.getNano() != 0) {
                throw new IllegalArgumentException("keepalive interval must be whole seconds: " + interval);
            }
            if (count < 0) {
                throw new IllegalArgumentException("keepalive count must not be negative: " + count);
            }
        }
    }

    /** Collects options; not thread-safe. */
    public static final class Builder {
        private ConnectAuth auth;
        private ConnectFlags[] flags = new ConnectFlags[0];
        private final Map<ConnectOption<?>, Object> values = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * @param auth answers the credentials libvirt asks for ({@link Libvirt#newConnectWithAuth}), or
         *        {@code null} for none
         * @return this builder
         */
        public Builder auth(ConnectAuth auth) {
            this.auth = auth;
            return this;
        }

        /**
         * @param flags open flags, e.g. {@link ConnectFlags#RO}
         * @return this builder
         */
        public Builder flags(ConnectFlags... flags) {
            Objects.requireNonNull(flags, "flags");
            for (ConnectFlags f : flags) {
                Objects.requireNonNull(f, "flag");
            }
            this.flags = flags.clone();
            return this;
        }

        /**
         * Sets any option, including a backend's own.
         *
         * @param option the key
         * @param value its value
         * @param <T> the value's type
         * @return this builder
         */
        public <T> Builder set(ConnectOption<T> option, T value) {
            Objects.requireNonNull(option, "option");
            values.put(option, option.type().cast(Objects.requireNonNull(value, "value")));
            return this;
        }

        /**
         * @param timeout how long each call waits for its reply
         * @return this builder
         * @throws IllegalArgumentException when not positive
         */
        public Builder callTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("call timeout must be positive: " + timeout);
            }
            return set(ConnectOption.CALL_TIMEOUT, timeout);
        }

        /**
         * @param interval the silence before a keepalive probe
         * @param count unanswered probes tolerated
         * @return this builder
         */
        public Builder keepAlive(Duration interval, int count) {
            return set(ConnectOption.KEEPALIVE, new KeepAlive(interval, count));
        }

        /**
         * @param policy how to reopen the connection when the daemon goes away
         * @return this builder
         */
        public Builder reconnect(ReconnectPolicy policy) {
            return set(ConnectOption.RECONNECT, policy);
        }

        /**
         * @param listener hears every disconnect and reconnect
         * @return this builder
         */
        public Builder connectionListener(ConnectionListener listener) {
            return set(ConnectOption.CONNECTION_LISTENER, listener);
        }

        /**
         * @param executor runs the connection's event callbacks
         * @return this builder
         */
        public Builder eventExecutor(java.util.concurrent.Executor executor) {
            return set(ConnectOption.EVENT_EXECUTOR, executor);
        }

        /** @return the options */
        public ConnectOptions build() {
            return new ConnectOptions(this);
        }
    }
}

package org.libvirt4j.jni;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.libvirt4j.Connect;
import org.libvirt4j.ConnectOption;
import org.libvirt4j.ConnectOptions;
import org.libvirt4j.ConnectionListener;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.ReconnectPolicy;

/**
 * libvirt.so never reopens a connection, so this backend refuses {@link ConnectOption#RECONNECT}
 * (and its listener) rather than ignoring it: the remote backend alone honours them.
 */
class JniReconnectRefusedTest {
    private final JniBackend backend = new JniBackend();

    @Test
    @DisplayName("RECONNECT and CONNECTION_LISTENER are not among the options honoured, and opening with them is refused")
    void refused() {
        assertThat(backend.supportedOptions()).doesNotContain(ConnectOption.RECONNECT,
                ConnectOption.CONNECTION_LISTENER);
        ConnectOptions reconnect = ConnectOptions.builder()
                .reconnect(ReconnectPolicy.exponentialBackoff(Duration.ofMillis(10), Duration.ofSeconds(1), 3)).build();
        assertThatThrownBy(() -> backend.open("test:///default", reconnect))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[reconnect]");
        ConnectOptions listener = ConnectOptions.builder().connectionListener(new ConnectionListener() {
            @Override
            public void disconnected(Connect conn, LibvirtException cause) {
            }

            @Override
            public void reconnected(Connect conn, int attempts) {
            }
        }).build();
        assertThatThrownBy(() -> backend.open("test:///default", listener))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[connectionListener]");
    }
}

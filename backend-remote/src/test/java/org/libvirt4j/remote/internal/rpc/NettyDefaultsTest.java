package org.libvirt4j.remote.internal.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Netty settings the backend chooses for a faster start apply only where the application set
 * nothing. If this fails, {@link NettyDefaults#apply()} overrides an application's choice or no
 * longer turns Netty's allocator JFR events off.
 */
class NettyDefaultsTest {
    private String saved;

    @BeforeEach
    void save() {
        saved = System.getProperty(NettyDefaults.JFR_PROPERTY);
    }

    @AfterEach
    void restore() {
        if (saved == null) {
            System.clearProperty(NettyDefaults.JFR_PROPERTY);
        } else {
            System.setProperty(NettyDefaults.JFR_PROPERTY, saved);
        }
    }

    @Test
    void turnsNettysJfrEventsOffWhenUnset() {
        System.clearProperty(NettyDefaults.JFR_PROPERTY);
        NettyDefaults.apply();
        assertThat(System.getProperty(NettyDefaults.JFR_PROPERTY)).isEqualTo("false");
    }

    @Test
    void keepsTheApplicationsChoice() {
        System.setProperty(NettyDefaults.JFR_PROPERTY, "true");
        NettyDefaults.apply();
        assertThat(System.getProperty(NettyDefaults.JFR_PROPERTY)).isEqualTo("true");
    }
}

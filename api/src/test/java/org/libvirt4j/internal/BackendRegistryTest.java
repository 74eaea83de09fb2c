package org.libvirt4j.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.libvirt4j.Connect;
import org.libvirt4j.ConnectAuth;
import org.libvirt4j.ConnectFlags;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.Libvirt;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.spi.LibvirtBackend;

/** Selection rules, with stand-in backends that are never asked to open anything. */
class BackendRegistryTest {
    private static final class Named implements LibvirtBackend {
        private final String name;
        private final int priority;
        private final Throwable cause;
        private final String prefix;

        Named(String name, int priority, Throwable cause, String prefix) {
            this.name = name;
            this.priority = priority;
            this.cause = cause;
            this.prefix = prefix;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public int priority() {
            return priority;
        }

        @Override
        public Optional<Throwable> unavailabilityCause() {
            return Optional.ofNullable(cause);
        }

        @Override
        public boolean supports(String uri) {
            return uri.startsWith(prefix);
        }

        @Override
        public long libraryVersion() {
            return 9000000;
        }

        @Override
        public void eventRegisterDefaultImpl() {
            throw new AssertionError("never asked for an event loop");
        }

        @Override
        public Connect open(String uri, ConnectAuth auth, ConnectFlags... flags) {
            throw new UnsupportedOperationException("selection tests never open");
        }
    }

    private final Named native1 = new Named("native", 30, new UnsatisfiedLinkError("libvirt.so.0: not found"), "");
    private final Named jna = new Named("jna", 20, null, "");
    private final Named remote = new Named("remote", 10, null, "test+");
    private final BackendRegistry registry = new BackendRegistry(List.of(native1, jna, remote), List.of("broken.Provider: boom"));

    @AfterEach
    void clearProperty() {
        System.clearProperty(Libvirt.BACKEND_PROPERTY);
    }

    @Test
    @DisplayName("automatic selection skips unusable backends and takes the highest priority that supports the URI")
    void automatic() {
        assertThat(registry.select("test:///default")).isSameAs(jna);
        BackendRegistry onlyRemote = new BackendRegistry(List.of(native1, remote), List.of());
        assertThat(onlyRemote.select("test+unix:///default")).isSameAs(remote);
    }

    @Test
    @DisplayName("the system property overrides automatic selection")
    void property() {
        System.setProperty(Libvirt.BACKEND_PROPERTY, "remote");
        assertThat(registry.select("qemu:///system")).isSameAs(remote);
    }

    @Test
    @DisplayName("an unusable or unknown name fails with ERR_NO_SUPPORT listing every backend, why, and the fix")
    void explainsFailure() {
        assertThatThrownBy(() -> registry.byName("native")).isInstanceOfSatisfying(LibvirtException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorNumber.ERR_NO_SUPPORT);
            assertThat(e.getMessage()).contains("libvirt.so.0: not found").contains("jna (priority 20): usable")
                    .contains("broken.Provider: boom").contains("-Dlibvirt4j.backend");
            assertThat(e.getCause()).isInstanceOf(UnsatisfiedLinkError.class);
        });
        assertThatThrownBy(() -> registry.byName("nope")).hasMessageContaining("No libvirt4j backend is named 'nope'");
        BackendRegistry none = new BackendRegistry(List.of(native1), List.of());
        assertThatThrownBy(() -> none.select("qemu:///system")).hasMessageContaining("No usable libvirt4j backend supports");
    }

    @Test
    @DisplayName("describe lists every backend with its availability")
    void describe() {
        assertThat(registry.describe()).extracting(b -> b.name() + ":" + b.available())
                .containsExactly("native:false", "jna:true", "remote:true");
    }
}

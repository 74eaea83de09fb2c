package org.libvirt4j.tck;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.libvirt4j.Connect;
import org.libvirt4j.Connector;
import org.libvirt4j.Libvirt;

/**
 * The libvirt4j Technology Compatibility Kit: every behaviour a backend must share with the
 * others, as JUnit 5 tests grouped by area. A backend runs it by extending this class in its
 * tests, in about fifteen lines:
 *
 * <pre>{@code
 * class JnaTckTest extends LibvirtTck {
 *     protected String backendName() { return "jna"; }
 *     protected String fixtureUri(Path xml) { return "test://" + xml; }
 *     protected String qemuUri() { return PrivateLibvirtd.shared().qemuUri(); }
 * }
 * }</pre>
 *
 * <p>Each area is an abstract class ({@link ConnectTck}, {@link DomainLifecycleTck}, ...) bound
 * here by a {@code @Nested} inner class, so one subclass runs all of them. Tests open
 * connections with {@code Libvirt.using(backendName())}; test-driver tests each get a fresh copy
 * of a fixture ({@link Fixtures}), so they never see each other's changes. Tests on the
 * {@link PrivateLibvirtd} clean up what they create.
 */
public abstract class LibvirtTck {

    /** For subclasses. */
    protected LibvirtTck() {
    }

    /** @return the name of the backend under test, as {@link Libvirt#using(String)} takes it */
    protected abstract String backendName();

    /**
     * @param fixtureXml the absolute path of a test-driver fixture file
     * @return the URI under which the backend opens it: {@code test:///ABS.xml} for native
     *         backends, {@code test+unix:///ABS.xml?socket=...} through a daemon for the remote one
     */
    protected abstract String fixtureUri(Path fixtureXml);

    /** @return the URI of a privileged QEMU driver to run real guests on, usually {@code PrivateLibvirtd.shared().qemuUri()} */
    protected abstract String qemuUri();

    /**
     * @return the optional capabilities this backend lacks, each with the reason shown when the
     *         tests that need it are skipped; empty by default
     */
    protected Map<TckCapability, String> unsupported() {
        return Map.of();
    }

    /** @return a connector bound to the backend under test */
    protected final Connector connector() {
        return Libvirt.using(backendName());
    }

    /**
     * @param fixture a fixture's file name, e.g. {@link Fixtures#NODE}
     * @return a read-write connection to a fresh copy of it
     */
    protected final Connect openFixture(String fixture) {
        return connector().newConnect(fixtureUri(Fixtures.path(fixture)));
    }

    /** @return a read-write connection to the QEMU driver of {@link #qemuUri()} */
    protected final Connect openQemu() {
        require(TckCapability.PRIVATE_DAEMON);
        return connector().newConnect(qemuUri());
    }

    /**
     * Skips the calling test with the backend's reason when it lacks {@code capability}.
     *
     * @param capability what the test needs
     */
    protected final void require(TckCapability capability) {
        Map<TckCapability, String> missing = Objects.requireNonNull(unsupported(), "unsupported()");
        Assumptions.assumeFalse(missing.containsKey(capability), () -> "backend '" + backendName()
                + "' declares no support for " + capability + ": " + missing.get(capability));
    }

    /** Binds {@link AdminTck}. */
    @Nested
    @DisplayName("Admin API")
    class AdminTests extends AdminTck {
        @Override
        LibvirtTck tck() {
            return LibvirtTck.this;
        }
    }

    /** Binds {@link ConnectTck}. */
    @org.junit.jupiter.api.Tag("connect")
    @Nested
    @DisplayName("Connect")
    class ConnectTests extends ConnectTck {
        @Override
        LibvirtTck tck() {
            return LibvirtTck.this;
        }
    }

    /** Binds {@link DomainLifecycleTck}. */
    @org.junit.jupiter.api.Tag("domain-lifecycle")
    @Nested
    @DisplayName("Domain lifecycle")
    class DomainLifecycleTests extends DomainLifecycleTck {
        @Override
        LibvirtTck tck() {
            return LibvirtTck.this;
        }
    }

    /** Binds {@link DomainTuningTck}. */
    @org.junit.jupiter.api.Tag("domain-tuning")
    @Nested
    @DisplayName("Domain tuning")
    class DomainTuningTests extends DomainTuningTck {
        @Override
        LibvirtTck tck() {
            return LibvirtTck.this;
        }
    }

    /** Binds {@link TypedParametersTck}. */
    @Nested
    @DisplayName("Typed parameters")
    class TypedParametersTests extends TypedParametersTck {
        @Override
        LibvirtTck tck() {
            return LibvirtTck.this;
        }
    }

    /** Binds {@link DomainOperationsTck}. */
    @org.junit.jupiter.api.Tag("domain-operations")
    @Nested
    @DisplayName("Domain operations (generated)")
    class DomainOperationsTests extends DomainOperationsTck {
        @Override
        LibvirtTck tck() {
            return LibvirtTck.this;
        }
    }

    /** Binds {@link DomainIrregularTck}. */
    @Nested
    @DisplayName("Domain operations (hand-written shapes)")
    class DomainIrregularTests extends DomainIrregularTck {
        @Override
        LibvirtTck tck() {
            return LibvirtTck.this;
        }
    }

    /** Binds {@link HostOperationsTck}. */
    @org.junit.jupiter.api.Tag("host-operations")
    @Nested
    @DisplayName("Host, interface, network, node device and storage operations (generated)")
    class HostOperationsTests extends HostOperationsTck {
        @Override
        LibvirtTck tck() {
            return LibvirtTck.this;
        }
    }

    /** Binds {@link HostApiTck}. */
    @org.junit.jupiter.api.Tag("host-api")
    @Nested
    @DisplayName("Host API")
    class HostApiTests extends HostApiTck {
        @Override
        LibvirtTck tck() {
            return LibvirtTck.this;
        }
    }

    /** Binds {@link NetworkTck}. */
    @org.junit.jupiter.api.Tag("network")
    @Nested
    @DisplayName("Network")
    class NetworkTests extends NetworkTck {
        @Override
        LibvirtTck tck() {
            return LibvirtTck.this;
        }
    }

    /** Binds {@link StorageTck}. */
    @org.junit.jupiter.api.Tag("storage")
    @Nested
    @DisplayName("Storage")
    class StorageTests extends StorageTck {
        @Override
        LibvirtTck tck() {
            return LibvirtTck.this;
        }
    }

    /** Binds {@link HostDevicesTck}. */
    @org.junit.jupiter.api.Tag("host-devices")
    @Nested
    @DisplayName("Interfaces and node devices")
    class HostDevicesTests extends HostDevicesTck {
        @Override
        LibvirtTck tck() {
            return LibvirtTck.this;
        }
    }

    /** Binds {@link SnapshotTck}. */
    @org.junit.jupiter.api.Tag("snapshot")
    @Nested
    @DisplayName("Snapshots and checkpoints")
    class SnapshotTests extends SnapshotTck {
        @Override
        LibvirtTck tck() {
            return LibvirtTck.this;
        }
    }

    /** Binds {@link StreamTck}. */
    @Nested
    @org.junit.jupiter.api.Tag("streams")
    @DisplayName("Streams")
    class StreamTests extends StreamTck {
        @Override
        LibvirtTck tck() {
            return LibvirtTck.this;
        }
    }

    /** Binds {@link StreamBufferTck}. */
    @Nested
    @org.junit.jupiter.api.Tag("streams")
    @DisplayName("Stream data forms: ranges and ByteBuffers")
    class StreamBufferTests extends StreamBufferTck {
        @Override
        LibvirtTck tck() {
            return LibvirtTck.this;
        }
    }

    /** Binds {@link SparseStreamTck}. */
    @Nested
    @org.junit.jupiter.api.Tag("streams-sparse")
    @DisplayName("Sparse streams and stream events")
    class SparseStreamTests extends SparseStreamTck {
        @Override
        LibvirtTck tck() {
            return LibvirtTck.this;
        }
    }

    /** Binds {@link ConsoleTck}. */
    @Nested
    @org.junit.jupiter.api.Tag("console")
    @DisplayName("Consoles, channels and guest info")
    class ConsoleTests extends ConsoleTck {
        @Override
        LibvirtTck tck() {
            return LibvirtTck.this;
        }
    }

    /** Binds {@link EventKindsTck}. */
    @Nested
    @org.junit.jupiter.api.Tag("events")
    @DisplayName("Every event kind")
    class EventKindsTests extends EventKindsTck {
        @Override
        LibvirtTck tck() {
            return LibvirtTck.this;
        }
    }

    /** Binds {@link EventTck}. */
    @Nested
    @org.junit.jupiter.api.Tag("events")
    @DisplayName("Events and keepalive")
    class EventTests extends EventTck {
        @Override
        LibvirtTck tck() {
            return LibvirtTck.this;
        }
    }

    /** Binds {@link QemuApiTck}. */
    @Nested
    @org.junit.jupiter.api.Tag("qemu-api")
    @DisplayName("QEMU and LXC APIs")
    class QemuApiTests extends QemuApiTck {
        @Override
        LibvirtTck tck() {
            return LibvirtTck.this;
        }
    }

    /** Binds {@link FdPassingTck}. */
    @Nested
    @org.junit.jupiter.api.Tag("fd-passing")
    @DisplayName("Calls that pass file descriptors")
    class FdPassingTests extends FdPassingTck {
        @Override
        LibvirtTck tck() {
            return LibvirtTck.this;
        }
    }

    /** Binds {@link ErrorTck}. */
    @org.junit.jupiter.api.Tag("errors")
    @Nested
    @DisplayName("Errors")
    class ErrorTests extends ErrorTck {
        @Override
        LibvirtTck tck() {
            return LibvirtTck.this;
        }
    }

    /** Binds {@link MisuseTck}. */
    @org.junit.jupiter.api.Tag("misuse")
    @Nested
    @DisplayName("Misuse")
    class MisuseTests extends MisuseTck {
        @Override
        LibvirtTck tck() {
            return LibvirtTck.this;
        }
    }

    /** Binds {@link MigrationTck}. */
    @Nested
    @DisplayName("Migration")
    class MigrationTests extends MigrationTck {
        @Override
        LibvirtTck tck() {
            return LibvirtTck.this;
        }
    }

    /** Binds {@link DaemonTck}. */
    @org.junit.jupiter.api.Tag("daemon")
    @Nested
    @DisplayName("Private daemon: secrets, nwfilters, QEMU")
    class DaemonTests extends DaemonTck {
        @Override
        LibvirtTck tck() {
            return LibvirtTck.this;
        }
    }

    /** Binds {@link FaultTck}. */
    @org.junit.jupiter.api.Tag("fault")
    @Nested
    @DisplayName("Faults: a private daemon killed, stopped or out of disk")
    class FaultTests extends FaultTck {
        @Override
        LibvirtTck tck() {
            return LibvirtTck.this;
        }
    }

    /** Binds {@link OptionsTck}. */
    @Nested
    @org.junit.jupiter.api.Tag("options")
    @DisplayName("Connection options and call deadlines")
    class OptionsTests extends OptionsTck {
        @Override
        LibvirtTck tck() {
            return LibvirtTck.this;
        }
    }

    /** Binds {@link ArchitectureTck}. */
    @org.junit.jupiter.api.Tag("architecture")
    @Nested
    @DisplayName("Architecture")
    class ArchitectureTests extends ArchitectureTck {
        @Override
        LibvirtTck tck() {
            return LibvirtTck.this;
        }
    }
}

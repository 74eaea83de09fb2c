package org.libvirt4j.codegen.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.libvirt4j.codegen.Inputs;
import org.libvirt4j.codegen.binding.Binding.Kind;

class BindingGeneratorTest {
    private static Path xml;
    private static Path protocol;
    private static final Path ROOT = Paths.get("..");

    @BeforeAll
    static void inputs() {
        // A missing input fails here with Inputs' message, never skips: the drift check runs on every build.
        xml = Inputs.requireLibvirtVersion();
        protocol = Inputs.protocolDir();
    }

    /** Fails when a generated source was edited by hand or the table changed without ./codegen/regenerate.sh. */
    @Test
    void committedSourcesMatchTheGenerator() throws IOException {
        Map<String, String> files = BindingGenerator.generate(xml, protocol, ROOT);
        assertThat(files).containsKeys("api/src/generated/java/org/libvirt4j/DomainMethods.java",
                "api/src/generated/java/org/libvirt4j/spi/generated/Fn.java", "docs/coverage.md");
        for (Map.Entry<String, String> e : files.entrySet()) {
            Path committed = ROOT.resolve(e.getKey());
            assertThat(committed).as("run ./codegen/regenerate.sh").exists();
            assertThat(Files.readString(committed, StandardCharsets.UTF_8))
                    .as("%s drifted from the generator: run ./codegen/regenerate.sh", e.getKey())
                    .isEqualTo(e.getValue());
        }
    }

    @Test
    void methodNamesFollowGo() {
        assertThat(BindingGenerator.javaMethodName("virDomainPMSuspendForDuration", Kind.DOMAIN))
                .isEqualTo("pmSuspendForDuration");
        assertThat(BindingGenerator.javaMethodName("virDomainFSTrim", Kind.DOMAIN)).isEqualTo("fsTrim");
        assertThat(BindingGenerator.javaMethodName("virDomainGetXMLDesc", Kind.DOMAIN)).isEqualTo("getXMLDesc");
        assertThat(BindingGenerator.javaMethodName("virDomainInjectNMI", Kind.DOMAIN)).isEqualTo("injectNMI");
        assertThat(BindingGenerator.javaMethodName("virDomainRestore", Kind.CONNECT)).isEqualTo("domainRestore");
        assertThat(BindingGenerator.javaMethodName("virDomainSnapshotNumChildren", Kind.DOMAIN_SNAPSHOT))
                .isEqualTo("numChildren");
        assertThat(BindingGenerator.javaMethodName("virNodeDeviceNumOfCaps", Kind.NODE_DEVICE)).isEqualTo("numOfCaps");
        assertThat(BindingGenerator.javaMethodName("virInterfaceChangeBegin", Kind.CONNECT))
                .isEqualTo("interfaceChangeBegin");
        assertThat(BindingGenerator.javaMethodName("virConnectNumOfDomains", Kind.CONNECT)).isEqualTo("numOfDomains");
        assertThat(BindingGenerator.javaParamName("iothread_id")).isEqualTo("iothreadId");
        // Go renames a few C types; Java follows Go, and the rule applies to the rest
        assertThat(org.libvirt4j.codegen.api.ApiNaming.typeName("virDomainDestroyFlagsValues"))
                .isEqualTo("DomainDestroyFlags");
        assertThat(org.libvirt4j.codegen.api.ApiNaming.typeName("virDomainShutdownFlagValues"))
                .isEqualTo("DomainShutdownFlags");
        assertThat(org.libvirt4j.codegen.api.ApiNaming.typeName("virDomainRebootFlagValues"))
                .isEqualTo("DomainRebootFlagValues");
        assertThat(BindingGenerator.javaParamName("native")).isEqualTo("nativeValue");
    }

    /**
     * Fails when a node device procedure (libvirt's protocol names the device by its name alone)
     * is not sent with the handle's name, or a {@code bool} out-parameter is not read as a boolean.
     */
    @Test
    void nodeDevicesTravelByNameAndBoolOutParametersAreBooleans(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("codegen"));
        Files.createDirectories(root.resolve("api/src/main/java/org/libvirt4j"));
        Files.writeString(root.resolve(BindingGenerator.TABLE), "virNodeDeviceGetAutostart | - | - | bool | Reads.\n"
                + "virNodeDeviceDestroy | - | - | - | Destroys.\n", StandardCharsets.UTF_8);
        Map<String, String> files = BindingGenerator.generate(xml, protocol, root);
        assertThat(files.get("backend-remote/src/generated/java/org/libvirt4j/remote/internal/RemoteCalls.java"))
                .contains("new RemoteNodeDeviceDestroyArgs(((RemoteNonnullNodeDevice) self).name())::encode")
                .contains("new RemoteNodeDeviceGetAutostartArgs(((RemoteNonnullNodeDevice) self).name())::encode");
        assertThat(files.get("api/src/generated/java/org/libvirt4j/NodeDeviceMethods.java"))
                .contains("boolean getAutostart();").contains("void destroy();");
        assertThat(files.get("api/src/generated/java/org/libvirt4j/spi/generated/NodeDeviceContract.java"))
                .contains("return (Integer) invoke(Fn.virNodeDeviceGetAutostart) != 0;");
        assertThat(files.get("api/src/generated/java/org/libvirt4j/spi/generated/Fn.java"))
                .contains("virNodeDeviceGetAutostart(ObjectKind.NODE_DEVICE, \"Pi\", 'i', null)");

        Files.writeString(root.resolve(BindingGenerator.TABLE),
                "virDomainMigrateGetMaxSpeed | - | - | bool | Reads.\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> BindingGenerator.generate(xml, protocol, root))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("a bool result needs an int out-parameter");
        Files.writeString(root.resolve(BindingGenerator.TABLE),
                "virNodeDeviceGetAutostart | - | - | status | Reads.\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> BindingGenerator.generate(xml, protocol, root))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("can only be overridden as bool");
    }

    /** Fails when an irregular function slips through as if it were regular. */
    @Test
    void irregularEntriesAreRefusedWithTheReason(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("codegen"));
        Files.writeString(root.resolve(BindingGenerator.TABLE),
                "virDomainGetVcpuPinInfo | - | - | - | Pins.\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> BindingGenerator.generate(xml, protocol, root))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("virDomainGetVcpuPinInfo");
        Files.writeString(root.resolve(BindingGenerator.TABLE),
                "virDomainRename | - | - | - | Renames.\n", StandardCharsets.UTF_8);
        // virDomainRename's reply carries a field C does not return: the shape does not line up.
        assertThatThrownBy(() -> BindingGenerator.generate(xml, protocol, root))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("virDomainRename");
        Files.writeString(root.resolve(BindingGenerator.TABLE),
                "virDomainGetHostname | - | - | - |  \n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> BindingGenerator.generate(xml, protocol, root))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no summary");
    }
}

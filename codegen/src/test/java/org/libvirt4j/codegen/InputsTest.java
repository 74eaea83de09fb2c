package org.libvirt4j.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputsTest {

    @Test
    @DisplayName("the installed inputs are found, and the API XMLs are libvirt " + Inputs.LIBVIRT_VERSION + "'s")
    void installedInputs() {
        assertThat(Inputs.apiDir()).isDirectory();
        assertThat(Inputs.apiXml()).isRegularFile().hasFileName("libvirt-api.xml");
        assertThat(Inputs.qemuApiXml()).isRegularFile().hasFileName("libvirt-qemu-api.xml");
        assertThat(Inputs.lxcApiXml()).isRegularFile().hasFileName("libvirt-lxc-api.xml");
        assertThat(Inputs.adminApiXml()).isRegularFile().hasFileName("libvirt-admin-api.xml");
        assertThat(Inputs.declaredVersion(Inputs.apiXml())).isEqualTo(Inputs.LIBVIRT_VERSION);
        assertThat(Inputs.requireLibvirtVersion()).isEqualTo(Inputs.apiXml());
        for (String name : Inputs.PROTOCOL_FILES) {
            assertThat(Inputs.protocolFile(name)).isRegularFile().hasParent(Inputs.protocolDir());
        }
    }

    @Test
    @DisplayName("a missing API XML fails with where it is expected and which package installs it")
    void missingApiXml(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("libvirt-api.xml"), xml(9000000));
        withProperty(Inputs.API_DIR_PROPERTY, tmp, () -> {
            assertThat(Inputs.apiXml()).isEqualTo(tmp.resolve("libvirt-api.xml"));
            for (Supplier<Path> missing : java.util.List.<Supplier<Path>>of(Inputs::apiDir, Inputs::qemuApiXml,
                    Inputs::lxcApiXml, Inputs::adminApiXml)) {
                assertThatThrownBy(missing::get).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining(tmp.toString())
                        .hasMessageContaining("apt-get install libvirt-dev")
                        .hasMessageContaining("-Dlibvirt4j.apiDir=");
            }
        });
        withProperty(Inputs.API_DIR_PROPERTY, tmp.resolve("nowhere"), () ->
                assertThatThrownBy(Inputs::requireLibvirtVersion).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining(tmp.resolve("nowhere").resolve("libvirt-api.xml").toString())
                        .hasMessageContaining("libvirt-dev"));
    }

    @Test
    @DisplayName("a missing protocol file fails with where it is expected and the property that moves it")
    void missingProtocolFile(@TempDir Path tmp) throws IOException {
        for (String name : Inputs.PROTOCOL_FILES) {
            if (!name.equals("qemu_protocol.x")) {
                Files.writeString(tmp.resolve(name), "");
            }
        }
        withProperty(Inputs.PROTOCOL_DIR_PROPERTY, tmp, () -> {
            assertThat(Inputs.protocolFile("remote_protocol.x")).isEqualTo(tmp.resolve("remote_protocol.x"));
            for (Supplier<Path> missing : java.util.List.<Supplier<Path>>of(Inputs::protocolDir,
                    () -> Inputs.protocolFile("qemu_protocol.x"))) {
                assertThatThrownBy(missing::get).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining(tmp.resolve("qemu_protocol.x").toString())
                        .hasMessageContaining("../shared/protocol relative to the repository root")
                        .hasMessageContaining("-Dlibvirt4j.protocolDir=");
            }
        });
        assertThatThrownBy(() -> Inputs.protocolFile("other.x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("API XMLs of another libvirt release are refused, naming both versions and the way forward")
    void otherRelease(@TempDir Path tmp) throws IOException {
        Path xml = Files.writeString(tmp.resolve("libvirt-api.xml"), xml(10001002));
        assertThat(Inputs.declaredVersion(xml)).isEqualTo("10.1.2");
        assertThatThrownBy(() -> Inputs.requireLibvirtVersion(xml)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("libvirt 10.1.2")
                .hasMessageContaining("libvirt " + Inputs.LIBVIRT_VERSION)
                .hasMessageContaining("Inputs.LIBVIRT_VERSION");
        Path none = Files.writeString(tmp.resolve("other.xml"), "<api name='libvirt'/>");
        assertThatThrownBy(() -> Inputs.declaredVersion(none)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("LIBVIR_VERSION_NUMBER");
    }

    private static String xml(long versionNumber) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<api name='libvirt'>\n  <symbols>\n"
                + "    <macro name='LIBVIR_VERSION_NUMBER' file='libvirt-common' raw='" + versionNumber
                + "' version='0.0.1'>\n    </macro>\n  </symbols>\n</api>\n";
    }

    /** Runs {@code body} with a system property set, restoring the previous value afterwards. */
    private static void withProperty(String key, Path value, Runnable body) {
        String old = System.getProperty(key);
        System.setProperty(key, value.toString());
        try {
            body.run();
        } finally {
            if (old == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, old);
            }
        }
    }
}

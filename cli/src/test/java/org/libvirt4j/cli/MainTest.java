package org.libvirt4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.libvirt4j.Connect;
import org.libvirt4j.Domain;
import org.libvirt4j.Libvirt;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs the demo CLI against libvirt's test driver through each native backend. */
class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jna", "jni"})
    @DisplayName("domstats prints every statistic of every domain, and fails for an unknown one")
    void domstats(String backend) {
        assertThat(run("-c", "test:///default", "--backend", backend, "domstats")).isZero();
        assertThat(out()).contains("Domain: 'test'").contains("  state.state=1").contains("  state.reason=");
        assertThat(run("-c", "test:///default", "--backend", backend, "domstats", "nope")).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jna", "jni"})
    @DisplayName("list prints the test driver's running domain")
    void listsTestDomain(String backend) {
        assertThat(run("-c", "test:///default", "--backend", backend, "list")).isZero();
        assertThat(out()).containsPattern("\\s1\\s+test\\s+running");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jna", "jni"})
    @DisplayName("dominfo and nodeinfo print the test driver's values")
    void dominfoAndNodeinfo(String backend) {
        assertThat(run("--backend", backend, "-c", "test:///default", "dominfo", "test")).isZero();
        assertThat(out()).contains("Name:           test").contains("State:          running")
                .contains("CPU(s):         2");
        assertThat(run("--backend", backend, "-c", "test:///default", "nodeinfo")).isZero();
        assertThat(out()).contains("CPU frequency:       1400 MHz");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jna", "jni"})
    @DisplayName("define then start, destroy and undefine a domain in one process")
    void defineLifecycle(String backend, @TempDir Path dir) throws Exception {
        Path xml = dir.resolve("d.xml");
        Files.writeString(xml, "<domain type='test'><name>cli-demo</name><memory>8192</memory>"
                + "<os><type>hvm</type></os></domain>");
        // test:///default keeps its state only while some connection of the process is open,
        // and each CLI command opens its own: hold one open across the commands.
        try (Connect keep = Libvirt.using(backend).newConnect("test:///default")) {
            assertThat(run("--backend", backend, "define", xml.toString())).isZero();
            assertThat(out()).contains("Domain 'cli-demo' defined");
            assertThat(run("--backend", backend, "start", "cli-demo")).isZero();
            try (Domain d = keep.lookupDomainByName("cli-demo")) {
                assertThat(d.isActive()).isTrue();
            }
            assertThat(run("--backend", backend, "dumpxml", "cli-demo")).isZero();
            assertThat(out()).contains("<name>cli-demo</name>");
            assertThat(run("--backend", backend, "destroy", "cli-demo")).isZero();
            assertThat(run("--backend", backend, "undefine", "cli-demo")).isZero();
            assertThat(out()).contains("Domain 'cli-demo' has been undefined");
            assertThat(run("--backend", backend, "dominfo", "cli-demo")).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("error: Domain not found");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"nonsense"})
    @DisplayName("an unknown backend name fails with a message listing the backends found")
    void unknownBackend(String backend) {
        assertThat(run("--backend", backend, "list")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("No libvirt4j backend is named 'nonsense'")
                .contains("jna");
    }

    @org.junit.jupiter.api.Test
    @DisplayName("no command is a usage error")
    void usage() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage:");
    }
}

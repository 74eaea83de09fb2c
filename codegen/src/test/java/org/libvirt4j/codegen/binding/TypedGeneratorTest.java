package org.libvirt4j.codegen.binding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.libvirt4j.codegen.Inputs;
import org.libvirt4j.codegen.binding.TypedTable.Field;
import org.libvirt4j.codegen.binding.TypedTable.PType;

class TypedGeneratorTest {
    private static Path xml;
    private static Path protocol;
    private static final Path ROOT = Paths.get("..");

    @BeforeAll
    static void inputs() {
        xml = Inputs.requireLibvirtVersion();
        protocol = Inputs.protocolDir();
    }

    /** Fails when a generated typed-parameter source was edited by hand or the table changed without regenerating. */
    @Test
    void committedSourcesMatchTheGenerator() throws IOException {
        Map<String, String> files = TypedGenerator.generate(xml, protocol, ROOT);
        assertThat(files).containsKeys("api/src/generated/java/org/libvirt4j/DomainBlkioParameters.java",
                "api/src/generated/java/org/libvirt4j/spi/generated/TypedFn.java");
        for (Map.Entry<String, String> e : files.entrySet()) {
            Path committed = ROOT.resolve(e.getKey());
            assertThat(committed).as("run ./codegen/regenerate.sh").exists();
            assertThat(Files.readString(committed, StandardCharsets.UTF_8))
                    .as("%s drifted from the generator: run ./codegen/regenerate.sh", e.getKey())
                    .isEqualTo(e.getValue());
        }
    }

    /** Fails when the field table stops following libvirt's macros (names, the types their documentation gives). */
    @Test
    void fieldTableComesFromTheMacros() throws IOException {
        TypedTable t = TypedTable.read(xml, ROOT);
        Map<String, Field> blkio = byMacro(t, "DomainBlkioParameters");
        assertThat(blkio.get("VIR_DOMAIN_BLKIO_WEIGHT")).isEqualTo(
                new Field("VIR_DOMAIN_BLKIO_WEIGHT", "weight", "weight", PType.UINT, "0.9.0"));
        assertThat(blkio.get("VIR_DOMAIN_BLKIO_DEVICE_READ_IOPS").type()).isEqualTo(PType.STRING);
        assertThat(byMacro(t, "DomainBlockIoTuneParameters").get("VIR_DOMAIN_BLOCK_IOTUNE_TOTAL_BYTES_SEC").type())
                .isEqualTo(PType.ULLONG);
        assertThat(byMacro(t, "DomainJobStats").get("VIR_DOMAIN_JOB_SUCCESS").type()).isEqualTo(PType.BOOLEAN);
        assertThat(byMacro(t, "DomainInterfaceParameters").get("VIR_DOMAIN_BANDWIDTH_IN_AVERAGE").component())
                .isEqualTo("bandwidthInAverage");
        // the hand-kept override wins where the documentation says nothing or too little
        assertThat(byMacro(t, "DomainPerfEvents").get("VIR_PERF_PARAM_CMT").type()).isEqualTo(PType.BOOLEAN);
        assertThat(byMacro(t, "NodeMemoryParameters").get("VIR_NODE_MEMORY_SHARED_MERGE_ACROSS_NODES").type())
                .isEqualTo(PType.UINT);
    }

    private static Map<String, Field> byMacro(TypedTable t, String family) {
        Map<String, Field> out = new java.util.LinkedHashMap<>();
        for (Field f : t.families.get(family).fields()) {
            out.put(f.macro(), f);
        }
        return out;
    }
}

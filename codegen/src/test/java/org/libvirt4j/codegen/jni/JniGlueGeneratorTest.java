package org.libvirt4j.codegen.jni;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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

class JniGlueGeneratorTest {
    private static final Path ROOT = Paths.get("..");
    private static JniGlueGenerator.Result result;

    @BeforeAll
    static void generate() throws IOException {
        // A missing or other-release XML fails here, with Inputs' message; it never skips.
        result = JniGlueGenerator.generate(Inputs.requireLibvirtVersion());
    }

    @Test
    void committedGlueMatchesTheGenerator() throws IOException {
        for (Map.Entry<String, String> e : result.files().entrySet()) {
            Path committed = ROOT.resolve(e.getKey());
            assertThat(committed).as("run ./codegen/regenerate.sh").exists();
            assertThat(Files.readString(committed, StandardCharsets.UTF_8))
                    .as("%s drifted from the generator: run ./codegen/regenerate.sh", e.getKey())
                    .isEqualTo(e.getValue());
        }
    }

    @Test
    void wrapsTheMechanicalFunctionsAndLeavesTheRestToHandWrittenCode() {
        assertThat(result.total()).isEqualTo(516);
        assertThat(result.wrapped()).hasSizeGreaterThanOrEqualTo(330)
                // pointers, strings, ints; a status plus one out-parameter; UUID buffers
                .contains("virDomainLookupByName", "virDomainGetXMLDesc", "virConnectGetVersion",
                        "virDomainGetAutostart", "virDomainGetUUID", "virDomainGetUUIDString",
                        "virDomainLookupByUUID", "virNodeGetFreeMemory", "virDomainGetID")
                // structs, arrays with a count, a buffer with a length, typed parameters, callbacks
                .doesNotContain("virDomainGetInfo", "virDomainSendKey", "virConnectListDomains",
                        "virStreamSend", "virDomainGetMemoryParameters", "virConnectOpenAuth",
                        "virDomainCreateWithFiles", "virGetLastError", "virConnectListAllDomains");
    }

    @Test
    void wrappersReadTheErrorRightAfterTheCallAndFreeStringsOnEveryPath() {
        String c = result.files().get("backend-jni/src/generated/c/lv_generated.c");
        String lookup = c.substring(c.indexOf("lvg_virDomainLookupByName("), c.indexOf("lvg_virDomainLookupByUUID("));
        assertThat(lookup).containsSubsequence("fn((virConnectPtr)", "lv_fail_if_set", "done:", "lv_str_free(&s1)",
                "return result");
        String xml = c.substring(c.indexOf("lvg_virDomainGetXMLDesc("));
        assertThat(xml).containsSubsequence("lv_cstr(env, r)", "free(r)");
    }

    @Test
    void headerCompilesWithoutLibvirtHeaders(@TempDir Path tmp) throws Exception {
        Path h = Files.writeString(tmp.resolve("lv_api.h"), result.files().get("backend-jni/src/generated/c/lv_api.h"));
        Path c = Files.writeString(tmp.resolve("t.c"), "#include \"lv_api.h\"\n"
                + "_Static_assert(sizeof(virTypedParameter) == 96, \"virTypedParameter layout\");\n"
                + "_Static_assert(sizeof(virDomainInfo) == 40, \"virDomainInfo layout\");\n");
        Process gcc;
        try {
            gcc = new ProcessBuilder("gcc", "-fsyntax-only", "-Wall", "-Werror", "-I", h.getParent().toString(),
                    c.toString()).redirectErrorStream(true).start();
        } catch (IOException noGcc) {
            assumeTrue(false, "gcc is not installed");
            return;
        }
        String log = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(gcc.waitFor()).as(log).isZero();
    }
}

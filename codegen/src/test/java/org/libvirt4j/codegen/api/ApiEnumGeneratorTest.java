package org.libvirt4j.codegen.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.libvirt4j.codegen.Inputs;

class ApiEnumGeneratorTest {

    private static final Path COMMITTED = Paths.get("../api/src/generated/java/org/libvirt4j");
    private static final Path LIBVIRT_ENUM = Paths.get("../api/src/main/java/org/libvirt4j/LibvirtEnum.java");

    // ---- naming rules -------------------------------------------------------------------------

    @Test
    void typeNameDropsVir() {
        assertThat(ApiNaming.typeName("virConnectListAllDomainsFlags")).isEqualTo("ConnectListAllDomainsFlags");
        assertThat(ApiNaming.typeName("virDomainState")).isEqualTo("DomainState");
        assertThat(ApiNaming.typeName("virErrorNumber")).isEqualTo("ErrorNumber");
        assertThat(ApiNaming.typeName("virIPAddrType")).isEqualTo("IPAddrType");
        assertThat(ApiNaming.typeName("virtual")).isEqualTo("Virtual");
    }

    @Test
    void constantNamesStripTheCommonPrefix() {
        assertThat(names("virDomainState", "VIR_DOMAIN_NOSTATE", "VIR_DOMAIN_RUNNING", "VIR_DOMAIN_LAST"))
                .containsExactly("NOSTATE", "RUNNING", "LAST");
        assertThat(names("virConnectListAllDomainsFlags",
                "VIR_CONNECT_LIST_DOMAINS_ACTIVE", "VIR_CONNECT_LIST_DOMAINS_NO_AUTOSTART"))
                .containsExactly("ACTIVE", "NO_AUTOSTART");
        // VIR_ERR_* and VIR_WAR_* share only VIR.
        assertThat(names("virErrorNumber", "VIR_ERR_OK", "VIR_ERR_NO_SUPPORT", "VIR_WAR_NO_NETWORK"))
                .containsExactly("ERR_OK", "ERR_NO_SUPPORT", "WAR_NO_NETWORK");
        // The prefix is _-bounded: VIR_FOO_BA is not a prefix of the segment BAR.
        assertThat(names("virFoo", "VIR_FOO_BAR", "VIR_FOO_BAZ")).containsExactly("BAR", "BAZ");
    }

    @Test
    void aLastSentinelDoesNotNarrowThePrefix() {
        assertThat(names("virErrorDomain", "VIR_FROM_NONE", "VIR_FROM_DOM", "VIR_FROM_DOMAIN", "VIR_ERR_DOMAIN_LAST"))
                .containsExactly("NONE", "DOM", "DOMAIN", "ERR_DOMAIN_LAST");
        assertThat(names("virStoragePoolState", "VIR_STORAGE_POOL_INACTIVE", "VIR_STORAGE_POOL_RUNNING",
                "VIR_STORAGE_POOL_STATE_LAST"))
                .containsExactly("INACTIVE", "RUNNING", "STATE_LAST");
        // With a single other value, the sentinel counts.
        assertThat(names("virDomainNostateReason", "VIR_DOMAIN_NOSTATE_UNKNOWN", "VIR_DOMAIN_NOSTATE_LAST"))
                .containsExactly("UNKNOWN", "LAST");
    }

    @Test
    void namesNeverStartWithADigitNorAreEmpty() {
        assertThat(names("virKey", "VIR_KEY_2D", "VIR_KEY_3D")).containsExactly("KEY_2D", "KEY_3D");
        assertThat(names("virKey", "VIR_KEY_NONE", "VIR_KEY_3D")).containsExactly("KEY_NONE", "KEY_3D");
        assertThat(names("virFoo", "VIR_FOO_BAR", "VIR_FOO_BAR_BAZ")).containsExactly("BAR", "BAR_BAZ");
        assertThat(names("virFooFlags", "VIR_FOO_3D")).containsExactly("FOO_3D");
    }

    @Test
    void singleValueStripsTheTypeWords() {
        assertThat(names("virDomainDefineFlags", "VIR_DOMAIN_DEFINE_VALIDATE")).containsExactly("VALIDATE");
        assertThat(names("virTypedParameterFlags", "VIR_TYPED_PARAM_STRING_OKAY")).containsExactly("STRING_OKAY");
        assertThat(names("virDomainSetTimeFlags", "VIR_DOMAIN_TIME_SYNC")).containsExactly("SYNC");
        assertThat(names("virNWFilterDefineFlags", "VIR_NWFILTER_DEFINE_VALIDATE")).containsExactly("VALIDATE");
        assertThat(names("virDomainBlockJobSetSpeedFlags", "VIR_DOMAIN_BLOCK_JOB_SPEED_BANDWIDTH_BYTES"))
                .containsExactly("BANDWIDTH_BYTES");
        // Every segment names a type word: keep the last one.
        assertThat(names("virNodeGetCPUStatsAllCPUs", "VIR_NODE_CPU_STATS_ALL_CPUS")).containsExactly("CPUS");
        assertThat(names("virStreamFlags", "VIR_STREAM_NONBLOCK")).containsExactly("NONBLOCK");
    }

    @Test
    void wordsSplitCamelCaseWithAcronyms() {
        assertThat(ApiNaming.words("NodeGetCPUStatsAllCPUs"))
                .containsExactly("NODE", "GET", "CPU", "STATS", "ALL", "CPUS");
        assertThat(ApiNaming.words("NWFilterDefineFlags")).containsExactly("NW", "FILTER", "DEFINE", "FLAGS");
        assertThat(ApiNaming.words("DomainPMSuspendedReason")).containsExactly("DOMAIN", "PM", "SUSPENDED", "REASON");
    }

    @Test
    void typeNameClashesAreResolvedDeterministically() {
        Map<String, String> types = new LinkedHashMap<>();
        types.put("virDomainState", "libvirt-api.xml");
        types.put("virDOMAINState", "libvirt-qemu-api.xml"); // same file name on a case-insensitive FS
        types.put("virString", "libvirt-api.xml"); // would shadow java.lang.String
        types.put("VirDOMAINState", "libvirt-qemu-api.xml");
        List<ApiNaming.Clash> clashes = new ArrayList<>();
        Map<String, String> names = ApiNaming.typeNames(types, clashes);
        assertThat(names).containsExactly(
                Map.entry("virDomainState", "DomainState"),
                Map.entry("virDOMAINState", "QemuDOMAINState"),
                Map.entry("virString", "VirString"),
                Map.entry("VirDOMAINState", "VirDOMAINState"));
        assertThat(clashes).containsExactly(
                new ApiNaming.Clash("virDOMAINState", "DOMAINState", "QemuDOMAINState"),
                new ApiNaming.Clash("virString", "String", "VirString"));
        assertThat(ApiNaming.typeNames(types, new ArrayList<>())).isEqualTo(names);
    }

    @Test
    void fieldNamesDropVir() {
        assertThat(ApiNaming.fieldName("VIR_DOMAIN_MEMORY_HARD_LIMIT")).isEqualTo("DOMAIN_MEMORY_HARD_LIMIT");
    }

    @Test
    void docTextIsSafeInJavadoc() {
        assertThat(JavaText.doc("  a <b> & c\n @x  \\u0041 */ d/e é "))
                .isEqualTo("a &lt;b&gt; &amp; c &#64;x &#92;u0041 *&#47; d/e &#233;");
        assertThat(JavaText.literal("a\"b\\c%u")).isEqualTo("\"a\\\"b\\\\c%u\"");
    }

    // ---- reading and writing, on a small XML ----------------------------------------------------

    @Test
    void readsResolvesAndRendersASmallApi(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("libvirt-api.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <api name='libvirt'>
                  <symbols>
                    <macro name='VIR_DOMAIN_X' file='libvirt-domain' string='x_y' version='1.0.0'>
                      <info><![CDATA[A "field" & <more>.]]></info>
                    </macro>
                    <macro name='VIR_NOT_A_STRING' file='libvirt-domain' raw='42' version='1.0.0'/>
                    <enum name='VIR_THING_B' file='f' value='2' type='virThing' version='1.0.0' info='b */'/>
                    <enum name='VIR_THING_A' file='f' value='1' type='virThing' version='1.0.0'/>
                    <enum name='VIR_THING_ALIAS' file='f' value='VIR_THING_A' type='virThing' version='1.1.0'/>
                    <enum name='VIR_BIG_FLAG_HIGH' file='f' value='2147483648' type='virBigFlags' version='2.0'/>
                    <enum name='VIR_BIG_FLAG_LOW' file='f' value='1' type='virBigFlags' version='2.0'/>
                  </symbols>
                </api>
                """);
        Files.writeString(tmp.resolve("libvirt-qemu-api.xml"), """
                <api name='libvirt-qemu'><symbols>
                  <enum name='VIR_QEMU_T_NEG' file='q' value='-1' type='virQemuT' version='1.0.0'/>
                  <enum name='VIR_QEMU_T_REF' file='q' value='VIR_THING_B' type='virQemuT' version='1.0.0'/>
                </symbols></api>
                """);
        ApiEnumGenerator.Result result = ApiEnumGenerator.generate(tmp);
        ApiXml.Api api = result.api();
        assertThat(api.files()).containsExactly("libvirt-api.xml", "libvirt-qemu-api.xml");
        assertThat(api.valueCount()).isEqualTo(7);
        assertThat(api.enums()).extracting(ApiXml.EnumType::cName).containsExactly("virBigFlags", "virThing", "virQemuT");
        ApiXml.EnumType thing = api.enums().get(1);
        assertThat(thing.values()).extracting(ApiXml.EnumValue::name)
                .containsExactly("VIR_THING_A", "VIR_THING_ALIAS", "VIR_THING_B");
        assertThat(thing.values()).extracting(ApiXml.EnumValue::value).containsExactly(1L, 1L, 2L);
        assertThat(api.enums().get(2).values()).extracting(ApiXml.EnumValue::value).containsExactly(-1L, 2L);
        assertThat(api.enums().get(0).values().get(1).intValue()).isEqualTo(Integer.MIN_VALUE);
        assertThat(api.macros()).singleElement().satisfies(m -> {
            assertThat(m.value()).isEqualTo("x_y");
            assertThat(m.info()).isEqualTo("A \"field\" & <more>.");
        });
        assertThat(result.files()).containsOnlyKeys("BigFlags.java", "Thing.java", "QemuT.java", "TypedParameterFields.java");
        assertThat(result.files().get("Thing.java")).contains("    A(1),", "    ALIAS(1),", "    B(2),",
                "    UNRECOGNIZED(0);", "case 1 -> A;", "<p>b *&#47;").doesNotContain("case 1 -> ALIAS");
        assertThat(result.files().get("QemuT.java")).startsWith(ApiEnumGenerator.HEADER_START
                + "libvirt-qemu-api.xml" + ApiEnumGenerator.HEADER_END + "\n");
        assertThat(result.files().get("TypedParameterFields.java"))
                .contains("public static final String DOMAIN_X = \"x_y\";", "A \"field\" &amp; &lt;more&gt;.");

        Map<String, Class<?>> classes = compileAndLoad(result.files(), tmp.resolve("out"));
        Class<?> big = classes.get("BigFlags");
        assertThat(value(constant(big, "HIGH"))).isEqualTo(Integer.MIN_VALUE);
        assertThat(invokeSet(big, "fromMask", -1)).containsExactly(constant(big, "LOW"), constant(big, "HIGH"));
        Class<?> t = classes.get("Thing");
        assertThat(invoke(t, "fromValue", 1)).isEqualTo(constant(t, "A"));
        assertThat(invoke(t, "fromValue", 7)).isEqualTo(constant(t, "UNRECOGNIZED"));
    }

    @Test
    void writeReplacesOnlyItsOwnFiles(@TempDir Path tmp) throws IOException {
        String own = ApiEnumGenerator.HEADER_START + "libvirt-api.xml" + ApiEnumGenerator.HEADER_END + "\n";
        Files.writeString(tmp.resolve("Stale.java"), own + "enum Stale {}\n");
        Files.writeString(tmp.resolve("Kept.java"), own + "old\n");
        Files.writeString(tmp.resolve("HandWritten.java"), "package org.libvirt4j;\n");
        Files.writeString(tmp.resolve("Other.java"), "// Generated by org.libvirt4j.codegen.xdr.X from a.x. Do not edit\n");
        Files.writeString(tmp.resolve("notes.txt"), own);
        ApiEnumGenerator.write(tmp, Map.of("Kept.java", own + "new\n", "New.java", own + "n\n"));
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("Kept.java", "New.java", "HandWritten.java", "Other.java", "notes.txt");
        }
        assertThat(Files.readString(tmp.resolve("Kept.java"))).isEqualTo(own + "new\n");
    }

    // ---- the real XMLs and the committed output -------------------------------------------------

    @Test
    void committedSourcesAreUpToDate(@TempDir Path tmp) throws IOException {
        Path xmlDir = xmlDir();
        ApiEnumGenerator.Result result = ApiEnumGenerator.generate(xmlDir);
        Path out = ApiEnumGenerator.packageDir(tmp);
        ApiEnumGenerator.write(out, result.files());

        Map<String, String> generated = ownFiles(out);
        Map<String, String> committed = ownFiles(COMMITTED);
        assertThat(committed.keySet())
                .as("generated files in %s (run ./codegen/regenerate.sh)", COMMITTED)
                .containsExactlyElementsOf(generated.keySet());
        for (Map.Entry<String, String> file : generated.entrySet()) {
            assertThat(committed.get(file.getKey()))
                    .as("%s is out of date: run ./codegen/regenerate.sh", file.getKey())
                    .isEqualTo(file.getValue());
        }
        assertThat(ApiEnumGenerator.generate(xmlDir).files()).as("deterministic").isEqualTo(result.files());
        assertThat(String.join("", result.files().values())).doesNotContain("\r");
    }

    @Test
    void realApiHasTheExpectedEnums(@TempDir Path tmp) throws Exception {
        ApiEnumGenerator.Result result = ApiEnumGenerator.generate(xmlDir());
        assertThat(result.api().valueCount()).isEqualTo(1029 + 9 + 4);
        assertThat(result.api().macros()).hasSize(235 + 20);
        assertThat(result.clashes()).isEmpty();
        assertThat(result.typeNames()).containsEntry("virConnectListAllDomainsFlags", "ConnectListAllDomainsFlags")
                .containsEntry("virErrorNumber", "ErrorNumber").containsEntry("virErrorDomain", "ErrorDomain")
                .containsEntry("virErrorLevel", "ErrorLevel");

        Map<String, Class<?>> classes = compileAndLoad(result.files(), tmp);
        int constants = 0;
        for (Class<?> c : classes.values()) {
            if (c.isEnum()) {
                constants += (int) Arrays.stream(c.getEnumConstants())
                        .filter(e -> !((Enum<?>) e).name().equals(ApiEnumGenerator.UNRECOGNIZED)).count();
            }
        }
        assertThat(constants).isEqualTo(1042);

        assertThat(value(constant(classes.get("ConnectListAllDomainsFlags"), "ACTIVE"))).isEqualTo(1);
        assertThat(value(constant(classes.get("DomainState"), "RUNNING"))).isEqualTo(1);
        assertThat(value(constant(classes.get("ErrorNumber"), "ERR_OK"))).isEqualTo(0);
        assertThat(value(constant(classes.get("ErrorNumber"), "ERR_NO_SUPPORT"))).isEqualTo(3);
        assertThat(value(constant(classes.get("ErrorNumber"), "ERR_INVALID_DOMAIN"))).isEqualTo(7);
        assertThat(constant(classes.get("ErrorNumber"), "WAR_NO_NETWORK")).isNotNull();
        assertThat(value(constant(classes.get("ErrorDomain"), "DOMAIN"))).isEqualTo(20);
        assertThat(value(constant(classes.get("ErrorDomain"), "NONE"))).isEqualTo(0);
        assertThat(value(constant(classes.get("ErrorDomain"), "DOM"))).isEqualTo(6);
        assertThat(enumNames(classes.get("ErrorLevel"))).containsExactly("NONE", "WARNING", "ERROR", "UNRECOGNIZED");
        assertThat(value(constant(classes.get("DomainDefineFlags"), "VALIDATE"))).isEqualTo(1);
        assertThat(value(constant(classes.get("TypedParameterFlags"), "STRING_OKAY"))).isEqualTo(4);
        assertThat(value(constant(classes.get("ConnectGetAllDomainStatsFlags"), "ENFORCE_STATS")))
                .isEqualTo(Integer.MIN_VALUE);

        Class<?> state = classes.get("DomainState");
        assertThat(invoke(state, "fromValue", 1)).isEqualTo(constant(state, "RUNNING"));
        Object unrecognized = invoke(state, "fromValue", 12345);
        assertThat(unrecognized).isEqualTo(constant(state, "UNRECOGNIZED"));
        assertThatThrownBy(() -> value(unrecognized)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unknown to this binding");
        assertThat(invoke(classes.get("ErrorNumber"), "fromValue", 7))
                .isEqualTo(constant(classes.get("ErrorNumber"), "ERR_INVALID_DOMAIN"));

        Class<?> list = classes.get("ConnectListAllDomainsFlags");
        assertThat(invokeSet(list, "fromMask", 1 | 16))
                .containsExactly(constant(list, "ACTIVE"), constant(list, "RUNNING"));
        assertThat(Arrays.stream(list.getMethods()).map(Method::getName)).doesNotContain("fromValue");
        assertThat(Arrays.stream(state.getMethods()).map(Method::getName)).doesNotContain("fromMask");

        Class<?> fields = classes.get("TypedParameterFields");
        assertThat(fields.getField("DOMAIN_MEMORY_HARD_LIMIT").get(null)).isEqualTo("hard_limit");
        assertThat(fields.getField("DOMAIN_SCHEDULER_WEIGHT").get(null)).isEqualTo("weight");
    }

    // ---- helpers -------------------------------------------------------------------------------

    /**
     * The real XMLs: all four present and libvirt {@value Inputs#LIBVIRT_VERSION}'s, else the
     * test fails (never skips) with {@link Inputs}' message saying how to get them.
     */
    private static Path xmlDir() {
        Path dir = Inputs.apiDir();
        Inputs.requireLibvirtVersion(dir.resolve(Inputs.API_XML));
        return dir;
    }

    private static List<String> names(String cType, String... cNames) {
        return ApiNaming.constantNames(cType, List.of(cNames));
    }

    private static Map<String, String> ownFiles(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (Path p : ApiEnumGenerator.ownFiles(dir)) {
            files.put(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8));
        }
        return files;
    }

    private static void copyWithoutModuleInfo(Path from, Path to) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(f) && !f.getFileName().toString().equals("module-info.java")) {
                    Path target = to.resolve(from.relativize(f).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(f, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /**
     * Compiles generated sources with {@code -Xlint:all -Werror}, together with the hand-written
     * {@code LibvirtEnum}, and loads every generated class.
     */
    private static Map<String, Class<?>> compileAndLoad(Map<String, String> files, Path dir) throws Exception {
        Path src = ApiEnumGenerator.packageDir(dir.resolve("src"));
        ApiEnumGenerator.write(src, files);
        Path classesDir = Files.createDirectories(dir.resolve("classes"));
        // LibvirtEnum refuses UNRECOGNIZED with a LibvirtException: the API's sources (outside their
        // module, so javac takes them from a plain source path) resolve what it uses.
        Path apiSources = dir.resolve("api-sources");
        copyWithoutModuleInfo(Paths.get("../api/src/main/java"), apiSources);
        copyWithoutModuleInfo(Paths.get("../api/src/generated/java"), apiSources);
        List<String> options = List.of("-Xlint:all", "-Werror", "--release", "17", "-encoding", "UTF-8",
                "-implicit:class", "-sourcepath", apiSources.toString(), "-d", classesDir.toString());
        List<String> sources = new ArrayList<>();
        if (Files.isRegularFile(LIBVIRT_ENUM)) {
            sources.add(LIBVIRT_ENUM.toString());
        } else {
            Files.writeString(src.resolve("LibvirtEnum.java"),
                    "package org.libvirt4j;\npublic interface LibvirtEnum {\n    int value();\n}\n");
            sources.add(src.resolve("LibvirtEnum.java").toString());
        }
        for (String name : files.keySet()) {
            sources.add(src.resolve(name).toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac).as("a JDK compiler").isNotNull();
        StringWriter diagnostics = new StringWriter();
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            boolean ok = javac.getTask(diagnostics, fileManager, null, options, null,
                    fileManager.getJavaFileObjectsFromStrings(sources)).call();
            assertThat(ok).as("javac -Xlint:all -Werror:%n%s", diagnostics).isTrue();
        }
        @SuppressWarnings("resource") // the loader lives as long as the classes the test inspects
        URLClassLoader loader = new URLClassLoader(new URL[] {classesDir.toUri().toURL()},
                ApiEnumGeneratorTest.class.getClassLoader());
        Map<String, Class<?>> classes = new TreeMap<>();
        for (String name : files.keySet()) {
            String simple = name.substring(0, name.length() - ".java".length());
            classes.put(simple, Class.forName(ApiEnumGenerator.PACKAGE + "." + simple, true, loader));
        }
        return classes;
    }

    private static Object constant(Class<?> enumClass, String name) {
        for (Object c : enumClass.getEnumConstants()) {
            if (((Enum<?>) c).name().equals(name)) {
                return c;
            }
        }
        throw new AssertionError(enumClass.getSimpleName() + " has no constant " + name
                + "; it has " + enumNames(enumClass));
    }

    private static List<String> enumNames(Class<?> enumClass) {
        return Arrays.stream(enumClass.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
    }

    /** Calls {@code value()}, rethrowing what it throws. */
    private static int value(Object constant) throws ReflectiveOperationException {
        try {
            return (int) constant.getClass().getMethod("value").invoke(constant);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static Object invoke(Class<?> c, String method, int arg) throws Exception {
        return c.getMethod(method, int.class).invoke(null, arg);
    }

    @SuppressWarnings("unchecked")
    private static Set<Object> invokeSet(Class<?> c, String method, int arg) throws Exception {
        return (Set<Object>) invoke(c, method, arg);
    }
}

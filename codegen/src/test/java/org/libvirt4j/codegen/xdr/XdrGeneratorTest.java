package org.libvirt4j.codegen.xdr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.libvirt4j.codegen.Inputs;
import org.libvirt4j.codegen.xdr.XdrAst.Decl;
import org.libvirt4j.codegen.xdr.XdrAst.EnumDef;
import org.libvirt4j.codegen.xdr.XdrAst.Shape;
import org.libvirt4j.codegen.xdr.XdrAst.Source;
import org.libvirt4j.codegen.xdr.XdrAst.StructDef;
import org.libvirt4j.codegen.xdr.XdrAst.TypedefDef;
import org.libvirt4j.codegen.xdr.XdrAst.UnionDef;

class XdrGeneratorTest {

    private static final String PKG = "org/libvirt4j/remote/generated/";

    // ---- the real protocol files ----------------------------------------------------------------

    /** The repository root. */
    private static Path repoRoot() {
        return Inputs.repoRoot();
    }

    /** The real protocol files: all six present, else the test fails (never skips) with {@link Inputs}' message. */
    private static Path protocolDir() {
        return Inputs.protocolDir();
    }

    @Test
    @DisplayName("the committed backend-remote/src/generated/java is exactly what the generator writes")
    void committedSourcesAreUpToDate(@TempDir Path tmp) throws IOException {
        Path dir = protocolDir();
        Map<String, String> generated = XdrGenerator.generate(dir);
        XdrGenerator.write(generated, tmp);
        Path committed = repoRoot().resolve(XdrGenerator.DEFAULT_OUTPUT_ROOT);
        TreeSet<String> expected = listJava(tmp);
        TreeSet<String> actual = listJava(committed);
        assertThat(actual).as("generated files under " + committed + " (run ./codegen/regenerate.sh)")
                .containsExactlyElementsOf(expected);
        for (String rel : expected) {
            assertThat(Files.readAllBytes(committed.resolve(rel)))
                    .as(rel + " differs from the generator's output; run ./codegen/regenerate.sh")
                    .isEqualTo(Files.readAllBytes(tmp.resolve(rel)));
        }
    }

    private static TreeSet<String> listJava(Path root) throws IOException {
        Path pkg = root.resolve(PKG);
        if (!Files.isDirectory(pkg)) {
            return new TreeSet<>();
        }
        try (Stream<Path> s = Files.list(pkg)) {
            return s.filter(p -> p.toString().endsWith(".java")).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @Test
    @DisplayName("every definition of the six protocol files is covered, and output is deterministic")
    void coversEverything() throws IOException {
        Path dir = protocolDir();
        List<Source> sources = XdrGenerator.parseDirectory(dir);
        assertThat(sources).extracting(Source::file).containsExactly("admin_protocol.x", "lxc_protocol.x",
                "qemu_protocol.x", "remote_protocol.x", "virkeepaliveprotocol.x", "virnetprotocol.x");
        XdrModel model = new XdrModel(sources);
        Map<String, String> files = XdrJavaEmitter.emit(model);
        int structs = model.structs().size();
        int unions = model.unions().size();
        int enums = model.enums().size();
        // one file per struct, union and enum, one constants class per file, one for header constants
        assertThat(files).hasSize(structs + unions + enums + sources.size() + 1);
        Map<String, Integer> procedures = model.enums().stream().filter(e -> e.name().endsWith("_procedure"))
                .collect(Collectors.toMap(EnumDef::name, e -> e.members().size()));
        assertThat(procedures).containsExactlyInAnyOrderEntriesOf(Map.of("remote_procedure", 443,
                "qemu_procedure", 7, "lxc_procedure", 1, "admin_procedure", 19, "keepalive_procedure", 2));
        assertThat(XdrGenerator.generate(dir)).isEqualTo(files);
        // every _args/_ret/_msg struct belongs to a procedure
        String procText = files.entrySet().stream().filter(e -> e.getKey().endsWith("Procedure.java"))
                .map(Map.Entry::getValue).collect(Collectors.joining());
        for (StructDef s : model.structs()) {
            if (s.name().matches(".*_(args|ret|msg)")) {
                assertThat(procText).as(s.name()).contains("{@link " + XdrNaming.typeName(s.name()) + "}");
            }
        }
        assertThat(files.get(PKG + "RemoteTypedParamValue.java")).contains("public static RemoteTypedParamValue ofS(String s)");
    }

    // ---- parser -------------------------------------------------------------------------------

    @Test
    @DisplayName("const, enum, struct, typedef parse; comments and % lines are skipped")
    void parsesBasics() {
        Source s = XdrParser.parse("t.x", String.join("\n",
                "%#include <stuff.h>",
                "/* a comment; with struct keywords { */",
                "const MAXN = 0x10; // trailing",
                "enum color { RED = 1, GREEN = MAXN };",
                "typedef string name_t<MAXN>;",
                "typedef name_t *opt_name;",
                "struct thing {",
                "  unsigned count;",
                "  unsigned hyper big;",
                "  opaque id[16];",
                "  opaque blob<>;",
                "  name_t names<4>;",
                "  opt_name maybe;",
                "  thing2 *next;",
                "};"));
        assertThat(s.definitions()).hasSize(5);
        StructDef thing = (StructDef) s.definitions().get(4);
        assertThat(thing.fields()).containsExactly(
                new Decl("unsigned int", "count", Shape.PLAIN, null),
                new Decl("unsigned hyper", "big", Shape.PLAIN, null),
                new Decl("opaque", "id", Shape.FIXED, "16"),
                new Decl("opaque", "blob", Shape.VARIABLE, null),
                new Decl("name_t", "names", Shape.VARIABLE, "4"),
                new Decl("opt_name", "maybe", Shape.PLAIN, null),
                new Decl("thing2", "next", Shape.OPTIONAL, null));
        TypedefDef td = (TypedefDef) s.definitions().get(2);
        assertThat(td.name()).isEqualTo("name_t");
        assertThat(td.decl().toXdr()).isEqualTo("string name_t<MAXN>");
    }

    @Test
    @DisplayName("unions: several cases per arm, void arms and default")
    void parsesUnions() {
        Source s = XdrParser.parse("u.x", "union u switch (int kind) { case 1: case 2: int a; case 3: void;"
                + " default: hyper h; };");
        UnionDef u = (UnionDef) s.definitions().get(0);
        assertThat(u.discriminant()).isEqualTo(new Decl("int", "kind", Shape.PLAIN, null));
        assertThat(u.arms()).hasSize(2);
        assertThat(u.arms().get(0).cases()).containsExactly("1", "2");
        assertThat(u.arms().get(1).decl().isVoid()).isTrue();
        assertThat(u.defaultArm().decl().name()).isEqualTo("h");
    }

    @Test
    @DisplayName("procedure annotations are read from the comment right before each enum member")
    void annotations() {
        Source s = XdrParser.parse("p.x", String.join("\n",
                "enum p_procedure {",
                "  /* general remarks, e.g. - @generate: none|both */",
                "  /**",
                "   * @generate: both",
                "   * @acl: domain:read",
                "   * @acl: domain:write",
                "   * @readstream: 2",
                "   */",
                "  P_PROC_A = 1,",
                "  P_PROC_B = 2",
                "};"));
        EnumDef e = (EnumDef) s.definitions().get(0);
        assertThat(e.members().get(0).annotations()).containsExactly(
                Map.entry("generate", List.of("both")), Map.entry("acl", List.of("domain:read", "domain:write")),
                Map.entry("readstream", List.of("2")));
        assertThat(e.members().get(1).annotations()).isEmpty();
    }

    @Test
    @DisplayName("syntax errors name the file and line")
    void syntaxErrors() {
        assertThatThrownBy(() -> XdrParser.parse("bad.x", "const A = 1;\nstruct s { int a }; "))
                .isInstanceOf(XdrParseException.class).hasMessage("bad.x:2: expected ';', found '}'");
        assertThatThrownBy(() -> XdrParser.parse("bad.x", "struct s { struct { int a; } b; };"))
                .isInstanceOf(XdrParseException.class).hasMessageContaining("inline struct");
        assertThatThrownBy(() -> XdrParser.parse("bad.x", "struct s { string a; };"))
                .isInstanceOf(XdrParseException.class).hasMessageContaining("needs a size");
        assertThatThrownBy(() -> XdrParser.parse("bad.x", "/* open"))
                .isInstanceOf(XdrParseException.class).hasMessageContaining("unterminated comment");
        assertThatThrownBy(() -> XdrParser.parse("bad.x", "program P { };"))
                .isInstanceOf(XdrParseException.class).hasMessageContaining("expected const, enum");
        assertThatThrownBy(() -> XdrParser.parse("bad.x", "const A = 1$;"))
                .isInstanceOf(XdrParseException.class).hasMessageContaining("unexpected character '$'");
    }

    // ---- naming ----------------------------------------------------------------------------------

    @Test
    @DisplayName("naming: UpperCamelCase types, lowerCamelCase fields, keywords and Object methods escaped")
    void naming() {
        assertThat(XdrNaming.typeName("remote_domain_get_info_args")).isEqualTo("RemoteDomainGetInfoArgs");
        assertThat(XdrNaming.typeName("remote_nonnull_domain")).isEqualTo("RemoteNonnullDomain");
        assertThat(XdrNaming.typeName("virNetMessageHeader")).isEqualTo("VirNetMessageHeader");
        assertThat(XdrNaming.fieldName("max_vcpus")).isEqualTo("maxVcpus");
        assertThat(XdrNaming.fieldName("maxMem")).isEqualTo("maxMem");
        assertThat(XdrNaming.fieldName("usageID")).isEqualTo("usageID");
        assertThat(XdrNaming.fieldName("native")).isEqualTo("native_");
        assertThat(XdrNaming.fieldName("class")).isEqualTo("class_");
        assertThat(XdrNaming.fieldName("hashCode")).isEqualTo("hashCode_");
        assertThat(XdrNaming.constantsClass("remote_protocol.x")).isEqualTo("RemoteProtocol");
        assertThat(XdrNaming.constantsClass("virnetprotocol.x")).isEqualTo("VirNetProtocol");
        assertThat(XdrNaming.constantsClass("virkeepaliveprotocol.x")).isEqualTo("VirKeepaliveProtocol");
    }

    @Test
    @DisplayName("types whose Java names collide, or shadow java.lang names the code uses, are refused")
    void nameClashes() {
        assertThatThrownBy(() -> gen("struct foo_bar { int a; }; struct fooBar { int b; };"))
                .isInstanceOf(XdrParseException.class).hasMessageContaining("both become FooBar");
        assertThatThrownBy(() -> gen("struct string_ { int a; };"))
                .isInstanceOf(XdrParseException.class).hasMessageContaining("shadows");
        assertThatThrownBy(() -> gen("struct s { int a_b; int aB; };"))
                .isInstanceOf(XdrParseException.class).hasMessageContaining("both become aB");
        assertThatThrownBy(() -> gen("struct s { missing_t a; };"))
                .isInstanceOf(XdrParseException.class).hasMessageContaining("unknown type missing_t");
        assertThatThrownBy(() -> gen("struct s { opaque a[NOPE]; };"))
                .isInstanceOf(XdrParseException.class).hasMessageContaining("NOPE");
    }

    // ---- generated code -------------------------------------------------------------------------

    private static Map<String, String> gen(String... files) {
        List<Source> sources = new java.util.ArrayList<>();
        for (int i = 0; i < files.length; i++) {
            sources.add(XdrParser.parse("f" + i + ".x", files[i]));
        }
        return XdrGenerator.generate(sources);
    }

    @Test
    @DisplayName("a struct becomes a record with encode/decode; typedefs resolve to String, nullable String and byte[]")
    void structCode() {
        Map<String, String> out = gen(String.join("\n",
                "const S_MAX = 64;",
                "const UUIDLEN = 16;",
                "typedef string nn_string<S_MAX>;",
                "typedef nn_string *opt_string;",
                "typedef opaque uuid_t[UUIDLEN];",
                "struct my_thing { nn_string name; opt_string label; uuid_t uuid; unsigned int native;",
                " nn_string tags<8>; char model[4]; opaque data<>; };"));
        String code = out.get(PKG + "MyThing.java");
        assertThat(code).startsWith("// Generated by org.libvirt4j.codegen.xdr.XdrGenerator from f0.x. Do not edit;"
                + " run ./codegen/regenerate.sh\npackage org.libvirt4j.remote.generated;\n");
        assertThat(code).contains("public record MyThing(String name, String label, byte[] uuid, int native_,"
                + " java.util.List<String> tags, byte[] model, byte[] data) implements XdrEncodable {");
        assertThat(code).contains("w.writeString(this.name, F0.S_MAX, \"my_thing.name\");");
        assertThat(code).contains("w.writeOptional(this.label, (w1, v1) -> w1.writeString(v1, F0.S_MAX, \"my_thing.label\"));");
        assertThat(code).contains("w.writeFixedOpaque(this.uuid, F0.UUIDLEN, \"my_thing.uuid\");");
        assertThat(code).contains("w.writeUnsignedInt(this.native_);");
        assertThat(code).contains("w.writeArray(this.tags, 8, (w1, v1) -> w1.writeString(v1, F0.S_MAX, \"my_thing.tags[]\"),"
                + " \"my_thing.tags\");");
        assertThat(code).contains("w.writeFixedChars(this.model, 4, \"my_thing.model\");");
        assertThat(code).contains("r.readOpaque(XdrReader.UNBOUNDED, \"my_thing.data\")");
        assertThat(code).contains("java.util.Objects.requireNonNull(name, \"name\");");
        assertThat(code).doesNotContain("requireNonNull(label");
        assertThat(code).contains("java.util.Arrays.equals(uuid, that.uuid)");
        assertThat(out.get(PKG + "F0.java")).contains("public static final int S_MAX = 64;");
    }

    @Test
    @DisplayName("a later file uses an earlier file's types and constants")
    void crossFile() {
        Map<String, String> out = gen("const A_MAX = 3; struct a_thing { int x; };",
                "struct b_thing { a_thing items<A_MAX>; a_thing *maybe; };");
        String code = out.get(PKG + "BThing.java");
        assertThat(code).contains("from f1.x.");
        assertThat(code).contains("r.readArray(F0.A_MAX, r1 -> AThing.decode(r1), \"b_thing.items\")");
        assertThat(code).contains("r.readOptional(r1 -> AThing.decode(r1))");
    }

    @Test
    @DisplayName("a union becomes a record with one nullable component per arm, factories, and strict switches")
    void unionCode() {
        Map<String, String> out = gen("const K_A = 1; enum kind { KA = 1, KB = 2 };"
                + " union u_val switch (int type) { case K_A: int a; case 2: case 3: string s<10>; case 4: void; };"
                + " union e_val switch (kind k) { case KA: hyper h; default: void; };");
        String u = out.get(PKG + "UVal.java");
        assertThat(u).contains("public record UVal(int type, Integer a, String s) implements XdrEncodable {");
        assertThat(u).contains("public static UVal ofA(int a) {\n        return new UVal(F0.K_A, a, null);");
        assertThat(u).contains("public static UVal ofS(int type, String s) {");
        assertThat(u).contains("case F0.K_A:");
        assertThat(u).contains("throw new XdrException(\"u_val: discriminant \" + discriminant + \" selects no arm\");");
        String e = out.get(PKG + "EVal.java");
        assertThat(e).contains("public record EVal(Kind k, Long h) implements XdrEncodable {");
        assertThat(e).contains("Kind discriminant = Kind.decode(r);");
        assertThat(e).contains("case KA:");
        assertThat(e).doesNotContain("selects no arm");
    }

    @Test
    @DisplayName("a *_procedure enum gets value lookup, annotations, and its args/ret/msg types by libvirt's naming rule")
    void procedureCode() {
        Map<String, String> out = gen(String.join("\n",
                "struct x_do_it_args { int a; };",
                "struct x_do_it_ret { int b; };",
                "struct x_event_msg { int c; };",
                "enum x_procedure {",
                "  /** @generate: both\n   * @priority: high */",
                "  X_PROC_DO_IT = 1,",
                "  /** @writestream: 1 */",
                "  X_PROC_EVENT = 7",
                "};"));
        String p = out.get(PKG + "XProcedure.java");
        assertThat(p).contains("X_PROC_DO_IT(1, \"both\", true, -1, -1)");
        assertThat(p).contains("X_PROC_EVENT(7, \"\", false, -1, 1)");
        assertThat(p).contains("{@code X_PROC_DO_IT} = 1: args {@link XDoItArgs}, ret {@link XDoItRet}");
        assertThat(p).contains("{@code X_PROC_EVENT} = 7: args void, ret void, msg {@link XEventMsg}");
        assertThat(p).contains("case X_PROC_DO_IT:\n                return XDoItRet.decode(r);");
        assertThat(p).contains("case X_PROC_EVENT:\n                return XEventMsg.class;");
        assertThat(p).contains("throw new XdrException(\"x_procedure: unknown value \" + value);");
    }

    @Test
    @DisplayName("write() replaces stale generated files and keeps others")
    void writeReplacesStaleFiles(@TempDir Path tmp) throws IOException {
        Path pkg = tmp.resolve(PKG);
        Files.createDirectories(pkg);
        Files.writeString(pkg.resolve("Stale.java"), "stale");
        Files.writeString(pkg.resolve("notes.txt"), "kept");
        XdrGenerator.write(gen("struct a_b { int x; };"), tmp);
        assertThat(pkg.resolve("Stale.java")).doesNotExist();
        assertThat(pkg.resolve("notes.txt")).exists();
        assertThat(Files.readString(pkg.resolve("AB.java"), StandardCharsets.UTF_8)).contains("record AB(int x)");
    }
}

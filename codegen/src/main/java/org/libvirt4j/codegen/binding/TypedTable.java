package org.libvirt4j.codegen.binding;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The typed-parameter table ({@code codegen/typedparams.table}) joined with libvirt-api.xml's
 * string macros: the record families with their field tables, and the functions to bind.
 */
final class TypedTable {
    /** The hand-kept table, relative to the repository root. */
    static final String TABLE = "codegen/typedparams.table";

    private static final Pattern TYPED_PARAM = Pattern.compile("VIR_TYPED_PARAMS?_(INT|UINT|LLONG|ULLONG|DOUBLE|BOOLEAN|STRING)\\b");
    private static final Pattern AS_TYPE = Pattern.compile("\\bas an? (uint|ullong|llong|int|string|boolean|double)\\b");

    /** A C type of a typed parameter, with its Java component type and {@code TypedParameter} factory. */
    enum PType {
        INT("OptionalInt", "int", "ofInt"), UINT("OptionalInt", "int", "ofUInt"),
        LLONG("OptionalLong", "long", "ofLLong"), ULLONG("OptionalLong", "long", "ofULLong"),
        DOUBLE("OptionalDouble", "double", "ofDouble"), BOOLEAN("Optional<Boolean>", "boolean", "ofBoolean"),
        STRING("Optional<String>", "String", "ofString"),
        /** A string field libvirt accepts several times (migration's {@code migrate_disks}): every value, in order. */
        STRING_LIST("List<String>", "List<String>", "ofString");

        final String optional;
        final String plain;
        final String factory;

        PType(String optional, String plain, String factory) {
            this.optional = optional;
            this.plain = plain;
            this.factory = factory;
        }

        String empty() {
            return switch (this) {
                case INT, UINT -> "OptionalInt.empty()";
                case LLONG, ULLONG -> "OptionalLong.empty()";
                case DOUBLE -> "OptionalDouble.empty()";
                case STRING_LIST -> "List.of()";
                default -> "Optional.empty()";
            };
        }

        String of(String v) {
            return switch (this) {
                case INT, UINT -> "OptionalInt.of(" + v + ")";
                case LLONG, ULLONG -> "OptionalLong.of(" + v + ")";
                case DOUBLE -> "OptionalDouble.of(" + v + ")";
                case STRING_LIST -> "List.copyOf(" + v + ")";
                default -> "Optional.of(" + v + ")";
            };
        }

        /** The {@code TypedValues} reader. */
        String reader() {
            return switch (this) {
                case INT, UINT -> "intOf";
                case LLONG, ULLONG -> "longOf";
                case DOUBLE -> "doubleOf";
                case BOOLEAN -> "booleanOf";
                case STRING -> "stringOf";
                case STRING_LIST -> "stringsOf";
            };
        }
    }

    /**
     * One field of a family.
     *
     * @param macro the C macro, {@code VIR_DOMAIN_BLKIO_WEIGHT}
     * @param field the field name libvirt uses, {@code weight}
     * @param component the Java record component, {@code weight}
     * @param type its C type
     * @param since the libvirt version that added it
     */
    record Field(String macro, String field, String component, PType type, String since) {
        /** The {@code TypedParameterFields} constant. */
        String constant() {
            return macro.substring("VIR_".length());
        }
    }

    /**
     * One record family.
     *
     * @param name the Java record, Go's struct name
     * @param fields its fields, in macro order
     * @param lead {@code type} when the record also carries the function's int out-parameter, else {@code null}
     * @param summary our description
     */
    record Family(String name, List<Field> fields, String lead, String summary) {
    }

    /**
     * One function to bind.
     *
     * @param cName the C function
     * @param javaName the Java method
     * @param family the record family
     * @param flags the Java flags enum, or {@code null} for a raw int
     * @param summary our description
     * @param line the table line
     * @param nullable the C string arguments that may be {@code NULL}
     * @param procedure the remote procedure, where it is not named after the function, else {@code null}
     */
    record Fn(String cName, String javaName, Family family, String flags, String summary, int line,
            java.util.Set<String> nullable, String procedure) {
    }

    final Map<String, Family> families = new LinkedHashMap<>();
    final List<Fn> functions = new ArrayList<>();

    private TypedTable() {
    }

    /**
     * @param xml libvirt-api.xml
     * @param root the repository root
     * @return the table joined with the macros
     * @throws IOException if an input cannot be read, or the table names what libvirt lacks
     */
    static TypedTable read(Path xml, Path root) throws IOException {
        Path path = root.resolve(TABLE);
        if (!Files.exists(path)) {
            throw new IOException("the typed-parameter table " + path.toAbsolutePath() + " is missing");
        }
        Map<String, String[]> macros = macros(xml);
        // the admin API's records (thread pool, client limits, client info) take their fields
        // from libvirt-admin-api.xml, installed next to libvirt-api.xml
        Path admin = xml.resolveSibling(org.libvirt4j.codegen.Inputs.ADMIN_API_XML);
        if (Files.exists(admin)) {
            macros(admin).forEach(macros::putIfAbsent);
        }
        List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        Map<String, PType> types = new LinkedHashMap<>();
        List<String[]> familyRows = new ArrayList<>();
        List<String[]> fnRows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\\|", -1);
            for (int c = 0; c < cols.length; c++) {
                cols[c] = cols[c].strip();
            }
            String where = TABLE + ":" + (i + 1) + ": ";
            if (cols[0].startsWith("@type ")) {
                if (cols.length != 2) {
                    throw new IOException(where + "@type MACRO | TYPE");
                }
                types.put(cols[0].substring("@type ".length()).strip(), PType.valueOf(cols[1]));
            } else if (cols[0].startsWith("@family ")) {
                if (cols.length != 5) {
                    throw new IOException(where + "@family Name | macros | strip | lead | summary");
                }
                familyRows.add(new String[] {cols[0].substring("@family ".length()).strip(), cols[1], cols[2], cols[3],
                        cols[4], where});
            } else {
                if (cols.length != 5 && cols.length != 6) {
                    throw new IOException(where + "C function | Java name | family | flags | summary [| options]");
                }
                fnRows.add(new String[] {cols[0], cols[1], cols[2], cols[3], cols[4], String.valueOf(i + 1),
                        cols.length == 6 ? cols[5] : ""});
            }
        }
        TypedTable t = new TypedTable();
        for (String[] r : familyRows) {
            String where = r[5];
            List<String> names = new ArrayList<>();
            String strip;
            if (r[1].endsWith("_")) {
                for (String m : macros.keySet()) {
                    if (m.startsWith(r[1])) {
                        names.add(m);
                    }
                }
                strip = r[2].equals("-") ? r[1] : r[2];
            } else {
                for (String m : r[1].split(",")) {
                    names.add(m.strip());
                }
                if (r[2].equals("-")) {
                    throw new IOException(where + "a list of macros needs the prefix to strip");
                }
                strip = r[2];
            }
            if (names.isEmpty()) {
                throw new IOException(where + "no string macro of libvirt-api.xml matches " + r[1]);
            }
            List<Field> fields = new ArrayList<>();
            for (String m : names) {
                String[] macro = macros.get(m);
                if (macro == null) {
                    throw new IOException(where + m + " is not a string macro of " + xml);
                }
                if (!m.startsWith(strip)) {
                    throw new IOException(where + m + " does not start with " + strip);
                }
                PType type = typeOf(m, macro[1], types);
                if (type == null) {
                    throw new IOException(where + "the documentation of " + m + " does not say its type: add '@type "
                            + m + " | TYPE' to " + TABLE);
                }
                fields.add(new Field(m, macro[0], BindingGenerator.javaParamName(m.substring(strip.length())
                        .toLowerCase(java.util.Locale.ROOT)), type, macro[2]));
            }
            t.families.put(r[0], new Family(r[0], List.copyOf(fields), r[3].equals("-") ? null : r[3], r[4]));
        }
        for (String[] r : fnRows) {
            Family f = t.families.get(r[2]);
            if (f == null) {
                throw new IOException(TABLE + ":" + r[5] + ": no @family " + r[2]);
            }
            String flags = r[3].equals("-") ? null : org.libvirt4j.codegen.api.ApiNaming.typeName(r[3]);
            if (flags != null && !Files.exists(root.resolve("api/src/generated/java/org/libvirt4j/" + flags + ".java"))) {
                throw new IOException(TABLE + ":" + r[5] + ": no generated enum " + r[3]);
            }
            java.util.Set<String> nullable = new java.util.TreeSet<>();
            String procedure = null;
            for (String opt : r[6].split("\\s+")) {
                if (opt.startsWith("null=")) {
                    nullable.add(opt.substring("null=".length()));
                } else if (opt.startsWith("remote=")) {
                    procedure = opt.substring("remote=".length());
                } else if (!opt.isEmpty()) {
                    throw new IOException(TABLE + ":" + r[5] + ": unknown option " + opt + " (null=ARG, remote=REMOTE_PROC_X)");
                }
            }
            t.functions.add(new Fn(r[0], r[1], f, flags, r[4], Integer.parseInt(r[5]), nullable, procedure));
        }
        return t;
    }

    private static PType typeOf(String macro, String info, Map<String, PType> overrides) {
        PType o = overrides.get(macro);
        if (o != null) {
            return o;
        }
        for (Map.Entry<String, PType> e : overrides.entrySet()) {
            if (e.getKey().endsWith("*") && macro.startsWith(e.getKey().substring(0, e.getKey().length() - 1))) {
                return e.getValue();
            }
        }
        Matcher m = TYPED_PARAM.matcher(info);
        if (m.find()) {
            return PType.valueOf(m.group(1));
        }
        m = AS_TYPE.matcher(info);
        if (m.find()) {
            return PType.valueOf(m.group(1).toUpperCase(java.util.Locale.ROOT));
        }
        return null;
    }

    /** String macros: name → {field name, documentation, version}. */
    private static Map<String, String[]> macros(Path xml) throws IOException {
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            doc = f.newDocumentBuilder().parse(xml.toFile());
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("cannot parse " + xml + ": " + e.getMessage(), e);
        }
        Map<String, String[]> out = new LinkedHashMap<>();
        NodeList list = doc.getElementsByTagName("macro");
        for (int i = 0; i < list.getLength(); i++) {
            Element el = (Element) list.item(i);
            if (!el.hasAttribute("string")) {
                continue;
            }
            NodeList info = el.getElementsByTagName("info");
            String doc1 = info.getLength() > 0 ? info.item(0).getTextContent().replaceAll("\\s+", " ").strip() : "";
            out.put(el.getAttribute("name"), new String[] {el.getAttribute("string"), doc1, el.getAttribute("version")});
        }
        return out;
    }
}

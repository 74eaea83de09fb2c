package org.libvirt4j.codegen.xdr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The structs of one {@code .x} file, as other generators (the event generator) read them: each
 * struct's fields with their XDR type, the Java name of the generated record and component.
 */
public final class XdrStructs {
    private XdrStructs() {
    }

    /**
     * One struct field.
     *
     * @param xdrType the XDR type as written ({@code int}, {@code remote_nonnull_string}, ...)
     * @param variable whether it is a variable-length array
     * @param javaName the generated record's component name
     */
    public record Field(String xdrType, boolean variable, String javaName) {
    }

    /**
     * @param file the .x file
     * @return struct name to its fields, in file order
     * @throws IOException if the file cannot be read
     */
    public static Map<String, List<Field>> read(Path file) throws IOException {
        XdrAst.Source src = XdrParser.parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
        Map<String, List<Field>> out = new LinkedHashMap<>();
        for (XdrAst.Definition d : src.definitions()) {
            if (d instanceof XdrAst.StructDef s) {
                out.put(s.name(), s.fields().stream()
                        .map(f -> new Field(f.type(), f.shape() == XdrAst.Shape.VARIABLE, XdrNaming.fieldName(f.name())))
                        .toList());
            }
        }
        return out;
    }

    /**
     * @param cname a C name
     * @return the generated Java type name for it
     */
    public static String typeName(String cname) {
        return XdrNaming.typeName(cname);
    }
}

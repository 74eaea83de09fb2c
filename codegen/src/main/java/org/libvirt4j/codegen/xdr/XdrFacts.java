package org.libvirt4j.codegen.xdr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.libvirt4j.codegen.xdr.XdrAst.Decl;
import org.libvirt4j.codegen.xdr.XdrAst.Definition;
import org.libvirt4j.codegen.xdr.XdrAst.EnumDef;
import org.libvirt4j.codegen.xdr.XdrAst.EnumMember;
import org.libvirt4j.codegen.xdr.XdrAst.Source;
import org.libvirt4j.codegen.xdr.XdrAst.StructDef;

/**
 * What other generators need to know of the protocol files, without the parser's internals:
 * struct fields and procedures with their {@code @generate} annotation, and the Java names the
 * XDR generator gives them.
 */
public final class XdrFacts {

    /**
     * One struct field.
     *
     * @param type the XDR type ({@code remote_nonnull_string}, {@code unsigned hyper}, ...)
     * @param name the XDR name
     * @param javaName the record component the XDR generator gives it
     * @param plain whether it is a plain declaration (not an array or optional)
     */
    public record Field(String type, String name, String javaName, boolean plain) {
    }

    /**
     * One procedure.
     *
     * @param name its constant, {@code REMOTE_PROC_DOMAIN_GET_HOSTNAME}
     * @param generate its {@code @generate} annotation, or {@code ""}
     */
    public record Procedure(String name, String generate) {
    }

    /** Struct name to fields. */
    public final Map<String, List<Field>> structs = new LinkedHashMap<>();
    /** Procedures of {@code remote_protocol.x} by name. */
    public final Map<String, Procedure> procedures = new LinkedHashMap<>();

    private XdrFacts() {
    }

    /**
     * Reads every {@code .x} file of a directory.
     *
     * @param dir the protocol directory
     * @return the facts
     * @throws IOException if a file cannot be read
     */
    public static XdrFacts read(Path dir) throws IOException {
        XdrFacts f = new XdrFacts();
        for (Source s : XdrGenerator.parseDirectory(dir)) {
            for (Definition d : s.definitions()) {
                if (d instanceof StructDef st) {
                    f.structs.put(st.name(), st.fields().stream().map(XdrFacts::field).toList());
                } else if (d instanceof EnumDef en && en.name().equals("remote_procedure")) {
                    for (EnumMember m : en.members()) {
                        List<String> g = m.annotations().getOrDefault("generate", List.of());
                        f.procedures.put(m.name(), new Procedure(m.name(), g.isEmpty() ? "" : g.get(0)));
                    }
                }
            }
        }
        return f;
    }

    private static Field field(Decl d) {
        return new Field(d.type(), d.name(), XdrNaming.fieldName(d.name()), d.shape() == XdrAst.Shape.PLAIN);
    }

    /**
     * @param cname an XDR type name
     * @return the Java record name the XDR generator gives it
     */
    public static String javaType(String cname) {
        return XdrNaming.typeName(cname);
    }
}

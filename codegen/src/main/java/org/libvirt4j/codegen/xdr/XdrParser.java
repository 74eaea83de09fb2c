package org.libvirt4j.codegen.xdr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.libvirt4j.codegen.xdr.XdrAst.Arm;
import org.libvirt4j.codegen.xdr.XdrAst.ConstDef;
import org.libvirt4j.codegen.xdr.XdrAst.Decl;
import org.libvirt4j.codegen.xdr.XdrAst.Definition;
import org.libvirt4j.codegen.xdr.XdrAst.EnumDef;
import org.libvirt4j.codegen.xdr.XdrAst.EnumMember;
import org.libvirt4j.codegen.xdr.XdrAst.Shape;
import org.libvirt4j.codegen.xdr.XdrAst.Source;
import org.libvirt4j.codegen.xdr.XdrAst.StructDef;
import org.libvirt4j.codegen.xdr.XdrAst.TypedefDef;
import org.libvirt4j.codegen.xdr.XdrAst.UnionDef;
import org.libvirt4j.codegen.xdr.XdrLexer.Kind;
import org.libvirt4j.codegen.xdr.XdrLexer.Token;

/**
 * A recursive-descent parser for the rpcgen dialect of XDR (RFC 4506 section 6 plus rpcgen's
 * {@code unsigned}, {@code char}, {@code short} and {@code %} lines). Inline type bodies and
 * {@code program} blocks are rejected with a clear message: libvirt uses neither.
 */
final class XdrParser {

    private static final Set<String> RESERVED = Set.of("const", "enum", "struct", "union", "typedef",
            "switch", "case", "default", "void", "unsigned", "int", "hyper", "float", "double", "quadruple",
            "bool", "string", "opaque", "char", "short", "program", "version");

    private final String file;
    private final List<Token> tokens;
    private int pos;

    private XdrParser(String file, List<Token> tokens) {
        this.file = file;
        this.tokens = tokens;
    }

    /** Parses one file's text. */
    static Source parse(String file, String text) {
        XdrParser p = new XdrParser(file, XdrLexer.tokenize(file, text));
        List<Definition> defs = new ArrayList<>();
        while (p.peek().kind() != Kind.EOF) {
            defs.add(p.definition());
        }
        return new Source(file, List.copyOf(defs));
    }

    private Definition definition() {
        Token t = next();
        Definition d = switch (t.text()) {
            case "const" -> constDef();
            case "enum" -> enumDef();
            case "struct" -> structDef();
            case "union" -> unionDef();
            case "typedef" -> typedefDef();
            default -> throw error(t, "expected const, enum, struct, union or typedef, found '" + t.text() + "'");
        };
        expect(";");
        return d;
    }

    private ConstDef constDef() {
        String name = ident();
        expect("=");
        return new ConstDef(name, value());
    }

    private EnumDef enumDef() {
        String name = ident();
        expect("{");
        List<EnumMember> members = new ArrayList<>();
        do {
            Token start = peek();
            String member = ident();
            expect("=");
            members.add(new EnumMember(member, value(), annotations(start.comment())));
        } while (accept(","));
        expect("}");
        return new EnumDef(name, List.copyOf(members));
    }

    private StructDef structDef() {
        String name = ident();
        expect("{");
        List<Decl> fields = new ArrayList<>();
        do {
            Decl d = declaration();
            if (d.isVoid()) {
                throw error(peek(), "void field in struct " + name);
            }
            fields.add(d);
            expect(";");
        } while (!peek().is("}"));
        expect("}");
        return new StructDef(name, List.copyOf(fields));
    }

    private UnionDef unionDef() {
        String name = ident();
        expect("switch");
        expect("(");
        Decl discriminant = declaration();
        expect(")");
        expect("{");
        List<Arm> arms = new ArrayList<>();
        Arm defaultArm = null;
        while (!peek().is("}")) {
            if (peek().is("default")) {
                Token t = next();
                if (defaultArm != null) {
                    throw error(t, "second default in union " + name);
                }
                expect(":");
                defaultArm = new Arm(List.of(), declaration());
                expect(";");
                continue;
            }
            List<String> cases = new ArrayList<>();
            do {
                expect("case");
                cases.add(value());
                expect(":");
            } while (peek().is("case"));
            arms.add(new Arm(List.copyOf(cases), declaration()));
            expect(";");
        }
        expect("}");
        if (arms.isEmpty()) {
            throw error(peek(), "union " + name + " has no case");
        }
        return new UnionDef(name, discriminant, List.copyOf(arms), defaultArm);
    }

    private TypedefDef typedefDef() {
        Decl d = declaration();
        if (d.isVoid()) {
            throw error(peek(), "typedef void");
        }
        return new TypedefDef(d.name(), d);
    }

    private Decl declaration() {
        if (accept("void")) {
            return Decl.ofVoid();
        }
        String type = typeSpecifier();
        if (accept("*")) {
            return new Decl(type, ident(), Shape.OPTIONAL, null);
        }
        String name = ident();
        if (accept("[")) {
            String size = value();
            expect("]");
            return new Decl(type, name, Shape.FIXED, size);
        }
        if (accept("<")) {
            String size = peek().is(">") ? null : value();
            expect(">");
            return new Decl(type, name, Shape.VARIABLE, size);
        }
        if (type.equals("string") || type.equals("opaque")) {
            throw error(peek(), type + " " + name + " needs a size: [N] or <N>");
        }
        return new Decl(type, name, Shape.PLAIN, null);
    }

    private String typeSpecifier() {
        Token t = next();
        switch (t.text()) {
            case "unsigned" -> {
                if (peek().is("int") || peek().is("hyper") || peek().is("char") || peek().is("short")) {
                    return "unsigned " + next().text();
                }
                return "unsigned int";
            }
            case "int", "hyper", "float", "double", "quadruple", "bool", "string", "opaque", "char", "short" -> {
                return t.text();
            }
            case "struct", "union", "enum" -> {
                if (peek().is("{")) {
                    throw error(t, "inline " + t.text() + " bodies are not supported; declare the type separately");
                }
                return ident();
            }
            default -> {
                if (t.kind() != Kind.IDENT || RESERVED.contains(t.text())) {
                    throw error(t, "expected a type, found '" + t.text() + "'");
                }
                return t.text();
            }
        }
    }

    /** A constant: a number or the name of a constant / enum member. */
    private String value() {
        Token t = next();
        if (t.kind() == Kind.NUMBER || (t.kind() == Kind.IDENT && !RESERVED.contains(t.text()))) {
            return t.text();
        }
        throw error(t, "expected a number or a constant name, found '" + t.text() + "'");
    }

    private String ident() {
        Token t = next();
        if (t.kind() != Kind.IDENT || RESERVED.contains(t.text())) {
            throw error(t, "expected an identifier, found '" + t.text() + "'");
        }
        return t.text();
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        Token t = tokens.get(pos);
        if (t.kind() != Kind.EOF) {
            pos++;
        }
        return t;
    }

    private boolean accept(String s) {
        if (peek().is(s)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(String s) {
        Token t = next();
        if (!t.is(s)) {
            throw error(t, "expected '" + s + "', found '" + t.text() + "'");
        }
    }

    private XdrParseException error(Token t, String message) {
        return new XdrParseException(file, t.line(), message);
    }

    /**
     * Extracts {@code @key: value} lines from a comment (each line's leading blanks and
     * {@code *} removed). Keys keep their order; repeated keys (several {@code @acl}) collect values.
     */
    static Map<String, List<String>> annotations(String comment) {
        if (comment == null) {
            return Map.of();
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String raw : comment.split("\n", -1)) {
            String line = raw.strip();
            while (line.startsWith("*")) {
                line = line.substring(1).strip();
            }
            if (!line.startsWith("@")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(1, colon).strip();
            if (key.isEmpty() || !key.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_')) {
                continue;
            }
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(line.substring(colon + 1).strip());
        }
        Map<String, List<String>> frozen = new LinkedHashMap<>();
        out.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(frozen);
    }
}

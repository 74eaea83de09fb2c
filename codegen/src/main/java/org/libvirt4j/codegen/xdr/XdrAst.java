package org.libvirt4j.codegen.xdr;

import java.util.List;
import java.util.Map;

/** The parsed form of an XDR (rpcgen) protocol file: the definitions the generator understands. */
final class XdrAst {

    private XdrAst() {
    }

    /** One parsed {@code .x} file, its definitions in source order. */
    record Source(String file, List<Definition> definitions) {
    }

    /** A top-level definition. */
    sealed interface Definition permits ConstDef, EnumDef, StructDef, UnionDef, TypedefDef {
        /** The C name. */
        String name();
    }

    /** {@code const NAME = value;} */
    record ConstDef(String name, String value) implements Definition {
    }

    /**
     * {@code enum NAME { A = 1, B = 2 };} with, per member, the annotations of the comment
     * right before it ({@code @generate: both} becomes {@code generate -> [both]}).
     */
    record EnumDef(String name, List<EnumMember> members) implements Definition {
    }

    /** One enum member: name, value (a number or a constant's name) and its annotations. */
    record EnumMember(String name, String value, Map<String, List<String>> annotations) {
    }

    /** {@code struct NAME { decl; ... };} */
    record StructDef(String name, List<Decl> fields) implements Definition {
    }

    /**
     * {@code union NAME switch (decl) { case A: decl; ... default: decl; };} — {@code defaultArm}
     * is null when there is no {@code default:}.
     */
    record UnionDef(String name, Decl discriminant, List<Arm> arms, Arm defaultArm) implements Definition {
    }

    /** One union arm: its case labels (empty for default) and declaration ({@link Decl#isVoid()} for void). */
    record Arm(List<String> cases, Decl decl) {
    }

    /** {@code typedef decl;} named by the declaration's identifier. */
    record TypedefDef(String name, Decl decl) implements Definition {
    }

    /** How a declaration's identifier is decorated. */
    enum Shape {
        /** {@code T x} */
        PLAIN,
        /** {@code T x[N]} */
        FIXED,
        /** {@code T x<N>} or {@code T x<>} */
        VARIABLE,
        /** {@code T *x} */
        OPTIONAL,
        /** {@code void} */
        VOID
    }

    /**
     * A declaration: a type ({@code int}, {@code unsigned hyper}, {@code string}, {@code opaque}
     * or a defined name), a name, a shape, and the size for FIXED / VARIABLE (null for {@code <>}).
     */
    record Decl(String type, String name, Shape shape, String size) {

        static Decl ofVoid() {
            return new Decl("void", null, Shape.VOID, null);
        }

        boolean isVoid() {
            return shape == Shape.VOID;
        }

        /** The declaration written back in XDR syntax, for documentation. */
        String toXdr() {
            return switch (shape) {
                case VOID -> "void";
                case PLAIN -> type + " " + name;
                case OPTIONAL -> type + " *" + name;
                case FIXED -> type + " " + name + "[" + size + "]";
                case VARIABLE -> type + " " + name + "<" + (size == null ? "" : size) + ">";
            };
        }
    }
}

package org.libvirt4j.codegen.xdr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.libvirt4j.codegen.xdr.XdrAst.ConstDef;
import org.libvirt4j.codegen.xdr.XdrAst.Decl;
import org.libvirt4j.codegen.xdr.XdrAst.Definition;
import org.libvirt4j.codegen.xdr.XdrAst.EnumDef;
import org.libvirt4j.codegen.xdr.XdrAst.EnumMember;
import org.libvirt4j.codegen.xdr.XdrAst.Source;
import org.libvirt4j.codegen.xdr.XdrAst.StructDef;
import org.libvirt4j.codegen.xdr.XdrAst.TypedefDef;
import org.libvirt4j.codegen.xdr.XdrAst.UnionDef;

/**
 * All parsed files as one namespace (qemu and lxc use remote's types), with names resolved:
 * constants to numbers and Java expressions, typedefs to the Java shape they stand for.
 */
final class XdrModel {

    /** Constants libvirt's .x files use but take from its C headers. */
    static final Map<String, Long> HEADER_CONSTANTS = headerConstants();

    /** The class that holds {@link #HEADER_CONSTANTS}. */
    static final String HEADER_CLASS = "LibvirtHeaderConstants";

    /** The resolved Java shape of a declaration. */
    sealed interface JType permits Prim, Str, Opaque, Chars, Named, Opt, Arr {
    }

    /** An XDR scalar. */
    record Prim(String xdr, String java, String boxed, String write, String read) implements JType {
    }

    /** {@code string<max>}. */
    record Str(String max) implements JType {
    }

    /** {@code opaque[len]} or {@code opaque<max>}. */
    record Opaque(boolean fixed, String size) implements JType {
    }

    /** rpcgen {@code char x[len]} / {@code char x<max>}: one int per byte on the wire. */
    record Chars(boolean fixed, String size) implements JType {
    }

    /** A struct, union or enum. */
    record Named(String cname, String javaName) implements JType {
    }

    /** {@code T *x}. */
    record Opt(JType inner) implements JType {
    }

    /** {@code T x[len]} or {@code T x<max>}. */
    record Arr(JType element, boolean fixed, String size) implements JType {
    }

    private static final Map<String, Prim> PRIMS = prims();

    final List<Source> sources;
    final Map<String, Definition> types = new LinkedHashMap<>();
    final Map<String, String> typeFile = new LinkedHashMap<>();
    /** Constant name → [file or null for header constants, numeric value]. */
    final Map<String, Long> constValues = new LinkedHashMap<>();
    final Map<String, String> constClass = new LinkedHashMap<>();
    /** Enum member name → its enum. */
    final Map<String, EnumDef> memberEnum = new LinkedHashMap<>();
    final Map<String, Long> memberValue = new LinkedHashMap<>();

    XdrModel(List<Source> sources) {
        this.sources = List.copyOf(sources);
        HEADER_CONSTANTS.forEach((k, v) -> {
            constValues.put(k, v);
            constClass.put(k, HEADER_CLASS);
        });
        for (Source s : sources) {
            for (Definition d : s.definitions()) {
                if (d instanceof ConstDef c) {
                    if (constClass.containsKey(c.name()) && !HEADER_CLASS.equals(constClass.get(c.name()))) {
                        throw new XdrParseException(s.file() + ": constant " + c.name() + " defined twice");
                    }
                    constValues.put(c.name(), number(c.value(), s.file()));
                    constClass.put(c.name(), XdrNaming.constantsClass(s.file()));
                } else {
                    if (types.containsKey(d.name())) {
                        throw new XdrParseException(s.file() + ": type " + d.name() + " defined twice");
                    }
                    types.put(d.name(), d);
                    typeFile.put(d.name(), s.file());
                    if (d instanceof EnumDef e) {
                        for (EnumMember m : e.members()) {
                            if (memberEnum.containsKey(m.name()) || constValues.containsKey(m.name())) {
                                throw new XdrParseException(s.file() + ": enum member " + m.name() + " defined twice");
                            }
                            memberEnum.put(m.name(), e);
                            memberValue.put(m.name(), number(m.value(), s.file()));
                        }
                    }
                }
            }
        }
        // Header constants nobody uses are still emitted: they document the wire format.
        checkJavaNames();
    }

    /** Every struct, union and enum gets a class; their names must be unique and not shadow java.lang. */
    private void checkJavaNames() {
        Map<String, String> seen = new LinkedHashMap<>();
        for (Definition d : types.values()) {
            if (d instanceof TypedefDef) {
                continue;
            }
            String j = XdrNaming.typeName(d.name());
            if (XdrNaming.RESERVED_TYPE_NAMES.contains(j)) {
                throw new XdrParseException(d.name() + " would become " + j + ", which shadows a name the generated"
                        + " code uses");
            }
            String prev = seen.put(j, d.name());
            if (prev != null) {
                throw new XdrParseException(prev + " and " + d.name() + " both become " + j);
            }
        }
        for (Source s : sources) {
            String j = XdrNaming.constantsClass(s.file());
            if (seen.containsKey(j) || j.equals(HEADER_CLASS)) {
                throw new XdrParseException("the constants class " + j + " of " + s.file() + " clashes with a type");
            }
        }
    }

    /** Numeric value of a number literal, constant or enum member. */
    long number(String value, String where) {
        char c = value.charAt(0);
        if (Character.isDigit(c) || c == '-') {
            return Long.decode(value);
        }
        Long v = constValues.get(value);
        if (v == null) {
            v = memberValue.get(value);
        }
        if (v == null) {
            throw new XdrParseException(where + ": unknown constant " + value);
        }
        return v;
    }

    /** A Java constant expression for a size or case label: a literal or {@code Class.NAME}. */
    String sizeExpr(String value, String where) {
        if (value == null) {
            return "XdrReader.UNBOUNDED";
        }
        char c = value.charAt(0);
        if (Character.isDigit(c) || c == '-') {
            long v = Long.decode(value);
            if (v < 0 || v > Integer.MAX_VALUE) {
                throw new XdrParseException(where + ": size " + value + " is outside 0.." + Integer.MAX_VALUE);
            }
            return Long.toString(v);
        }
        String cls = constClass.get(value);
        if (cls == null) {
            throw new XdrParseException(where + ": size " + value + " is not a constant");
        }
        long v = constValues.get(value);
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw new XdrParseException(where + ": size " + value + " = " + v + " is outside 0.." + Integer.MAX_VALUE);
        }
        return cls + "." + value;
    }

    /** Resolves a declaration (typedefs included) to its Java shape. */
    JType resolve(Decl d, String where) {
        return resolve(d, where, 0);
    }

    private JType resolve(Decl d, String where, int depth) {
        if (depth > 32) {
            throw new XdrParseException(where + ": typedef cycle through " + d.type());
        }
        String t = d.type();
        switch (d.shape()) {
            case VOID -> throw new XdrParseException(where + ": void has no Java type");
            case PLAIN -> {
                return base(t, where, depth);
            }
            case OPTIONAL -> {
                JType inner = base(t, where, depth);
                if (inner instanceof Opt) {
                    throw new XdrParseException(where + ": optional of an optional is not supported");
                }
                return new Opt(inner);
            }
            case FIXED, VARIABLE -> {
                boolean fixed = d.shape() == XdrAst.Shape.FIXED;
                String size = sizeExpr(d.size(), where);
                if (t.equals("string")) {
                    if (fixed) {
                        throw new XdrParseException(where + ": string needs <N>, not [N]");
                    }
                    return new Str(size);
                }
                if (t.equals("opaque")) {
                    return new Opaque(fixed, size);
                }
                if (t.equals("char")) {
                    return new Chars(fixed, size);
                }
                if (t.equals("unsigned char")) {
                    throw new XdrParseException(where + ": unsigned char arrays are not supported");
                }
                return new Arr(base(t, where, depth), fixed, size);
            }
            default -> throw new IllegalStateException(d.shape().toString());
        }
    }

    private JType base(String t, String where, int depth) {
        Prim p = PRIMS.get(t);
        if (p != null) {
            return p;
        }
        if (t.equals("string") || t.equals("opaque")) {
            throw new XdrParseException(where + ": " + t + " needs a size");
        }
        if (t.equals("quadruple")) {
            throw new XdrParseException(where + ": quadruple is not supported");
        }
        Definition def = types.get(t);
        if (def == null) {
            throw new XdrParseException(where + ": unknown type " + t);
        }
        if (def instanceof TypedefDef td) {
            return resolve(td.decl(), where + " (typedef " + td.name() + ")", depth + 1);
        }
        return new Named(t, XdrNaming.typeName(t));
    }

    /** The Java type of a shape; {@code boxed} for generic arguments and nullable slots. */
    static String javaType(JType t, boolean boxed) {
        if (t instanceof Prim p) {
            return boxed ? p.boxed() : p.java();
        } else if (t instanceof Str) {
            return "String";
        } else if (t instanceof Opaque || t instanceof Chars) {
            return "byte[]";
        } else if (t instanceof Named n) {
            return n.javaName();
        } else if (t instanceof Opt o) {
            return javaType(o.inner(), true);
        } else if (t instanceof Arr a) {
            return "java.util.List<" + javaType(a.element(), true) + ">";
        }
        throw new IllegalStateException(t.toString());
    }

    /** Whether a non-optional slot of this shape holds a reference (which must not be null). */
    static boolean isReference(JType t) {
        return !(t instanceof Prim) && !(t instanceof Opt);
    }

    List<StructDef> structs() {
        return byKind(StructDef.class);
    }

    List<UnionDef> unions() {
        return byKind(UnionDef.class);
    }

    List<EnumDef> enums() {
        return byKind(EnumDef.class);
    }

    List<TypedefDef> typedefs() {
        return byKind(TypedefDef.class);
    }

    private <T extends Definition> List<T> byKind(Class<T> kind) {
        List<T> out = new ArrayList<>();
        for (Definition d : types.values()) {
            if (kind.isInstance(d)) {
                out.add(kind.cast(d));
            }
        }
        return out;
    }

    private static Map<String, Prim> prims() {
        Map<String, Prim> m = new LinkedHashMap<>();
        m.put("int", new Prim("int", "int", "Integer", "writeInt", "readInt"));
        m.put("unsigned int", new Prim("unsigned int", "int", "Integer", "writeUnsignedInt", "readUnsignedInt"));
        m.put("hyper", new Prim("hyper", "long", "Long", "writeHyper", "readHyper"));
        m.put("unsigned hyper", new Prim("unsigned hyper", "long", "Long", "writeUnsignedHyper", "readUnsignedHyper"));
        m.put("bool", new Prim("bool", "boolean", "Boolean", "writeBoolean", "readBoolean"));
        m.put("float", new Prim("float", "float", "Float", "writeFloat", "readFloat"));
        m.put("double", new Prim("double", "double", "Double", "writeDouble", "readDouble"));
        m.put("char", new Prim("char", "byte", "Byte", "writeChar", "readChar"));
        m.put("unsigned char", new Prim("unsigned char", "int", "Integer", "writeUnsignedChar", "readUnsignedChar"));
        m.put("short", new Prim("short", "short", "Short", "writeShort", "readShort"));
        m.put("unsigned short", new Prim("unsigned short", "int", "Integer", "writeUnsignedShort",
                "readUnsignedShort"));
        return Map.copyOf(m);
    }

    private static Map<String, Long> headerConstants() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("VIR_UUID_BUFLEN", 16L);
        m.put("VIR_SECURITY_MODEL_BUFLEN", 257L);
        m.put("VIR_SECURITY_LABEL_BUFLEN", 4097L);
        m.put("VIR_SECURITY_DOI_BUFLEN", 257L);
        m.put("VIR_TYPED_PARAM_INT", 1L);
        m.put("VIR_TYPED_PARAM_UINT", 2L);
        m.put("VIR_TYPED_PARAM_LLONG", 3L);
        m.put("VIR_TYPED_PARAM_ULLONG", 4L);
        m.put("VIR_TYPED_PARAM_DOUBLE", 5L);
        m.put("VIR_TYPED_PARAM_BOOLEAN", 6L);
        m.put("VIR_TYPED_PARAM_STRING", 7L);
        return java.util.Collections.unmodifiableMap(m);
    }
}

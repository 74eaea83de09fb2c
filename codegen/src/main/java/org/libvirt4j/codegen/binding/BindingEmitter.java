package org.libvirt4j.codegen.binding;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.libvirt4j.codegen.binding.Binding.Kind;
import org.libvirt4j.codegen.binding.Binding.Param;
import org.libvirt4j.codegen.binding.Binding.Ret;
import org.libvirt4j.codegen.binding.Binding.Type;

/** Renders the Java sources of the bindings: API, contract, function table, JNI and remote dispatch. */
final class BindingEmitter {
    static final String API_DIR = "api/src/generated/java/org/libvirt4j/";
    static final String SPI_DIR = "api/src/generated/java/org/libvirt4j/spi/generated/";

    private BindingEmitter() {
    }

    static Map<String, String> emit(List<Binding> bindings) {
        Map<Kind, List<Binding>> byKind = new EnumMap<>(Kind.class);
        for (Binding b : bindings) {
            if (!b.hidden()) {
                byKind.computeIfAbsent(b.self(), k -> new ArrayList<>()).add(b);
            }
        }
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<Kind, List<Binding>> e : byKind.entrySet()) {
            out.put(API_DIR + e.getKey().api + "Methods.java", api(e.getKey(), e.getValue()));
            out.put(SPI_DIR + e.getKey().api + "Contract.java", contract(e.getKey(), e.getValue()));
        }
        out.put(SPI_DIR + "Fn.java", fn(bindings));
        out.put("backend-jni/src/generated/java/org/libvirt4j/jni/JniCalls.java", jni(bindings));
        out.put("backend-remote/src/generated/java/org/libvirt4j/remote/internal/RemoteCalls.java", remote(bindings));
        return out;
    }

    static String link(Binding b) {
        return "<a href=\"https://libvirt.org/html/libvirt-" + b.file() + ".html#" + b.cName() + "\">" + b.cName()
                + "</a>";
    }

    private static String javaReturn(Binding b) {
        return b.ret() == Ret.HANDLE ? b.returnKind().api : b.ret().java;
    }

    private static String returnDoc(Binding b) {
        return switch (b.ret()) {
            case STATUS -> null;
            case INT, OUT_INT, OUT_LONG -> "the value libvirt reports";
            case BOOL, OUT_BOOL -> "{@code true} if it holds, {@code false} if not";
            case STRING -> "the text libvirt returns";
            case HANDLE -> "a new handle, which the caller closes";
        };
    }

    private static String paramDoc(Param p, boolean enumForm) {
        if (p.flagsEnum() != null && enumForm) {
            return "{@link " + p.flagsEnum() + "} values to OR together; none gives 0";
        }
        if (p.flagsEnum() != null) {
            return "a bitwise OR of {@link " + p.flagsEnum() + "} values; bits newer than this binding are passed"
                    + " as they are";
        }
        String d = "C's {@code " + p.cType() + " " + p.cName() + "}";
        if (p.type() == Type.STRING) {
            d += p.nullable() ? ", or {@code null}" : ", not {@code null}";
        }
        return d;
    }

    private static String params(Binding b, boolean enumForm) {
        List<String> ps = new ArrayList<>();
        for (Param p : b.params()) {
            if (enumForm && p.flagsEnum() != null) {
                ps.add(p.flagsEnum() + "... " + p.javaName());
            } else {
                ps.add(p.type().java + " " + p.javaName());
            }
        }
        return String.join(", ", ps);
    }

    private static boolean hasEnumFlags(Binding b) {
        return b.params().stream().anyMatch(p -> p.flagsEnum() != null);
    }

    // ---- the public API -------------------------------------------------------------------------

    private static String api(Kind kind, List<Binding> list) {
        StringBuilder s = new StringBuilder();
        s.append("// ").append(BindingGenerator.HEADER).append("\npackage org.libvirt4j;\n\n");
        s.append("/**\n * The methods of {@link ").append(kind.api).append("} that stand each for one libvirt function of a")
                .append(" regular shape,\n * generated from one table entry each.\n *\n * <p>Every method throws")
                .append(" {@link LibvirtException} with libvirt's error on failure, and the\n * invalid-object error once")
                .append(" the handle is closed. A {@code flags} argument comes in two forms: the\n * enum constants, and")
                .append(" the raw {@code int} mask, which passes bits newer than this binding.\n */\n");
        s.append("public interface ").append(kind.api).append("Methods {\n");
        for (Binding b : list) {
            s.append('\n');
            doc(s, b, false);
            s.append("    ").append(javaReturn(b)).append(' ').append(b.javaName()).append('(').append(params(b, false))
                    .append(");\n");
            if (hasEnumFlags(b)) {
                s.append('\n');
                doc(s, b, true);
                s.append("    default ").append(javaReturn(b)).append(' ').append(b.javaName()).append('(')
                        .append(params(b, true)).append(") {\n        ");
                if (b.ret() != Ret.STATUS) {
                    s.append("return ");
                }
                s.append(b.javaName()).append('(');
                List<String> as = new ArrayList<>();
                for (Param p : b.params()) {
                    as.add(p.flagsEnum() != null ? "LibvirtEnum.mask(" + p.javaName() + ")" : p.javaName());
                }
                s.append(String.join(", ", as)).append(");\n    }\n");
            }
        }
        s.append("}\n");
        return s.toString();
    }

    private static void doc(StringBuilder s, Binding b, boolean enumForm) {
        s.append("    /**\n     * ").append(b.summary()).append('\n');
        if (enumForm) {
            s.append("     *\n     * <p>The same call with the flags as enum constants.\n");
        }
        s.append("     *\n");
        for (Param p : b.params()) {
            s.append("     * @param ").append(p.javaName()).append(' ').append(paramDoc(p, enumForm)).append('\n');
        }
        String rd = returnDoc(b);
        if (rd != null) {
            s.append("     * @return ").append(rd).append('\n');
        }
        s.append("     * @throws LibvirtException libvirt's error when the call fails\n");
        if (b.params().stream().anyMatch(p -> p.type() == Type.STRING && !p.nullable())) {
            s.append("     * @throws NullPointerException for a {@code null} where C takes no {@code NULL}\n");
        }
        s.append("     * @see ").append(link(b)).append('\n');
        s.append("     */\n");
    }

    // ---- the contract ---------------------------------------------------------------------------

    private static String contract(Kind kind, List<Binding> list) {
        StringBuilder s = new StringBuilder();
        s.append("// ").append(BindingGenerator.HEADER).append("\npackage org.libvirt4j.spi.generated;\n\n");
        TreeSet<String> imports = new TreeSet<>();
        imports.add("org.libvirt4j." + kind.api + "Methods");
        imports.add("org.libvirt4j.spi.Invocable");
        for (Binding b : list) {
            if (b.ret() == Ret.HANDLE) {
                imports.add("org.libvirt4j." + b.returnKind().api);
            }
            if (b.params().stream().anyMatch(p -> p.type() == Type.STRING)) {
                imports.add("org.libvirt4j.spi.CStrings");
            }
        }
        for (String i : imports) {
            s.append("import ").append(i).append(";\n");
        }
        s.append("\n/**\n * The backend contract of {@link ").append(kind.api).append("Methods}, written once: each")
                .append(" method checks its\n * arguments as every backend must ({@code null}, NUL characters) and")
                .append(" hands the call to\n * {@link #invoke}, the one operation a backend implements.\n */\n");
        s.append("public interface ").append(kind.api).append("Contract extends ").append(kind.api)
                .append("Methods, Invocable {\n");
        for (Binding b : list) {
            s.append("\n    @Override\n    default ").append(javaReturn(b)).append(' ').append(b.javaName()).append('(')
                    .append(params(b, false)).append(") {\n");
            List<String> as = new ArrayList<>();
            for (Param p : b.params()) {
                if (p.type() == Type.STRING) {
                    if (p.nullable()) {
                        s.append("        CStrings.requireNoNul(").append(p.javaName()).append(");\n");
                    } else {
                        s.append("        CStrings.requireNoNul(java.util.Objects.requireNonNull(").append(p.javaName())
                                .append(", \"").append(p.javaName()).append("\"));\n");
                    }
                }
                as.add(p.type() == Type.BOOL ? "(" + p.javaName() + " ? 1 : 0)" : p.javaName());
            }
            if (b.fold() != null) {
                String flags = b.params().get(b.params().size() - 1).javaName();
                List<String> plain = new ArrayList<>(as.subList(0, as.size() - 1));
                plain.add(0, "Fn." + b.fold());
                s.append("        if (").append(flags).append(" == 0) {\n    ");
                result(s, b, "invoke(" + String.join(", ", plain) + ")");
                if (b.ret() == Ret.STATUS) {
                    s.append("            return;\n");
                }
                s.append("        }\n");
            }
            as.add(0, "Fn." + b.cName());
            result(s, b, "invoke(" + String.join(", ", as) + ")");
            s.append("    }\n");
        }
        s.append("}\n");
        return s.toString();
    }

    private static void result(StringBuilder s, Binding b, String call) {
        switch (b.ret()) {
            case STATUS -> s.append("        ").append(call).append(";\n");
            case INT, OUT_INT -> s.append("        return (Integer) ").append(call).append(";\n");
            case OUT_LONG -> s.append("        return (Long) ").append(call).append(";\n");
            case BOOL, OUT_BOOL -> s.append("        return (Integer) ").append(call).append(" != 0;\n");
            case STRING -> s.append("        return (String) ").append(call).append(";\n");
            case HANDLE -> s.append("        return (").append(b.returnKind().api).append(") ").append(call).append(";\n");
        }
    }

    // ---- the function table ---------------------------------------------------------------------

    private static String fn(List<Binding> list) {
        StringBuilder s = new StringBuilder();
        s.append("// ").append(BindingGenerator.HEADER).append("\npackage org.libvirt4j.spi.generated;\n\n");
        s.append("import org.libvirt4j.spi.ObjectKind;\n\n");
        s.append("/**\n * The generated functions, each with what a backend needs to call it generically: the object")
                .append(" it is\n * called on, its C arguments as a signature, and the shape of its result.\n *\n")
                .append(" * <p>Signature letters, one per C argument: {@code P} the object, {@code I} a 32-bit integer,\n")
                .append(" * {@code J} a 64-bit integer, {@code S} a string (UTF-8, possibly {@code NULL}), {@code i} and\n")
                .append(" * {@code j} a 32- and 64-bit out-parameter. Result letters: {@code V} a status, {@code I} an\n")
                .append(" * {@code int} value, {@code Z} a 0/1 answer, {@code S} a string the caller frees, {@code H} an\n")
                .append(" * object pointer, {@code i}/{@code j} the out-parameter's value.\n */\n");
        s.append("public enum Fn {\n");
        for (int i = 0; i < list.size(); i++) {
            Binding b = list.get(i);
            s.append("    /** {@code ").append(b.cName()).append("}. */\n    ").append(b.cName()).append("(ObjectKind.")
                    .append(b.self().name()).append(", \"").append(b.signature()).append("\", '").append(b.ret().code)
                    .append("', ").append(b.returnKind() == null ? "null" : "ObjectKind." + b.returnKind().name())
                    .append(')').append(i == list.size() - 1 ? ";" : ",").append("\n\n");
        }
        s.append("    private final ObjectKind self;\n    private final String signature;\n")
                .append("    private final char result;\n    private final ObjectKind resultKind;\n\n");
        s.append("    Fn(ObjectKind self, String signature, char result, ObjectKind resultKind) {\n")
                .append("        this.self = self;\n        this.signature = signature;\n")
                .append("        this.result = result;\n        this.resultKind = resultKind;\n    }\n\n");
        s.append("    /**\n     * {@return the kind of object the function is called on}\n     */\n")
                .append("    public ObjectKind self() {\n        return self;\n    }\n\n");
        s.append("    /**\n     * {@return the C arguments, one letter each}\n     */\n")
                .append("    public String signature() {\n        return signature;\n    }\n\n");
        s.append("    /**\n     * {@return the result's letter}\n     */\n")
                .append("    public char result() {\n        return result;\n    }\n\n");
        s.append("    /**\n     * {@return the kind of a returned object, or {@code null}}\n     */\n")
                .append("    public ObjectKind resultKind() {\n        return resultKind;\n    }\n}\n");
        return s.toString();
    }

    // ---- JNI --------------------------------------------------------------------------------

    private static String jni(List<Binding> list) {
        StringBuilder s = new StringBuilder();
        s.append("// ").append(BindingGenerator.HEADER).append("\npackage org.libvirt4j.jni;\n\n");
        s.append("import org.libvirt4j.spi.generated.Fn;\n\n");
        s.append("/** The generated functions over {@link LibvirtNatives}: unboxes the arguments, boxes the result. */\n");
        s.append("final class JniCalls {\n    private JniCalls() {\n    }\n\n");
        s.append("    /**\n     * Calls one function.\n     *\n     * @param fn the function\n")
                .append("     * @param self the object's pointer\n     * @param a the arguments after the object\n")
                .append("     * @return the result, boxed; a pointer for an object, {@code null} for a status\n     */\n");
        s.append("    static Object invoke(Fn fn, long self, Object[] a) {\n        switch (fn) {\n");
        for (Binding b : list) {
            List<String> as = new ArrayList<>();
            as.add("self");
            for (int i = 0; i < b.params().size(); i++) {
                as.add("(" + b.params().get(i).type().boxed + ") a[" + i + "]");
            }
            String call = "LibvirtNatives." + b.cName() + "(" + String.join(", ", as) + ")";
            s.append("            case ").append(b.cName()).append(":\n");
            if (b.ret() == Ret.STATUS) {
                s.append("                ").append(call).append(";\n                return null;\n");
            } else {
                s.append("                return ").append(call).append(";\n");
            }
        }
        s.append("            default:\n                throw new IllegalArgumentException(fn.name());\n");
        s.append("        }\n    }\n}\n");
        return s.toString();
    }

    // ---- remote -----------------------------------------------------------------------------

    private static String remote(List<Binding> list) {
        StringBuilder s = new StringBuilder();
        s.append("// ").append(BindingGenerator.HEADER).append("\npackage org.libvirt4j.remote.internal;\n\n");
        TreeSet<String> imports = new TreeSet<>();
        imports.add("org.libvirt4j.spi.generated.Fn");
        imports.add("org.libvirt4j.remote.generated.RemoteProcedure");
        for (Binding b : list) {
            if (b.remote().argsType() != null) {
                imports.add("org.libvirt4j.remote.generated." + b.remote().argsType());
            }
            if (b.remote().retType() != null) {
                imports.add("org.libvirt4j.remote.generated." + b.remote().retType());
            }
            if (b.self().xdrRef != null) {
                imports.add("org.libvirt4j.remote.generated." + Xdr.refType(b.self()));
            }
        }
        for (String i : imports) {
            s.append("import ").append(i).append(";\n");
        }
        s.append("\n/**\n * The generated functions as procedures: builds each one's argument record, sends it and")
                .append(" takes the\n * result out of the reply record.\n */\n");
        s.append("final class RemoteCalls {\n    private RemoteCalls() {\n    }\n\n");
        s.append("    /**\n     * Calls one function.\n     *\n     * @param session the connection\n     * @param fn the function\n")
                .append("     * @param self the object's wire reference, {@code null} for the connection\n")
                .append("     * @param a the arguments after the object\n")
                .append("     * @return the result, boxed; a wire reference for an object, {@code null} for a status\n")
                .append("     */\n");
        s.append("    static Object invoke(Session session, Fn fn, Object self, Object[] a) {\n        switch (fn) {\n");
        for (Binding b : list) {
            List<String> as = new ArrayList<>();
            if (b.remote().selfByName()) {
                as.add("((" + Xdr.refType(b.self()) + ") self).name()");
            } else if (b.self().xdrRef != null) {
                as.add("(" + Xdr.refType(b.self()) + ") self");
            }
            for (int i = 0; i < b.params().size(); i++) {
                as.add("(" + b.params().get(i).type().boxed + ") a[" + i + "]");
            }
            String args = b.remote().argsType() == null ? "w -> { }"
                    : "new " + b.remote().argsType() + "(" + String.join(", ", as) + ")::encode";
            String ret = b.remote().retType() == null ? "null" : b.remote().retType() + "::decode";
            String call = "session.call(RemoteProcedure." + b.remote().procedure() + ", " + args + ", " + ret + ")";
            s.append("            case ").append(b.cName()).append(":\n");
            if (b.ret() == Ret.STATUS) {
                s.append("                ").append(call).append(";\n                return null;\n");
            } else {
                s.append("                return ").append(call).append('.').append(b.remote().retComponent())
                        .append("();\n");
            }
        }
        s.append("            default:\n                throw new IllegalArgumentException(fn.name());\n");
        s.append("        }\n    }\n}\n");
        return s.toString();
    }

    /** XDR names of object references. */
    static final class Xdr {
        private Xdr() {
        }

        static String refType(Kind k) {
            return org.libvirt4j.codegen.xdr.XdrFacts.javaType(k.xdrRef);
        }
    }
}

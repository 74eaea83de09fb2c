package org.libvirt4j.codegen.xdr;

import java.util.Locale;
import java.util.Set;

/** Turns XDR (C) names into Java names. */
final class XdrNaming {

    /** Java keywords and literals: a field with such a name gets a trailing underscore. */
    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "true", "false", "null", "_", "var", "yield", "record", "sealed",
            "permits", "non-sealed");

    /** Names a record component may not have (they clash with Object's methods). */
    private static final Set<String> OBJECT_METHODS = Set.of("clone", "finalize", "getClass", "hashCode", "notify",
            "notifyAll", "toString", "wait", "equals");

    /**
     * java.lang types that generated code refers to by simple name: a generated type of the same
     * name would shadow them, so the generator refuses it.
     */
    static final Set<String> RESERVED_TYPE_NAMES = Set.of("Object", "String", "Integer", "Long", "Short", "Byte",
            "Boolean", "Float", "Double", "Class", "Override", "Math", "Record", "Enum", "Deprecated",
            "SuppressWarnings", "Exception", "RuntimeException", "Character", "Number", "System", "Void",
            "XdrReader", "XdrWriter", "XdrException", "XdrEncodable");

    private XdrNaming() {
    }

    /**
     * {@code remote_domain_get_info_args} → {@code RemoteDomainGetInfoArgs},
     * {@code virNetMessageHeader} → {@code VirNetMessageHeader}: split at underscores, upper-case the
     * first letter of each part, keep the rest as written.
     */
    static String typeName(String cname) {
        StringBuilder out = new StringBuilder();
        for (String part : cname.split("_")) {
            if (part.isEmpty()) {
                continue;
            }
            out.append(Character.toUpperCase(part.charAt(0))).append(part, 1, part.length());
        }
        if (out.length() == 0 || !Character.isJavaIdentifierStart(out.charAt(0))) {
            out.insert(0, 'X');
        }
        return out.toString();
    }

    /**
     * {@code max_vcpus} → {@code maxVcpus}, {@code maxMem} stays, {@code native} →
     * {@code native_}, {@code hashCode} → {@code hashCode_}.
     */
    static String fieldName(String cname) {
        String camel = typeName(cname);
        String name = Character.toLowerCase(camel.charAt(0)) + camel.substring(1);
        if (KEYWORDS.contains(name) || OBJECT_METHODS.contains(name)) {
            return name + "_";
        }
        return name;
    }

    /** {@code remote_protocol.x} → {@code RemoteProtocol}, {@code virnetprotocol.x} → {@code VirNetProtocol}. */
    static String constantsClass(String file) {
        String base = file.endsWith(".x") ? file.substring(0, file.length() - 2) : file;
        return switch (base.toLowerCase(Locale.ROOT)) {
            case "virnetprotocol" -> "VirNetProtocol";
            case "virkeepaliveprotocol" -> "VirKeepaliveProtocol";
            default -> typeName(base);
        };
    }
}

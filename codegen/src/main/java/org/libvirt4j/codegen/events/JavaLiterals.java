package org.libvirt4j.codegen.events;

/** Java string literals for generated code. */
final class JavaLiterals {
    private JavaLiterals() {
    }

    static String literal(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}

package org.libvirt4j.codegen.api;

import java.util.ArrayList;
import java.util.List;

/** Escaping and wrapping of text put into generated Java sources. */
final class JavaText {

    /** Longest line a wrapped Javadoc paragraph is allowed, indentation included, if its words allow. */
    static final int LINE_WIDTH = 100;

    private JavaText() {
    }

    /**
     * Makes free text from the XML safe inside a Javadoc comment: collapses white space, escapes
     * the HTML specials {@code & < >}, {@code @} (no accidental block tags or inline tags),
     * {@code \} (no unicode escapes, which javac expands even in comments) and everything
     * outside printable ASCII as numeric character references; {@code *}{@code /} cannot
     * survive, as its slash becomes {@code &#47;}.
     */
    static String doc(String text) {
        String collapsed = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        StringBuilder out = new StringBuilder(collapsed.length());
        for (int i = 0; i < collapsed.length(); ) {
            int cp = collapsed.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '@' -> out.append("&#64;");
                case '\\' -> out.append("&#92;");
                case '/' -> out.append(out.length() > 0 && out.charAt(out.length() - 1) == '*' ? "&#47;" : "/");
                default -> {
                    if (cp >= 0x20 && cp < 0x7f) {
                        out.append((char) cp);
                    } else if (cp > 0x7f && Character.isDefined(cp) && !Character.isISOControl(cp)) {
                        out.append("&#").append(cp).append(';');
                    }
                    // control characters are dropped
                }
            }
        }
        return out.toString();
    }

    /**
     * Wraps a paragraph into Javadoc lines: each starts with {@code indent + " * "}, breaks at
     * spaces, ends without trailing blanks and with {@code \n}.
     */
    static String wrap(String indent, String paragraph) {
        String prefix = indent + " * ";
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder();
        for (String word : words(paragraph)) {
            if (line.length() > 0 && prefix.length() + line.length() + 1 + word.length() > LINE_WIDTH) {
                out.append(prefix).append(line).append('\n');
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            out.append(prefix).append(line).append('\n');
        }
        return out.toString();
    }

    /** Splits at spaces, but not inside inline tags such as {@code {@link #value()}}. */
    private static List<String> words(String paragraph) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < paragraph.length(); i++) {
            char c = paragraph.charAt(i);
            if (c == ' ' && depth == 0) {
                if (word.length() > 0) {
                    words.add(word.toString());
                    word.setLength(0);
                }
                continue;
            }
            if (c == '{' && i + 1 < paragraph.length() && paragraph.charAt(i + 1) == '@') {
                depth++;
            } else if (c == '}' && depth > 0) {
                depth--;
            }
            word.append(c);
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }

    /**
     * Builds a Javadoc comment from paragraphs (already escaped; empty ones are skipped) and
     * block tags such as {@code @since libvirt 1.0.0} (empty ones are skipped).
     */
    static String javadoc(String indent, List<String> paragraphs, List<String> tags) {
        List<String> parts = new ArrayList<>();
        boolean first = true;
        for (String p : paragraphs) {
            if (p.isEmpty()) {
                continue;
            }
            parts.add(wrap(indent, first ? p : "<p>" + p));
            first = false;
        }
        StringBuilder tagLines = new StringBuilder();
        for (String t : tags) {
            if (!t.isEmpty()) {
                tagLines.append(wrap(indent, t));
            }
        }
        if (tagLines.length() > 0) {
            parts.add(tagLines.toString());
        }
        return indent + "/**\n" + String.join(indent + " *\n", parts) + indent + " */\n";
    }

    /** Returns a Java string literal for {@code s}, quotes included. */
    static String literal(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c >= 0x20 && c < 0x7f) {
                        out.append(c);
                    } else {
                        out.append(String.format("\\u%04x", (int) c));
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}

package org.libvirt4j.codegen.xdr;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits rpcgen source into tokens. Comments ({@code /* *}{@code /}, {@code //}) and pass-through
 * lines (starting with {@code %}) are dropped, but each token remembers the last block comment
 * before it, which is where libvirt puts its procedure annotations.
 */
final class XdrLexer {

    /** Token kinds. */
    enum Kind { IDENT, NUMBER, PUNCT, EOF }

    /** A token with its line and the block comment that precedes it (or null). */
    record Token(Kind kind, String text, int line, String comment) {
        boolean is(String s) {
            return kind != Kind.EOF && text.equals(s);
        }
    }

    private static final String PUNCT = "{}()[]<>;:,=*";

    private XdrLexer() {
    }

    static List<Token> tokenize(String file, String src) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int line = 1;
        boolean lineStart = true;
        String comment = null;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (c == '\n') {
                line++;
                i++;
                lineStart = true;
                continue;
            }
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (lineStart && c == '%') {
                while (i < n && src.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            lineStart = false;
            if (c == '/' && i + 1 < n && src.charAt(i + 1) == '*') {
                int end = src.indexOf("*/", i + 2);
                if (end < 0) {
                    throw new XdrParseException(file, line, "unterminated comment");
                }
                String text = src.substring(i + 2, end);
                line += (int) text.chars().filter(ch -> ch == '\n').count();
                comment = text;
                i = end + 2;
                continue;
            }
            if (c == '/' && i + 1 < n && src.charAt(i + 1) == '/') {
                while (i < n && src.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(src.charAt(i)) || src.charAt(i) == '_')) {
                    i++;
                }
                out.add(new Token(Kind.IDENT, src.substring(start, i), line, comment));
                comment = null;
                continue;
            }
            if (Character.isDigit(c) || (c == '-' && i + 1 < n && Character.isDigit(src.charAt(i + 1)))) {
                int start = i;
                i++;
                while (i < n && (Character.isLetterOrDigit(src.charAt(i)))) {
                    i++;
                }
                String text = src.substring(start, i);
                try {
                    Long.decode(text);
                } catch (NumberFormatException e) {
                    throw new XdrParseException(file, line, "bad number '" + text + "'");
                }
                out.add(new Token(Kind.NUMBER, text, line, comment));
                comment = null;
                continue;
            }
            if (PUNCT.indexOf(c) >= 0) {
                out.add(new Token(Kind.PUNCT, String.valueOf(c), line, comment));
                comment = null;
                i++;
                continue;
            }
            throw new XdrParseException(file, line, "unexpected character '" + c + "'");
        }
        out.add(new Token(Kind.EOF, "<end of file>", line, comment));
        return out;
    }
}

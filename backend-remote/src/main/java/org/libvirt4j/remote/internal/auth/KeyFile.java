package org.libvirt4j.remote.internal.auth;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The part of GLib's {@code GKeyFile} format libvirt's auth file is read with: {@code [group]}
 * lines, {@code key=value} lines and {@code #} comments. Where GLib refuses a file (a key before
 * any group, a line that is none of these, a bad group name, bytes that are not UTF-8) this
 * refuses it too, since libvirt then ignores the whole file's contents in the same way.
 */
final class KeyFile {
    /** Thrown for a file GLib would not load. */
    static final class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedException(String message) {
            super(message);
        }
    }

    private final Map<String, Map<String, String>> groups;

    private KeyFile(Map<String, Map<String, String>> groups) {
        this.groups = groups;
    }

    /**
     * @param bytes the file's contents
     * @return the parsed file: a repeated group adds to the first, a repeated key's last value wins
     * @throws MalformedException where GLib's parser fails
     */
    static KeyFile parse(byte[] bytes) throws MalformedException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedException("not UTF-8");
        }
        Map<String, Map<String, String>> groups = new HashMap<>();
        Map<String, String> current = null;
        for (String raw : text.split("\n", -1)) {
            String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
            String trimmed = chug(line);
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (trimmed.startsWith("[")) {
                String name = groupName(trimmed);
                current = groups.computeIfAbsent(name, n -> new HashMap<>());
                continue;
            }
            int eq = trimmed.indexOf('=');
            if (eq < 0) {
                throw new MalformedException("not a key-value pair, group, or comment: " + trimmed);
            }
            if (current == null) {
                throw new MalformedException("does not start with a group");
            }
            String key = chomp(trimmed.substring(0, eq));
            if (key.isEmpty()) {
                throw new MalformedException("invalid key name: " + key);
            }
            current.put(key, chug(trimmed.substring(eq + 1)));
        }
        return new KeyFile(groups);
    }

    /** A group line is {@code [name]}: nothing after the bracket, no brackets or control characters inside. */
    private static String groupName(String line) throws MalformedException {
        String body = chomp(line);
        if (body.length() < 3 || !body.endsWith("]")) {
            throw new MalformedException("invalid group line: " + line);
        }
        String name = body.substring(1, body.length() - 1);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '[' || c == ']' || Character.isISOControl(c)) {
                throw new MalformedException("invalid group name: " + name);
            }
        }
        return name;
    }

    /**
     * @param group a group name
     * @return whether the file has it
     */
    boolean hasGroup(String group) {
        return groups.containsKey(group);
    }

    /**
     * GLib's {@code g_key_file_get_string} with no error asked for: the value with its escapes
     * ({@code \s \n \t \r \\}) resolved, or empty where there is no such key or the value holds an
     * invalid escape.
     *
     * @param group the group
     * @param key the key
     * @return the value
     */
    Optional<String> string(String group, String key) {
        Map<String, String> g = groups.get(group);
        String v = g == null ? null : g.get(key);
        return v == null ? Optional.empty() : unescape(v);
    }

    private static Optional<String> unescape(String v) {
        StringBuilder out = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i == v.length()) {
                return Optional.empty();
            }
            switch (v.charAt(i)) {
                case 's' -> out.append(' ');
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case '\\' -> out.append('\\');
                default -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(out.toString());
    }

    /** GLib's {@code g_strchug}: leading ASCII white space goes. */
    private static String chug(String s) {
        int i = 0;
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        return s.substring(i);
    }

    /** GLib's {@code g_strchomp}: trailing ASCII white space goes. */
    private static String chomp(String s) {
        int end = s.length();
        while (end > 0 && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b;
    }
}

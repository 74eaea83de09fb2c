package org.libvirt4j.codegen.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.libvirt4j.codegen.events.EventGenerator.Arg;
import org.libvirt4j.codegen.events.EventGenerator.Family;
import org.libvirt4j.codegen.events.EventGenerator.Kind;

/** The API's event records, callback interfaces and {@code ConnectEvents}. */
final class ApiEmitter {
    private static final Pattern HOLE = Pattern.compile("\\{([qdn]):([^}]+)}");

    private ApiEmitter() {
    }

    static String words(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2")
                .toLowerCase(Locale.ROOT);
    }

    static String record(Kind k) {
        StringBuilder s = new StringBuilder(EventGenerator.HEADER);
        s.append("package org.libvirt4j;\n\n");
        s.append("/**\n * What a {@code ").append(k.callbackType()).append("} receives: the fields of a ")
                .append(k.family().words).append(" ").append(words(k.name())).append(" event ({@code ")
                .append(k.constant()).append("}, Go's {@code ").append(k.record()).append("}).\n");
        if (!k.args().isEmpty()) {
            s.append(" *\n");
        }
        for (Arg a : k.args()) {
            s.append(" * @param ").append(a.component()).append(" ").append(paramDoc(a)).append("\n");
        }
        for (EventGenerator.View v : EventGenerator.views(k.record())) {
            s.append(" * @param ").append(v.component()).append(" ").append(v.doc()).append("\n");
        }
        s.append(" */\n");
        s.append("public record ").append(k.record()).append("(");
        List<String> comps = new ArrayList<>();
        for (Arg a : k.args()) {
            comps.add(a.javaType() + " " + a.component());
        }
        for (EventGenerator.View v : EventGenerator.views(k.record())) {
            comps.add(v.javaType() + " " + v.component());
        }
        s.append(String.join(", ", comps)).append(") {\n");
        boolean copies = k.args().stream().anyMatch(a -> a.letter() == 'P' || a.letter() == 'U');
        if (copies) {
            s.append("    /**\n     * Keeps unmodifiable copies of the collections.\n     *\n");
            for (Arg a : k.args()) {
                s.append("     * @param ").append(a.component()).append(" ").append(paramDoc(a)).append("\n");
            }
            for (EventGenerator.View v : EventGenerator.views(k.record())) {
                s.append("     * @param ").append(v.component()).append(" ").append(v.doc()).append("\n");
            }
            s.append("     */\n");
            s.append("    public ").append(k.record()).append(" {\n");
            for (Arg a : k.args()) {
                if (a.letter() == 'P') {
                    s.append("        ").append(a.component()).append(" = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(")
                            .append(a.component()).append("));\n");
                } else if (a.letter() == 'U') {
                    s.append("        ").append(a.component()).append(" = java.util.List.copyOf(").append(a.component())
                            .append(");\n");
                }
            }
            s.append("    }\n\n");
        }
        for (Arg a : k.args()) {
            if (a.enumType() != null) {
                s.append("    /** {@return the decoded ").append(words(a.name())).append(", {@code UNRECOGNIZED} for a number newer than this binding} */\n");
                s.append("    public ").append(a.enumType()).append(" ").append(a.name()).append("() {\n");
                s.append("        return ").append(a.enumType()).append(".fromValue(").append(a.component()).append(");\n");
                s.append("    }\n\n");
            }
        }
        s.append("    /** {@return the event as libvirt-go-module's {@code String()} writes it} */\n");
        s.append("    @Override\n    public String toString() {\n        return ").append(text(k)).append(";\n    }\n");
        s.append("}\n");
        return s.toString();
    }

    private static String paramDoc(Arg a) {
        return switch (a.letter()) {
            case 'P' -> "the typed parameters, field name to value ({@code Integer}, {@code Long}, {@code Double}, "
                    + "{@code Boolean} or {@code String}), in libvirt's order";
            case 'A' -> "C's {@code " + a.name() + "} address";
            case 'U' -> "the authenticated subject's identities";
            default -> "C's {@code " + a.cType() + " " + a.name() + "}"
                    + (a.enumType() != null ? ", raw (see {@link #" + a.name() + "()})" : "")
                    + (a.letter() == 'S' ? ", {@code null} where libvirt passes {@code NULL}" : "");
        };
    }

    /** The toString expression. */
    static String text(Kind k) {
        String t = EventGenerator.TEXT.get(k.record());
        if (t == null) {
            StringBuilder b = new StringBuilder(k.family().java + " " + words(k.name()));
            for (Arg a : k.args()) {
                b.append(' ').append(a.name()).append('=');
                b.append(switch (a.letter()) {
                    case 'S' -> "{q:" + a.component() + "}";
                    case 'I', 'J' -> "{d:" + a.component() + "}";
                    default -> "{n:" + a.component() + "}";
                });
            }
            t = b.toString();
        }
        List<String> parts = new ArrayList<>();
        Matcher m = HOLE.matcher(t);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                parts.add(org.libvirt4j.codegen.events.JavaLiterals.literal(t.substring(at, m.start())));
            }
            String e = m.group(2);
            parts.add(switch (m.group(1)) {
                case "q" -> "EventText.quote(" + e + ")";
                case "d" -> "String.valueOf(" + e + ")";
                default -> "String.valueOf(" + e + ")";
            });
            at = m.end();
        }
        if (at < t.length()) {
            parts.add(JavaLiterals.literal(t.substring(at)));
        }
        return String.join(" + ", parts);
    }

    static String objectType(Family f) {
        return f.java;
    }

    static String callback(Kind k) {
        Family f = k.family();
        return EventGenerator.HEADER + "package org.libvirt4j;\n\n"
                + "/**\n * Receives " + f.words + " " + words(k.name()) + " events ({@code " + k.callbackType()
                + "}, Go's {@code " + k.callbackInterface() + "}); registered with\n * {@link ConnectEvents#"
                + k.registerMethod() + "(" + f.java + ", " + k.callbackInterface() + ")}.\n"
                + " *\n * <p>Events arrive one at a time, in the order libvirt sent them, on the backend's event thread"
                + " (see {@link ConnectEvents}).\n */\n"
                + "@FunctionalInterface\npublic interface " + k.callbackInterface() + " {\n"
                + "    /**\n     * Called once per event.\n     *\n"
                + "     * @param conn the connection the callback was registered on\n"
                + "     * @param " + f.param + " the " + f.words + " the event is about; valid until this method returns, closed after it\n"
                + "     * @param event what happened\n     */\n"
                + "    void onEvent(Connect conn, " + f.java + " " + f.param + ", " + k.record() + " event);\n}\n";
    }

    static String connectEvents(List<Kind> kinds) {
        StringBuilder s = new StringBuilder(EventGenerator.HEADER);
        s.append("package org.libvirt4j;\n\n");
        s.append("""
                /**
                 * The event registrations of {@link Connect}: one register method per libvirt event id (Go's
                 * {@code XxxEventYyyRegister}) and one deregister method per family, generated from
                 * libvirt-api.xml's event ids and callback types.
                 *
                 * <p>Rules for every register method: a callback needs an event loop, so the native backends
                 * deliver events only once {@link Libvirt#eventRegisterDefaultImpl()} has run (the remote backend
                 * always delivers). Events arrive one at a time, in the order libvirt sent them, on the backend's
                 * event thread, which serves every connection of the process: a callback that blocks delays all
                 * other events, as in libvirt's own event loop. A callback may call into libvirt, the same
                 * connection included. What it throws is logged and dropped; the next event is still delivered.
                 * The object passed to a callback is valid until it returns and closed after it. Closing the
                 * connection handle deregisters its callbacks. libvirt allows one registration per event id and
                 * filter: a second one fails with {@code ERR_INVALID_ARG} ("event callback already tracked").
                 */
                public interface ConnectEvents {
                """);
        for (Kind k : kinds) {
            Family f = k.family();
            s.append("\n    /**\n");
            s.append("     * Registers a callback for ").append(f.words).append(" ").append(words(k.name()))
                    .append(" events\n     * ({@code ").append(f.register()).append("} with {@code ").append(k.constant())
                    .append("}, Go's {@code ").append(f.java).append("Event").append(k.name()).append("Register}).\n");
            s.append("     *\n");
            s.append("     * @param ").append(f.param).append(" only this ").append(f.words).append("'s events, or {@code null} for every ")
                    .append(f.words).append("'s\n");
            s.append("     * @param callback called for each event\n");
            s.append("     * @return the callback id for {@link #").append(f.lower()).append("EventDeregister(int)}\n");
            s.append("     * @throws LibvirtException {@code ERR_INVALID_ARG} for a second registration with the same filter\n");
            s.append("     * @see <a href=\"https://libvirt.org/html/").append(f.page).append(".html#").append(f.register())
                    .append("\">").append(f.register()).append("</a>\n");
            s.append("     */\n");
            s.append("    int ").append(k.registerMethod()).append("(").append(f.java).append(" ").append(f.param).append(", ")
                    .append(k.callbackInterface()).append(" callback);\n");
        }
        for (Family f : Family.values()) {
            s.append("\n    /**\n");
            s.append("     * Removes a ").append(f.words).append(" event callback ({@code ").append(f.deregister())
                    .append("}, Go's {@code ").append(f.java).append("EventDeregister}).\n");
            s.append("     * When this returns, the callback is not called again, unless it is running at that moment.\n");
            s.append("     *\n");
            s.append("     * @param callbackId what the register method returned\n");
            s.append("     * @throws LibvirtException {@code ERR_INVALID_ARG} for an id that is not registered\n");
            s.append("     * @see <a href=\"https://libvirt.org/html/").append(f.page).append(".html#").append(f.deregister())
                    .append("\">").append(f.deregister()).append("</a>\n");
            s.append("     */\n");
            s.append("    void ").append(f.lower()).append("EventDeregister(int callbackId);\n");
        }
        s.append("}\n");
        return s.toString();
    }
}

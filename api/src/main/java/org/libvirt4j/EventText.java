package org.libvirt4j;

/** The words of the event records' {@code toString()}, as libvirt-go-module's {@code String()} methods write them. */
final class EventText {
    private static final String[] LIFECYCLE = {"defined", "undefined", "started", "suspended", "resumed", "stopped",
        "shutdown"};
    private static final String[][] DETAILS = {
        {"added", "updated"},
        {"removed"},
        {"booted", "migrated", "restored", "snapshot"},
        {"paused", "migrated", "I/O error", "watchdog", "restored", "snapshot"},
        {"unpaused", "migrated", "snapshot"},
        {"shutdown", "destroyed", "crashed", "migrated", "saved", "failed", "snapshot"},
        {"finished"},
    };
    private static final String[] OBJECT_LIFECYCLE = {"defined", "undefined", "started", "stopped"};
    private static final String[] NODE_DEVICE_LIFECYCLE = {"created", "deleted"};
    private static final String[] GRAPHICS = {"connected", "initialized", "disconnected"};

    private EventText() {
    }

    private static String pick(String[] names, int value) {
        return value >= 0 && value < names.length ? names[value] : "unknown";
    }

    static String lifecycleEvent(int event) {
        return pick(LIFECYCLE, event);
    }

    /** Go's detail words cover the events up to shutdown; later ones have an empty detail, as in Go. */
    static String lifecycleDetail(int event, int detail) {
        return event >= 0 && event < DETAILS.length ? pick(DETAILS[event], detail) : "";
    }

    static String objectLifecycle(int event) {
        return pick(OBJECT_LIFECYCLE, event);
    }

    static String nodeDeviceLifecycle(int event) {
        return pick(NODE_DEVICE_LIFECYCLE, event);
    }

    static String graphicsPhase(int phase) {
        return pick(GRAPHICS, phase);
    }

    /** Go's {@code %q}: a double-quoted string with Go escapes; {@code null} reads as Go's empty string. */
    static String quote(String s) {
        if (s == null) {
            return "\"\"";
        }
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        b.append(String.format("\\x%02x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}

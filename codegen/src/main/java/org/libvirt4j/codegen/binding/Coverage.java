package org.libvirt4j.codegen.binding;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.libvirt4j.codegen.binding.BindingGenerator.CFunction;

/**
 * The coverage report: every C function of libvirt-api.xml (and libvirt-admin-api.xml) with the Java method that binds it
 * and the backends that carry it, or the reason it is absent.
 *
 * <p>Hand-written methods are found by the C names their Javadoc mentions; the backend contract
 * (DEVELOPERS.md) makes every backend implement every API method, so each bound function is on
 * jna, jni and remote alike.
 */
final class Coverage {
    private static final Pattern C_NAME = Pattern.compile("\\b(vir[A-Z][A-Za-z0-9]+)\\b");
    private static final Pattern METHOD = Pattern.compile(
            "^\\s+(?:default\\s+|static\\s+)?(?:<[^>]+>\\s+)?[\\w.<>\\[\\], ?]+\\s+(\\w+)\\(.*");

    /**
     * What the remote backend does not do of a bound function, and why (see
     * {@code RemoteDomainQemu}, {@code RemoteDomainIrregular} and {@code QemuChecks}): what acts on the calling process, or needs
     * file descriptors to cross the socket (they do on unix sockets over Netty's epoll transport, as with libvirt's
     * client; over TCP, TLS and SSH sending them is refused as libvirt's client refuses it).
     */
    private static final String FDS = "descriptors on unix sockets (epoll); over TCP, TLS, SSH refused as by libvirt's client";
    private static final Map<String, String> REMOTE_LIMITS = Map.of(
            "virDomainLxcEnterNamespace", "refused: acts on the calling process",
            "virDomainLxcEnterCGroup", "refused: acts on the calling process",
            "virDomainLxcEnterSecurityLabel", "model none only: acts on the calling process",
            "virDomainLxcOpenNamespace", FDS,
            "virDomainQemuMonitorCommandWithFiles", FDS,
            "virDomainCreateWithFiles", FDS,
            "virDomainCreateXMLWithFiles", FDS,
            "virDomainFDAssociate", FDS,
            "virDomainOpenGraphics", FDS,
            "virDomainOpenGraphicsFD", FDS);

    private Coverage() {
    }

    static String render(Collection<CFunction> functions, List<Binding> generated, Map<String, String> absent,
            Path root, Map<String, String> typed) throws IOException {
        Map<String, String> handWritten = handWritten(root.resolve("api/src/main/java/org/libvirt4j"));
        // the event registrations are written by the events generator into ConnectEvents (see docs/events.md)
        Path generatedApi = root.resolve("api/src/generated/java/org/libvirt4j");
        if (Files.isDirectory(generatedApi)) {
            handWritten(generatedApi).forEach((c, m) -> {
                if (m.startsWith("ConnectEvents.")) {
                    handWritten.putIfAbsent(c, "Connect." + m.substring("ConnectEvents.".length()) + " (docs/events.md)");
                }
            });
        }
        Map<String, String> gen = new LinkedHashMap<>();
        for (Binding b : generated) {
            gen.put(b.cName(), b.self().api + "." + b.javaName() + (b.hidden() ? " (no flags)" : ""));
        }
        gen.putAll(typed); // the typed-parameter functions, by codegen/typedparams.table
        Map<String, List<String[]>> byFile = new TreeMap<>();
        int bound = 0;
        int bygen = 0;
        for (CFunction f : functions) {
            String how;
            String java;
            if (gen.containsKey(f.name())) {
                java = gen.get(f.name());
                how = "generated";
                bound++;
                bygen++;
            } else if (handWritten.containsKey(f.name())) {
                java = handWritten.get(f.name());
                how = "hand-written";
                bound++;
            } else if (absent.containsKey(f.name())) {
                java = "—";
                how = "absent: " + absent.get(f.name());
            } else {
                java = "—";
                how = "not bound yet";
            }
            byFile.computeIfAbsent(f.file(), k -> new ArrayList<>()).add(new String[] {f.name(), java, how});
        }
        StringBuilder s = new StringBuilder();
        s.append("<!-- ").append(BindingGenerator.HEADER).append(" -->\n");
        s.append("# Coverage of libvirt's API\n\n");
        s.append("Every function of libvirt-api.xml, libvirt-qemu-api.xml, libvirt-lxc-api.xml and libvirt-admin-api.xml, with the Java")
                .append(" method that binds it. A bound function is on")
                .append(" all three backends (jna, jni, remote): the backend contract requires every API method of")
                .append(" each; where the remote backend cannot do all of it, its column says what it refuses. \"generated\" functions are written once, by `codegen/bindings.table` or `codegen/typedparams.table`; \"absent\"")
                .append(" ones are left out on purpose, with the reason.\n\n");
        s.append("Bound: ").append(bound).append(" of ").append(functions.size()).append(" (").append(bygen)
                .append(" generated, ").append(bound - bygen).append(" hand-written).\n");
        for (Map.Entry<String, List<String[]>> e : byFile.entrySet()) {
            s.append("\n## ").append(e.getKey()).append("\n\n| C function | Java | jna | jni | remote | how |\n")
                    .append("|---|---|---|---|---|---|\n");
            for (String[] r : e.getValue()) {
                boolean isBound = !r[1].equals("—");
                String mark = isBound ? "yes" : "—";
                String remote = isBound && REMOTE_LIMITS.containsKey(r[0]) ? REMOTE_LIMITS.get(r[0]) : mark;
                s.append("| `").append(r[0]).append("` | ").append(isBound ? "`" + r[1] + "`" : r[1]).append(" | ")
                        .append(mark).append(" | ").append(mark).append(" | ").append(remote).append(" | ")
                        .append(r[2]).append(" |\n");
            }
        }
        return s.toString();
    }

    /** C name → {@code Interface.method} for every C function the hand-written API's Javadoc names. */
    private static Map<String, String> handWritten(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        for (Path p : files) {
            String type = p.getFileName().toString().replace(".java", "");
            List<String> pending = new ArrayList<>();
            boolean inDoc = false;
            for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
                String t = line.strip();
                if (t.startsWith("/**")) {
                    inDoc = true;
                    pending.clear();
                }
                if (inDoc) {
                    Matcher m = C_NAME.matcher(line);
                    while (m.find()) {
                        pending.add(m.group(1));
                    }
                    if (t.endsWith("*/")) {
                        inDoc = false;
                    }
                    continue;
                }
                if (t.startsWith("public interface ") && !pending.isEmpty()) {
                    // the interface's own Javadoc links the function its close() stands for
                    for (String c : pending) {
                        out.putIfAbsent(c, type + ".close");
                    }
                    pending.clear();
                    continue;
                }
                Matcher m = METHOD.matcher(line);
                if (m.matches() && !pending.isEmpty() && !t.startsWith("@") && !t.startsWith("public interface")
                        && !t.startsWith("public final class") && !t.startsWith("public record")) {
                    for (String c : pending) {
                        out.putIfAbsent(c, type + "." + m.group(1));
                    }
                    pending.clear();
                }
            }
        }
        return out;
    }
}

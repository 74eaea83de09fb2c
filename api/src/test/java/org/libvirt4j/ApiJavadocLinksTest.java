package org.libvirt4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every API method that stands for a libvirt C function names it in its Javadoc with an
 * {@code @see} link to the function on libvirt.org, the convention of the design guide.
 * The methods are found by reflection (every public method of every {@link LibvirtObject}
 * interface, of {@link Libvirt} and of {@link Connector}), their Javadoc in the sources.
 * When this fails, add to the method's Javadoc a line such as
 * {@code @see <a href="https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainGetName">virDomainGetName</a>},
 * the page named after the header that declares the function ({@code file=} in libvirt-api.xml),
 * or, for a method with no C counterpart, list it in {@link #JAVA_ONLY} with the reason.
 */
class ApiJavadocLinksTest {
    /** Methods that are Java's own, with no C function behind them. */
    private static final Map<String, String> JAVA_ONLY = Map.of(
            "Libvirt.backends", "lists libvirt4j's backends",
            "Libvirt.using", "chooses a libvirt4j backend",
            "Connector.backendName", "names a libvirt4j backend");

    private static final List<Path> SOURCE_ROOTS = List.of(Path.of("src/main/java"), Path.of("src/generated/java"));
    private static final String PACKAGE_DIR = "org/libvirt4j";
    private static final Pattern SEE = Pattern.compile(
            "@see <a href=\"https://libvirt\\.org/html/libvirt-(libvirt-[a-z-]+)\\.html#(vir\\w+)\">(vir\\w+)</a>");
    private static final Path API_XML = Path.of("/usr/share/libvirt/api/libvirt-api.xml");

    /** One declaration of a method in the sources, with the Javadoc right before it. */
    private record Declaration(String where, String javadoc) {
    }

    @Test
    @DisplayName("every API method that stands for a C function has an @see link to it on libvirt.org")
    void everyApiMethodLinksItsCFunction() throws IOException, ClassNotFoundException {
        List<String> missing = new ArrayList<>();
        for (Declaration d : apiDeclarations()) {
            Matcher m = SEE.matcher(d.javadoc());
            if (!m.find()) {
                missing.add(d.where());
            }
        }
        assertThat(missing).as("API methods without an @see <a href=\"https://libvirt.org/...\"> link").isEmpty();
    }

    @Test
    @DisplayName("each @see link's anchor is its text, on the page of the header that declares the function")
    void linksPointAtTheRightPage() throws IOException, ClassNotFoundException {
        assumeTrue(Files.isRegularFile(API_XML), API_XML + " is not installed (apt-get install libvirt-dev)");
        Map<String, String> headerOf = headers();
        List<String> wrong = new ArrayList<>();
        for (Declaration d : apiDeclarations()) {
            Matcher m = SEE.matcher(d.javadoc());
            while (m.find()) {
                String page = m.group(1);
                String anchor = m.group(2);
                String text = m.group(3);
                String header = headerOf.get(anchor);
                if (!anchor.equals(text) || header == null || !page.equals(header)) {
                    wrong.add(d.where() + ": " + m.group() + (header == null ? " (no such function)"
                            : " (expected page libvirt-" + header + ".html)"));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** Every public method of the API types, each declaration with its Javadoc. */
    private static List<Declaration> apiDeclarations() throws IOException, ClassNotFoundException {
        List<Declaration> out = new ArrayList<>();
        for (Class<?> type : apiTypes()) {
            String source = source(type.getSimpleName());
            Set<String> names = new TreeSet<>();
            for (Method method : type.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers()) && !method.isSynthetic()) {
                    names.add(method.getName());
                }
            }
            for (String name : names) {
                String key = type.getSimpleName() + "." + name;
                if (JAVA_ONLY.containsKey(key)) {
                    continue;
                }
                Matcher m = Pattern.compile("(/\\*\\*(?:(?!\\*/).)*\\*/)\\s*(?:@\\w+\\s*)*[^;{}()/]*\\b"
                        + Pattern.quote(name) + "\\s*\\(", Pattern.DOTALL).matcher(source);
                boolean found = false;
                while (m.find()) {
                    found = true;
                    out.add(new Declaration(key, m.group(1)));
                }
                if (!found) {
                    out.add(new Declaration(key + " (no Javadoc found)", ""));
                }
            }
        }
        return out;
    }

    /** The {@link LibvirtObject} interfaces, {@link Libvirt} and {@link Connector}. */
    private static List<Class<?>> apiTypes() throws IOException, ClassNotFoundException {
        List<Class<?>> out = new ArrayList<>(List.of(Libvirt.class, Connector.class));
        for (Path root : SOURCE_ROOTS) {
            Path dir = root.resolve(PACKAGE_DIR);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                    String simple = file.getFileName().toString().replace(".java", "");
                    if (simple.contains("-")) {
                        continue; // package-info
                    }
                    Class<?> type = Class.forName("org.libvirt4j." + simple);
                    if (type.isInterface() && type != LibvirtObject.class && LibvirtObject.class.isAssignableFrom(type)) {
                        out.add(type);
                        // the QEMU and LXC method groups a handle type extends (the other groups
                        // are generated, or checked where they are written)
                        for (Class<?> group : type.getInterfaces()) {
                            String n = group.getSimpleName();
                            if ((n.endsWith("QemuMethods") || n.endsWith("LxcMethods")) && !out.contains(group)) {
                                out.add(group);
                            }
                        }
                    }
                }
            }
        }
        assertThat(out).as("API types found").hasSizeGreaterThan(10);
        return out;
    }

    private static String source(String simpleName) throws IOException {
        for (Path root : SOURCE_ROOTS) {
            Path file = root.resolve(PACKAGE_DIR).resolve(simpleName + ".java");
            if (Files.isRegularFile(file)) {
                return Files.readString(file, StandardCharsets.UTF_8);
            }
        }
        throw new IOException("no source for " + simpleName + " under " + SOURCE_ROOTS);
    }

    /**
     * C function name to its header, e.g. {@code libvirt-domain}, which names its page. Read with
     * patterns, not an XML parser: the tests run inside the API module, which reads no java.xml.
     */
    private static Map<String, String> headers() throws IOException {
        Pattern function = Pattern.compile("<function\\b[^>]*>");
        Pattern name = Pattern.compile("\\bname=['\"]([^'\"]+)['\"]");
        Pattern file = Pattern.compile("\\bfile=['\"]([^'\"]+)['\"]");
        Map<String, String> out = new HashMap<>();
        for (String xml : List.of("libvirt-api.xml", "libvirt-qemu-api.xml", "libvirt-lxc-api.xml",
                "libvirt-admin-api.xml")) {
            Path path = API_XML.resolveSibling(xml);
            if (!Files.isRegularFile(path)) {
                continue; // the QEMU and LXC functions then read as unknown, and fail
            }
            Matcher m = function.matcher(Files.readString(path, StandardCharsets.UTF_8));
            while (m.find()) {
                Matcher n = name.matcher(m.group());
                Matcher f = file.matcher(m.group());
                if (n.find() && f.find()) {
                    out.put(n.group(1), f.group(1));
                }
            }
        }
        assertThat(out).as("functions in " + API_XML).hasSizeGreaterThan(100);
        return out;
    }
}

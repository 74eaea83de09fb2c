package org.libvirt4j.codegen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the generators' inputs are, and which libvirt release they must come from: the one
 * place that knows, used by every generator's defaults and by the drift tests.
 *
 * <p>The inputs are not part of the project:
 * <ul>
 * <li>libvirt's API description XMLs, installed by the Debian package {@code libvirt-dev} in
 *     {@value #DEFAULT_API_DIR} (override: {@code -D}{@value #API_DIR_PROPERTY}{@code =DIR});</li>
 * <li>libvirt's XDR protocol files ({@link #PROTOCOL_FILES}), expected in
 *     {@value #DEFAULT_PROTOCOL_DIR} relative to the repository root (override:
 *     {@code -D}{@value #PROTOCOL_DIR_PROPERTY}{@code =DIR}).</li>
 * </ul>
 * Every method returns an existing file or directory or throws {@link IllegalStateException}
 * saying where the input was expected and how to get it; nothing falls back silently.
 */
public final class Inputs {

    /**
     * The libvirt release the committed generated sources correspond to. The API XMLs must
     * declare this version ({@code LIBVIR_VERSION_NUMBER}); to move to another release, change
     * it, install that release's inputs and run {@code ./codegen/regenerate.sh}.
     */
    public static final String LIBVIRT_VERSION = "9.0.0";

    /** System property naming the directory of libvirt's API XMLs. */
    public static final String API_DIR_PROPERTY = "libvirt4j.apiDir";

    /** System property naming the directory of libvirt's protocol {@code .x} files. */
    public static final String PROTOCOL_DIR_PROPERTY = "libvirt4j.protocolDir";

    /** Where {@code libvirt-dev} installs the API XMLs. */
    public static final String DEFAULT_API_DIR = "/usr/share/libvirt/api";

    /** Where the protocol files are expected, relative to the repository root. */
    public static final String DEFAULT_PROTOCOL_DIR = "../shared/protocol";

    /** libvirt's main API XML. */
    public static final String API_XML = "libvirt-api.xml";

    /** libvirt's QEMU API XML. */
    public static final String QEMU_API_XML = "libvirt-qemu-api.xml";

    /** libvirt's LXC API XML. */
    public static final String LXC_API_XML = "libvirt-lxc-api.xml";

    /** libvirt's admin API XML. */
    public static final String ADMIN_API_XML = "libvirt-admin-api.xml";

    /** Every API XML, in the order the generators read them. */
    public static final List<String> API_XMLS = List.of(API_XML, QEMU_API_XML, LXC_API_XML, ADMIN_API_XML);

    /** Every protocol file the XDR generator needs, by name. */
    public static final List<String> PROTOCOL_FILES = List.of("admin_protocol.x", "lxc_protocol.x",
            "qemu_protocol.x", "remote_protocol.x", "virkeepaliveprotocol.x", "virnetprotocol.x");

    private static final Pattern VERSION_NUMBER =
            Pattern.compile("<macro name='LIBVIR_VERSION_NUMBER'[^>]*\\sraw='(\\d+)'");

    private Inputs() {
    }

    /**
     * {@return the directory holding all four API XMLs}
     *
     * @throws IllegalStateException if one of them is missing
     */
    public static Path apiDir() {
        Path dir = configuredApiDir();
        for (String name : API_XMLS) {
            apiFile(dir, name);
        }
        return dir;
    }

    /**
     * {@return {@value #API_XML}}
     *
     * @throws IllegalStateException if it is missing
     */
    public static Path apiXml() {
        return apiFile(configuredApiDir(), API_XML);
    }

    /**
     * {@return {@value #QEMU_API_XML}}
     *
     * @throws IllegalStateException if it is missing
     */
    public static Path qemuApiXml() {
        return apiFile(configuredApiDir(), QEMU_API_XML);
    }

    /**
     * {@return {@value #LXC_API_XML}}
     *
     * @throws IllegalStateException if it is missing
     */
    public static Path lxcApiXml() {
        return apiFile(configuredApiDir(), LXC_API_XML);
    }

    /**
     * {@return {@value #ADMIN_API_XML}}
     *
     * @throws IllegalStateException if it is missing
     */
    public static Path adminApiXml() {
        return apiFile(configuredApiDir(), ADMIN_API_XML);
    }

    /**
     * {@return the directory holding every one of {@link #PROTOCOL_FILES}}
     *
     * @throws IllegalStateException if one of them is missing
     */
    public static Path protocolDir() {
        Path dir = configuredProtocolDir();
        for (String name : PROTOCOL_FILES) {
            protocolFile(dir, name);
        }
        return dir;
    }

    /**
     * {@return one protocol file}
     *
     * @param name the file name, one of {@link #PROTOCOL_FILES}
     * @throws IllegalStateException if it is missing
     */
    public static Path protocolFile(String name) {
        return protocolFile(configuredProtocolDir(), name);
    }

    /**
     * Reads the libvirt version an API XML declares ({@code LIBVIR_VERSION_NUMBER}, e.g.
     * {@code 9000000}) and turns it into {@code major.minor.micro}.
     *
     * @param apiXml the path of {@value #API_XML}
     * @return the version, e.g. {@code 9.0.0}
     * @throws IllegalStateException if the file cannot be read or declares no version
     */
    public static String declaredVersion(Path apiXml) {
        String text;
        try {
            text = Files.readString(apiXml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + apiXml + ": " + e.getMessage(), e);
        }
        Matcher m = VERSION_NUMBER.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException(apiXml + " declares no LIBVIR_VERSION_NUMBER macro; is it libvirt's "
                    + API_XML + "?");
        }
        long n = Long.parseLong(m.group(1));
        return (n / 1_000_000) + "." + (n / 1_000 % 1_000) + "." + (n % 1_000);
    }

    /**
     * Checks that the configured API XMLs come from {@link #LIBVIRT_VERSION}.
     *
     * @return the checked {@value #API_XML}
     * @throws IllegalStateException if it is missing or declares another version
     */
    public static Path requireLibvirtVersion() {
        return requireLibvirtVersion(apiXml());
    }

    /**
     * Checks that an API XML comes from {@link #LIBVIRT_VERSION}: generating from another
     * release would silently change the generated sources.
     *
     * @param apiXml the path of {@value #API_XML}
     * @return {@code apiXml}
     * @throws IllegalStateException if it cannot be read or declares another version
     */
    public static Path requireLibvirtVersion(Path apiXml) {
        String declared = declaredVersion(apiXml);
        if (!declared.equals(LIBVIRT_VERSION)) {
            throw new IllegalStateException(apiXml + " is libvirt " + declared + "'s, but the generated sources"
                    + " correspond to libvirt " + LIBVIRT_VERSION + " (Inputs.LIBVIRT_VERSION): install libvirt-dev "
                    + LIBVIRT_VERSION + " or point -D" + API_DIR_PROPERTY + "=DIR at its XMLs; to move to libvirt "
                    + declared + ", change Inputs.LIBVIRT_VERSION, get that release's protocol files and run"
                    + " ./codegen/regenerate.sh");
        }
        return apiXml;
    }

    /**
     * {@return the repository root: the nearest directory, from the working one up, holding
     * {@code codegen/regenerate.sh}}
     *
     * @throws IllegalStateException if there is none
     */
    public static Path repoRoot() {
        Path cwd = Paths.get("").toAbsolutePath();
        for (Path p = cwd; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("codegen/regenerate.sh"))) {
                return p;
            }
        }
        throw new IllegalStateException("no codegen/regenerate.sh in " + cwd + " or above it: run the generators"
                + " from the repository (./codegen/regenerate.sh does)");
    }

    private static Path configuredApiDir() {
        String dir = System.getProperty(API_DIR_PROPERTY);
        return Paths.get(dir != null && !dir.isEmpty() ? dir : DEFAULT_API_DIR).toAbsolutePath().normalize();
    }

    private static Path configuredProtocolDir() {
        String dir = System.getProperty(PROTOCOL_DIR_PROPERTY);
        if (dir != null && !dir.isEmpty()) {
            return Paths.get(dir).toAbsolutePath().normalize();
        }
        return repoRoot().resolve(DEFAULT_PROTOCOL_DIR).normalize();
    }

    private static Path apiFile(Path dir, String name) {
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("libvirt's API description " + file + " is missing: the generators"
                    + " and the drift tests read libvirt " + LIBVIRT_VERSION + "'s API XMLs, which the package"
                    + " libvirt-dev installs in " + DEFAULT_API_DIR + " (apt-get install libvirt-dev); set -D"
                    + API_DIR_PROPERTY + "=DIR to read them elsewhere");
        }
        return file;
    }

    private static Path protocolFile(Path dir, String name) {
        if (!PROTOCOL_FILES.contains(name)) {
            throw new IllegalArgumentException(name + " is not one of " + PROTOCOL_FILES);
        }
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("libvirt's protocol file " + file + " is missing: the XDR generator"
                    + " and its drift test read libvirt " + LIBVIRT_VERSION + "'s " + String.join(", ", PROTOCOL_FILES)
                    + ", which are not part of this repository; they are expected in " + DEFAULT_PROTOCOL_DIR
                    + " relative to the repository root (copy them there from libvirt " + LIBVIRT_VERSION
                    + "'s source: src/rpc/, src/remote/, src/admin/; apt-get source libvirt fetches it), or set -D"
                    + PROTOCOL_DIR_PROPERTY + "=DIR to point elsewhere");
        }
        return file;
    }
}

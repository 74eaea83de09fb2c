package org.libvirt4j.codegen.xdr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.libvirt4j.codegen.Inputs;
import org.libvirt4j.codegen.xdr.XdrAst.EnumDef;
import org.libvirt4j.codegen.xdr.XdrAst.Source;

/**
 * Generates the Java XDR codec of libvirt's RPC protocol (package
 * {@code org.libvirt4j.remote.generated}) from libvirt's rpcgen files.
 *
 * <p>Usage: {@code XdrGenerator [PROTOCOL_DIR [OUTPUT_ROOT]]}, by default
 * {@link Inputs#protocolDir()} (libvirt {@value Inputs#LIBVIRT_VERSION}'s protocol files) and
 * {@code backend-remote/src/generated/java}, relative to the repository root (where {@code ./codegen/regenerate.sh} runs it). Every {@code *.x} file of the
 * directory is read (in name order, as one namespace); the generated package directory is
 * emptied of {@code .java} files first, so a removed type leaves nothing stale behind. Output is
 * byte-for-byte deterministic.
 */
public final class XdrGenerator {

    /** The default output source root, relative to the repository root. */
    public static final String DEFAULT_OUTPUT_ROOT = "backend-remote/src/generated/java";

    private XdrGenerator() {
    }

    /**
     * Entry point.
     *
     * @param args optional protocol directory and output root
     * @throws IOException if reading or writing fails
     */
    public static void main(String[] args) throws IOException {
        Path protocolDir = args.length > 0 ? Paths.get(args[0]) : Inputs.protocolDir();
        Path outRoot = Paths.get(args.length > 1 ? args[1] : DEFAULT_OUTPUT_ROOT);
        List<Source> sources = parseDirectory(protocolDir);
        XdrModel model = new XdrModel(sources);
        Map<String, String> files = XdrJavaEmitter.emit(model);
        write(files, outRoot);
        System.out.println(summary(model, files.size()));
    }

    /** Parses every {@code *.x} file of {@code dir}, in file-name order. */
    static List<Source> parseDirectory(Path dir) throws IOException {
        List<Path> paths;
        try (Stream<Path> s = Files.list(dir)) {
            paths = s.filter(p -> p.getFileName().toString().endsWith(".x")).sorted().toList();
        }
        if (paths.isEmpty()) {
            throw new IOException("no .x files in " + dir.toAbsolutePath());
        }
        List<Source> out = new ArrayList<>();
        for (Path p : paths) {
            out.add(XdrParser.parse(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8)));
        }
        return out;
    }

    /** Generates the sources of the given protocol directory: relative path → content. */
    static Map<String, String> generate(Path protocolDir) throws IOException {
        return XdrJavaEmitter.emit(new XdrModel(parseDirectory(protocolDir)));
    }

    /** Generates the sources of already parsed files: relative path → content. */
    static Map<String, String> generate(List<Source> sources) {
        return XdrJavaEmitter.emit(new XdrModel(sources));
    }

    /** Replaces the generated package under {@code outRoot} with {@code files}. */
    static void write(Map<String, String> files, Path outRoot) throws IOException {
        Path pkg = outRoot.resolve(XdrJavaEmitter.PACKAGE.replace('.', '/'));
        if (Files.isDirectory(pkg)) {
            try (Stream<Path> s = Files.list(pkg)) {
                for (Path p : s.filter(p -> p.getFileName().toString().endsWith(".java")).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(pkg);
        files.forEach((rel, text) -> {
            try {
                Files.writeString(outRoot.resolve(rel), text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The counts printed after a run. */
    static String summary(XdrModel model, int fileCount) {
        StringBuilder b = new StringBuilder();
        b.append("XdrGenerator: ").append(model.structs().size()).append(" structs, ")
                .append(model.unions().size()).append(" unions, ").append(model.enums().size()).append(" enums, ")
                .append(model.typedefs().size()).append(" typedefs, ")
                .append(model.constValues.size() - XdrModel.HEADER_CONSTANTS.size()).append(" constants");
        for (EnumDef e : model.enums()) {
            if (e.name().endsWith("_procedure")) {
                b.append(", ").append(e.members().size()).append(' ').append(e.name());
            }
        }
        b.append("; ").append(fileCount).append(" files");
        return b.toString();
    }
}

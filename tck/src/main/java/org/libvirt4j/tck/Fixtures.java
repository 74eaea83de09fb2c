package org.libvirt4j.tck;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The test-driver fixture files shipped in the TCK jar, copied once per JVM to a temporary
 * directory: libvirt's {@code test:///ABS/PATH.xml} needs a real file, and a path inside a jar
 * is not one.
 */
public final class Fixtures {
    /**
     * Two running-or-not domains, a network, an interface, a PCI device, a Fibre Channel HBA with
     * a vHBA, a pool with a volume ({@link NodeFixture} names them).
     */
    public static final String NODE = "node.xml";
    /** One domain, and an {@code <auth>} block demanding {@code tck-user} / {@code tck-secret}. */
    public static final String AUTH = "auth.xml";

    private static final Map<String, Path> EXTRACTED = new ConcurrentHashMap<>();
    private static volatile Path dir;

    private Fixtures() {
    }

    /**
     * @param name a fixture's file name, e.g. {@link #NODE}
     * @return the absolute path of its copy on disk
     * @throws UncheckedIOException when the temporary copy cannot be written
     * @throws IllegalArgumentException when the TCK has no fixture of that name
     */
    public static Path path(String name) {
        return EXTRACTED.computeIfAbsent(name, Fixtures::extract);
    }

    private static Path extract(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("the TCK has no fixture " + name);
            }
            Path target = directory().resolve(name);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            target.toFile().deleteOnExit();
            return target.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the TCK fixture " + name + " to a temporary file", e);
        }
    }

    private static synchronized Path directory() throws IOException {
        if (dir == null) {
            Path d = Files.createTempDirectory("libvirt4j-tck-fixtures-");
            d.toFile().deleteOnExit();
            dir = d;
        }
        return dir;
    }
}

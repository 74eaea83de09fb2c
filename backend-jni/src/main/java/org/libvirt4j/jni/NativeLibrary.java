package org.libvirt4j.jni;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;

/**
 * Loads {@code libvirt4j-jni.so} the way Netty's {@code NativeLibraryLoader} does: from
 * {@code java.library.path} first, else extracted from the jar into a private temporary
 * directory. Each failed attempt is kept as a suppressed exception of the final cause.
 */
final class NativeLibrary {
    /** The library's base name: {@code System.mapLibraryName} gives {@code libvirt4j-jni.so}. */
    static final String NAME = "virt4j-jni";
    /** Set to a directory to extract into instead of {@code java.io.tmpdir} (e.g. when that is noexec). */
    static final String WORKDIR_PROPERTY = "libvirt4j.native.workdir";

    private static final Throwable CAUSE = load();

    private NativeLibrary() {
    }

    /** @return why the backend cannot work here, empty when the library and libvirt are loaded */
    static Optional<Throwable> unavailabilityCause() {
        return Optional.ofNullable(CAUSE);
    }

    /** Throws the unavailability cause as libvirt's ERR_NO_SUPPORT. */
    static void ensureLoaded() {
        if (CAUSE != null) {
            throw new org.libvirt4j.LibvirtException(org.libvirt4j.ErrorNumber.ERR_NO_SUPPORT.value(),
                    org.libvirt4j.ErrorDomain.NONE.value(), org.libvirt4j.ErrorLevel.ERROR.value(),
                    "the jni backend is unavailable: " + CAUSE.getMessage(), CAUSE);
        }
    }

    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (arch.equals("amd64") || arch.equals("x86-64")) {
            arch = "x86_64";
        }
        return (os.startsWith("linux") ? "linux" : os.replace(' ', '_')) + "-" + arch;
    }

    private static Throwable load() {
        UnsatisfiedLinkError fromPath;
        try {
            System.loadLibrary(NAME);
            return afterLoad();
        } catch (UnsatisfiedLinkError e) {
            fromPath = e;
        } catch (RuntimeException | LinkageError e) {
            return e;
        }
        String resource = "META-INF/native/" + platform() + "/" + System.mapLibraryName(NAME);
        Throwable fromJar;
        try {
            fromJar = loadFromJar(resource);
            if (fromJar == null) {
                return afterLoad();
            }
        } catch (RuntimeException | LinkageError e) {
            fromJar = e;
        }
        UnsatisfiedLinkError cause = new UnsatisfiedLinkError("could not load " + System.mapLibraryName(NAME)
                + " from java.library.path nor from the jar's " + resource + ": " + fromJar.getMessage());
        cause.addSuppressed(fromPath);
        cause.addSuppressed(fromJar);
        return cause;
    }

    /** @return null when loaded, else why not */
    private static Throwable loadFromJar(String resource) {
        ClassLoader loader = NativeLibrary.class.getClassLoader();
        InputStream in = loader == null ? ClassLoader.getSystemResourceAsStream(resource) : loader.getResourceAsStream(resource);
        if (in == null) {
            return new UnsatisfiedLinkError("this jar has no native library for " + platform()
                    + " (it ships linux-x86_64 only); use another backend, e.g. -Dlibvirt4j.backend=remote");
        }
        Path dir = null;
        Path file = null;
        try (in) {
            String workdir = System.getProperty(WORKDIR_PROPERTY);
            dir = workdir != null ? Files.createTempDirectory(Paths.get(workdir), "libvirt4j")
                    : Files.createTempDirectory("libvirt4j");
            dir.toFile().deleteOnExit();
            file = dir.resolve(System.mapLibraryName(NAME));
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            file.toFile().deleteOnExit();
        } catch (IOException e) {
            return new UnsatisfiedLinkError("could not extract " + resource + " to " + (dir != null ? dir : "a temp dir")
                    + ": " + e + "; set -D" + WORKDIR_PROPERTY + "=DIR to a writable directory");
        }
        try {
            System.load(file.toAbsolutePath().toString());
            return null;
        } catch (UnsatisfiedLinkError e) {
            String mount = noexecMount(dir);
            UnsatisfiedLinkError why = new UnsatisfiedLinkError(mount != null
                    ? "could not load " + file + ": the temp directory is on a noexec mount (" + mount
                            + "); set -D" + WORKDIR_PROPERTY + "=DIR to a directory that allows executing ("
                            + e.getMessage() + ")"
                    : "could not load " + file + " (" + e.getMessage() + ")");
            why.initCause(e);
            return why;
        }
    }

    /** @return the mount point holding {@code dir} when it is mounted noexec, else null */
    static String noexecMount(Path dir) {
        String best = null;
        boolean noexec = false;
        try {
            String path = dir.toRealPath().toString();
            for (String line : Files.readAllLines(Paths.get("/proc/self/mounts"))) {
                String[] f = line.split(" ");
                if (f.length < 4) {
                    continue;
                }
                String point = f[1].replace("\\040", " ");
                boolean under = path.equals(point) || path.startsWith(point.endsWith("/") ? point : point + "/");
                if (under && (best == null || point.length() >= best.length())) {
                    best = point;
                    noexec = ("," + f[3] + ",").contains(",noexec,");
                }
            }
        } catch (IOException | RuntimeException e) {
            return null; // no /proc: the plain message has to do
        }
        return noexec ? best : null;
    }

    private static Throwable afterLoad() {
        String libvirt = JniNatives.libvirtLoadError();
        if (libvirt != null) {
            return new UnsatisfiedLinkError("libvirt.so.0 could not be loaded (" + libvirt
                    + "); install libvirt's client library (Debian/Ubuntu: apt install libvirt0,"
                    + " Fedora: dnf install libvirt-libs) or use -Dlibvirt4j.backend=remote");
        }
        return null;
    }
}

package org.libvirt4j.jni;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.libvirt4j.BackendInfo;
import org.libvirt4j.Libvirt;

/**
 * Loading and symbol resolution. The cases that need a different libvirt or platform run in a
 * child JVM: an "older libvirt" is a stub {@code libvirt.so.0} compiled here with a handful of
 * functions and put first on {@code LD_LIBRARY_PATH}.
 */
class JniLoadingTest {
    @TempDir
    Path tmp;

    @Test
    @DisplayName("The jni backend is found, available, ranked 30 and speaks for the installed libvirt")
    void availableHere() {
        assertThat(new JniBackend().unavailabilityCause()).isEmpty();
        BackendInfo info = Libvirt.backends().stream().filter(b -> b.name().equals("jni")).findFirst().orElseThrow();
        assertThat(info.priority()).isEqualTo(30);
        assertThat(info.available()).isTrue();
        assertThat(Libvirt.using("jni").getVersion()).isGreaterThanOrEqualTo(9_000_000L);
    }

    @Test
    @DisplayName("A function the installed libvirt lacks throws ERR_NO_SUPPORT naming it; the rest keeps working")
    void missingFunctionIsNoSupport() throws Exception {
        Path lib = stub("""
                static int conn;
                void *virGetLastError(void) { return 0; }
                int virInitialize(void) { return 0; }
                void *virConnectOpen(const char *uri) { (void) uri; return &conn; }
                int virConnectGetLibVersion(void *c, unsigned long *v) { (void) c; *v = 1002003; return 0; }
                int virGetVersion(unsigned long *v, const char *t, unsigned long *tv) {
                    (void) t; (void) tv; *v = 1002003; return 0;
                }
                """);
        List<String> out = probe(lib, List.of(), "call");
        assertThat(out).contains("cause=none", "using=ok", "version=1002003");
        assertThat(out).anySatisfy(l -> assertThat(l).startsWith("hostname=ERR_NO_SUPPORT: ")
                .contains("virConnectGetHostname"));
    }

    @Test
    @DisplayName("A libvirt.so.0 without virGetLastError makes the backend unavailable, and the discovery error says why")
    void brokenLibvirtIsUnavailable() throws Exception {
        Path lib = stub("int virInitialize(void) { return 0; }\n");
        List<String> out = probe(lib, List.of(), "none");
        assertThat(out).anySatisfy(l -> assertThat(l).startsWith("cause=").contains("virGetLastError")
                .contains("apt install libvirt0"));
        assertThat(out).anySatisfy(l -> assertThat(l).startsWith("using=ERR_NO_SUPPORT")
                .contains("'jni' is unusable").contains("virGetLastError"));
    }

    @Test
    @DisplayName("On a platform the jar has no library for, the cause names the platform and keeps each failed attempt")
    void wrongArchitecture() throws Exception {
        List<String> out = probe(null, List.of("-Dos.arch=aarch64"), "none");
        assertThat(out).anySatisfy(l -> assertThat(l).startsWith("cause=")
                .contains("linux-aarch64")
                .contains("suppressed: java.lang.UnsatisfiedLinkError: no virt4j-jni in java.library.path"));
        assertThat(out).anySatisfy(l -> assertThat(l).startsWith("using=ERR_NO_SUPPORT").contains("linux-aarch64"));
    }

    @Test
    @DisplayName("An unwritable extraction directory is reported with the property that fixes it")
    void unwritableWorkdir() throws Exception {
        Path file = Files.writeString(tmp.resolve("not-a-directory"), "x");
        List<String> out = probe(null, List.of("-D" + NativeLibrary.WORKDIR_PROPERTY + "=" + file), "none");
        assertThat(out).anySatisfy(l -> assertThat(l).startsWith("cause=").contains("could not extract")
                .contains(NativeLibrary.WORKDIR_PROPERTY));
    }

    @Test
    @DisplayName("A noexec temp directory is named as the cause, with the property that fixes it")
    void noexecTempDir() throws Exception {
        // A private mount namespace: the noexec tmpfs exists only for the child JVM.
        // Propagation is made private inside the namespace, not by unshare: in a chroot "/" is
        // no mount point and unshare's own attempt fails; there no mount may be shared instead.
        List<String> unshare = List.of("unshare", "-m", "--propagation", "unchanged", "sh", "-c");
        String privateMounts = "{ mount --make-rprivate / 2>/dev/null || ! grep -q ' shared:' /proc/self/mountinfo; }";
        List<String> probe = new ArrayList<>(unshare);
        probe.add(privateMounts);
        assumeTrue(run(probe) == 0, "no private mount namespace can be made here (unshare -m needs root)");
        Path dir = Files.createDirectories(tmp.resolve("noexec"));
        List<String> java = javaCommand(List.of("-Djava.io.tmpdir=" + dir), "none");
        String script = privateMounts + " && mount -t tmpfs -o noexec,size=16m tmpfs '" + dir + "' && exec \"$@\"";
        List<String> cmd = new ArrayList<>(unshare);
        cmd.addAll(List.of(script, "sh"));
        cmd.addAll(java);
        List<String> out = output(new ProcessBuilder(cmd));
        assertThat(out).anySatisfy(l -> assertThat(l).startsWith("cause=").contains("noexec mount (" + dir)
                .contains(NativeLibrary.WORKDIR_PROPERTY));
    }

    private static int run(List<String> cmd) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor();
        } catch (IOException e) {
            return -1;
        }
    }

    private Path stub(String source) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(tmp.resolve("lib"));
        Path c = Files.writeString(tmp.resolve("stub.c"), source);
        Process gcc = new ProcessBuilder("gcc", "-shared", "-fPIC", "-o", dir.resolve("libvirt.so.0").toString(),
                c.toString()).redirectErrorStream(true).start();
        String log = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(gcc.waitFor()).as("gcc: %s", log).isZero();
        return dir;
    }

    private static List<String> javaCommand(List<String> jvmArgs, String mode) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(StubProbe.class.getName());
        cmd.add(mode);
        return cmd;
    }

    private static List<String> probe(Path libDir, List<String> jvmArgs, String mode) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(javaCommand(jvmArgs, mode));
        if (libDir != null) {
            pb.environment().put("LD_LIBRARY_PATH", libDir.toString());
        }
        return output(pb);
    }

    private static List<String> output(ProcessBuilder pb) throws Exception {
        Process p = pb.redirectErrorStream(true).start();
        byte[] bytes = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
        assertThat(p.exitValue()).as("child JVM output: %s", lines).isZero();
        return lines;
    }
}

package org.libvirt4j.jna;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.libvirt4j.Connect;
import org.libvirt4j.ConnectAuth;
import org.libvirt4j.Domain;
import org.libvirt4j.DomainMemoryParameters;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.Network;
import org.libvirt4j.Stream;
import org.libvirt4j.tck.NativeLeakKit;

/**
 * Everything libvirt hands over for the caller to free (XML strings, pointer arrays, typed
 * parameter arrays, error objects, handles) is freed: many cycles leave the resident size flat.
 * The cycles run in a child JVM whose heap is fixed and pre-touched, so that any growth of
 * VmRSS is native memory; leaking one XML string per cycle adds hundreds of MiB.
 */
class JnaLeakTest {
    private static final int WARMUP = 10_000;
    private static final int CYCLES = 60_000;
    private static final long BOUND_KIB = 24 * 1024;

    private static void cycles(Connect c, int n) {
        for (int i = 0; i < n; i++) {
            try (Domain d = c.lookupDomainByName("test")) {
                d.getXMLDesc();
                d.getOSType();
                d.getMemoryParameters();
                d.getSchedulerParameters();
                d.setMemoryParameters(DomainMemoryParameters.builder().softLimit(1_000_000L + i).build());
            }
            c.listAllDomains().forEach(Domain::close);
            c.listAllNetworks().forEach(Network::close);
            c.getCapabilities();
            try {
                c.lookupDomainByName("missing");
            } catch (LibvirtException expected) {
                // The error object is read and reset each time.
            }
            Stream s = c.newStream();
            s.close();
        }
    }

    /** The child JVM: prints the VmRSS growth in KiB over the measured cycles. */
    static final class Child {
        private Child() {
        }

        public static void main(String[] args) throws Exception {
            try (Connect c = new JnaBackend().open("test:///default", (ConnectAuth) null)) {
                cycles(c, WARMUP);
                System.gc();
                long before = NativeLeakKit.rssKib();
                cycles(c, CYCLES);
                System.gc();
                System.out.println(NativeLeakKit.rssKib() - before);
            }
        }
    }

    @Test
    @DisplayName("Tens of thousands of call cycles keep the native resident size within a small bound")
    void noNativeLeak() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(List.of(java, "-Xms128m", "-Xmx128m", "-XX:+AlwaysPreTouch",
                "-cp", System.getProperty("java.class.path"), Child.class.getName()))
                .redirectErrorStream(true).start();
        try {
            assertThat(child.waitFor(180, TimeUnit.SECONDS)).as("child finished in time").isTrue();
            String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertThat(child.exitValue()).as("child exit, output: %s", out).isZero();
            String[] lines = out.split("\\R");
            long growth = Long.parseLong(lines[lines.length - 1].trim());
            assertThat(growth).as("VmRSS growth in KiB over %d cycles", CYCLES).isLessThan(BOUND_KIB);
        } finally {
            child.destroyForcibly();
        }
    }
}

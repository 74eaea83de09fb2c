package org.libvirt4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.libvirt4j.Connect;
import org.libvirt4j.Domain;
import org.libvirt4j.DomainBlkioParameters;
import org.libvirt4j.DomainInterfaceAddressesSource;
import org.libvirt4j.DomainModificationImpact;
import org.libvirt4j.DomainNumaParameters;
import org.libvirt4j.DomainPerfEvents;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.Libvirt;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.Network;

/**
 * Native-memory checks for a backend that calls libvirt.so in process: the hand-written
 * array- and struct-returning calls, the host calls and the typed-parameter calls free what
 * libvirt hands them and what the backend allocates, on success and on failure, so VmRSS stays
 * bounded over hundreds of thousands of rounds.
 *
 * <p>A backend's test extends this class and names the backend. VmRSS only measures native memory
 * when the JVM's heap is fixed and pre-touched ({@code -Xms = -Xmx}, {@code -XX:+AlwaysPreTouch}):
 * run it that way. Each test warms up first (JIT, libvirt's caches, the Cleaner's thread).
 */
public abstract class NativeLeakKit {
    private final String backend;

    /**
     * @param backend the backend's name, as {@link Libvirt#using(String)} takes it
     */
    protected NativeLeakKit(String backend) {
        this.backend = Objects.requireNonNull(backend, "backend");
    }

    /**
     * This process's resident set size.
     *
     * @return VmRSS in KiB, from {@code /proc/self/status}
     */
    public static long rssKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }

    /**
     * Runs {@code rounds} for warm-up, then again for the measurement, and fails when VmRSS grew
     * by {@code boundKib} or more in between.
     *
     * @param reporter where the figures are published
     * @param boundKib the growth that counts as a leak
     * @param warmUp rounds before the first reading
     * @param measured rounds between the readings
     * @param rounds the calls, given a number of rounds
     */
    public static void assertBoundedGrowth(TestReporter reporter, long boundKib, int warmUp, int measured,
            IntConsumer rounds) {
        rounds.accept(warmUp);
        System.gc();
        long before = rssKib();
        rounds.accept(measured);
        System.gc();
        long after = rssKib();
        reporter.publishEntry("VmRSS KiB before / after / growth", before + " / " + after + " / " + (after - before));
        assertThat(after - before).as("VmRSS growth in KiB (before %d, after %d)", before, after).isLessThan(boundKib);
    }

    private Connect open() {
        return Libvirt.using(backend).newConnect("test:///default");
    }

    /** Each round allocates some kilobytes in C: a leak of 100 bytes in any call over 300,000 rounds is about the bound. */
    @Test
    @Timeout(300)
    @DisplayName("300,000 rounds of every array- and struct-returning hand-written call keep VmRSS within 32 MiB")
    void irregularCallsDoNotLeak(TestReporter reporter) {
        try (Connect c = open(); Domain d = c.lookupDomainByName("test")) {
            d.addIOThread(7, DomainModificationImpact.LIVE);
            assertBoundedGrowth(reporter, 32 * 1024, 10_000, 300_000, n -> irregularRounds(c, d, n));
        }
    }

    private static void irregularRounds(Connect c, Domain d, int n) {
        BitSet one = new BitSet();
        one.set(1);
        for (int i = 0; i < n; i++) {
            assertThat(d.getFSInfo(0)).hasSize(2);
            assertThat(d.listAllInterfaceAddresses(DomainInterfaceAddressesSource.LEASE)).hasSize(1);
            assertThat(d.getIOThreadInfo(0)).hasSize(1);
            assertThat(d.getVcpus()).hasSize(2);
            assertThat(d.getVcpuPinInfo(0)).hasSize(2);
            d.pinVcpu(0, one);
            assertThat(d.getDiskErrors(0)).hasSize(1);
            assertThat(d.getSecurityLabel().label()).isNotEmpty();
            assertThat(d.getCPUStats(0, 0, 0)).hasSize(2);
            assertThat(d.getSchedulerType()).isEqualTo("fair");
            assertThat(d.fsFreeze(List.of("/", "/boot"), 0)).isEqualTo(2);
            assertThat(d.fsThaw(List.of(), 0)).isEqualTo(2);
            assertThat(c.listDomains()).hasSize(1);
            assertThat(d.getMessages(0)).isEmpty();
            assertThatThrownBy(() -> d.getBlockInfo("vdz-" + "x".repeat(300), 0)).isInstanceOf(LibvirtException.class)
                    .extracting(e -> ((LibvirtException) e).code()).isEqualTo(ErrorNumber.ERR_INVALID_ARG);
        }
    }

    /** One round allocates some 60 model names, 8 list names, stats and a baseline XML: a leak would be several KiB per round. */
    @Test
    @Timeout(300)
    @DisplayName("50,000 rounds of the hand-written host calls, failing ones included, keep VmRSS within 48 MiB")
    void hostCallsDoNotLeak(TestReporter reporter) {
        try (Connect c = open(); Network net = c.lookupNetworkByName("default")) {
            assertBoundedGrowth(reporter, 48 * 1024, 5_000, 50_000, n -> hostRounds(c, net, n));
        }
    }

    private static void hostRounds(Connect c, Network net, int n) {
        String cpu = "<cpu><arch>x86_64</arch><model>core2duo</model></cpu>";
        for (int i = 0; i < n; i++) {
            assertThat(c.getCPUModelNames("x86_64", 0)).isNotEmpty();
            assertThat(c.listNetworks()).containsExactly("default");
            assertThat(c.listDevices(null, 0)).isNotEmpty();
            assertThat(c.getCPUStats(-1, 0).kernel()).isPresent();
            assertThat(c.getSecurityModel().model()).isNotEmpty();
            assertThat(c.getCPUMap(0).cpus()).isNotEmpty();
            assertThat(c.getCellsFreeMemory(0, 2)).hasSize(2);
            assertThat(c.getFreePages(List.of(4, 2048), 0, 2, 0)).hasSize(4);
            assertThat(c.baselineCPU(List.of(cpu, cpu), 0)).contains("core2duo");
            assertThatThrownBy(() -> c.getCPUModelNames("bogus-" + "x".repeat(300), 0))
                    .isInstanceOf(LibvirtException.class);
            assertThatThrownBy(() -> net.getDHCPLeases("52:54:00:aa:bb:01", 0))
                    .extracting(e -> ((LibvirtException) e).code()).isEqualTo(ErrorNumber.ERR_NO_SUPPORT);
        }
    }

    /**
     * The strings libvirt allocates in a caller-allocated array or in one of its own, the strings
     * the backend packs to send, and the error path: each cycle moves about a dozen C strings.
     */
    @Test
    @Timeout(300)
    @DisplayName("300,000 cycles of typed-parameter gets, sets and refusals keep VmRSS within 48 MiB")
    void typedParametersDoNotLeak(TestReporter reporter) {
        try (Connect c = open(); Domain d = c.lookupDomainByName("test")) {
            assertBoundedGrowth(reporter, 48 * 1024, 20_000, 300_000, n -> typedRounds(d, n));
        }
    }

    private static void typedRounds(Domain d, int n) {
        DomainNumaParameters numa = DomainNumaParameters.builder().nodeset("0").build();
        for (int i = 0; i < n; i++) {
            DomainBlkioParameters b = d.getBlkioParameters(0);
            d.setNumaParameters(numa, 0);
            DomainPerfEvents p = d.getPerfEvents(0);
            if (i % 1000 == 0) {
                assertThat(b.deviceWeight()).isPresent();
                assertThat(p.cmt()).isPresent();
                assertThat(d.getNumaParameters(0).nodeset()).hasValue("0");
                assertThatThrownBy(() -> d.getInterfaceParameters("missing-" + "x".repeat(300), 0))
                        .isInstanceOf(LibvirtException.class);
            }
        }
    }
}

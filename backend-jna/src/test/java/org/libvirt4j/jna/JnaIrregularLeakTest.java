package org.libvirt4j.jna;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.libvirt4j.Connect;
import org.libvirt4j.Domain;
import org.libvirt4j.DomainInterfaceAddressesSource;
import org.libvirt4j.DomainModificationImpact;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.Libvirt;
import org.libvirt4j.LibvirtException;

/**
 * The JNA mixins ({@code Jna*Irregular}) free what libvirt hands them (string and
 * struct arrays, typed parameters, IOThread and interface lists) and what they allocate, on the
 * success and the error path: VmRSS stays bounded over many calls.
 */
class JnaIrregularLeakTest {
    /** Each round allocates some kilobytes in C: a leak of 100 bytes in any of them over 300,000 rounds is about this. */
    private static final long BOUND_KIB = 32 * 1024;

    @Test
    @Timeout(300)
    @DisplayName("300,000 rounds of every array- and struct-returning hand-written call keep VmRSS within 32 MiB")
    void irregularCallsDoNotLeak() throws IOException {
        try (Connect c = Libvirt.using("jna").newConnect("test:///default"); Domain d = c.lookupDomainByName("test")) {
            d.addIOThread(7, DomainModificationImpact.LIVE);
            rounds(c, d, 10_000); // warm up: JIT, libvirt's caches
            System.gc();
            long before = JnaLeakTest.rssKib();
            rounds(c, d, 300_000);
            System.gc();
            long after = JnaLeakTest.rssKib();
            System.out.printf("JnaIrregularLeakTest: VmRSS %d KiB before, %d KiB after (growth %d KiB)%n", before, after,
                    after - before);
            assertThat(after - before).as("VmRSS growth in KiB (before %d, after %d)", before, after)
                    .isLessThan(BOUND_KIB);
        }
    }

    private static void rounds(Connect c, Domain d, int n) {
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

}

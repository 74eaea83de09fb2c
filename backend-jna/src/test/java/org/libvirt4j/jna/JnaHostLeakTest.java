package org.libvirt4j.jna;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.libvirt4j.Connect;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.Libvirt;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.Network;

/**
 * The hand-written host calls of JnaManual free every array, string and struct libvirt hands
 * them, on success and on failure: resident memory stays bounded over 50,000 rounds of them.
 */
class JnaHostLeakTest {
    /** One round allocates some 60 model names, 8 list names, stats and a baseline XML: a leak would be several KiB per round. */
    private static final long BOUND_KIB = 48 * 1024;

    @Test
    @Timeout(300)
    @DisplayName("50,000 rounds of the JnaManual calls, failing ones included, keep VmRSS within 48 MiB")
    void hostCallsDoNotLeak() throws IOException {
        try (Connect c = Libvirt.using("jna").newConnect("test:///default")) {
            rounds(c, 5_000);
            System.gc();
            long before = JnaLeakTest.rssKib();
            rounds(c, 50_000);
            System.gc();
            long after = JnaLeakTest.rssKib();
            System.out.printf("JnaHostLeakTest: VmRSS %d KiB before, %d KiB after (growth %d KiB)%n", before, after,
                    after - before);
            assertThat(after - before).as("VmRSS growth in KiB (before %d, after %d)", before, after).isLessThan(BOUND_KIB);
        }
    }


    static void rounds(Connect c, int n) {
        String cpu = "<cpu><arch>x86_64</arch><model>core2duo</model></cpu>";
        try (Network net = c.lookupNetworkByName("default")) {
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
    }
}

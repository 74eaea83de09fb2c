package org.libvirt4j.jni;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.libvirt4j.Connect;
import org.libvirt4j.Domain;
import org.libvirt4j.DomainBlkioParameters;
import org.libvirt4j.DomainNumaParameters;
import org.libvirt4j.DomainPerfEvents;
import org.libvirt4j.Libvirt;
import org.libvirt4j.LibvirtException;

/**
 * Resident memory stays bounded over many typed-parameter calls: the string values libvirt
 * allocates in a caller-allocated array ({@code A}) or in an array of its own ({@code a}), the
 * strings this backend packs to send ({@code T}), and the error path.
 */
class JniTypedLeakTest {
    /** Each cycle moves about a dozen C strings: a leak of them all would be far above this. */
    private static final long BOUND_KIB = 48 * 1024;

    @Test
    @Timeout(300)
    @DisplayName("300,000 cycles of typed-parameter gets, sets and refusals keep VmRSS within 48 MiB")
    void typedParametersDoNotLeak() throws IOException {
        try (Connect c = Libvirt.using("jni").newConnect("test:///default"); Domain d = c.lookupDomainByName("test")) {
            cycle(d, 20_000);
            System.gc();
            long before = JniLeakTest.rssKib();
            cycle(d, 300_000);
            System.gc();
            long after = JniLeakTest.rssKib();
            System.out.printf("JniTypedLeakTest: VmRSS %d KiB before, %d KiB after (growth %d KiB)%n", before, after,
                    after - before);
            assertThat(after - before).as("VmRSS growth in KiB (before %d, after %d)", before, after).isLessThan(BOUND_KIB);
        }
    }

    private static void cycle(Domain d, int n) {
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

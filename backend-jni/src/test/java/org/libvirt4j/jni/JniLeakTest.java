package org.libvirt4j.jni;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.libvirt4j.Connect;
import org.libvirt4j.Domain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.Libvirt;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.tck.NativeLeakKit;

/**
 * Resident memory stays bounded over a million lookup/close cycles, and over many failing calls
 * (whose error path must release every string too). Surefire runs this JVM with a fixed,
 * pre-touched heap, so VmRSS growth is native memory.
 */
class JniLeakTest {
    /** A leaked virDomain (plus its name) is some hundred bytes: a million would be far above this. */
    private static final long BOUND_KIB = 48 * 1024;

    @Test
    @Timeout(300)
    @DisplayName("A million lookupByName/close cycles, and 200,000 failing calls, keep VmRSS within 48 MiB")
    void lookupCloseDoesNotLeak(TestReporter reporter) {
        try (Connect c = Libvirt.using("jni").newConnect("test:///default")) {
            NativeLeakKit.assertBoundedGrowth(reporter, BOUND_KIB, 50_000, 1_000_000, n -> {
                cycle(c, n);
                failingLookups(c, n / 5);
            });
        }
    }

    private static void failingLookups(Connect c, int n) {
        for (int i = 0; i < n; i++) {
            // A long name goes through the heap-allocated string path and the error path.
            String name = i % 2 == 0 ? "missing" : "missing-" + "x".repeat(300);
            assertThatThrownBy(() -> c.lookupDomainByName(name)).isInstanceOf(LibvirtException.class)
                    .extracting(e -> ((LibvirtException) e).code()).isEqualTo(ErrorNumber.ERR_NO_DOMAIN);
        }
    }

    private static void cycle(Connect c, int n) {
        for (int i = 0; i < n; i++) {
            try (Domain d = c.lookupDomainByName("test")) {
                if (i % 1000 == 0) {
                    assertThat(d.getXMLDesc()).contains("<name>test</name>");
                }
            }
        }
    }

}

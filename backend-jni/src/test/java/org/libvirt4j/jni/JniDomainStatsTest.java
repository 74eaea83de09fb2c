package org.libvirt4j.jni;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.libvirt4j.Connect;
import org.libvirt4j.ConnectGetAllDomainStatsFlags;
import org.libvirt4j.Domain;
import org.libvirt4j.DomainStats;
import org.libvirt4j.DomainStatsTypes;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.Libvirt;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.tck.NativeLeakKit;

/**
 * What the TCK cannot see of the JNI glue for {@code getAllDomainStats}: the records' domains
 * own their references, the domain list's handles and connections are checked before libvirt
 * is called, and neither the records nor the references leak.
 */
class JniDomainStatsTest {
    /** As the JNA backend words it; libvirt's own error for a mixed list has an "invalid argument: " prefix. */
    private static final String MIXED = "invalid argument: domains in 'doms' array must belong to a single connection";

    private static Connect open() {
        return Libvirt.using("jni").newConnect("test:///default");
    }

    @Test
    @DisplayName("The records' domains own their references: they outlive the listed domain and the connection")
    void recordsOwnTheirDomains() {
        List<DomainStats> stats;
        try (Connect c = open(); Domain d = c.lookupDomainByName("test")) {
            stats = c.getAllDomainStats(List.of(d, d), Set.of(DomainStatsTypes.STATE));
        }
        try {
            assertThat(stats).isNotEmpty().allSatisfy(st -> {
                assertThat(st.domain().getName()).isEqualTo("test");
                assertThat(st.params()).extracting(p -> p.field()).containsExactly("state.state", "state.reason");
            });
        } finally {
            stats.forEach(DomainStats::close);
        }
        assertThatThrownBy(() -> stats.get(0).domain().getName()).isInstanceOf(LibvirtException.class)
                .extracting(e -> ((LibvirtException) e).code()).isEqualTo(ErrorNumber.ERR_INVALID_DOMAIN);
    }

    @Test
    @DisplayName("A record without parameters, and libvirt's own refusal of a statistics group it lacks")
    void emptyRecordAndLibvirtErrors() {
        try (Connect c = open()) {
            List<DomainStats> stats = c.getAllDomainStats(List.of(), Set.of(DomainStatsTypes.IOTHREAD));
            try {
                assertThat(stats).singleElement().satisfies(st -> {
                    assertThat(st.params()).isEmpty();
                    assertThat(st.domain().getName()).isEqualTo("test");
                });
            } finally {
                stats.forEach(DomainStats::close);
            }
            assertThatThrownBy(() -> c.getAllDomainStats(List.of(), Set.of(DomainStatsTypes.BALLOON),
                    ConnectGetAllDomainStatsFlags.ENFORCE_STATS)).isInstanceOfSatisfying(LibvirtException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorNumber.ERR_ARGUMENT_UNSUPPORTED));
        }
    }

    @Test
    @DisplayName("A domain of another connection, alone or with this one's, is refused with ERR_INVALID_ARG before libvirt is called")
    void otherConnections() {
        try (Connect c = open(); Connect other = open(); Domain mine = c.lookupDomainByName("test");
                Domain theirs = other.lookupDomainByName("test")) {
            for (List<Domain> doms : List.of(List.of(theirs), List.of(mine, theirs), List.of(theirs, mine))) {
                assertThatThrownBy(() -> c.getAllDomainStats(doms, Set.of())).isInstanceOfSatisfying(
                        LibvirtException.class, e -> {
                            assertThat(e.code()).isEqualTo(ErrorNumber.ERR_INVALID_ARG);
                            assertThat(e.domain()).isEqualTo(ErrorDomain.DOMAIN);
                            assertThat(e.getMessage()).isEqualTo(MIXED);
                        });
            }
            try (DomainStats st = other.getAllDomainStats(List.of(theirs), Set.of()).get(0)) {
                assertThat(st.domain().getName()).isEqualTo("test");
            }
        }
    }

    @Test
    @DisplayName("Null, closed and other backends' domains are refused before libvirt is called")
    void badDomains() {
        Domain foreign = (Domain) Proxy.newProxyInstance(Domain.class.getClassLoader(), new Class<?>[] {Domain.class},
                (proxy, m, args) -> {
                    throw new AssertionError("the backend called " + m.getName() + " on another backend's object");
                });
        try (Connect c = open(); Domain d = c.lookupDomainByName("test")) {
            Domain closed = c.lookupDomainByName("test");
            closed.close();
            assertThatThrownBy(() -> c.getAllDomainStats(List.of(d, foreign), Set.of()))
                    .isInstanceOfSatisfying(LibvirtException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorNumber.ERR_INVALID_DOMAIN);
                        assertThat(e.getMessage()).contains("virDomainListGetStats");
                    });
            assertThatThrownBy(() -> c.getAllDomainStats(List.of(d, closed), Set.of()))
                    .isInstanceOfSatisfying(LibvirtException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorNumber.ERR_INVALID_DOMAIN);
                        assertThat(e.getMessage()).contains("virDomainListGetStats");
                    });
            assertThatThrownBy(() -> c.getAllDomainStats(Arrays.asList(d, null), Set.of()))
                    .isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> c.getAllDomainStats(List.of(), new HashSet<>(Arrays.asList(DomainStatsTypes.STATE,
                    null)))).isInstanceOf(NullPointerException.class);
            // the handles taken for the failed calls were all given back
            try (DomainStats st = c.getAllDomainStats(List.of(d), Set.of()).get(0)) {
                assertThat(st.domain().getName()).isEqualTo("test");
            }
        }
    }

    @Test
    @Timeout(300)
    @DisplayName("600,000 calls, half of them failing, keep VmRSS within 16 MiB: records, lists and references are freed")
    void doesNotLeak(TestReporter reporter) {
        try (Connect c = open(); Connect other = open(); Domain d = c.lookupDomainByName("test");
                Domain theirs = other.lookupDomainByName("test")) {
            NativeLeakKit.assertBoundedGrowth(reporter, 16 * 1024, 20_000, 600_000, n -> cycle(c, d, theirs, n));
        }
    }

    private static void cycle(Connect c, Domain d, Domain theirs, int n) {
        for (int i = 0; i < n; i++) {
            switch (i % 4) {
                case 0 -> c.getAllDomainStats(List.of(), Set.of()).forEach(DomainStats::close);
                case 1 -> c.getAllDomainStats(List.of(d), Set.of(DomainStatsTypes.STATE)).forEach(DomainStats::close);
                case 2 -> assertThatThrownBy(() -> c.getAllDomainStats(List.of(d, theirs), Set.of()))
                        .isInstanceOf(LibvirtException.class);
                default -> assertThatThrownBy(() -> c.getAllDomainStats(List.of(), Set.of(DomainStatsTypes.BALLOON),
                        ConnectGetAllDomainStatsFlags.ENFORCE_STATS))
                        .isInstanceOf(LibvirtException.class);
            }
        }
    }
}

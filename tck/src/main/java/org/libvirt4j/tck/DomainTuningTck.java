package org.libvirt4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libvirt4j.tck.NodeFixture.*;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import java.util.Set;
import org.libvirt4j.Connect;
import org.libvirt4j.ConnectGetAllDomainStatsFlags;
import java.util.List;
import org.libvirt4j.Domain;
import org.libvirt4j.DomainBlockStats;
import org.libvirt4j.DomainMemoryParameters;
import org.libvirt4j.DomainMemoryStat;
import org.libvirt4j.DomainMemoryStatTags;
import org.libvirt4j.DomainModificationImpact;
import org.libvirt4j.DomainSchedulerParameters;
import org.libvirt4j.DomainState;
import org.libvirt4j.DomainStats;
import org.libvirt4j.DomainStatsState;
import org.libvirt4j.DomainStatsTypes;
import org.libvirt4j.ErrorNumber;

/** Typed parameters: memory and scheduler tunables, set and read back. */
public abstract class DomainTuningTck extends TckArea {
    DomainTuningTck() {
    }

    /** Fails when typed parameters are unpacked into the wrong record components or "unlimited" is misread. */
    @Test
    @DisplayName("getMemoryParameters reports unlimited hard, soft and swap limits by default")
    void memoryDefaults() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING)) {
            DomainMemoryParameters p = d.getMemoryParameters();
            assertThat(p.hardLimit()).hasValue(DomainMemoryParameters.UNLIMITED);
            assertThat(p.softLimit()).hasValue(DomainMemoryParameters.UNLIMITED);
            assertThat(p.swapHardLimit()).hasValue(DomainMemoryParameters.UNLIMITED);
        }
    }

    /** Fails when set values are packed under the wrong field names, or unset ones are sent as 0. */
    @Test
    @DisplayName("setMemoryParameters changes only the limits that are set, and they read back")
    void memoryRoundTrip() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING)) {
            d.setMemoryParameters(DomainMemoryParameters.builder().hardLimit(500_000L).softLimit(400_000L).build());
            DomainMemoryParameters p = d.getMemoryParameters();
            assertThat(p.hardLimit()).hasValue(500_000L);
            assertThat(p.softLimit()).hasValue(400_000L);
            assertThat(p.swapHardLimit()).hasValue(DomainMemoryParameters.UNLIMITED);
        }
    }

    /** Fails when the modification-impact flags are dropped on set or get. */
    @Test
    @DisplayName("setMemoryParameters with CONFIG on an inactive domain reads back with CONFIG")
    void memoryConfig() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(SHUTOFF)) {
            d.setMemoryParameters(DomainMemoryParameters.builder().hardLimit(300_000L).build(),
                    DomainModificationImpact.CONFIG);
            assertThat(d.getMemoryParameters(DomainModificationImpact.CONFIG).hardLimit()).hasValue(300_000L);
        }
    }

    /** Fails when the scheduler type string or the weight field is not decoded. */
    @Test
    @DisplayName("getSchedulerParameters reports the test driver's fair scheduler with weight 50")
    void schedulerDefaults() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING)) {
            DomainSchedulerParameters p = d.getSchedulerParameters();
            assertThat(p.type()).hasValue("fair");
            assertThat(p.weight()).hasValue(50);
            assertThat(p.cpuShares()).isEmpty();
            assertThat(p.cap()).isEmpty();
        }
    }

    /** Fails when fields the driver did not send show up as set (0 instead of empty), or the type is lost. */
    @Test
    @DisplayName("getSchedulerParameters reports no fields the driver did not send")
    void schedulerOnlySentFields() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(SHUTOFF)) {
            DomainSchedulerParameters p = d.getSchedulerParameters();
            assertThat(p).isEqualTo(DomainSchedulerParameters.builder().type("fair").weight(50).build());
        }
    }

    /** Fails when a set weight is packed with the wrong type (the test driver checks it is an unsigned int). */
    @Test
    @DisplayName("setSchedulerParameters and setSchedulerParametersFlags accept a weight")
    void schedulerSet() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING)) {
            d.setSchedulerParameters(DomainSchedulerParameters.builder().weight(77).build());
            d.setSchedulerParametersFlags(DomainSchedulerParameters.builder().weight(78).build(),
                    DomainModificationImpact.CURRENT);
            assertThat(d.getSchedulerParameters().type()).hasValue("fair");
        }
    }

    /** Fails when a field the driver does not know is not reported as ERR_ARGUMENT_UNSUPPORTED. */
    @Test
    @DisplayName("setMemoryParameters with a min_guarantee the test driver lacks fails with ERR_ARGUMENT_UNSUPPORTED")
    void memoryUnsupportedField() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING)) {
            expectError(org.libvirt4j.ErrorNumber.ERR_ARGUMENT_UNSUPPORTED, () -> d.setMemoryParameters(
                    DomainMemoryParameters.builder().minGuarantee(1000L).build()));
            assertThat(d.getMemoryParameters().hardLimit()).hasValue(DomainMemoryParameters.UNLIMITED);
        }
    }

    /** Fails when statistics structs are misread (wrong field order, sizes, tags) or unknown devices pass. */
    @Test
    @DisplayName("Memory statistics carry the balloon at the domain's memory, each tag once; vda's block counters "
            + "are read; unknown disks and interfaces are refused with ERR_INVALID_ARG")
    void statistics() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING)) {
            List<DomainMemoryStat> mem = d.memoryStats();
            assertThat(mem).extracting(DomainMemoryStat::tag).doesNotHaveDuplicates()
                    .doesNotContain(DomainMemoryStatTags.UNRECOGNIZED).contains(DomainMemoryStatTags.ACTUAL_BALLOON);
            assertThat(mem).filteredOn(m -> m.tag() == DomainMemoryStatTags.ACTUAL_BALLOON)
                    .extracting(DomainMemoryStat::value).containsExactly(d.getInfo().memory());
            DomainBlockStats b = d.blockStats("vda");
            // the test driver derives its counters from the clock: all positive, reads ahead of writes
            assertThat(b.rdReq()).isPositive();
            assertThat(b.rdBytes()).isGreaterThan(b.wrBytes()).isPositive();
            assertThat(b.wrReq()).isPositive().isLessThan(b.rdReq());
            assertThat(b.errs()).isNotNegative();
            expectError(ErrorNumber.ERR_INVALID_ARG, () -> d.blockStats("vdz"));
            expectError(ErrorNumber.ERR_INVALID_ARG, () -> d.interfaceStats("vnet0"));
            expectNpe(() -> d.blockStats(null));
            expectNpe(() -> d.interfaceStats(null));
        }
    }

    /** Fails when bulk statistics lose domains, misread the state group, ignore the filters or the domain list. */
    @Test
    @DisplayName("getAllDomainStats reports every domain's state as getState does, honours ACTIVE and a domain "
            + "list, and refuses another connection's domains")
    void allDomainStats() {
        try (Connect c = open(); Connect other = open(); Domain shutoff = c.lookupDomainByName(SHUTOFF);
                Domain foreign = other.lookupDomainByName(SHUTOFF)) {
            List<DomainStats> all = c.getAllDomainStats(List.of(), Set.of());
            try {
                assertThat(all).extracting(st -> st.domain().getName()).containsExactlyInAnyOrder(RUNNING, SHUTOFF);
                for (DomainStats st : all) {
                    DomainStatsState state = st.state().orElseThrow();
                    assertThat(state.state()).hasValue(st.domain().getState().stateValue());
                    assertThat(state.reason()).hasValue(st.domain().getState().reason());
                    assertThat(st.params()).extracting(p -> p.field()).contains("state.state", "state.reason");
                }
            } finally {
                all.forEach(DomainStats::close);
            }
            List<DomainStats> active = c.getAllDomainStats(List.of(), Set.of(DomainStatsTypes.STATE),
                    ConnectGetAllDomainStatsFlags.ACTIVE);
            try {
                assertThat(active).extracting(st -> st.domain().getName()).containsExactly(RUNNING);
                assertThat(active.get(0).state().orElseThrow().state()).hasValue(DomainState.RUNNING.value());
                assertThat(active.get(0).vcpu()).isEmpty();
                assertThat(active.get(0).cpu()).isEmpty();
            } finally {
                active.forEach(DomainStats::close);
            }
            List<DomainStats> listed = c.getAllDomainStats(List.of(shutoff), Set.of());
            try {
                assertThat(listed).extracting(st -> st.domain().getName()).containsExactly(SHUTOFF);
                assertThat(listed.get(0).state().orElseThrow().state()).hasValue(DomainState.SHUTOFF.value());
            } finally {
                listed.forEach(DomainStats::close);
            }
            expectError(ErrorNumber.ERR_INVALID_ARG, () -> c.getAllDomainStats(List.of(foreign), Set.of()));
            expectNpe(() -> c.getAllDomainStats(null, Set.of()));
            expectNpe(() -> c.getAllDomainStats(List.of(), null));
        }
    }
}

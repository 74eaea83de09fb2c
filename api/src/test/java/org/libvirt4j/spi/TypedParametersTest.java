package org.libvirt4j.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.libvirt4j.DomainMemoryParameters;
import org.libvirt4j.DomainSchedulerParameters;
import org.libvirt4j.TypedParameterType;

class TypedParametersTest {
    @Test
    @DisplayName("memory parameters pack only the set fields, as ULLONG, and unpack back")
    void memoryRoundTrip() {
        DomainMemoryParameters p = DomainMemoryParameters.builder().hardLimit(1024).swapHardLimit(-1L).build();
        List<TypedParameter> packed = TypedParameters.pack(p);
        assertThat(packed).containsExactly(TypedParameter.ofULLong("hard_limit", 1024),
                TypedParameter.ofULLong("swap_hard_limit", -1L));
        assertThat(TypedParameters.unpackMemory(packed)).isEqualTo(p);
        assertThat(p.softLimit()).isEmpty();
    }

    @Test
    @DisplayName("scheduler parameters use each field's C type and keep unsigned values bit for bit")
    void schedulerTypes() {
        DomainSchedulerParameters p = DomainSchedulerParameters.builder().weight(0xffffffff).cap(5)
                .vcpuQuota(-1).cpuShares(1024).shares(-3).build();
        List<TypedParameter> packed = TypedParameters.pack(p);
        assertThat(packed).extracting(TypedParameter::type).containsExactly(TypedParameterType.ULLONG,
                TypedParameterType.LLONG, TypedParameterType.UINT, TypedParameterType.UINT, TypedParameterType.INT);
        DomainSchedulerParameters back = TypedParameters.unpackScheduler("credit", packed);
        assertThat(back.type()).contains("credit");
        assertThat(back.weight()).isEqualTo(OptionalInt.of(0xffffffff));
        assertThat(back.vcpuQuota()).isEqualTo(OptionalLong.of(-1));
        assertThat(back.globalPeriod()).isEmpty();
    }

    @Test
    @DisplayName("unknown fields are ignored and a UINT widens without sign extension")
    void unknownFieldsAndWidening() {
        List<TypedParameter> in = List.of(TypedParameter.ofString("future_field", "x"),
                TypedParameter.ofUInt("hard_limit", -1));
        assertThat(TypedParameters.unpackMemory(in).hardLimit()).isEqualTo(OptionalLong.of(0xffffffffL));
    }

    @Test
    @DisplayName("a value of the wrong Java class for its type is rejected")
    void wrongClass() {
        assertThatThrownBy(() -> new TypedParameter("x", TypedParameterType.INT, 1L))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

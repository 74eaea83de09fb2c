package org.libvirt4j;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One {@code vcpu.<n>.*} entry of {@link DomainStats} (Go's {@code DomainStatsVcpu}).
 *
 * @param number the vCPU number {@code n}
 * @param state {@code vcpu.<n>.state}, a raw {@code virVcpuState}
 * @param time {@code vcpu.<n>.time}, nanoseconds
 * @param waitTime {@code vcpu.<n>.wait}, nanoseconds waiting for a host CPU (Go's {@code Wait}; {@code wait} is taken by Object)
 * @param halted {@code vcpu.<n>.halted}
 * @param delay {@code vcpu.<n>.delay}, nanoseconds
 */
public record DomainStatsVcpu(int number, OptionalInt state, OptionalLong time, OptionalLong waitTime,
        Optional<Boolean> halted, OptionalLong delay) {
}

package org.libvirt4j;

import java.util.OptionalLong;

/**
 * The {@code cpu.*} group of {@link DomainStats} (Go's {@code DomainStatsCPU}), in nanoseconds.
 *
 * @param time {@code cpu.time}, total CPU time
 * @param user {@code cpu.user}, user time
 * @param system {@code cpu.system}, system time
 */
public record DomainStatsCPU(OptionalLong time, OptionalLong user, OptionalLong system) {
}

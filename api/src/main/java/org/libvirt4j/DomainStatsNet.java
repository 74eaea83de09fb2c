package org.libvirt4j;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * One {@code net.<n>.*} entry of {@link DomainStats} (Go's {@code DomainStatsNet}).
 *
 * @param index the entry number {@code n}
 * @param name {@code net.<n>.name}, the host-side device
 * @param rxBytes {@code net.<n>.rx.bytes}
 * @param rxPkts {@code net.<n>.rx.pkts}
 * @param rxErrs {@code net.<n>.rx.errs}
 * @param rxDrop {@code net.<n>.rx.drop}
 * @param txBytes {@code net.<n>.tx.bytes}
 * @param txPkts {@code net.<n>.tx.pkts}
 * @param txErrs {@code net.<n>.tx.errs}
 * @param txDrop {@code net.<n>.tx.drop}
 */
public record DomainStatsNet(int index, Optional<String> name, OptionalLong rxBytes, OptionalLong rxPkts,
        OptionalLong rxErrs, OptionalLong rxDrop, OptionalLong txBytes, OptionalLong txPkts, OptionalLong txErrs,
        OptionalLong txDrop) {
}

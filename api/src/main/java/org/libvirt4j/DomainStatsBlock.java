package org.libvirt4j;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One {@code block.<n>.*} entry of {@link DomainStats} (Go's {@code DomainStatsBlock}).
 *
 * @param index the entry number {@code n}
 * @param name {@code block.<n>.name}, the target (e.g. {@code vda})
 * @param backingIndex {@code block.<n>.backingIndex}
 * @param path {@code block.<n>.path}
 * @param rdReqs {@code block.<n>.rd.reqs}
 * @param rdBytes {@code block.<n>.rd.bytes}
 * @param rdTimes {@code block.<n>.rd.times}
 * @param wrReqs {@code block.<n>.wr.reqs}
 * @param wrBytes {@code block.<n>.wr.bytes}
 * @param wrTimes {@code block.<n>.wr.times}
 * @param flReqs {@code block.<n>.fl.reqs}
 * @param flTimes {@code block.<n>.fl.times}
 * @param errors {@code block.<n>.errors}
 * @param allocation {@code block.<n>.allocation}
 * @param capacity {@code block.<n>.capacity}
 * @param physical {@code block.<n>.physical}
 * @param threshold {@code block.<n>.threshold}
 */
public record DomainStatsBlock(int index, Optional<String> name, OptionalInt backingIndex, Optional<String> path,
        OptionalLong rdReqs, OptionalLong rdBytes, OptionalLong rdTimes, OptionalLong wrReqs, OptionalLong wrBytes,
        OptionalLong wrTimes, OptionalLong flReqs, OptionalLong flTimes, OptionalLong errors,
        OptionalLong allocation, OptionalLong capacity, OptionalLong physical, OptionalLong threshold) {
}

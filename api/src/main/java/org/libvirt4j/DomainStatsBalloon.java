package org.libvirt4j;

import java.util.OptionalLong;

/**
 * The {@code balloon.*} group of {@link DomainStats} (Go's {@code DomainStatsBalloon}); sizes in KiB.
 *
 * @param current {@code balloon.current}
 * @param maximum {@code balloon.maximum}
 * @param swapIn {@code balloon.swap_in}
 * @param swapOut {@code balloon.swap_out}
 * @param majorFault {@code balloon.major_fault}
 * @param minorFault {@code balloon.minor_fault}
 * @param unused {@code balloon.unused}
 * @param available {@code balloon.available}
 * @param usable {@code balloon.usable}
 * @param lastUpdate {@code balloon.last-update}, seconds since the epoch
 * @param rss {@code balloon.rss}, the hypervisor process's resident set
 * @param diskCaches {@code balloon.disk_caches}
 */
public record DomainStatsBalloon(OptionalLong current, OptionalLong maximum, OptionalLong swapIn, OptionalLong swapOut,
        OptionalLong majorFault, OptionalLong minorFault, OptionalLong unused, OptionalLong available,
        OptionalLong usable, OptionalLong lastUpdate, OptionalLong rss, OptionalLong diskCaches) {
}

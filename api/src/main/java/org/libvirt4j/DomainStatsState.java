package org.libvirt4j;

import java.util.OptionalInt;

/**
 * The {@code state.*} group of {@link DomainStats} (Go's {@code DomainStatsState}).
 *
 * @param state {@code state.state}, a raw {@code virDomainState}
 * @param reason {@code state.reason}, the raw reason for it
 */
public record DomainStatsState(OptionalInt state, OptionalInt reason) {
}

package org.libvirt4j;

import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The tunables of a block copy (Go's {@code DomainBlockCopyParameters}); an empty field is not
 * sent, and libvirt uses its default.
 *
 * @param bandwidth the bandwidth limit, in bytes per second
 * @param granularity the granularity of the dirty bitmap, in bytes (a power of two)
 * @param bufSize the largest amount of data in flight, in bytes
 */
public record DomainBlockCopyParameters(OptionalLong bandwidth, OptionalInt granularity, OptionalLong bufSize) {
    /** No tunables: libvirt's defaults. */
    public static final DomainBlockCopyParameters NONE = new DomainBlockCopyParameters(OptionalLong.empty(),
            OptionalInt.empty(), OptionalLong.empty());
}

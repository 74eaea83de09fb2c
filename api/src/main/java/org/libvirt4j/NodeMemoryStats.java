package org.libvirt4j;

import java.util.OptionalLong;

/**
 * The host's memory figures, in KiB (Go's {@code NodeMemoryStats}); a figure the driver does
 * not report is empty.
 *
 * @param total the total memory
 * @param free the free memory
 * @param buffers the memory used by buffers
 * @param cached the memory used by the page cache
 * @see <a href="https://libvirt.org/html/libvirt-libvirt-host.html#virNodeGetMemoryStats">virNodeGetMemoryStats</a>
 */
public record NodeMemoryStats(OptionalLong total, OptionalLong free, OptionalLong buffers, OptionalLong cached) {
}

package org.libvirt4j.spi;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A native backend's reusable direct buffer, through which a {@code byte[]} travels to and from
 * C with one copy and no allocation per call (a stream keeps one: a 256 KiB upload otherwise
 * mallocs, copies and frees 256 KiB per chunk). Taking it is lock-free; a second thread that finds
 * it taken, or a caller needing more than {@link #KEEP_MAX}, gets a buffer of its own for the call.
 */
public final class DirectScratch {
    /** The largest buffer kept between calls: libvirt's stream messages are at most 256 KiB by default. */
    public static final int KEEP_MAX = 1 << 20;
    private static final int MIN = 64 * 1024;

    private final AtomicReference<ByteBuffer> spare = new AtomicReference<>();

    /** Creates an empty scratch; the first {@link #take} allocates. */
    public DirectScratch() {
    }

    /**
     * @param size the bytes needed
     * @return a direct buffer of at least {@code size} bytes, for this caller alone until {@link #give}
     */
    public ByteBuffer take(int size) {
        ByteBuffer b = spare.getAndSet(null);
        if (b == null || b.capacity() < size) {
            b = ByteBuffer.allocateDirect(Math.max(size, MIN));
        }
        return b;
    }

    /** @param b a buffer from {@link #take}, kept for the next call unless it is too large */
    public void give(ByteBuffer b) {
        if (b.capacity() <= KEEP_MAX) {
            spare.set(b);
        }
    }
}

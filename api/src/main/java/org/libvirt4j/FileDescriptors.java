package org.libvirt4j;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * File descriptors libvirt opened for the caller ({@code virDomainLxcOpenNamespace}, the old
 * namespaces of {@code virDomainLxcEnterNamespace}, the files a QEMU monitor command returns),
 * owned by this holder: {@link #close()} closes each of them once. Go hands out {@code os.File}s,
 * which close themselves; Java has no public way to wrap a raw descriptor, so this holder keeps
 * the ownership explicit and try-with-resources-friendly.
 *
 * <p>{@link #fds()} lends the numbers (to pass back to {@link DomainLxcMethods#lxcEnterNamespace},
 * or to a native library); {@link #release()} takes them over, after which closing the holder
 * leaves them open. Thread-safe; closing twice is harmless.
 */
public final class FileDescriptors implements AutoCloseable {
    private static final FileDescriptors NONE = new FileDescriptors(new int[0], fd -> { });

    private final int[] fds;
    private final IntConsumer closer;
    /** Guarded by this: set once the descriptors were closed or released. */
    private boolean done;

    private FileDescriptors(int[] fds, IntConsumer closer) {
        this.fds = fds;
        this.closer = closer;
    }

    /**
     * For backends: wraps descriptors the caller now owns.
     *
     * @param fds the descriptors, copied
     * @param closer closes one descriptor (the C library's {@code close}); never throws
     * @return the holder
     */
    public static FileDescriptors of(int[] fds, IntConsumer closer) {
        Objects.requireNonNull(fds, "fds");
        Objects.requireNonNull(closer, "closer");
        return fds.length == 0 ? NONE : new FileDescriptors(fds.clone(), closer);
    }

    /** {@return a holder of no descriptors} */
    public static FileDescriptors none() {
        return NONE;
    }

    /** {@return how many descriptors the holder has} */
    public int size() {
        return fds.length;
    }

    /**
     * {@return the descriptor numbers, still owned by this holder}
     *
     * @throws IllegalStateException after {@link #close()} or {@link #release()}
     */
    public synchronized int[] fds() {
        if (done && fds.length > 0) {
            throw new IllegalStateException("the descriptors were closed or released");
        }
        return fds.clone();
    }

    /**
     * Hands the descriptors over: the caller closes them from now on.
     *
     * @return the descriptor numbers
     * @throws IllegalStateException after {@link #close()} or {@link #release()}
     */
    public synchronized int[] release() {
        int[] out = fds();
        done = true;
        return out;
    }

    /** Closes each descriptor not released yet, once. */
    @Override
    public synchronized void close() {
        if (done) {
            return;
        }
        done = true;
        for (int fd : fds) {
            closer.accept(fd);
        }
    }

    /** {@return the descriptor numbers, for diagnostics} */
    @Override
    public String toString() {
        return "FileDescriptors" + Arrays.toString(fds);
    }
}

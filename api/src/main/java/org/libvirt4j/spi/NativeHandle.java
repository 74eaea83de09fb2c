package org.libvirt4j.spi;

import java.lang.ref.Cleaner;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;

/**
 * Guards a native libvirt pointer so that no call can touch it after it is freed.
 *
 * <p>A call brackets its use with {@link #acquire(String)} and {@link #release()}.
 * {@link #close()} marks the handle closed at once, so later calls fail with the kind's
 * invalid-object error; the pointer itself is freed when the last call in flight releases
 * it. A handle its owner forgets is freed by a {@link Cleaner} once unreachable. The state is
 * one atomic word (closed bit plus in-flight count), so calls never block each other.
 */
public final class NativeHandle {
    private static final Cleaner CLEANER = Cleaner.create(runnable -> {
        Thread thread = new Thread(runnable, "libvirt4j-cleaner");
        thread.setDaemon(true);
        return thread;
    });
    private static final long CLOSED = 1L;
    private static final long ONE_CALL = 2L;

    private final AtomicLong state = new AtomicLong();
    private final long pointer;
    private final ObjectKind kind;
    private final Cleaner.Cleanable freeing;

    /**
     * @param kind what the pointer points at, for the error on a closed handle
     * @param pointer the native pointer, owned by this handle from now on
     * @param free frees the pointer ({@code virDomainFree}, ...); must not refer to the owner
     */
    public NativeHandle(ObjectKind kind, long pointer, LongConsumer free) {
        this.kind = kind;
        this.pointer = pointer;
        // Registered on this guard, not on its owner: a call in flight holds the guard until
        // release(), so the Cleaner cannot free the pointer under it.
        this.freeing = CLEANER.register(this, new Free(pointer, free));
    }

    /**
     * Marks a call in flight and returns the pointer to use. Every call of the application
     * passes here, so this is where a passed {@link org.libvirt4j.CallDeadline} refuses it: a
     * libvirt call cannot be abandoned once made.
     *
     * @param function the C function about to be called, named in the error
     * @return the live pointer
     * @throws org.libvirt4j.LibvirtException the kind's invalid-object error once closed;
     *         {@code ERR_OPERATION_TIMEOUT} when the current thread's call deadline has passed
     */
    public long acquire(String function) {
        CallDeadlines.refuseIfExpired(function);
        return acquireForCleanup(function);
    }

    /**
     * {@link #acquire(String)} without the deadline check, for the calls {@code close()} makes to
     * undo registrations: a close never fails, deadline or not.
     *
     * @param function the C function about to be called, named in the error
     * @return the live pointer
     * @throws org.libvirt4j.LibvirtException the kind's invalid-object error once closed
     */
    public long acquireForCleanup(String function) {
        while (true) {
            long s = state.get();
            if ((s & CLOSED) != 0) {
                throw kind.invalid(function);
            }
            if (state.compareAndSet(s, s + ONE_CALL)) {
                return pointer;
            }
        }
    }

    /** Ends a call started by {@link #acquire(String)}; frees the pointer if it was the last one after close. */
    public void release() {
        if (state.addAndGet(-ONE_CALL) == CLOSED) {
            freeing.clean();
        }
    }

    /**
     * Runs one call with the live pointer, bracketed by {@link #acquire(String)} and {@link #release()}.
     *
     * @param <T> the call's result
     * @param function the C function about to be called, named in the error
     * @param call the call, given the pointer
     * @return what {@code call} returns
     * @throws org.libvirt4j.LibvirtException the kind's invalid-object error once closed
     */
    public <T> T call(String function, LongFunction<T> call) {
        long p = acquire(function);
        try {
            return call.apply(p);
        } finally {
            release();
        }
    }

    /**
     * Runs one call that returns nothing with the live pointer, as {@link #call(String, LongFunction)} does.
     *
     * @param function the C function about to be called, named in the error
     * @param call the call, given the pointer
     * @throws org.libvirt4j.LibvirtException the kind's invalid-object error once closed
     */
    public void run(String function, LongConsumer call) {
        long p = acquire(function);
        try {
            call.accept(p);
        } finally {
            release();
        }
    }

    /** Closes the handle; safe to call twice and from any thread. */
    public void close() {
        while (true) {
            long s = state.get();
            if ((s & CLOSED) != 0) {
                return;
            }
            if (state.compareAndSet(s, s | CLOSED)) {
                if (s == 0) {
                    freeing.clean();
                }
                return;
            }
        }
    }

    /** @return whether {@link #close()} was called */
    public boolean isClosed() {
        return (state.get() & CLOSED) != 0;
    }

    /** @return what this handle points at */
    public ObjectKind kind() {
        return kind;
    }

    private static final class Free implements Runnable {
        private final long pointer;
        private final LongConsumer free;

        Free(long pointer, LongConsumer free) {
            this.pointer = pointer;
            this.free = free;
        }

        @Override
        public void run() {
            try {
                free.accept(pointer);
            } catch (RuntimeException | Error e) {
                // Freeing runs on close() or on the Cleaner thread; neither may be broken by a
                // failing free, and libvirt's free functions report nothing worth surfacing.
            }
        }
    }
}

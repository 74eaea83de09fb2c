package org.libvirt4j;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A deadline for every call the current thread makes until {@link #close()}, on any connection:
 * a call still waiting for its reply at the deadline fails with {@code ERR_OPERATION_TIMEOUT}
 * (as one past the connection's {@link ConnectOption#CALL_TIMEOUT} does). Scopes nest; the
 * earliest deadline wins.
 *
 * <pre>{@code
 * try (CallDeadline d = CallDeadline.within(Duration.ofSeconds(2))) {
 *     dom.shutdown();
 *     dom.getState();
 * }
 * }</pre>
 *
 * <p>A backend that cannot abandon a call in flight (a native library call cannot be interrupted)
 * does not list {@link ConnectOption#CALL_TIMEOUT} in {@link BackendInfo#supportedOptions()};
 * it refuses to start a call after the deadline, but a call it started runs to its end.
 */
public final class CallDeadline implements AutoCloseable {
    private static final ThreadLocal<CallDeadline> CURRENT = new ThreadLocal<>();
    /**
     * Scopes open on all threads. Every native call asks {@link #currentNanos()}, and almost
     * always no scope is open anywhere: one shared read then answers instead of a ThreadLocal
     * lookup. A thread always sees its own scopes counted (its own writes), so the answer for
     * the calling thread is exact; a scope never closed only keeps the lookup on.
     */
    private static final AtomicInteger OPEN = new AtomicInteger();

    private final long deadlineNanos;
    private final CallDeadline outer;
    private final Thread owner;
    private boolean closed;

    private CallDeadline(long deadlineNanos, CallDeadline outer) {
        this.deadlineNanos = deadlineNanos;
        this.outer = outer;
        this.owner = Thread.currentThread();
    }

    /**
     * Starts a scope on the current thread.
     *
     * @param timeout from now
     * @return the scope, to close on the same thread
     */
    public static CallDeadline within(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        long now = System.nanoTime();
        long at = now + saturatedNanos(timeout);
        CallDeadline outer = CURRENT.get();
        if (outer != null && outer.deadlineNanos - at < 0) {
            at = outer.deadlineNanos;
        }
        CallDeadline d = new CallDeadline(at, outer);
        CURRENT.set(d);
        OPEN.incrementAndGet();
        return d;
    }

    /**
     * For backends: the current thread's deadline.
     *
     * @return the {@link System#nanoTime()} by which the current call must be answered, if a scope is open
     */
    public static OptionalLong currentNanos() {
        if (OPEN.get() == 0) {
            return OptionalLong.empty();
        }
        CallDeadline d = CURRENT.get();
        return d == null ? OptionalLong.empty() : OptionalLong.of(d.deadlineNanos);
    }

    /**
     * Ends the scope, restoring the enclosing one.
     *
     * @throws IllegalStateException when closed on another thread than the one that opened it
     */
    @Override
    public void close() {
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("a CallDeadline is closed on the thread that opened it");
        }
        if (closed) {
            return;
        }
        closed = true;
        OPEN.decrementAndGet();
        if (CURRENT.get() == this) {
            // An enclosing scope closed before this one no longer applies, with or without the count.
            CallDeadline open = outer;
            while (open != null && open.closed) {
                open = open.outer;
            }
            if (open == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(open);
            }
        }
    }

    private static long saturatedNanos(Duration d) {
        try {
            return Math.max(0, d.toNanos());
        } catch (ArithmeticException e) {
            return d.isNegative() ? 0 : Long.MAX_VALUE / 4;
        }
    }
}

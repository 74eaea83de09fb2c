package org.libvirt4j.spi;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.PhantomReference;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;

/**
 * Guards a native libvirt pointer so that no call can touch it after it is freed.
 *
 * <p>A call brackets its use with {@link #acquire(String)} and {@link #release()}.
 * {@link #close()} marks the handle closed at once, so later calls fail with the kind's
 * invalid-object error; the pointer itself is freed when the last call in flight releases
 * it. A handle its owner forgets is freed once unreachable, by a phantom reference (a
 * {@link java.lang.ref.Cleaner}'s scheme, made cheaper: see the nested Tracker). The state is one
 * word (closed bit plus in-flight count) updated with one atomic add per acquire and per
 * release, so calls never block each other.
 */
public final class NativeHandle {
    private static final long CLOSED = 1L;
    private static final long ONE_CALL = 2L;
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(NativeHandle.class, "state", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile long state;
    private final long pointer;
    private final ObjectKind kind;
    private final Tracker tracker;

    /**
     * @param kind what the pointer points at, for the error on a closed handle
     * @param pointer the native pointer, owned by this handle from now on
     * @param free frees the pointer ({@code virDomainFree}, ...); must not refer to the owner
     */
    public NativeHandle(ObjectKind kind, long pointer, LongConsumer free) {
        this.kind = kind;
        this.pointer = pointer;
        // Tracks this guard, not its owner: a call in flight holds the guard until release(),
        // so the pointer cannot be freed as unreachable under it.
        this.tracker = new Tracker(this, pointer, free);
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
        // Counted first and checked after: one atomic add instead of a read and a
        // compare-and-set. A call refused on a closed handle takes its count back through
        // release(), whose free then finds the pointer freed already (Tracker.free runs once).
        long s = (long) STATE.getAndAdd(this, ONE_CALL);
        if ((s & CLOSED) != 0) {
            release();
            throw kind.invalid(function);
        }
        return pointer;
    }

    /** Ends a call started by {@link #acquire(String)}; frees the pointer if it was the last one after close. */
    public void release() {
        if ((long) STATE.getAndAdd(this, -ONE_CALL) - ONE_CALL == CLOSED) {
            tracker.free();
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
            long s = state;
            if ((s & CLOSED) != 0) {
                return;
            }
            if (STATE.compareAndSet(this, s, s | CLOSED)) {
                if (s == 0) {
                    tracker.free();
                }
                return;
            }
        }
    }

    /** @return whether {@link #close()} was called */
    public boolean isClosed() {
        return (state & CLOSED) != 0;
    }

    /** @return what this handle points at */
    public ObjectKind kind() {
        return kind;
    }

    /**
     * What {@link java.lang.ref.Cleaner} does for one registration, without its costs on the
     * path of a handle closed by its owner (the common case), which measured as much as the
     * libvirt call a handle stands for: one object (reference, pointer and free function
     * together) instead of three, a list per stripe of threads instead of one lock for all,
     * and no {@link Reference#clear()} (a native call into the VM) on close. Unlinked on free,
     * a tracker is reachable only from its guard, so both die together and the collector never
     * queues it; if it queues one anyway (a tracker in the old generation whose guard died
     * young), {@link #free()} finds it unlinked and does nothing.
     */
    private static final class Tracker extends PhantomReference<NativeHandle> {
        private static final ReferenceQueue<NativeHandle> UNREACHABLE = new ReferenceQueue<>();
        private static final Tracker[] STRIPES = new Tracker[8];

        static {
            for (int i = 0; i < STRIPES.length; i++) {
                STRIPES[i] = new Tracker();
            }
            Thread thread = new Thread(Tracker::freeUnreachable, "libvirt4j-cleaner");
            thread.setDaemon(true);
            thread.start();
        }

        private final Tracker list;
        private final long pointer;
        private final LongConsumer free;
        private Tracker prev;
        private Tracker next;

        /** A list head: its lock guards the list. */
        private Tracker() {
            super(null, null);
            this.list = this;
            this.pointer = 0;
            this.free = null;
        }

        Tracker(NativeHandle guard, long pointer, LongConsumer free) {
            super(guard, UNREACHABLE);
            this.list = STRIPES[(int) Thread.currentThread().getId() & (STRIPES.length - 1)];
            this.pointer = pointer;
            this.free = free;
            synchronized (list) {
                // linked so that it stays reachable, and so queued, while its guard lives
                next = list.next;
                prev = list;
                if (next != null) {
                    next.prev = this;
                }
                list.next = this;
            }
        }

        /** Frees the pointer the first time only: from close, release or the cleaner thread. */
        void free() {
            synchronized (list) {
                if (prev == null) {
                    return;
                }
                prev.next = next;
                if (next != null) {
                    next.prev = prev;
                }
                prev = null;
                next = null;
            }
            try {
                free.accept(pointer);
            } catch (RuntimeException | Error e) {
                // Freeing runs on close() or on the cleaner thread; neither may be broken by a
                // failing free, and libvirt's free functions report nothing worth surfacing.
            }
        }

        private static void freeUnreachable() {
            while (true) {
                try {
                    ((Tracker) UNREACHABLE.remove()).free();
                } catch (InterruptedException e) {
                    // a daemon thread nobody else owns: keep serving the queue
                } catch (RuntimeException | Error e) {
                    // free() swallows the free's failures; keep the thread alive whatever comes
                }
            }
        }
    }
}

package org.libvirt4j.spi;

import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where a native connection's event callbacks run: on libvirt's event loop thread as they arrive
 * ({@link #INLINE}, libvirt's own way), or, for a connection opened with
 * {@link org.libvirt4j.ConnectOption#EVENT_EXECUTOR}, as tasks of the application's executor.
 *
 * <p>On an executor the callbacks run one at a time, in arrival order, at most {@link #BATCH} per
 * task so that a flood does not hold a shared executor; the deliveries waiting are bounded by
 * {@link #MAX_QUEUED}, so a callback that stops returning costs at most that many events (each
 * dropped one is counted and logged) instead of memory without bound. What an event holds (its
 * object's handle) is released after its callback, or when the callback will never run.
 */
public final class EventCallbackRunner {
    private static final System.Logger LOG = System.getLogger(EventCallbackRunner.class.getName());
    /** Deliveries one connection may have waiting for the executor before new ones are dropped. */
    public static final int MAX_QUEUED = 10_000;
    /** Callbacks one executor task runs before it hands the executor back. */
    public static final int BATCH = 64;
    /** Runs each callback at once, on the thread that received the event. */
    public static final EventCallbackRunner INLINE = new EventCallbackRunner(null, "");

    private record Delivery(AutoCloseable held, Runnable callback) {
    }

    private final Executor executor;
    private final String connection;
    private final AtomicLong dropped = new AtomicLong();
    /** Guarded by this. */
    private final ArrayDeque<Delivery> queue = new ArrayDeque<>();
    /** Whether a drain task is submitted or running. Guarded by this. */
    private boolean draining;

    private EventCallbackRunner(Executor executor, String connection) {
        this.executor = executor;
        this.connection = connection;
    }

    /**
     * @param executor the application's executor
     * @param connection names the connection in the log, e.g. its URI
     * @return a runner of its own for one connection
     */
    public static EventCallbackRunner on(Executor executor, String connection) {
        return new EventCallbackRunner(Objects.requireNonNull(executor, "executor"), connection);
    }

    /**
     * Runs callback now or queues it, and closes held after it (or instead of it, when it is
     * dropped). Never throws: what the callback throws is logged.
     *
     * @param held what the event holds for its callback, e.g. the handle of its domain
     * @param callback the call into the application
     */
    public void deliver(AutoCloseable held, Runnable callback) {
        Delivery d = new Delivery(held, callback);
        if (executor == null) {
            run(d);
            return;
        }
        boolean submit;
        synchronized (this) {
            if (queue.size() >= MAX_QUEUED) {
                submit = false;
                d = drop(d);
            } else {
                queue.add(d);
                d = null;
                submit = !draining;
                draining = true;
            }
        }
        if (d != null) {
            release(d);
        }
        if (submit) {
            submitDrain();
        }
    }

    /** {@return how many deliveries a full queue or a refusing executor has dropped} */
    public long dropped() {
        return dropped.get();
    }

    private Delivery drop(Delivery d) {
        if (dropped.incrementAndGet() % MAX_QUEUED == 1) {
            LOG.log(Level.WARNING, "the event callbacks of " + connection + " fall behind: " + MAX_QUEUED
                    + " events wait for the executor; new ones are dropped (" + dropped.get() + " so far)");
        }
        return d;
    }

    private void submitDrain() {
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            List<Delivery> lost;
            synchronized (this) {
                lost = new ArrayList<>(queue);
                queue.clear();
                draining = false;
            }
            dropped.addAndGet(lost.size());
            LOG.log(Level.WARNING, "the event executor of " + connection + " refused a task; " + lost.size()
                    + " events are dropped", e);
            lost.forEach(EventCallbackRunner::release);
        }
    }

    private void drain() {
        for (int i = 0; i < BATCH; i++) {
            Delivery d;
            synchronized (this) {
                d = queue.poll();
                if (d == null) {
                    draining = false;
                    return;
                }
            }
            run(d);
        }
        submitDrain();
    }

    private static void run(Delivery d) {
        try {
            d.callback().run();
        } catch (Throwable t) {
            LOG.log(Level.WARNING, "an event callback threw; the event is dropped", t);
        } finally {
            release(d);
        }
    }

    private static void release(Delivery d) {
        try {
            d.held().close();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "releasing an event's object failed", e);
        }
    }

    /**
     * A native connection whose event callbacks can run on an application's executor: the
     * default {@link LibvirtBackend#open(String, org.libvirt4j.ConnectOptions)} hands it the
     * runner when {@link org.libvirt4j.ConnectOption#EVENT_EXECUTOR} is given.
     */
    public interface Host {
        /**
         * @param runner runs this connection's event callbacks from now on
         */
        void runEventCallbacks(EventCallbackRunner runner);
    }
}

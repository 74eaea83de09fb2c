package org.libvirt4j.remote.internal;

import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs the event callbacks of every remote connection on one daemon thread, fairly between
 * connections.
 *
 * <p>Each connection has a {@link Queue} of its own, bounded by {@link #MAX_QUEUED}: a daemon
 * that floods events faster than the callbacks consume them fills only its own connection's
 * queue, and only that connection loses events (counted, and logged naming the connection).
 * The thread serves the connections with work round robin, one event each in turn, so a
 * flooded connection delays another connection's event by at most one of its own callbacks and
 * never makes it drop one. One thread, as libvirt's C client runs all callbacks on its one event
 * loop: each connection's events keep their order, and a callback that blocks holds up the
 * others just as it does there. The thread starts on the first event and ends after
 * {@link #IDLE_SECONDS} without any.
 *
 * <p>A connection opened with {@code ConnectOption.EVENT_EXECUTOR} has a dispatcher of its own
 * ({@link #on(Executor)}) that runs the same turns as tasks of the application's executor, one
 * task at a time (so each connection's events keep their order), each at most {@link #BATCH}
 * callbacks long so that a shared executor is not held by one flood.
 */
final class EventDispatcher {
    private static final System.Logger LOG = System.getLogger(EventDispatcher.class.getName());
    /** Events one connection may have waiting for their callbacks before its new ones are dropped. */
    static final int MAX_QUEUED = 10_000;
    /** Seconds the thread waits for work before it ends (a new event starts another). */
    static final int IDLE_SECONDS = 30;
    /** The dispatcher every connection shares. */
    static final EventDispatcher SHARED = new EventDispatcher();

    /** Callbacks one task on an application's executor runs before it hands the executor back. */
    static final int BATCH = 64;

    private static final AtomicInteger CONNECTIONS = new AtomicInteger();

    /** The application's executor, or null for this dispatcher's own thread. */
    private final Executor executor;
    /** Whether a drain task is submitted to {@link #executor} or running there. Guarded by {@link #lock}. */
    private boolean draining;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    /** Queues with events waiting, in turn order; each at most once. Guarded by {@link #lock}. */
    private final ArrayDeque<Queue> ready = new ArrayDeque<>();
    /** The running thread, null when none runs. Guarded by {@link #lock}. */
    private Thread thread;
    /** Whether a callback runs right now. Guarded by {@link #lock}. */
    private boolean running;

    private EventDispatcher(Executor executor) {
        this.executor = executor;
    }

    private EventDispatcher() {
        this(null);
    }

    /**
     * @param executor the application's executor ({@code ConnectOption.EVENT_EXECUTOR})
     * @return a dispatcher that runs its callbacks there
     */
    static EventDispatcher on(Executor executor) {
        return new EventDispatcher(java.util.Objects.requireNonNull(executor, "executor"));
    }

    /**
     * @param connection names the connection in the log, e.g. its URI
     * @return a new, empty queue for one connection
     */
    Queue newQueue(String connection) {
        return new Queue("#" + CONNECTIONS.incrementAndGet() + " to '" + connection + "'");
    }

    /** {@return whether no event waits in any queue and no callback runs}, for tests. */
    boolean isIdle() {
        lock.lock();
        try {
            return ready.isEmpty() && !running;
        } finally {
            lock.unlock();
        }
    }

    /** Under {@link #lock}: puts {@code q} in the turn order unless it is there, and wakes or starts the thread. */
    private void schedule(Queue q) {
        if (!q.scheduled) {
            q.scheduled = true;
            ready.add(q);
        }
        if (executor != null) {
            if (!draining) {
                draining = true;
                submitDrain();
            }
        } else if (thread == null) {
            thread = new Thread(this::loop, "libvirt4j-remote-events");
            thread.setDaemon(true);
            thread.start();
        } else {
            work.signal();
        }
    }

    /** Under {@link #lock}: hands one drain task to the executor; one that refuses it gets the next event's. */
    private void submitDrain() {
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            draining = false;
            LOG.log(Level.WARNING, "the event executor refused a task; events wait for the next one", e);
        }
    }

    /** One task on the application's executor: up to {@link #BATCH} callbacks, then again later if work remains. */
    private void drain() {
        for (int i = 0; i < BATCH; i++) {
            Runnable task;
            lock.lock();
            try {
                running = false;
                task = next();
                if (task == null) {
                    draining = false;
                    return;
                }
                running = true;
            } finally {
                lock.unlock();
            }
            runCallback(task);
        }
        lock.lock();
        try {
            running = false;
            if (ready.isEmpty()) {
                draining = false;
            } else {
                submitDrain();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Under {@link #lock}: the next connection's next task, the connection going to the end of the line; null when none. */
    private Runnable next() {
        Queue q = ready.poll();
        if (q == null) {
            return null;
        }
        Runnable task = q.tasks.poll();
        // back to the end of the line: the other connections' first events go before its next
        if (q.tasks.isEmpty()) {
            q.scheduled = false;
        } else {
            ready.add(q);
        }
        return task;
    }

    private static void runCallback(Runnable task) {
        try {
            task.run();
        } catch (Throwable t) {
            LOG.log(Level.WARNING, "an event callback threw; the event is dropped", t);
        }
    }

    private void loop() {
        while (true) {
            Runnable task;
            lock.lock();
            try {
                running = false;
                long idle = TimeUnit.SECONDS.toNanos(IDLE_SECONDS);
                while ((task = next()) == null) {
                    if (idle <= 0) {
                        thread = null;
                        return;
                    }
                    try {
                        idle = work.awaitNanos(idle);
                    } catch (InterruptedException e) {
                        idle = 0; // nobody interrupts this thread but to end it
                    }
                }
                running = true;
            } finally {
                lock.unlock();
            }
            runCallback(task);
        }
    }

    /** One connection's events, in arrival order. */
    final class Queue {
        private final String name;
        /** Guarded by {@link #lock}. */
        private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
        /** Whether this queue is in {@link #ready}. Guarded by {@link #lock}. */
        private boolean scheduled;
        /** Guarded by {@link #lock}. */
        private long dropped;

        private Queue(String name) {
            this.name = name;
        }

        /**
         * Queues one event's delivery, or drops it when {@link #MAX_QUEUED} wait already.
         *
         * @param task runs the callback
         * @return whether it was queued
         */
        boolean offer(Runnable task) {
            long n;
            lock.lock();
            try {
                if (tasks.size() < MAX_QUEUED) {
                    tasks.add(task);
                    schedule(this);
                    return true;
                }
                n = ++dropped;
            } finally {
                lock.unlock();
            }
            // a flood must not flood the log too: the first drop and every MAX_QUEUED-th
            if (n % MAX_QUEUED == 1) {
                LOG.log(Level.WARNING, "connection " + name + ": more than " + MAX_QUEUED
                        + " events wait for their callbacks; " + n + " dropped so far");
            }
            return false;
        }

        /**
         * Queues a task that must run even when the queue is full, after the events before it:
         * the close callback, once per connection, so the bound still holds.
         *
         * @param task the task
         */
        void offerAlways(Runnable task) {
            lock.lock();
            try {
                tasks.add(task);
                schedule(this);
            } finally {
                lock.unlock();
            }
        }

        /** {@return how many of this connection's events were dropped because its queue was full} */
        long dropped() {
            lock.lock();
            try {
                return dropped;
            } finally {
                lock.unlock();
            }
        }

        /** {@return how many events wait in this queue} */
        int size() {
            lock.lock();
            try {
                return tasks.size();
            } finally {
                lock.unlock();
            }
        }
    }
}

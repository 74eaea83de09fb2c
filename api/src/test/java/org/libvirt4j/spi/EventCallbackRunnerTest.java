package org.libvirt4j.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The runner's queue discipline; the TCK's options area proves it with libvirt's events. */
class EventCallbackRunnerTest {
    @Test
    void inlineRunsOnTheCallingThreadAndReleasesAfter() {
        List<String> log = new ArrayList<>();
        EventCallbackRunner.INLINE.deliver(() -> log.add("released"), () -> log.add(Thread.currentThread().getName()));
        assertThat(log).containsExactly(Thread.currentThread().getName(), "released");
    }

    @Test
    void executorKeepsOrderAndHandsTheExecutorBackEachBatch() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicInteger tasks = new AtomicInteger();
        Executor counting = r -> {
            tasks.incrementAndGet();
            pool.execute(r);
        };
        EventCallbackRunner runner = EventCallbackRunner.on(counting, "test");
        List<Integer> order = new CopyOnWriteArrayList<>();
        AtomicInteger released = new AtomicInteger();
        int n = 1_000;
        for (int i = 0; i < n; i++) {
            int k = i;
            runner.deliver(released::incrementAndGet, () -> order.add(k));
        }
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (released.get() < n && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        pool.shutdown();
        assertThat(order).hasSize(n);
        for (int i = 0; i < n; i++) {
            assertThat(order.get(i)).isEqualTo(i);
        }
        assertThat(released).hasValue(n);
        assertThat(tasks.get()).as("one task per batch at least").isGreaterThanOrEqualTo(n / EventCallbackRunner.BATCH);
    }

    @Test
    void aStuckExecutorBoundsTheQueueAndReleasesWhatItDrops() {
        List<Runnable> held = new ArrayList<>();
        EventCallbackRunner runner = EventCallbackRunner.on(held::add, "stuck"); // never runs its tasks
        AtomicInteger released = new AtomicInteger();
        int extra = 25;
        for (int i = 0; i < EventCallbackRunner.MAX_QUEUED + extra; i++) {
            runner.deliver(released::incrementAndGet, () -> { });
        }
        assertThat(held).as("one drain task submitted").hasSize(1);
        assertThat(runner.dropped()).isEqualTo(extra);
        assertThat(released).as("dropped events release what they hold").hasValue(extra);
        held.get(0).run(); // one batch
        assertThat(released).hasValue(extra + EventCallbackRunner.BATCH);
    }

    @Test
    void aRefusingExecutorDropsAndReleasesEverything() {
        AtomicInteger released = new AtomicInteger();
        AtomicInteger ran = new AtomicInteger();
        EventCallbackRunner runner = EventCallbackRunner.on(r -> {
            throw new RejectedExecutionException("shut down");
        }, "refusing");
        for (int i = 0; i < 3; i++) {
            runner.deliver(released::incrementAndGet, ran::incrementAndGet);
        }
        assertThat(ran).hasValue(0);
        assertThat(released).hasValue(3);
        assertThat(runner.dropped()).isEqualTo(3);
    }

    @Test
    void aThrowingCallbackStillReleasesAndTheNextRuns() {
        AtomicInteger released = new AtomicInteger();
        List<String> ran = new ArrayList<>();
        EventCallbackRunner runner = EventCallbackRunner.on(Runnable::run, "direct");
        runner.deliver(released::incrementAndGet, () -> {
            throw new IllegalStateException("callback bug");
        });
        runner.deliver(released::incrementAndGet, () -> ran.add("second"));
        assertThat(released).hasValue(2);
        assertThat(ran).containsExactly("second");
    }
}

package org.libvirt4j.benchmarks;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLongArray;
import org.libvirt4j.Connect;
import org.libvirt4j.Connector;
import org.libvirt4j.Domain;
import org.libvirt4j.DomainEventType;
import org.libvirt4j.Libvirt;

/**
 * The lifecycle event workload of one backend, in a JVM of its own, as {@code event_baseline.c}
 * does it with libvirt's C client: one connection, one lifecycle callback for every domain, and
 * a loop creating and destroying transient test domains without waiting for the events. Each
 * event's latency runs from the start of the call that caused it ({@code domainCreateXML}:
 * STARTED, {@code destroy}: STOPPED) to the callback's arrival. One connection's events arrive in
 * the order of its calls, so the n-th event belongs to the n-th call; an event of another type in
 * that place is an error (the run fails: a backend must not reorder events to win).
 *
 * <p>Arguments: {@code BACKEND URI WARMUP SECONDS ROUNDS}. After WARMUP seconds unmeasured (the
 * JIT's) it prints {@code ready}, then runs ROUNDS rounds of SECONDS each (ROUNDS 0: one round per
 * line read from stdin, until its end, so that the runner can interleave the clients), each printing
 * {@code <events per second> <mean latency in microseconds>}, the rate counted from the round's
 * first call to the arrival of its last event (a round waits for all of them).
 * {@link EventBenchmarkRunner} starts one per backend next to the C program.
 */
public final class EventBenchmark {
    private static final int RING = 1 << 20;

    private final AtomicLongArray issued = new AtomicLongArray(RING);
    private long issuedCount;
    /** Written by the event thread only; read by the loop to wait for a round's events. */
    private volatile long received;
    private volatile long latencySum;
    private volatile long lastArrival;
    private volatile long errors;
    private long serial;
    /** This process's domain name prefix. */
    private final String prefix = "evb-" + ProcessHandle.current().pid() + "-";

    private EventBenchmark() {
    }

    /**
     * @param args backend, URI, warm-up seconds, seconds per round, rounds (0: one per line of stdin)
     * @throws java.io.IOException when stdin cannot be read
     */
    public static void main(String[] args) throws java.io.IOException {
        if (args.length != 5) {
            System.err.println("usage: EventBenchmark BACKEND URI WARMUP SECONDS ROUNDS");
            System.exit(2);
        }
        Connector connector = Libvirt.using(args[0]);
        connector.eventRegisterDefaultImpl();
        double warmup = Double.parseDouble(args[2]);
        double seconds = Double.parseDouble(args[3]);
        int rounds = Integer.parseInt(args[4]);
        EventBenchmark b = new EventBenchmark();
        try (Connect conn = connector.newConnect(args[1])) {
            // other clients of the same daemon's test driver: their events reach this callback too
            int id = conn.domainEventLifecycleRegister(null, (c, d, e) -> {
                if (d.getName().startsWith(b.prefix)) {
                    b.arrived(e.event());
                }
            });
            try {
                if (warmup > 0) {
                    b.round(conn, warmup);
                }
                System.out.println("ready");
                System.out.flush();
                java.io.BufferedReader in = new java.io.BufferedReader(
                        new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8));
                for (int r = 0; rounds == 0 ? in.readLine() != null : r < rounds; r++) {
                    double[] result = b.round(conn, seconds);
                    System.out.printf(Locale.ROOT, "%.1f %.1f%n", result[0], result[1]);
                    System.out.flush();
                }
            } finally {
                conn.domainEventDeregister(id);
            }
        }
        if (b.errors > 0) {
            System.err.println("EventBenchmark: " + b.errors + " events out of order");
            System.exit(1);
        }
        System.exit(0);
    }

    /** The callback: on libvirt's event thread (native backends) or the delivery thread (remote). */
    private void arrived(DomainEventType event) {
        long t = System.nanoTime();
        if (event != DomainEventType.STARTED && event != DomainEventType.STOPPED) {
            return;
        }
        long k = received;
        if (event != (k % 2 == 0 ? DomainEventType.STARTED : DomainEventType.STOPPED)) {
            errors++;
        }
        latencySum += t - issued.get((int) (k % RING));
        lastArrival = t;
        received = k + 1;
    }

    private void issue() {
        issued.set((int) (issuedCount % RING), System.nanoTime());
        issuedCount++;
    }

    /** {@return events per second and mean latency in microseconds of one round} */
    private double[] round(Connect conn, double seconds) {
        long first = issuedCount;
        long lat0 = latencySum;
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            String xml = "<domain type='test'><name>" + prefix + serial++ + "</name><memory>8192</memory>"
                    + "<os><type>hvm</type></os></domain>";
            issue();
            try (Domain d = conn.domainCreateXML(xml, 0)) {
                issue();
                d.destroy();
            }
        }
        long waitUntil = System.nanoTime() + 30_000_000_000L;
        while (received < issuedCount) {
            if (System.nanoTime() > waitUntil) {
                System.err.println("EventBenchmark: " + (issuedCount - received) + " events never arrived");
                System.exit(1);
            }
            Thread.onSpinWait();
            java.util.concurrent.locks.LockSupport.parkNanos(100_000);
        }
        long events = issuedCount - first;
        return new double[] {events / ((lastArrival - start) / 1e9), (latencySum - lat0) / 1e3 / events};
    }
}

package org.libvirt4j.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler giving CPU time per call: the benchmark JVM's own (all its threads: callers,
 * event loop, JIT, GC; {@code /proc/self/stat}), the calling threads' alone (JMH's workers,
 * {@link ThreadMXBean}: what an in-process call costs, without the JIT still compiling) and,
 * when the system property {@value #DAEMON_PID} names it, a daemon's ({@code /proc/PID/stat}),
 * each divided by the operations of the iteration. Secondary results {@value #CLIENT},
 * {@value #CALLERS} and {@value #DAEMON}, in nanoseconds per call. On a machine shared with other work this is steadier than the time per
 * call: time spent waiting for a CPU is not counted. Add it with {@code OptionsBuilder.addProfiler(CpuPerCallProfiler.class)}.
 */
public final class CpuPerCallProfiler implements InternalProfiler {
    /** The system property (set in the benchmark JVM) holding the daemon's pid. */
    public static final String DAEMON_PID = "libvirt4j.bench.daemonPid";
    /** The label of the benchmark JVM's CPU per call. */
    public static final String CLIENT = "client.cpu.ns/call";
    /** The label of the calling threads' CPU per call. */
    public static final String CALLERS = "callers.cpu.ns/call";
    /** The label of the daemon's CPU per call. */
    public static final String DAEMON = "daemon.cpu.ns/call";
    /** {@code sysconf(_SC_CLK_TCK)} on Linux. */
    static final long CLOCK_TICKS_PER_SECOND = 100;

    private long client0;
    private long daemon0;
    private final Map<Long, Long> callers0 = new HashMap<>();

    /** The public constructor JMH instantiates. */
    public CpuPerCallProfiler() {
    }

    @Override
    public String getDescription() {
        return "CPU time per call of this JVM and of the daemon named by -D" + DAEMON_PID;
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmark, IterationParams iteration) {
        client0 = cpuTicks("self");
        callers0.clear();
        forEachWorker((id, cpu) -> callers0.put(id, cpu));
        daemon0 = daemonPid() == null ? 0 : cpuTicks(daemonPid());
    }

    @Override
    public Collection<ScalarResult> afterIteration(BenchmarkParams benchmark, IterationParams iteration,
            IterationResult result) {
        long ops = result.getMetadata().getMeasuredOps();
        List<ScalarResult> out = new ArrayList<>();
        if (ops <= 0) {
            return out;
        }
        out.add(perCall(CLIENT, cpuTicks("self") - client0, ops));
        long[] callers = new long[1];
        forEachWorker((id, cpu) -> callers[0] += cpu - callers0.getOrDefault(id, 0L));
        out.add(new ScalarResult(CALLERS, callers[0] / (double) ops, "ns/call", AggregationPolicy.AVG));
        if (daemonPid() != null) {
            out.add(perCall(DAEMON, cpuTicks(daemonPid()) - daemon0, ops));
        }
        return out;
    }

    private static ScalarResult perCall(String label, long ticks, long ops) {
        return new ScalarResult(label, ticks * 1e9 / CLOCK_TICKS_PER_SECOND / ops, "ns/call", AggregationPolicy.AVG);
    }

    /** Visits JMH's worker threads (they run the benchmark method) with their CPU time in ns. */
    private static void forEachWorker(java.util.function.BiConsumer<Long, Long> visit) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t != null && t.getThreadName().contains("jmh-worker")) {
                long cpu = threads.getThreadCpuTime(t.getThreadId());
                if (cpu >= 0) {
                    visit.accept(t.getThreadId(), cpu);
                }
            }
        }
    }

    private static String daemonPid() {
        return System.getProperty(DAEMON_PID);
    }

    /**
     * {@return user plus system CPU of a whole process, all threads, in clock ticks}
     *
     * @param pid a pid, or {@code self}
     */
    static long cpuTicks(String pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"), StandardCharsets.US_ASCII);
            // The command name (field 2) may hold spaces; the fields after its closing parenthesis don't.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

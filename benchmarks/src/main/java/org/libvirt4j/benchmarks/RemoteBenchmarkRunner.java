package org.libvirt4j.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.libvirt4j.tck.PrivateLibvirtd;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Issue 3's speed check: {@code getInfo} round trips per second through a private libvirtd's
 * test driver, with 1 and 32 threads sharing one connection, for the pure-Java remote backend,
 * for libvirt's own C client through the JNA backend, and for a plain C loop on libvirt's C
 * client; with the daemon's CPU share (daemon CPU seconds per wall second) during each run.
 *
 * <p>Arguments: {@code [warmup-iterations] [iterations] [seconds-per-iteration]}. Must run as
 * root (it starts the daemon) from the repository root after {@code mvn -pl benchmarks -am install}.
 */
public final class RemoteBenchmarkRunner {
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private RemoteBenchmarkRunner() {
    }

    private record Row(String client, int threads, double callsPerSecond, double daemonCpuShare) {
    }

    /**
     * @param args warm-up iterations, iterations, seconds per iteration
     * @throws Exception when the daemon, JMH or the C loop fails
     */
    public static void main(String[] args) throws Exception {
        int warmups = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Path cLoop = Path.of("benchmarks/target/remote_baseline");
        try (PrivateLibvirtd daemon = PrivateLibvirtd.start()) {
            String uri = "test+unix:///default?socket=" + daemon.unixSocket();
            List<Row> rows = new ArrayList<>();
            for (int threads : new int[] {1, 32}) {
                for (String backend : new String[] {"remote", "jna"}) {
                    long cpu0 = cpuTicks(daemon.pid());
                    long t0 = System.nanoTime();
                    double rate = jmh(backend, uri, threads, warmups, iterations, seconds);
                    rows.add(new Row(backend, threads, rate, share(daemon.pid(), cpu0, t0)));
                }
                long cpu0 = cpuTicks(daemon.pid());
                long t0 = System.nanoTime();
                double rate = cLoop(cLoop, uri, threads, iterations * seconds);
                rows.add(new Row("C loop", threads, rate, share(daemon.pid(), cpu0, t0)));
            }
            print(rows);
        }
    }

    private static double jmh(String backend, String uri, int threads, int warmups, int iterations, int seconds)
            throws RunnerException {
        Options options = new OptionsBuilder()
                .include(RemoteBenchmark.class.getName() + ".getInfo")
                .param("backend", backend)
                .param("uri", uri)
                .threads(threads)
                .forks(1)
                .warmupIterations(warmups)
                .warmupTime(TimeValue.seconds(seconds))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.seconds(seconds))
                .build();
        RunResult result = new Runner(options).runSingle();
        return result.getPrimaryResult().getScore();
    }

    private static double cLoop(Path binary, String uri, int threads, int seconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(binary.toString(), uri, Integer.toString(threads), Integer.toString(seconds))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (p.waitFor() != 0) {
            throw new IOException(binary + " failed");
        }
        return Double.parseDouble(out.split("\\s+")[0]);
    }

    /** User plus system CPU of the whole daemon process, all threads, in clock ticks. */
    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"), StandardCharsets.US_ASCII);
        // The command name (field 2) may hold spaces; the fields after its closing parenthesis don't.
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    private static double share(long pid, long cpu0, long t0) throws IOException {
        double cpuSeconds = (cpuTicks(pid) - cpu0) / (double) CLOCK_TICKS_PER_SECOND;
        return cpuSeconds / ((System.nanoTime() - t0) / 1e9);
    }

    private static void print(List<Row> rows) {
        System.out.printf(Locale.ROOT, "%n%-8s %-8s %14s %12s %14s%n", "threads", "client", "calls/s", "vs C loop", "daemon CPU");
        for (Row r : rows) {
            double c = rows.stream().filter(x -> x.client().equals("C loop") && x.threads() == r.threads())
                    .findFirst().orElseThrow().callsPerSecond();
            System.out.printf(Locale.ROOT, "%-8d %-8s %14.0f %11.2fx %13.0f%%%n", r.threads(), r.client(),
                    r.callsPerSecond(), r.callsPerSecond() / c, 100 * r.daemonCpuShare());
        }
    }
}

package org.libvirt4j.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.libvirt4j.tck.PrivateLibvirtd;

/**
 * Issue 14's event benchmark: lifecycle events per second and their mean latency, from a call's
 * start to its event's arrival in the callback, for libvirt's C client ({@code event_baseline.c})
 * and the jna, jni and remote backends ({@link EventBenchmark}, one JVM each), all on one private
 * libvirtd's test driver over its unix socket ({@code test+unix:///default?socket=...}), one after
 * the other, each warmed up first. Prints each round, then the median of the rounds per client
 * and its ratios to C, with the load average before and after each client.
 *
 * <p>Arguments: {@code [warm-up seconds] [seconds per round] [rounds] [clients]}, default
 * {@code 5 3 3 "c jna jni remote"}. Must run as root (it starts the daemon) from the repository root
 * after the benchmarks module is packaged ({@code benchmarks/run-events.sh} does both).
 */
public final class EventBenchmarkRunner {
    private EventBenchmarkRunner() {
    }

    private record Result(String client, double rate, double latencyMicros, String loadBefore, String loadAfter) {
    }

    /**
     * @param args warm-up seconds, seconds per round, rounds, clients (space-separated)
     * @throws Exception when the daemon or a client fails
     */
    public static void main(String[] args) throws Exception {
        String warmup = args.length > 0 ? args[0] : "5";
        String seconds = args.length > 1 ? args[1] : "3";
        String rounds = args.length > 2 ? args[2] : "3";
        List<String> clients = List.of((args.length > 3 ? args[3] : "c jna jni remote").trim().split("\\s+"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("java.class.path");
        Map<String, Result> results = new LinkedHashMap<>();
        try (PrivateLibvirtd daemon = PrivateLibvirtd.start()) {
            String uri = "test+unix:///default?socket=" + daemon.unixSocket();
            for (String client : clients) {
                List<String> cmd = new ArrayList<>();
                if (client.equals("c")) {
                    cmd.add("benchmarks/target/event_baseline");
                } else {
                    cmd.addAll(List.of(java, "-cp", classpath));
                    String opts = System.getenv("EVENT_BENCH_JAVA_OPTS");
                    if (opts != null && !opts.isBlank()) {
                        cmd.addAll(List.of(opts.trim().split("\\s+")));
                    }
                    cmd.addAll(List.of(EventBenchmark.class.getName(), client));
                }
                cmd.addAll(List.of(uri, warmup, seconds, rounds));
                String before = load();
                List<double[]> rows = run(cmd);
                String after = load();
                for (double[] r : rows) {
                    System.out.printf(Locale.ROOT, "%-7s round: %,10.0f events/s %8.1f us%n", client, r[0], r[1]);
                }
                results.put(client, new Result(client, median(rows, 0), median(rows, 1), before, after));
            }
        }
        print(results);
    }

    private static List<double[]> run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + out);
        }
        List<double[]> rows = new ArrayList<>();
        for (String line : out.strip().split("\n")) {
            if (!line.matches("[0-9.]+ [0-9.]+")) {
                continue; // the JVM's own output, e.g. JFR's start-up line
            }
            String[] f = line.trim().split("\\s+");
            rows.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1])});
        }
        return rows;
    }

    private static double median(List<double[]> rows, int column) {
        double[] v = rows.stream().mapToDouble(r -> r[column]).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** The 1-minute load average, as {@code uptime} shows it. */
    private static String load() throws IOException {
        return Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).split(" ")[0];
    }

    private static void print(Map<String, Result> results) {
        Result c = results.get("c");
        System.out.printf(Locale.ROOT, "%n%-7s %12s %10s %9s %12s %14s%n", "client", "events/s", "mean us", "rate/C",
                "latency/C", "load avg");
        for (Result r : results.values()) {
            String rateRatio = c == null ? "-" : String.format(Locale.ROOT, "%.2f", r.rate() / c.rate());
            String latRatio = c == null ? "-" : String.format(Locale.ROOT, "%.2f", r.latencyMicros() / c.latencyMicros());
            System.out.printf(Locale.ROOT, "%-7s %,12.0f %10.1f %9s %12s %14s%n", r.client(), r.rate(), r.latencyMicros(),
                    rateRatio, latRatio, r.loadBefore() + "->" + r.loadAfter());
        }
    }
}

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
 * libvirtd's test driver over its unix socket ({@code test+unix:///ABS/node.xml?socket=...}, the TCK's
 * fixture: a test driver of its own per connection), one after
 * in processes started and warmed up one after the other, then measured round robin (a round of
 * C, one of jna, ...), so that the load of other work on the machine falls on each alike. Prints
 * each round with the load average before it, then the median of the rounds per client and its
 * ratios to C, with the load average before its first and its last round.
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
        int rounds = Integer.parseInt(args.length > 2 ? args[2] : "3");
        List<String> clients = List.of((args.length > 3 ? args[3] : "c jna jni remote").trim().split("\\s+"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("java.class.path");
        Map<String, Result> results = new LinkedHashMap<>();
        Map<String, Client> running = new LinkedHashMap<>();
        try (PrivateLibvirtd daemon = PrivateLibvirtd.start()) {
            // a fixture file, not test:///default: the daemon gives each connection its own test
            // driver, so an idle client's callback does not wake for the measured client's events
            String uri = daemon.testUnixUri(org.libvirt4j.tck.Fixtures.path(org.libvirt4j.tck.Fixtures.NODE));
            try {
                // each warms up alone, then the rounds go round robin, so that the load other
                // tenants put on the machine falls on every client alike
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
                    cmd.addAll(List.of(uri, warmup, seconds, "0"));
                    Client c = new Client(cmd);
                    running.put(client, c);
                    c.awaitLine("ready");
                }
                Map<String, List<double[]>> rows = new LinkedHashMap<>();
                Map<String, List<String>> loads = new LinkedHashMap<>();
                for (int r = 0; r < rounds; r++) {
                    for (String client : clients) {
                        String before = load();
                        double[] row = running.get(client).round();
                        loads.computeIfAbsent(client, k -> new ArrayList<>()).add(before);
                        rows.computeIfAbsent(client, k -> new ArrayList<>()).add(row);
                        System.out.printf(Locale.ROOT, "%-7s round %d: %,10.0f events/s %8.1f us  (load %s)%n", client,
                                r + 1, row[0], row[1], before);
                    }
                }
                for (String client : clients) {
                    List<String> l = loads.get(client);
                    results.put(client, new Result(client, median(rows.get(client), 0), median(rows.get(client), 1),
                            l.get(0), l.get(l.size() - 1)));
                }
            } finally {
                for (Client c : running.values()) {
                    c.close();
                }
            }
        }
        print(results);
    }

    /** One client process: a line on its stdin runs one round, which it answers with one line. */
    private static final class Client {
        private final List<String> cmd;
        private final Process process;
        private final java.io.BufferedReader out;
        private final java.io.Writer in;

        Client(List<String> cmd) throws IOException {
            this.cmd = cmd;
            this.process = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            this.out = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            this.in = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        }

        /** Reads up to a line equal to {@code expected}, or to a result line when it is null. */
        String awaitLine(String expected) throws IOException {
            String line;
            while ((line = out.readLine()) != null) {
                line = line.trim();
                // anything else is the JVM's own output, e.g. JFR's start-up line
                if (expected != null ? line.equals(expected) : line.matches("[0-9.]+ [0-9.]+")) {
                    return line;
                }
            }
            throw new IOException(String.join(" ", cmd) + " ended early");
        }

        double[] round() throws IOException {
            in.write("\n");
            in.flush();
            String[] f = awaitLine(null).split("\\s+");
            return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1])};
        }

        /** Ends its stdin, so it stops after the current round, and checks that it succeeded. */
        void close() throws IOException, InterruptedException {
            in.close();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroy();
                throw new IOException(String.join(" ", cmd) + " did not end");
            }
            if (process.exitValue() != 0) {
                throw new IOException(String.join(" ", cmd) + " failed (exit " + process.exitValue() + ")");
            }
        }
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

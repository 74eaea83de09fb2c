package org.libvirt4j.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.libvirt4j.Connect;
import org.libvirt4j.Libvirt;
import org.libvirt4j.StoragePool;
import org.libvirt4j.tck.PrivateLibvirtd;

/**
 * Issue 13's stream benchmark: volume upload and download speed (MiB/s) through a private
 * libvirtd's storage driver, a dir pool in a temp dir ({@code qemu+unix:///system?socket=...}; the
 * test driver has no volume upload), for libvirt's C client ({@code stream_baseline.c}) and each
 * backend ({@link StreamBenchmark}, one JVM each). A client is {@code c} or a backend name,
 * optionally followed by {@code :MODES}, {@code +}-separated: {@code events} runs libvirt's
 * default event loop (the C program and the native backends), {@code direct} and {@code heap}
 * pass a direct or heap {@code ByteBuffer} (see {@link StreamBenchmark}). The
 * clients start and warm up one after the other, then run round robin, one round each in turn, so
 * that the load of other work on the machine falls on each alike. Prints each round with the
 * client's CPU time (all its threads, upload and download together) and the load average before
 * it, then the medians of the rounds per client, their ratios to C, and the load average before
 * its first and its last round. The CPU time is the figure least moved by other tenants' load.
 *
 * <p>Arguments: {@code [size MiB] [chunk KiB] [warm-up rounds] [rounds] [clients]}, default
 * {@code 256 256 2 3 "c jni jna remote"}. Must run as root (it starts the daemon) from the repository
 * root after the benchmarks module is packaged ({@code benchmarks/run-streams.sh} does both).
 */
public final class StreamBenchmarkRunner {
    private StreamBenchmarkRunner() {
    }

    private record Result(String client, double up, double down, double cpu, double upCpu, double downCpu,
            String loadBefore, String loadAfter) {
    }

    /**
     * @param args size in MiB, chunk in KiB, warm-up rounds, rounds, clients (space-separated)
     * @throws Exception when the daemon or a client fails
     */
    public static void main(String[] args) throws Exception {
        String sizeMib = args.length > 0 ? args[0] : "256";
        String chunkKib = args.length > 1 ? args[1] : "256";
        String warmup = args.length > 2 ? args[2] : "2";
        int rounds = Integer.parseInt(args.length > 3 ? args[3] : "3");
        List<String> clients = List.of((args.length > 4 ? args[4] : "c jni jna remote").trim().split("\\s+"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("java.class.path");
        Map<String, Result> results = new LinkedHashMap<>();
        Path dir = Files.createTempDirectory("libvirt4j-streambench-");
        String poolName = "streambench-" + ProcessHandle.current().pid();
        try (PrivateLibvirtd daemon = PrivateLibvirtd.start();
                Connect admin = Libvirt.using("jna").newConnect(daemon.qemuUri());
                StoragePool pool = admin.storagePoolCreateXML("<pool type='dir'><name>" + poolName
                        + "</name><target><path>" + dir + "</path></target></pool>", 0)) {
            Map<String, Client> running = new LinkedHashMap<>();
            try {
                for (String client : clients) {
                    String volume = client.replace(':', '-') + ".img";
                    List<String> cmd = new ArrayList<>();
                    boolean c = client.equals("c") || client.startsWith("c:");
                    if (c) {
                        cmd.add("benchmarks/target/stream_baseline");
                    } else {
                        cmd.addAll(List.of(java, "-cp", classpath));
                        String opts = System.getenv("STREAM_BENCH_JAVA_OPTS");
                        if (opts != null && !opts.isBlank()) {
                            cmd.addAll(List.of(opts.trim().split("\\s+")));
                        }
                        cmd.addAll(List.of(StreamBenchmark.class.getName(), client));
                    }
                    cmd.addAll(List.of(daemon.qemuUri(), poolName, volume, sizeMib, chunkKib, warmup));
                    if (c && client.contains("events")) {
                        cmd.add("events");
                    }
                    Client process = new Client(cmd);
                    running.put(client, process);
                    process.awaitLine("ready");
                }
                Map<String, List<double[]>> rows = new LinkedHashMap<>();
                Map<String, List<String>> loads = new LinkedHashMap<>();
                for (int r = 0; r < rounds; r++) {
                    for (String client : clients) {
                        String before = load();
                        double[] row = running.get(client).round();
                        loads.computeIfAbsent(client, k -> new ArrayList<>()).add(before);
                        rows.computeIfAbsent(client, k -> new ArrayList<>()).add(row);
                        System.out.printf(Locale.ROOT,
                                "%-14s round %d: upload %,8.0f MiB/s  download %,8.0f MiB/s  client CPU %5.2f s"
                                + " (upload %5.3f, download %5.3f)  (load %s)%n",
                                client, r + 1, row[0], row[1], row[2], row[3], row[4], before);
                    }
                }
                for (String client : clients) {
                    List<String> l = loads.get(client);
                    results.put(client, new Result(client, median(rows.get(client), 0), median(rows.get(client), 1),
                            median(rows.get(client), 2), median(rows.get(client), 3), median(rows.get(client), 4),
                            l.get(0), l.get(l.size() - 1)));
                }
            } finally {
                for (Client c : running.values()) {
                    c.close();
                }
            }
            pool.destroy();
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
        print(results);
    }

    /** One client process: a line on its stdin runs one round, which it answers with one line. */
    private static final class Client {
        private final List<String> cmd;
        private final Process process;
        private final BufferedReader out;
        private final Writer in;

        Client(List<String> cmd) throws IOException {
            this.cmd = cmd;
            this.process = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        }

        /** Reads up to a line equal to {@code expected}, or to a result line when it is null. */
        String awaitLine(String expected) throws IOException {
            String line;
            while ((line = out.readLine()) != null) {
                line = line.trim();
                // anything else is the JVM's own output, e.g. JFR's start-up line
                if (expected != null ? line.equals(expected) : line.matches("[0-9.]+( [0-9.]+){3}")) {
                    return line;
                }
            }
            throw new IOException(String.join(" ", cmd) + " ended early");
        }

        /**
         * {@return upload MiB/s, download MiB/s, the CPU seconds the process spent in the round, and
         * those it counted itself in the upload and in the download alone}
         */
        double[] round() throws IOException {
            double cpu = cpuSeconds();
            in.write("\n");
            in.flush();
            String[] f = awaitLine(null).split("\\s+");
            return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), cpuSeconds() - cpu,
                Double.parseDouble(f[2]), Double.parseDouble(f[3])};
        }

        /** User and system time of the process, all threads (JIT and GC included), from {@code /proc}. */
        private double cpuSeconds() throws IOException {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"), StandardCharsets.US_ASCII);
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields 14 and 15 of proc(5), counted after the command name; clock ticks of 1/100 s on Linux
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        }

        /** Ends its stdin, so it deletes its volume and stops, and checks that it succeeded. */
        void close() throws IOException, InterruptedException {
            in.close();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
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

    private static String ratio(double v, double c) {
        return c == 0 ? "-" : String.format(Locale.ROOT, "%.2f", v / c);
    }

    /** The 1-minute load average, as {@code uptime} shows it. */
    private static String load() throws IOException {
        return Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).split(" ")[0];
    }

    private static void print(Map<String, Result> results) {
        Result c = results.get("c");
        System.out.printf(Locale.ROOT, "%n%-14s %12s %7s %14s %7s %10s %7s %9s %7s %9s %7s %14s%n", "client",
                "upload MiB/s", "up/C", "download MiB/s", "down/C", "CPU s", "CPU/C", "up CPU s", "/C", "down CPU s",
                "/C", "load avg");
        for (Result r : results.values()) {
            System.out.printf(Locale.ROOT, "%-14s %,12.0f %7s %,14.0f %7s %10.2f %7s %9.3f %7s %9.3f %7s %14s%n",
                    r.client(), r.up(), ratio(r.up(), c == null ? 0 : c.up()), r.down(),
                    ratio(r.down(), c == null ? 0 : c.down()), r.cpu(), ratio(r.cpu(), c == null ? 0 : c.cpu()),
                    r.upCpu(), ratio(r.upCpu(), c == null ? 0 : c.upCpu()), r.downCpu(),
                    ratio(r.downCpu(), c == null ? 0 : c.downCpu()), r.loadBefore() + "->" + r.loadAfter());
        }
    }
}

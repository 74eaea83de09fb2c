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
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Issue 13's table in one run ({@code benchmarks/run-all.sh}): every workload for libvirt's C
 * client and each backend, with ratios to C. In process on {@code test:///default}
 * ({@link BackendBenchmark} against {@code target/baseline}); through a private libvirtd over
 * unix and TCP ({@link RemoteBenchmark} against {@code target/remote_baseline}); cold start
 * ({@link ColdStartRunner}). Each row runs the C program before and after the Java backends
 * and averages the two, so that a change of the machine's load during the row falls on both
 * sides. Every row also gives CPU per call ({@link CpuPerCallProfiler}; the C programs measure
 * their own), steadier than time on a shared machine, and the 1-minute load average: in process
 * the calling thread's, through the daemon the whole client process's (its event loop included).
 *
 * <p>Arguments: {@code [warm-up iterations] [iterations] [seconds per iteration] [cold-start runs]}.
 * Runs as root from the repository root (it starts the daemon).
 */
public final class SuiteRunner {
    private static final List<String> JAVA = List.of("jni", "jna", "remote");

    private SuiteRunner() {
    }

    /** One client's figures in one row: calls per second, CPU per call (ns) of the client and of the daemon. */
    private record Cell(double rate, double clientCpuNs, double daemonCpuNs) {
        static Cell mean(Cell a, Cell b) {
            return new Cell((a.rate + b.rate) / 2, (a.clientCpuNs + b.clientCpuNs) / 2,
                    (a.daemonCpuNs + b.daemonCpuNs) / 2);
        }
    }

    /** A row of the table: the workload, the load average when it started, and each client's cell. */
    private record Row(String workload, double load, Map<String, Cell> cells) {
    }

    /**
     * @param args warm-up iterations, iterations, seconds per iteration, cold-start runs
     * @throws Exception when the daemon, JMH or a C program fails
     */
    public static void main(String[] args) throws Exception {
        int warmups = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int coldRuns = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        List<Row> rows = new ArrayList<>(inProcess(warmups, iterations, seconds));
        List<String> cold = new ArrayList<>();
        try (PrivateLibvirtd daemon = PrivateLibvirtd.start()) {
            Map<String, String> uris = new LinkedHashMap<>();
            uris.put("unix", "test+unix:///default?socket=" + daemon.unixSocket());
            uris.put("tcp", "test+tcp://127.0.0.1:" + daemon.tcpPort() + "/default");
            for (var transport : uris.entrySet()) {
                for (String op : List.of("getInfo", "getXMLDesc")) {
                    for (int threads : op.equals("getInfo") ? new int[] {1, 32} : new int[] {1}) {
                        rows.add(remote(daemon, transport.getKey(), transport.getValue(), op, threads, warmups,
                                iterations, seconds));
                    }
                }
            }
            cold.add(coldStart("C, test:///default", "c", "test:///default", coldRuns));
            cold.add(coldStart("jni, test:///default", "jni", "test:///default", coldRuns));
            cold.add(coldStart("jna, test:///default", "jna", "test:///default", coldRuns));
            cold.add(coldStart("C, test+unix (private daemon)", "c", uris.get("unix"), coldRuns));
            cold.add(coldStart("remote, test+unix (private daemon)", "remote", uris.get("unix"), coldRuns));
        }
        print(rows, cold);
    }

    private static List<Row> inProcess(int warmups, int iterations, int seconds) throws Exception {
        double load = load();
        Map<String, Cell> c1 = cBaseline(iterations, seconds);
        ChainedOptionsBuilder options = jmh(warmups, iterations, seconds)
                .include(BackendBenchmark.class.getName() + "\\.(getInfo|lookupByNameClose|getXMLDesc)$");
        List<RunResult> results = new ArrayList<>(new Runner(options.build()).run());
        Map<String, Cell> c2 = cBaseline(iterations, seconds);
        List<Row> rows = new ArrayList<>();
        for (String op : List.of("getInfo", "lookupByNameClose", "getXMLDesc")) {
            Map<String, Cell> cells = new LinkedHashMap<>();
            cells.put("c", Cell.mean(c1.get(op), c2.get(op)));
            for (RunResult r : results) {
                String name = r.getParams().getBenchmark();
                if (name.endsWith("." + op)) {
                    // AverageTime in ns per call
                    // the calling thread's CPU, as the single-threaded C loop's process CPU is
                    cells.put(r.getParams().getParam("backend"),
                            new Cell(1e9 / r.getPrimaryResult().getScore(), secondary(r, CpuPerCallProfiler.CALLERS), Double.NaN));
                }
            }
            rows.add(new Row(op + ", in process", load, cells));
        }
        return rows;
    }

    private static Row remote(PrivateLibvirtd daemon, String transport, String uri, String op, int threads,
            int warmups, int iterations, int seconds) throws Exception {
        double load = load();
        Map<String, Cell> cells = new LinkedHashMap<>();
        Cell c1 = cRemote(daemon, uri, op, threads, iterations * seconds);
        for (String backend : JAVA) {
            ChainedOptionsBuilder options = jmh(warmups, iterations, seconds)
                    .include(RemoteBenchmark.class.getName() + "\\." + op + "$")
                    .param("backend", backend).param("uri", uri).threads(threads)
                    .jvmArgsAppend("-D" + CpuPerCallProfiler.DAEMON_PID + "=" + daemon.pid());
            RunResult r = new Runner(options.build()).runSingle();
            cells.put(backend, new Cell(r.getPrimaryResult().getScore(), secondary(r, CpuPerCallProfiler.CLIENT),
                    secondary(r, CpuPerCallProfiler.DAEMON)));
        }
        Cell c2 = cRemote(daemon, uri, op, threads, iterations * seconds);
        Map<String, Cell> ordered = new LinkedHashMap<>();
        ordered.put("c", Cell.mean(c1, c2));
        ordered.putAll(cells);
        return new Row(op + ", " + threads + (threads == 1 ? " thread, " : " threads, ") + transport, load, ordered);
    }

    private static ChainedOptionsBuilder jmh(int warmups, int iterations, int seconds) {
        return new OptionsBuilder().forks(1)
                .warmupIterations(warmups).warmupTime(TimeValue.seconds(seconds))
                .measurementIterations(iterations).measurementTime(TimeValue.seconds(seconds))
                .addProfiler(CpuPerCallProfiler.class);
    }

    private static double secondary(RunResult r, String label) {
        Result<?> result = r.getSecondaryResults().get(label);
        return result == null ? Double.NaN : result.getScore();
    }

    /** {@code target/baseline}: per call, mean ns and CPU ns, as calls per second and CPU per call. */
    private static Map<String, Cell> cBaseline(int rounds, int seconds) throws IOException, InterruptedException {
        Map<String, Cell> out = new LinkedHashMap<>();
        for (String line : run("benchmarks/target/baseline", "1", Integer.toString(rounds), Integer.toString(seconds))
                .lines().toList()) {
            String[] f = line.trim().split("\\s+");
            out.put(f[0], new Cell(1e9 / Double.parseDouble(f[1]), Double.parseDouble(f[3]), Double.NaN));
        }
        return out;
    }

    /** {@code target/remote_baseline}: calls per second and client CPU per call; the daemon's from /proc. */
    private static Cell cRemote(PrivateLibvirtd daemon, String uri, String op, int threads, int seconds)
            throws IOException, InterruptedException {
        String pid = Long.toString(daemon.pid());
        long daemon0 = CpuPerCallProfiler.cpuTicks(pid);
        String[] f = run("benchmarks/target/remote_baseline", uri, Integer.toString(threads), Integer.toString(seconds), op)
                .trim().split("\\s+");
        double daemonTicks = CpuPerCallProfiler.cpuTicks(pid) - daemon0;
        double rate = Double.parseDouble(f[0]);
        double calls = rate * seconds;
        return new Cell(rate, Double.parseDouble(f[1]) * 1e3,
                daemonTicks * 1e9 / CpuPerCallProfiler.CLOCK_TICKS_PER_SECOND / calls);
    }

    private static String coldStart(String label, String backend, String uri, int runs)
            throws IOException, InterruptedException {
        double load = load();
        ColdStartRunner.Start s = ColdStartRunner.median(backend, uri, runs);
        return String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.1f |", label, s.firstCallMs(), s.callsMs(), load);
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed");
        }
        return out;
    }

    /** The 1-minute load average. */
    private static double load() throws IOException {
        return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }

    private static void print(List<Row> rows, List<String> cold) {
        StringBuilder t = new StringBuilder(String.format(Locale.ROOT,
                "%n| workload | load | C calls/s | jni | jna | remote | jni/C | jna/C | remote/C |"
                        + " CPU ns/call C, jni, jna, remote | daemon CPU ns/call C, jni, jna, remote |%n"
                        + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|%n"));
        for (Row r : rows) {
            Cell c = r.cells().get("c");
            t.append(String.format(Locale.ROOT, "| %s | %.1f | %s |", r.workload(), r.load(), rate(c)));
            for (String b : JAVA) {
                t.append(' ').append(rate(r.cells().get(b))).append(" |");
            }
            for (String b : JAVA) {
                Cell x = r.cells().get(b);
                t.append(x == null ? " – |" : String.format(Locale.ROOT, " %.2f× |", x.rate() / c.rate()));
            }
            t.append(' ').append(cpu(r, Cell::clientCpuNs)).append(" | ").append(cpu(r, Cell::daemonCpuNs)).append(" |\n");
        }
        t.append(String.format(Locale.ROOT, "%n| cold start | JVM/process start → first getInfo answered, ms"
                + " | → first %,d calls, ms | load |%n|---|---:|---:|---:|%n", ColdStart.CALLS));
        cold.forEach(line -> t.append(line).append('\n'));
        System.out.print(t);
    }

    private static String rate(Cell c) {
        return c == null ? "–" : String.format(Locale.ROOT, "%,.0f", c.rate());
    }

    private static String cpu(Row r, java.util.function.ToDoubleFunction<Cell> f) {
        List<String> out = new ArrayList<>();
        for (String b : List.of("c", "jni", "jna", "remote")) {
            Cell x = r.cells().get(b);
            out.add(x == null || Double.isNaN(f.applyAsDouble(x)) ? "–" : String.format(Locale.ROOT, "%,.0f", f.applyAsDouble(x)));
        }
        return String.join(", ", out);
    }
}

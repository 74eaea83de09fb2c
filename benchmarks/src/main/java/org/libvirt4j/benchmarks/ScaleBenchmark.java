package org.libvirt4j.benchmarks;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.libvirt4j.Connect;
import org.libvirt4j.ConnectOptions;
import org.libvirt4j.Domain;
import org.libvirt4j.Libvirt;
import org.libvirt4j.remote.RemoteOptions;
import org.libvirt4j.tck.PrivateLibvirtd;

/**
 * The scale check: one JVM holds {@code N} (default 1,000) remote connections to a private
 * libvirtd on a 2-thread Netty {@code EventLoopGroup} given through
 * {@link RemoteOptions#EVENT_LOOP_GROUP}, and reports
 * <ul>
 * <li>the heap one idle connection costs: the live heap of a class histogram
 *     ({@code jcmd PID GC.class_histogram}, which collects first) with the {@code N} connections
 *     open, less the one before they were opened, divided by {@code N}; with the classes that
 *     grew most, to find what holds it;</li>
 * <li>{@code getInfo} latency (median and 99th percentile of a round of calls) through
 *     connection #1 and #N while all are open, against a lone connection before they were
 *     opened and after they were closed, rounds interleaved.</li>
 * </ul>
 * The daemon gets {@code max_clients}, {@code max_anonymous_clients} and {@code max_workers}
 * raised; it and this JVM need an open-file limit above {@code N} ({@code ulimit -n}).
 *
 * <p>With the argument {@code apart}, connections #2 to #N-1 go to a second daemon, so that the
 * measured daemon serves two clients and the latency shows this JVM's own cost of holding the
 * others (libvirtd's event loop polls every client socket, which slows it for every client,
 * libvirt's C client included).
 *
 * <p>Arguments: {@code [connections] [calls-per-round] [rounds] [together|apart]}, default 1000 2000 5 together. Runs as
 * root (it starts the daemon) from the repository root; {@code benchmarks/run-scale.sh} builds and runs it.
 */
public final class ScaleBenchmark {
    private ScaleBenchmark() {
    }

    /**
     * @param args connections, calls per round, rounds
     * @throws Exception when the daemon, a connection or jcmd fails
     */
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        EventLoopGroup loops = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        ConnectOptions options = ConnectOptions.builder().set(RemoteOptions.EVENT_LOOP_GROUP, loops).build();
        boolean apart = args.length > 3 && args[3].equals("apart");
        int limit = n + 100;
        List<String> conf = List.of("max_clients = " + limit, "max_anonymous_clients = " + limit,
                "max_queued_clients = " + limit, "max_workers = 20");
        try (PrivateLibvirtd daemon = PrivateLibvirtd.startWith(conf);
                PrivateLibvirtd idleDaemon = apart ? PrivateLibvirtd.startWith(conf) : null) {
            String uri = "test+unix:///default?socket=" + daemon.unixSocket();
            // apart: #2..#N-1 idle on a second daemon, so the measured daemon serves 2 clients and
            // only this JVM's side of the 1,000 connections is measured
            String idleUri = apart ? "test+unix:///default?socket=" + idleDaemon.unixSocket() : uri;
            System.out.println(apart ? "connections #2.." + (n - 1) + " on a second daemon; #1 and #" + n
                    + " on the measured one" : "all " + n + " connections on one daemon");
            System.out.printf(Locale.ROOT, "open-file limit: this JVM %s, the daemon %s%n", fdLimit("self"),
                    fdLimit(Long.toString(daemon.pid())));
            List<Connect> conns = new ArrayList<>();
            try {
                // the first connection warms every class and pool, so the histogram diff is per connection
                Connect lone = Libvirt.using("remote").newConnect(uri, options);
                conns.add(lone);
                Domain loneDom = lone.lookupDomainByName("test");
                latency(loneDom, calls); // warm-up
                Map<String, long[]> before = histogram();
                List<long[]> aloneBefore = new ArrayList<>();
                List<long[]> cBefore = new ArrayList<>();
                for (int r = 0; r < rounds; r++) {
                    aloneBefore.add(latency(loneDom, calls));
                    cBefore.add(cLoop(uri));
                }
                long t0 = System.nanoTime();
                for (int i = 1; i < n; i++) {
                    conns.add(Libvirt.using("remote").newConnect(i == n - 1 ? uri : idleUri, options));
                }
                long openMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                Map<String, long[]> after = histogram();
                long perConn = (total(after) - total(before)) / (n - 1);
                System.out.printf(Locale.ROOT, "%d connections opened in %d ms on 2 event-loop threads%n", n,
                        openMillis);
                System.out.printf(Locale.ROOT, "heap per idle connection: %d bytes (%.1f KiB), from the live-heap "
                        + "histograms before and after opening %d more%n", perConn, perConn / 1024.0, n - 1);
                printGrowth(before, after, n - 1);
                List<long[]> first = new ArrayList<>();
                List<long[]> last = new ArrayList<>();
                List<long[]> cAmong = new ArrayList<>();
                try (Domain lastDom = conns.get(n - 1).lookupDomainByName("test")) {
                    latency(lastDom, calls);
                    for (int r = 0; r < rounds; r++) {
                        first.add(latency(loneDom, calls));
                        last.add(latency(lastDom, calls));
                        cAmong.add(cLoop(uri));
                    }
                }
                for (Connect c : conns.subList(1, n)) {
                    c.close();
                }
                conns.subList(1, n).clear();
                Thread.sleep(2_000); // the daemon's goodbyes to 999 clients settle
                List<long[]> aloneAfter = new ArrayList<>();
                List<long[]> cAfter = new ArrayList<>();
                for (int r = 0; r < rounds; r++) {
                    aloneAfter.add(latency(loneDom, calls));
                    cAfter.add(cLoop(uri));
                }
                loneDom.close();
                System.out.printf(Locale.ROOT, "getInfo latency, median / p99 / mean of %d calls per round, %d "
                        + "rounds (median of the rounds), load average %s%n", calls, rounds, loadAverage());
                report("lone connection, before", aloneBefore);
                report("connection #1 of " + n, first);
                report("connection #" + n + " of " + n, last);
                report("lone connection, after", aloneAfter);
                System.out.println("libvirt's C client (remote_baseline, 1 thread, 2 s a round, mean from calls/s):");
                report("C, daemon alone, before", cBefore);
                report("C, beside " + n + " connections", cAmong);
                report("C, daemon alone, after", cAfter);
                double loneMean = (median(aloneBefore, 2) + median(aloneAfter, 2)) / 2.0;
                double cLoneMean = (median(cBefore, 2) + median(cAfter, 2)) / 2.0;
                System.out.printf(Locale.ROOT, "ratio of mean latency to the lone case: Java #1 %.2f, Java #%d %.2f, "
                        + "C client %.2f%n", median(first, 2) / loneMean, n, median(last, 2) / loneMean,
                        median(cAmong, 2) / cLoneMean);
            } finally {
                for (Connect c : conns) {
                    c.close();
                }
                loops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            }
        }
    }

    /** @return {median, p99, mean} of one round's round trips, in nanoseconds */
    private static long[] latency(Domain d, int calls) {
        long[] t = new long[calls];
        long sum = 0;
        for (int i = 0; i < calls; i++) {
            long s = System.nanoTime();
            d.getInfo();
            t[i] = System.nanoTime() - s;
            sum += t[i];
        }
        Arrays.sort(t);
        return new long[] {t[calls / 2], t[(int) (calls * 0.99)], sum / calls};
    }

    /** @return {0, 0, mean} in nanoseconds: the C client's getInfo loop for 2 s on one thread (its own connection) */
    private static long[] cLoop(String uri) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("benchmarks/target/remote_baseline", uri, "1", "2")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (p.waitFor() != 0) {
            throw new IOException("remote_baseline failed");
        }
        return new long[] {0, 0, (long) (1e9 / Double.parseDouble(out))};
    }

    private static long median(List<long[]> rounds, int which) {
        long[] v = rounds.stream().mapToLong(r -> r[which]).sorted().toArray();
        return v[v.length / 2];
    }

    private static void report(String what, List<long[]> rounds) {
        System.out.printf(Locale.ROOT, "  %-30s median %6.1f µs   p99 %7.1f µs   mean %6.1f µs%n", what,
                median(rounds, 0) / 1e3, median(rounds, 1) / 1e3, median(rounds, 2) / 1e3);
    }

    /** @return class name to {instances, bytes} of this JVM's live heap, after a full collection */
    private static Map<String, long[]> histogram() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(ProcessHandle.current().pid()), "GC.class_histogram").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("jcmd failed: " + out);
        }
        Map<String, long[]> m = new HashMap<>();
        for (String line : out.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 4 && f[0].endsWith(":")) {
                m.put(f[3], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
            } else if (f.length == 3 && f[0].equals("Total")) {
                m.put("<total>", new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
            }
        }
        return m;
    }

    private static long total(Map<String, long[]> h) {
        return h.get("<total>")[1];
    }

    /** Prints the classes whose live bytes grew most, per connection. */
    private static void printGrowth(Map<String, long[]> before, Map<String, long[]> after, int added) {
        List<Map.Entry<String, long[]>> grown = new ArrayList<>();
        for (Map.Entry<String, long[]> e : after.entrySet()) {
            if (e.getKey().equals("<total>")) {
                continue;
            }
            long[] b = before.getOrDefault(e.getKey(), new long[2]);
            grown.add(Map.entry(e.getKey(), new long[] {e.getValue()[0] - b[0], e.getValue()[1] - b[1]}));
        }
        grown.sort((x, y) -> Long.compare(y.getValue()[1], x.getValue()[1]));
        System.out.println("  largest growth, per connection (instances, bytes):");
        for (Map.Entry<String, long[]> e : grown.subList(0, Math.min(15, grown.size()))) {
            System.out.printf(Locale.ROOT, "    %7.2f %7.0f  %s%n", e.getValue()[0] / (double) added,
                    e.getValue()[1] / (double) added, e.getKey());
        }
    }

    private static String fdLimit(String pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", pid, "limits"))) {
            if (line.startsWith("Max open files")) {
                return line.substring("Max open files".length()).trim().replaceAll("\\s+", " ");
            }
        }
        return "unknown";
    }

    private static String loadAverage() throws IOException {
        String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return f[0] + " " + f[1] + " " + f[2];
    }
}

package org.libvirt4j.benchmarks;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import org.libvirt4j.Connect;
import org.libvirt4j.Connector;
import org.libvirt4j.Domain;
import org.libvirt4j.DomainEventType;
import org.libvirt4j.Libvirt;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.StoragePool;
import org.libvirt4j.StorageVol;
import org.libvirt4j.tck.Fixtures;
import org.libvirt4j.tck.PrivateLibvirtd;

/**
 * Reliability soak (issue "Reliability", deliverable 5): one backend, N threads mixing calls,
 * events and streams for M minutes against a private libvirtd's test driver, with the JVM's heap,
 * direct memory, thread count, open file descriptors and RSS sampled every few seconds into a CSV.
 * Exits 1 when an unexpected error occurred, events went missing, or a resource grew faster than
 * its threshold (see {@code benchmarks/README.md}, "Soak"). Not part of any build or CI run:
 * {@code ./benchmarks/soak.sh} runs it.
 *
 * <p>Arguments: {@code backend [minutes] [threads]}, default 30 minutes and 32 threads. System
 * properties: {@code soak.warmup} (seconds excluded from the summary, default 60),
 * {@code soak.sample} (seconds between samples, default 5), {@code soak.out} (directory of the
 * CSV, default {@code benchmarks/target/soak}), {@code soak.inprocess=true} (jna/jni only: the
 * test driver in this process, {@code test:///ABS/node.xml}, instead of through the daemon).
 * Must run as root (it starts the daemon).
 */
public final class Soak {
    /** Growth per 10 minutes above which the soak fails; see the README for why these values. */
    private static final double HEAP_MIB = 8;
    private static final double DIRECT_MIB = 4;
    private static final double THREADS = 2;
    private static final double FDS = 4;
    private static final double RSS_MIB = 24;

    private static final String RUNNING = "tck-running";
    private static final String POOL = "tck-pool";

    private final Connector connector;
    private final String uri;
    private final Connect conn;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicLong serial = new AtomicLong();
    private final Map<String, LongAdder> ops = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        private final LongAdder eventsExpected = new LongAdder();
    private final LongAdder eventsReceived = new LongAdder();
    private final LongAdder totalOps = new LongAdder();
    private final Map<String, String> firstError = new ConcurrentHashMap<>();

    private Soak(Connector connector, String uri) {
        this.connector = connector;
        this.uri = uri;
        this.conn = connector.newConnect(uri);
    }

    /**
     * @param args backend name, minutes (default 30), threads (default 32)
     * @throws Exception when the daemon cannot start or the CSV cannot be written
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: Soak jna|jni|remote [minutes] [threads]");
            System.exit(2);
        }
        String backend = args[0];
        double minutes = args.length > 1 ? Double.parseDouble(args[1]) : 30;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        long warmup = Long.getLong("soak.warmup", 60);
        long sample = Long.getLong("soak.sample", 5);
        Path out = Path.of(System.getProperty("soak.out", "benchmarks/target/soak"));
        boolean inProcess = Boolean.getBoolean("soak.inprocess") && !backend.equals("remote");
        Files.createDirectories(out);
        Connector connector = Libvirt.using(backend);
        connector.eventRegisterDefaultImpl();
        Path fixture = Fixtures.path(Fixtures.NODE);
        int status;
        try (PrivateLibvirtd daemon = PrivateLibvirtd.start()) {
            String uri = inProcess ? "test://" + fixture : daemon.testUnixUri(fixture);
            System.out.printf(Locale.ROOT, "soak: backend %s, %s, %d threads, %.1f min (warm-up %d s, sample every %d s)%n",
                    backend, uri, threads, minutes, warmup, sample);
            Soak soak = new Soak(connector, uri);
            status = soak.run(backend, threads, (long) (minutes * 60), warmup, sample, daemon.pid(),
                    out.resolve("soak-" + backend + ".csv"));
        }
        System.exit(status);
    }

    private int run(String backend, int threads, long seconds, long warmup, long sample, long daemonPid, Path csv)
            throws Exception {
        int callbackId = conn.domainEventLifecycleRegister(null, (c, d, e) -> {
            DomainEventType t = e.event();
            if (t == DomainEventType.STARTED || t == DomainEventType.STOPPED
                    || t == DomainEventType.DEFINED || t == DomainEventType.UNDEFINED) {
                eventsReceived.increment();
            }
        });
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int index = i;
            Thread t = new Thread(() -> work(index), "soak-" + i);
            t.setDaemon(true);
            workers.add(t);
        }
        workers.forEach(Thread::start);
        List<double[]> rows = new ArrayList<>();
        long t0 = System.nanoTime();
        long end = t0 + TimeUnit.SECONDS.toNanos(seconds);
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8))) {
            w.println("seconds,heap_mib,direct_mib,threads,fds,rss_mib,daemon_rss_mib,ops,errors,events_expected,events_received");
            long next = t0;
            while (true) {
                long now = System.nanoTime();
                if (now < next) {
                    TimeUnit.NANOSECONDS.sleep(next - now);
                }
                double[] r = sample((System.nanoTime() - t0) / 1e9, daemonPid);
                rows.add(r);
                w.printf(Locale.ROOT, "%.1f,%.2f,%.3f,%.0f,%.0f,%.1f,%.1f,%.0f,%.0f,%.0f,%.0f%n",
                        r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10]);
                w.flush();
                if (System.nanoTime() >= end) {
                    break;
                }
                next += TimeUnit.SECONDS.toNanos(sample);
                if ((rows.size() * sample) % 60 == 0) {
                    System.out.printf(Locale.ROOT, "  %5.0f s: heap %.1f MiB, direct %.2f MiB, threads %.0f, fds %.0f, rss %.0f MiB, ops %.0f, errors %.0f%n",
                            r[0], r[1], r[2], r[3], r[4], r[5], r[7], r[8]);
                }
            }
        }
        stop.set(true);
        for (Thread t : workers) {
            t.join(TimeUnit.SECONDS.toMillis(60));
            if (t.isAlive()) {
                count(errors, "worker-stuck");
            }
        }
        // Events travel asynchronously; give the last ones a moment to arrive.
        for (int i = 0; i < 100 && eventsReceived.sum() < eventsExpected.sum(); i++) {
            Thread.sleep(100);
        }
        conn.domainEventDeregister(callbackId);
        conn.close();
        return summary(backend, threads, rows, warmup, csv);
    }

    /**
     * One worker: picks an operation at random, over and over, and counts what fails by error code.
     * It keeps a persistent domain of its own for its event registrations: libvirt refuses a second
     * registration of the same C callback for the same event and domain filter on one connection
     * ("event callback already tracked", ERR_INVALID_ARG), and every backend funnels Java callbacks
     * through one C callback, as libvirt-go does, so registrations with a null domain (the main one)
     * or on a domain another thread registers on at the same moment would collide.
     */
    private void work(int index) {
        Domain own;
        try {
            own = conn.domainDefineXML(domainXml("soak-own-" + index));
            eventsExpected.increment();
        } catch (LibvirtException e) {
            count(errors, "defineOwn:" + e.code());
            firstError.putIfAbsent("defineOwn:" + e.code(), String.valueOf(e.getMessage()));
            return;
        }
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        while (!stop.get()) {
            int p = rnd.nextInt(100);
            String op;
            Runnable body;
            if (p < 20) {
                op = "getInfo";
                body = this::getInfo;
            } else if (p < 35) {
                op = "getXMLDesc";
                body = this::getXmlDesc;
            } else if (p < 45) {
                op = "listAllDomains";
                body = this::listAll;
            } else if (p < 58) {
                op = "defineUndefine";
                body = this::defineUndefine;
            } else if (p < 73) {
                op = "createDestroy";
                body = this::createDestroy;
            } else if (p < 85) {
                op = "screenshot";
                body = this::screenshot;
            } else if (p < 93) {
                op = "volumeCreateDelete";
                body = this::volume;
            } else if (p < 98) {
                op = "eventRegisterDeregister";
                body = () -> eventChurn(own);
            } else {
                op = "openClose";
                body = this::openClose;
            }
            try {
                body.run();
                count(ops, op);
                totalOps.increment();
            } catch (LibvirtException e) {
                String key = op + ":" + e.code();
                count(errors, key);
                firstError.putIfAbsent(key, String.valueOf(e.getMessage()));
            } catch (RuntimeException | Error e) {
                String key = op + ":" + e.getClass().getSimpleName();
                count(errors, key);
                firstError.putIfAbsent(key, String.valueOf(e));
            }
        }
        own.close();
    }

    private void getInfo() {
        try (Domain d = conn.lookupDomainByName(RUNNING)) {
            d.getInfo();
        }
    }

    private void getXmlDesc() {
        try (Domain d = conn.lookupDomainByName(RUNNING)) {
            if (d.getXMLDesc().length() < 100) {
                throw new IllegalStateException("short XML");
            }
        }
    }

    private void listAll() {
        List<Domain> all = conn.listAllDomains();
        for (Domain d : all) {
            d.close();
        }
        if (all.size() < 2) {
            throw new IllegalStateException("listAllDomains returned " + all.size());
        }
    }

    private String domainXml(String name) {
        return "<domain type='test'><name>" + name + "</name><memory unit='KiB'>65536</memory>"
                + "<vcpu>1</vcpu><os><type arch='x86_64'>hvm</type></os></domain>";
    }

    /** A persistent domain defined and undefined: DEFINED and UNDEFINED events. */
    private void defineUndefine() {
        String name = "soak-def-" + serial.incrementAndGet();
        try (Domain d = conn.domainDefineXML(domainXml(name))) {
            eventsExpected.increment();
            d.getInfo();
            d.undefine();
            eventsExpected.increment();
        }
    }

    /** A transient domain created and destroyed: STARTED and STOPPED events. */
    private void createDestroy() {
        String name = "soak-run-" + serial.incrementAndGet();
        try (Domain d = conn.domainCreateXML(domainXml(name))) {
            eventsExpected.increment();
            d.getInfo();
            d.destroy();
            eventsExpected.increment();
        }
    }

    /** The test driver's screenshot streamed to the end: a PNG of a few KiB. */
    private void screenshot() {
        try (Domain d = conn.lookupDomainByName(RUNNING); org.libvirt4j.Stream s = conn.newStream()) {
            d.screenshot(s, 0);
            byte[] buf = new byte[4096];
            long total = 0;
            for (int n; (n = s.recv(buf)) != 0;) {
                total += n;
            }
            s.finish();
            if (total < 100) {
                throw new IllegalStateException("screenshot of " + total + " bytes");
            }
        }
    }

    /** A volume created in the fixture's dir pool, looked up, and deleted. */
    private void volume() {
        String name = "soak-vol-" + serial.incrementAndGet() + ".img";
        try (StoragePool pool = conn.lookupStoragePoolByName(POOL);
                StorageVol v = pool.storageVolCreateXML("<volume><name>" + name + "</name>"
                        + "<capacity unit='KiB'>64</capacity></volume>")) {
            try (StorageVol again = pool.lookupStorageVolByName(name)) {
                again.getInfo();
            }
            v.delete();
        }
    }

    private void eventChurn(Domain own) {
        int id = conn.domainEventLifecycleRegister(own, (c, d, e) -> { });
        conn.domainEventDeregister(id);
    }

    private void openClose() {
        try (Connect c = connector.newConnect(uri); Domain d = c.lookupDomainByName(RUNNING)) {
            d.getInfo();
        }
    }

    private static void count(Map<String, LongAdder> m, String key) {
        m.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    private double[] sample(double seconds, long daemonPid) throws IOException {
        System.gc();
        double heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
        double direct = 0;
        for (BufferPoolMXBean b : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            if (b.getName().equals("direct")) {
                direct = b.getMemoryUsed() / 1048576.0;
            }
        }
        double threads = ManagementFactory.getThreadMXBean().getThreadCount();
        double fds;
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            fds = s.count();
        }
        double rss = rssKiB("self") / 1024.0;
        double daemonRss = rssKiB(Long.toString(daemonPid)) / 1024.0;
        double errs = errors.values().stream().mapToLong(LongAdder::sum).sum();
        return new double[] {seconds, heap, direct, threads, fds, rss, daemonRss, totalOps.sum(), errs,
                eventsExpected.sum(), eventsReceived.sum()};
    }

    private static long rssKiB(String pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"), StandardCharsets.US_ASCII)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private int summary(String backend, int threads, List<double[]> rows, long warmup, Path csv) {
        List<double[]> measured = rows.stream().filter(r -> r[0] >= warmup).toList();
        if (measured.size() < 3) {
            measured = rows;
        }
        String[] names = {"heap MiB", "direct MiB", "threads", "fds", "RSS MiB", "daemon RSS MiB"};
        double[] limits = {HEAP_MIB, DIRECT_MIB, THREADS, FDS, RSS_MIB, Double.NaN};
        boolean fail = false;
        System.out.printf(Locale.ROOT, "%nsoak summary: backend %s, %d threads, %.1f min, CSV %s%n", backend, threads,
                rows.get(rows.size() - 1)[0] / 60, csv);
        System.out.printf(Locale.ROOT, "%-16s %10s %10s %10s %14s %10s%n", "", "start", "end", "max", "per 10 min", "limit");
        for (int i = 0; i < names.length; i++) {
            int col = i + 1;
            double start = measured.get(0)[col];
            double end = measured.get(measured.size() - 1)[col];
            double max = measured.stream().mapToDouble(r -> r[col]).max().orElse(Double.NaN);
            double slope = slope(measured, col) * 600;
            boolean over = !Double.isNaN(limits[i]) && slope > limits[i];
            fail |= over;
            System.out.printf(Locale.ROOT, "%-16s %10.2f %10.2f %10.2f %+14.2f %10s%s%n", names[i], start, end, max,
                    slope, Double.isNaN(limits[i]) ? "-" : String.format(Locale.ROOT, "%.0f", limits[i]),
                    over ? "  OVER" : "");
        }
        System.out.printf(Locale.ROOT, "ops completed: %d (%.0f/s)%n", totalOps.sum(),
                totalOps.sum() / rows.get(rows.size() - 1)[0]);
        new TreeMap<>(ops).forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-24s %d%n", k, v.sum()));
        System.out.printf(Locale.ROOT, "lifecycle events: expected %d, received %d%n", eventsExpected.sum(),
                eventsReceived.sum());
        if (eventsReceived.sum() < eventsExpected.sum()) {
            count(errors, "events-missing");
            firstError.putIfAbsent("events-missing", (eventsExpected.sum() - eventsReceived.sum()) + " lifecycle events never arrived");
        }
        long unexpected = errors.values().stream().mapToLong(LongAdder::sum).sum();
        System.out.printf(Locale.ROOT, "errors: %d%n", unexpected);
        new TreeMap<>(errors).forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-40s %d  (first: %s)%n", k, v.sum(),
                firstError.get(k)));
        fail |= unexpected > 0;
        System.out.println(fail ? "SOAK FAILED" : "SOAK PASSED");
        return fail ? 1 : 0;
    }

    /** Least-squares slope of column {@code col} against time (column 0), per second. */
    private static double slope(List<double[]> rows, int col) {
        int n = rows.size();
        double sx = 0;
        double sy = 0;
        for (double[] r : rows) {
            sx += r[0];
            sy += r[col];
        }
        double mx = sx / n;
        double my = sy / n;
        double num = 0;
        double den = 0;
        for (double[] r : rows) {
            num += (r[0] - mx) * (r[col] - my);
            den += (r[0] - mx) * (r[0] - mx);
        }
        return den == 0 ? 0 : num / den;
    }
}

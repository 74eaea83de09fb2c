package org.libvirt4j.benchmarks;

import java.util.Locale;
import org.libvirt4j.Connect;
import org.libvirt4j.Domain;
import org.libvirt4j.Libvirt;

/**
 * Issue 13's cold start, the Java side of {@code src/main/c/cold_start.c}: opens a connection
 * with one backend, looks up the domain {@code test}, and prints the moment its first
 * {@code getInfo} was answered and the moment the first {@value #CALLS} were, as
 * {@code CLOCK_MONOTONIC} nanoseconds ({@link System#nanoTime()} reads that clock on Linux,
 * system-wide), so that the parent which started this JVM subtracts its own start time. Run one
 * JVM per measurement, each backend on a classpath holding only its own jars
 * ({@link ColdStartRunner}).
 *
 * <p>Arguments: {@code BACKEND URI}.
 */
public final class ColdStart {
    /** How many calls the second figure counts, the first included. */
    public static final int CALLS = 10_000;

    private ColdStart() {
    }

    /**
     * @param args the backend's name and the URI
     */
    public static void main(String[] args) {
        long first;
        long all;
        try (Connect conn = Libvirt.using(args[0]).newConnect(args[1]);
                Domain dom = conn.lookupDomainByName("test")) {
            long sink = dom.getInfo().nrVirtCpu();
            first = System.nanoTime();
            for (int i = 1; i < CALLS; i++) {
                sink += dom.getInfo().nrVirtCpu();
            }
            all = System.nanoTime();
            if (sink == 0) {
                throw new IllegalStateException("no vCPUs reported");
            }
        }
        System.out.printf(Locale.ROOT, "%d %d%n", first, all);
    }
}

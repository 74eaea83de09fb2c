package org.libvirt4j.benchmarks;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Starts {@link ColdStart} (one JVM per run) or {@code target/cold_start} (C) and reads the
 * two moments they print against the moment the process was started: JVM start to the first
 * answered call, and to the first {@value ColdStart#CALLS} calls. Each Java backend runs on a
 * classpath of its own jars when the system property {@code libvirt4j.bench.cp.BACKEND} gives
 * one ({@code run-all.sh} does), else on this JVM's classpath (all three backends, whose
 * providers {@link java.util.ServiceLoader} then also loads).
 */
final class ColdStartRunner {
    /** One measurement, in milliseconds from the process's start. */
    record Start(double firstCallMs, double callsMs) {
    }

    private ColdStartRunner() {
    }

    /**
     * {@return the median of {@code runs} cold starts, by time to the first call}
     *
     * @param backend {@code c}, or a backend's name
     * @param uri the URI to open
     * @param runs how many processes to start
     * @throws IOException when a run fails
     * @throws InterruptedException when interrupted while waiting for one
     */
    static Start median(String backend, String uri, int runs) throws IOException, InterruptedException {
        List<Start> all = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            all.add(once(backend, uri));
        }
        all.sort((a, b) -> Double.compare(a.firstCallMs(), b.firstCallMs()));
        return all.get(all.size() / 2);
    }

    private static Start once(String backend, String uri) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (backend.equals("c")) {
            command.add("benchmarks/target/cold_start");
        } else {
            String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
            String cp = System.getProperty("libvirt4j.bench.cp." + backend, System.getProperty("java.class.path"));
            command.addAll(Arrays.asList(java, "-cp", cp, ColdStart.class.getName(), backend));
        }
        command.add(uri);
        // System.nanoTime() reads CLOCK_MONOTONIC on Linux, the clock both children print.
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (p.waitFor() != 0) {
            throw new IOException(command + " failed: " + out);
        }
        String[] f = out.split("\\s+");
        return new Start((Long.parseLong(f[0]) - start) / 1e6, (Long.parseLong(f[1]) - start) / 1e6);
    }
}

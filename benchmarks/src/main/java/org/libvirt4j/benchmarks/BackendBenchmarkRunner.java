package org.libvirt4j.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Issue 4's speed check: runs the C baseline ({@code benchmarks/target/baseline}) before and
 * after JMH's {@link BackendBenchmark}, and prints each backend's time per call and its ratio
 * to the C loop: the mean of iterations (JMH's score) and the best iteration (the one least
 * disturbed by other load on a shared machine). The C results of its two runs are averaged,
 * so that a change in load during the run shifts both sides alike.
 *
 * <p>Arguments: {@code [warm-up iterations] [iterations] [forks] [seconds per iteration]}.
 */
public final class BackendBenchmarkRunner {
    private static final List<String> ORDER = List.of("getInfo", "lookupByNameClose", "getXMLDesc", "listAllDomains");

    private BackendBenchmarkRunner() {
    }

    /**
     * @param args warm-up iterations, iterations, forks, seconds per iteration
     * @throws Exception when JMH or the C loop fails
     */
    public static void main(String[] args) throws Exception {
        int warmups = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int forks = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        Map<String, double[]> mean = new HashMap<>();
        Map<String, Double> best = new HashMap<>();
        for (String line : cLoop(iterations, seconds)) {
            addC(line, mean, best);
        }
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(BackendBenchmark.class.getName())
                .warmupIterations(warmups).warmupTime(TimeValue.seconds(seconds))
                .measurementIterations(iterations).measurementTime(TimeValue.seconds(seconds))
                .forks(forks).build()).run();
        for (String line : cLoop(iterations, seconds)) {
            addC(line, mean, best);
        }
        for (RunResult r : results) {
            String key = r.getParams().getParam("backend") + "/" + r.getParams().getBenchmark()
                    .substring(r.getParams().getBenchmark().lastIndexOf('.') + 1);
            mean.put(key, new double[] {r.getPrimaryResult().getScore(), 1});
            double min = Double.MAX_VALUE;
            for (var benchmark : r.getBenchmarkResults()) {
                for (IterationResult it : benchmark.getIterationResults()) {
                    min = Math.min(min, it.getPrimaryResult().getScore());
                }
            }
            best.put(key, min);
        }
        Map<String, Double> means = new HashMap<>();
        mean.forEach((k, v) -> means.put(k, v[0] / v[1]));
        print("mean of iterations (JMH score)", means);
        print("best iteration (least disturbed by other load)", best);
    }

    private static List<String> cLoop(int rounds, int seconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of("benchmarks/target/baseline").toString(), "1",
                Integer.toString(rounds), Integer.toString(seconds)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("the C baseline failed");
        }
        return out.lines().toList();
    }

    private static void addC(String line, Map<String, double[]> mean, Map<String, Double> best) {
        String[] f = line.trim().split("\\s+");
        String key = "c/" + f[0];
        double[] sum = mean.computeIfAbsent(key, k -> new double[2]);
        sum[0] += Double.parseDouble(f[1]);
        sum[1]++;
        best.merge(key, Double.parseDouble(f[2]), Math::min);
    }

    private static void print(String title, Map<String, Double> table) {
        System.out.printf(Locale.ROOT, "%n%s, ns per call%n%-20s%12s%12s%8s%12s%8s%n", title,
                "benchmark", "C", "JNI", "JNI/C", "JNA", "JNA/C");
        for (String b : ORDER) {
            Double c = table.get("c/" + b);
            Double jni = table.get("jni/" + b);
            Double jna = table.get("jna/" + b);
            System.out.printf(Locale.ROOT, "%-20s%12s%12s%8s%12s%8s%n", b, num(c), num(jni), ratio(jni, c), num(jna),
                    ratio(jna, c));
        }
    }

    private static String num(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.0f", v);
    }

    private static String ratio(Double v, Double c) {
        return v == null || c == null ? "-" : String.format(Locale.ROOT, "%.2f", v / c);
    }
}

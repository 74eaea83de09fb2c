package org.libvirt4j.remote.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.libvirt4j.Connect;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.remote.internal.rpc.OutboundWriter;
import org.libvirt4j.remote.internal.rpc.RpcConnection;
import org.libvirt4j.remote.internal.rpc.RpcSettings;

/**
 * A daemon that sends keepalive PINGs as fast as it can and never reads: the client must not
 * queue a PONG per PING (it used to, until the JVM ran out of direct memory), it must declare
 * that connection dead, and another connection in the same JVM must not notice.
 */
class PingFloodTest {
    private static final int GET_HOSTNAME = 59;

    @AfterEach
    void resetTimeout() {
        System.clearProperty(RpcSettings.TIMEOUT_PROPERTY);
    }

    /** What one run of the scenario saw. */
    record Outcome(long pings, long maxQueued, boolean floodedAlive, LibvirtException floodedError, int calls,
            long p50Micros, long p99Micros, long maxMicros, Throwable healthyFailure, long quietP50Micros,
            long quietP99Micros) {
        @Override
        public String toString() {
            return "pings=" + pings + " maxQueued=" + maxQueued + " floodedAlive=" + floodedAlive + " floodedError="
                    + (floodedError == null ? null : floodedError.getMessage()) + " calls=" + calls + " p50us="
                    + p50Micros + " p99us=" + p99Micros + " maxus=" + maxMicros + " healthyFailure=" + healthyFailure + " (without the flood: p50us="
                    + quietP50Micros + " p99us=" + quietP99Micros + ")";
        }
    }

    /**
     * Opens a connection to a PING flooder and one to a well-behaved fake, then calls the healthy
     * one for {@code millis} while sampling the flooded connection's outbound queue.
     */
    static Outcome run(long millis) throws Exception {
        AtomicLong pings = new AtomicLong();
        try (FakeDaemon flooder = new FakeDaemon((c, out, s) -> {
            throw new IOException("unexpected procedure " + c.proc());
        }); FakeDaemon healthy = new FakeDaemon((c, out, s) -> {
            if (c.proc() != GET_HOSTNAME) {
                throw new IOException("unexpected procedure " + c.proc());
            }
            // one write per reply: the fake's socket has Nagle on, and small writes would add 40 ms
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            FakeDaemon.reply(new DataOutputStream(frame), c, 0, HostileDaemonTest.string("healthy"));
            out.write(frame.toByteArray());
            out.flush();
        })) {
            flooder.afterHandshake = (c, out, s) -> flood(out, pings);
            try (Connect good = RemoteConnect.open(healthy.uri())) {
                long[] quiet = latencies(good, 500);
                try (Connect bad = RemoteConnect.open(flooder.uri())) {
                    return flooded(good, bad, millis, pings, quiet);
                }
            }
        }
    }

    /** @return sorted latencies of {@code getHostname} calls made for {@code millis} */
    private static long[] latencies(Connect good, long millis) {
        List<Long> latencies = new ArrayList<>();
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() - end < 0) {
            long t0 = System.nanoTime();
            good.getHostname();
            latencies.add(System.nanoTime() - t0);
        }
        return latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /** Calls {@code good} for {@code millis}; latencies count while {@code bad} is flooded and alive. */
    private static Outcome flooded(Connect good, Connect bad, long millis, AtomicLong pings, long[] quiet) {
        RpcConnection rpc = ((RemoteConnect) bad).session.rpc;
        List<Long> latencies = new ArrayList<>();
        long maxQueued = 0;
        Throwable failure = null;
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() - end < 0) {
            maxQueued = Math.max(maxQueued, rpc.queuedBytes());
            boolean duringFlood = rpc.isAlive();
            long t0 = System.nanoTime();
            try {
                if (!"healthy".equals(good.getHostname())) {
                    throw new AssertionError("wrong answer");
                }
            } catch (Throwable t) {
                failure = t;
                break;
            }
            if (duringFlood) {
                latencies.add(System.nanoTime() - t0);
            }
            maxQueued = Math.max(maxQueued, rpc.queuedBytes());
        }
        LibvirtException floodedError = null;
        try {
            bad.getHostname();
        } catch (LibvirtException e) {
            floodedError = e;
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Outcome(pings.get(), maxQueued, rpc.isAlive(), floodedError, sorted.length,
                percentile(sorted, 50), percentile(sorted, 99), percentile(sorted, 100), failure,
                percentile(quiet, 50), percentile(quiet, 99));
    }

    private static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return -1;
        }
        int i = Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1);
        return TimeUnit.NANOSECONDS.toMicros(sorted[Math.max(0, i)]);
    }

    /** Writes PINGs until the client hangs up; never reads. */
    private static void flood(DataOutputStream out, AtomicLong pings) throws IOException {
        ByteArrayOutputStream batch = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(batch);
        int perBatch = 256;
        for (int i = 0; i < perBatch; i++) {
            d.writeInt(28);
            d.writeInt(0x6b656570); // KEEPALIVE_PROGRAM
            d.writeInt(1);
            d.writeInt(1); // PING
            d.writeInt(2); // MESSAGE
            d.writeInt(0);
            d.writeInt(0);
        }
        byte[] bytes = batch.toByteArray();
        while (true) {
            out.write(bytes);
            pings.addAndGet(perBatch);
        }
    }

    private static void assertFloodedConnectionFailed(Outcome o) {
        assertThat(o.floodedAlive()).as("the flooding, non-reading daemon's connection is declared dead").isFalse();
        assertThat(o.floodedError()).isNotNull();
        LibvirtException why = whyDead(o.floodedError());
        assertThat(why.domain()).isEqualTo(ErrorDomain.RPC);
        assertThat(why.code()).isEqualTo(ErrorNumber.ERR_RPC);
        assertThat(why.getMessage()).contains("stopped reading");
    }

    /**
     * @return why the connection died: the error of a call in flight then, or the cause of the
     *         "client socket is closed" that a call made after it gets, as in libvirt's C client
     */
    static LibvirtException whyDead(LibvirtException e) {
        if (e.code() == ErrorNumber.ERR_INTERNAL_ERROR && e.getCause() instanceof LibvirtException cause) {
            assertThat(e.getMessage()).isEqualTo("internal error: client socket is closed");
            return cause;
        }
        return e;
    }

    @Test
    @DisplayName("A daemon flooding PINGs and never reading gets no queue of PONGs: the outbound queue stays "
            + "bounded, its connection fails with ERR_RPC, and another connection keeps working")
    void pingFloodIsBounded() {
        System.setProperty(RpcSettings.TIMEOUT_PROPERTY, "3");
        Outcome o = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run(4000));
        System.out.println("PingFloodTest in-process: " + o);
        assertThat(o.healthyFailure()).as("the healthy connection never fails").isNull();
        assertThat(o.pings()).as("the daemon did flood").isGreaterThan(100_000);
        // PONGs are never queued behind other bytes: at most the unwritten tail of one waits
        assertThat(o.maxQueued()).as("bytes queued for the flooder").isLessThanOrEqualTo(28);
        assertFloodedConnectionFailed(o);
        assertThat(o.calls()).isGreaterThan(100);
        // generous bounds: the flood keeps this machine's CPUs busy, and other builds may share them
        assertThat(o.p50Micros()).as("median latency of the healthy connection").isLessThan(20_000);
        assertThat(o.p99Micros()).as("99th percentile latency of the healthy connection").isLessThan(200_000);
    }

    @Test
    @DisplayName("The PING flood in a JVM with 48 MiB of heap and 16 MiB of direct memory: it survives, and "
            + "the other connection never sees an OutOfMemoryError")
    void pingFloodInSmallJvm() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx48m", "-XX:MaxDirectMemorySize=16m",
                "-D" + RpcSettings.TIMEOUT_PROPERTY + "=3", "-cp", System.getProperty("java.class.path"),
                Child.class.getName());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String output;
        try {
            boolean exited = p.waitFor(90, TimeUnit.SECONDS);
            if (!exited) {
                p.destroyForcibly();
            }
            output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            System.out.println("PingFloodTest child JVM:\n" + output);
            assertThat(exited).as("the child JVM finished: " + output).isTrue();
        } finally {
            p.destroyForcibly();
        }
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("CHILD OK");
    }

    /** The forked JVM's side of {@link #pingFloodInSmallJvm}: exit 0 and print "CHILD OK" when all held. */
    static final class Child {
        private Child() {
        }

        public static void main(String[] args) {
            try {
                Outcome o = run(8000);
                System.out.println(o);
                boolean ok = o.healthyFailure() == null && !o.floodedAlive() && o.pings() > 100_000
                        && o.maxQueued() <= OutboundWriter.OUTBOUND_MAX && o.floodedError() != null
                        && whyDead(o.floodedError()).getMessage().contains("stopped reading");
                System.out.println(ok ? "CHILD OK" : "CHILD FAILED");
                if (o.healthyFailure() != null) {
                    o.healthyFailure().printStackTrace(System.out);
                }
                System.out.flush();
                Runtime.getRuntime().halt(ok ? 0 : 1);
            } catch (Throwable t) {
                t.printStackTrace(System.out);
                System.out.println("CHILD FAILED " + Arrays.toString(args));
                System.out.flush();
                Runtime.getRuntime().halt(2);
            }
        }
    }
}

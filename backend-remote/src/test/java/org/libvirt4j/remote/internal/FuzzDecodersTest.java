package org.libvirt4j.remote.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.libvirt4j.remote.generated.RemoteConnectGetAllDomainStatsRet;
import org.libvirt4j.remote.generated.RemoteDomainGetMemoryParametersRet;
import org.libvirt4j.remote.generated.RemoteDomainGetSchedulerParametersRet;
import org.libvirt4j.remote.generated.RemoteError;
import org.libvirt4j.remote.generated.RemoteProtocol;
import org.libvirt4j.remote.generated.VirNetMessageStatus;
import org.libvirt4j.remote.generated.VirNetMessageType;
import org.libvirt4j.remote.internal.fuzz.Decoders.Decoder;
import org.libvirt4j.remote.internal.fuzz.Decoders;
import org.libvirt4j.remote.internal.fuzz.Fuzz;
import org.libvirt4j.remote.internal.xdr.XdrReader;

/**
 * Fuzzes the XDR decoders with mutations of replies recorded from libvirtd ({@link Fuzz}): each
 * seed's own reply or event decoder and {@link Wire}'s hand-written typed-parameter readers on
 * every input, and a sweep of every generated decoder on every eighth (half of those mutated
 * from synthetic shapes instead, see {@link #SYNTHETIC}). Any failure but
 * {@code XdrException} or {@code LibvirtException}, a decode slower than
 * {@link Fuzz#SLOW_NANOS}, or one allocating more than {@link Fuzz#ALLOC_PER_BYTE} bytes per
 * input byte plus {@link Fuzz#ALLOC_CONSTANT} fails the test, with the master seed that
 * reproduces it ({@code -Dlibvirt4j.fuzz.seed=...}) and the input in hex.
 */
class FuzzDecodersTest {
    /** Default budget in seconds; {@code -Dlibvirt4j.fuzz.seconds} overrides it. */
    private static final double DEFAULT_SECONDS = 12;
    private static final int SWEEP_EVERY = 8;

    /**
     * Shapes for the sweep besides the replies: zeros (empty arrays and strings, absent optionals,
     * arm 0 of each union) and ones (one-element arrays, present optionals, arm 1), which most
     * decoders read a long way into, so that mutations reach their deeper fields.
     */
    private static final List<byte[]> SYNTHETIC = List.of(new byte[16], new byte[64], new byte[256], words(1, 16),
            words(1, 64), words(1, 256), words(2, 64));

    private static byte[] words(int value, int count) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 * count);
        for (int i = 0; i < count; i++) {
            b.putInt(value);
        }
        return b.array();
    }

    /** One thing to decode an input with. */
    private record Target(String name, Function<XdrReader, Object> decode) {
    }

    private static Target target(Decoder d) {
        return new Target(d.name(), d::decode);
    }

    /** Wire's hand-written readers, for the typed-parameter replies. */
    private static final List<Target> WIRE = List.of(
            new Target("Wire.readAllDomainStats", Wire::readAllDomainStats),
            new Target("Wire.readTypedParams", r -> Wire.readTypedParams(r, RemoteProtocol.REMOTE_DOMAIN_MEMORY_PARAMETERS_MAX,
                    "params")),
            new Target("Wire.fromWire(memory parameters)",
                    r -> Wire.fromWire(RemoteDomainGetMemoryParametersRet.decode(r).params())),
            new Target("Wire.fromWire(scheduler parameters)",
                    r -> Wire.fromWire(RemoteDomainGetSchedulerParametersRet.decode(r).params())),
            new Target("Wire.fromWire(domain stats)", r -> {
                RemoteConnectGetAllDomainStatsRet ret = RemoteConnectGetAllDomainStatsRet.decode(r);
                ret.retStats().forEach(s -> Wire.fromWire(s.params()));
                return ret;
            }));

    /** The seed's own decoders: its reply's or event's, the error's, and Wire's for typed parameters. */
    private static List<Target> own(Fuzz.Seed s) {
        List<Target> out = new ArrayList<>();
        if (s.header(0) != RemoteProtocol.REMOTE_PROGRAM) {
            return out;
        }
        if (s.status() == VirNetMessageStatus.VIR_NET_ERROR.value()) {
            out.add(new Target("RemoteError", RemoteError::decode));
        } else if (s.type() == VirNetMessageType.VIR_NET_REPLY.value()) {
            Decoder d = Decoders.forProc(s.proc(), "Ret");
            if (d != null) {
                out.add(target(d));
            }
        } else if (s.type() == VirNetMessageType.VIR_NET_MESSAGE.value()) {
            Decoder d = Decoders.forProc(s.proc(), "Msg");
            if (d != null) {
                out.add(target(d));
            }
        }
        if (s.label().contains("PARAMETERS") || s.label().contains("DOMAIN_STATS")) {
            out.addAll(WIRE);
        }
        return out;
    }

    @Test
    @DisplayName("Every recorded reply and event decodes whole with its own decoder")
    void seedsDecode() {
        int checked = 0;
        for (Fuzz.Seed s : Fuzz.seeds()) {
            if (s.label().startsWith("regression.")) {
                continue;
            }
            for (Target t : own(s)) {
                if (t.name().startsWith("Wire.readTypedParams") && !s.label().contains("PARAMETERS")
                        || t.name().contains("memory") && !s.label().contains("MEMORY")
                        || t.name().contains("scheduler") && !s.label().contains("SCHEDULER")
                        || (t.name().contains("domain stats") || t.name().contains("AllDomainStats"))
                                && !s.label().contains("DOMAIN_STATS")) {
                    continue;
                }
                XdrReader r = new XdrReader(Unpooled.wrappedBuffer(s.body()));
                Object v = t.decode().apply(r);
                if (!t.name().equals("Wire.readTypedParams")) {
                    r.expectEnd(s.label() + " with " + t.name());
                }
                assertThat(v).as(s.label()).isNotNull();
                checked++;
            }
        }
        assertThat(checked).as("seeds with a decoder").isGreaterThanOrEqualTo(15);
    }

    @Test
    @DisplayName("Mutated replies make every decoder fail only with XdrException or LibvirtException, promptly, "
            + "allocating in proportion to the input")
    void fuzzDecoders() {
        long budget = Fuzz.budgetNanos(DEFAULT_SECONDS);
        assertTimeoutPreemptively(Duration.ofNanos(budget).plusSeconds(120), () -> run(budget));
    }

    private static void run(long budget) {
        List<Fuzz.Seed> seeds = Fuzz.seeds();
        List<byte[]> bodies = seeds.stream().map(Fuzz.Seed::body).toList();
        List<List<Target>> owns = seeds.stream().map(FuzzDecodersTest::own).toList();
        List<Target> sweep = Decoders.all().stream().map(FuzzDecodersTest::target).toList();
        assertThat(sweep).as("generated decoders").hasSizeGreaterThan(500);
        // warm up: load and initialise every class a decode may touch, so that its allocation is not counted
        for (byte[] b : bodies) {
            for (Target t : sweep) {
                check(t, b, null);
            }
            for (Target t : WIRE) {
                check(t, b, null);
            }
        }
        Map<String, String> failures = new LinkedHashMap<>();
        long inputs = 0;
        long decodes = 0;
        long end = System.nanoTime() + budget;
        for (int round = 0; System.nanoTime() < end && (round == 0 || !Fuzz.seedGiven()); round++) {
            long master = Fuzz.masterSeed(round);
            Random rnd = new Random(master);
            // each round at most 20000 inputs, so a given seed replays in bounded time
            for (int i = 0; i < 20_000 && System.nanoTime() < end; i++) {
                int k = rnd.nextInt(seeds.size());
                byte[] in = Fuzz.mutate(bodies.get(k), rnd, bodies);
                String where = "master seed " + master + " (-D" + Fuzz.SEED_PROPERTY + "=" + master + "), input " + i
                        + " from " + seeds.get(k).label();
                for (Target t : owns.get(k)) {
                    record(failures, check(t, in, where));
                    decodes++;
                }
                if (i % SWEEP_EVERY == 0) {
                    if (rnd.nextBoolean()) {
                        // half the sweep's inputs start from a synthetic shape instead of a reply
                        byte[] base = SYNTHETIC.get(rnd.nextInt(SYNTHETIC.size()));
                        in = Fuzz.mutate(base, rnd, bodies);
                        where = where.replace(" from " + seeds.get(k).label(), " from a synthetic " + base.length
                                + "-byte shape");
                    }
                    for (Target t : sweep) {
                        record(failures, check(t, in, where));
                    }
                    decodes += sweep.size();
                }
                inputs++;
            }
        }
        System.out.printf("FuzzDecodersTest: %d inputs, %d decodes, %d generated decoders swept, %d distinct failures%n",
                inputs, decodes, sweep.size(), failures.size());
        assertThat(failures).as("decoding failures other than XdrException/LibvirtException, hangs or "
                + "disproportionate allocations").isEmpty();
    }

    private static void record(Map<String, String> failures, String[] f) {
        if (f != null && failures.size() < 50) {
            failures.putIfAbsent(f[0], f[1]);
        }
    }

    /** {@return null, or a failure's key (decoder, kind, top frame) and its report} */
    private static String[] check(Target t, byte[] in, String where) {
        long before = Fuzz.allocated();
        long start = System.nanoTime();
        Throwable thrown = null;
        try {
            t.decode().apply(new XdrReader(Unpooled.wrappedBuffer(in)));
        } catch (Throwable e) {
            thrown = e;
        }
        long took = System.nanoTime() - start;
        long allocated = Fuzz.allocated() - before;
        if (where == null) {
            return null;
        }
        if (thrown != null && !Fuzz.documented(thrown)) {
            StackTraceElement top = thrown.getStackTrace().length > 0 ? thrown.getStackTrace()[0] : null;
            return new String[] {t.name() + " " + thrown.getClass().getName() + " at " + top,
                t.name() + " threw " + thrown + " at " + top + "; " + where + "; input " + Fuzz.hex(in)};
        }
        long limit = Fuzz.ALLOC_PER_BYTE * in.length + Fuzz.ALLOC_CONSTANT;
        if (allocated > limit) {
            // measure again: the first decode of a shape may load classes or compile code
            long again = Fuzz.allocated();
            try {
                t.decode().apply(new XdrReader(Unpooled.wrappedBuffer(in)));
            } catch (RuntimeException e) {
                // already judged
            }
            allocated = Fuzz.allocated() - again;
            if (allocated > limit) {
                return new String[] {t.name() + " allocation",
                    t.name() + " allocated " + allocated + " bytes for " + in.length + " input bytes (limit " + limit
                            + "); " + where + "; input " + Fuzz.hex(in)};
            }
        }
        if (took > Fuzz.SLOW_NANOS) {
            return new String[] {t.name() + " slow", t.name() + " took " + took / 1_000_000 + " ms; " + where
                    + "; input " + Fuzz.hex(in)};
        }
        return null;
    }
}

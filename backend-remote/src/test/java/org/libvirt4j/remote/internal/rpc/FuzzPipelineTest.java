package org.libvirt4j.remote.internal.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.remote.generated.RemoteProtocol;
import org.libvirt4j.remote.generated.VirKeepaliveProtocol;
import org.libvirt4j.remote.generated.VirNetMessageStatus;
import org.libvirt4j.remote.generated.VirNetMessageType;
import org.libvirt4j.remote.internal.fuzz.Decoders;
import org.libvirt4j.remote.internal.fuzz.Fuzz;
import org.libvirt4j.remote.internal.xdr.XdrException;

/**
 * Fuzzes a connection's inbound pipeline (the frame decoder and the message handler of
 * {@link RpcConnection}, through {@link RpcConnection#onChannel}) with mutations of frames recorded from
 * libvirtd: header words, length words and bodies mutated, frames cut into random pieces and
 * run together. The reply's call is in flight (its reply decoder that of the procedure), a
 * stream is attached for stream packets and an event sink decodes events, so every input
 * reaches the decoder it would reach on a real connection. The connection may die, but only
 * with a {@link LibvirtException} caused by nothing, an {@link XdrException}, a
 * {@link LibvirtException} or the frame decoder's own rejections; nothing may reach the end of
 * the pipeline, and each input must be handled promptly and allocate in proportion to its size.
 */
class FuzzPipelineTest {
    /** Default budget in seconds; {@code -Dlibvirt4j.fuzz.seconds} overrides it. */
    private static final double DEFAULT_SECONDS = 8;

    @Test
    @DisplayName("Mutated frames fed to a connection's pipeline kill it only with documented errors, promptly, "
            + "allocating in proportion to the input")
    void fuzzPipeline() {
        long budget = Fuzz.budgetNanos(DEFAULT_SECONDS);
        assertTimeoutPreemptively(Duration.ofNanos(budget).plusSeconds(120), () -> run(budget));
    }

    private static void run(long budget) {
        List<Fuzz.Seed> seeds = Fuzz.seeds();
        List<byte[]> frames = seeds.stream().map(Fuzz.Seed::frame).toList();
        Map<String, String> failures = new LinkedHashMap<>();
        for (Fuzz.Seed s : seeds) { // warm up: load the classes each seed's path uses
            feed(s, List.of(s.frame()), s.frame().length, "seed " + s.label());
        }
        for (Fuzz.Seed s : seeds) { // the seeds themselves must not kill the connection
            String f = feed(s, List.of(s.frame()), s.frame().length, "seed " + s.label());
            assertThat(lastDied).as("the unmutated seed %s kills the connection", s.label()).isFalse();
            assertThat(f).as("the unmutated seed %s", s.label()).isNull();
        }
        long inputs = 0;
        long died = 0;
        long end = System.nanoTime() + budget;
        for (int round = 0; System.nanoTime() < end && (round == 0 || !Fuzz.seedGiven()); round++) {
            long master = Fuzz.masterSeed(round);
            Random rnd = new Random(master);
            for (int i = 0; i < 20_000 && System.nanoTime() < end; i++) {
                int k = rnd.nextInt(seeds.size());
                Fuzz.Seed s = seeds.get(k);
                byte[] in = mutateFrame(s.frame(), rnd, frames);
                if (rnd.nextInt(4) == 0) { // another, intact frame behind it
                    byte[] next = frames.get(rnd.nextInt(frames.size()));
                    byte[] two = new byte[in.length + next.length];
                    System.arraycopy(in, 0, two, 0, in.length);
                    System.arraycopy(next, 0, two, in.length, next.length);
                    in = two;
                }
                String where = "master seed " + master + " (-D" + Fuzz.SEED_PROPERTY + "=" + master + "), input " + i
                        + " from " + s.label();
                List<byte[]> pieces = chunks(in, rnd);
                String f = feed(s, pieces, in.length, where + "; input " + Fuzz.hex(in));
                boolean died0 = lastDied;
                if (f != null && f.startsWith("allocated")) {
                    // measure again: the buffer pool may have grown, or a rare path loaded its classes
                    f = feed(s, pieces, in.length, where + "; input " + Fuzz.hex(in));
                }
                lastDied = died0;
                if (f != null && failures.size() < 50) {
                    failures.putIfAbsent(f.substring(0, Math.min(f.indexOf(';') < 0 ? f.length() : f.indexOf(';'), 200)),
                            f);
                }
                if (lastDied) {
                    died++;
                }
                inputs++;
            }
        }
        System.out.printf("FuzzPipelineTest: %d frames fed, %d killed the connection, %d distinct failures%n", inputs,
                died, failures.size());
        assertThat(failures).as("pipeline failures other than documented errors, hangs or disproportionate "
                + "allocations").isEmpty();
    }

    private static boolean lastDied;

    /** The frame mutated: its body only (length word fixed), its header words, or the frame as bytes. */
    private static byte[] mutateFrame(byte[] frame, Random rnd, List<byte[]> others) {
        switch (rnd.nextInt(3)) {
            case 0 -> {
                byte[] body = Fuzz.mutate(java.util.Arrays.copyOfRange(frame, 28, frame.length), rnd, others);
                byte[] out = java.util.Arrays.copyOf(frame, 28 + body.length);
                System.arraycopy(body, 0, out, 28, body.length);
                ByteBuffer.wrap(out).putInt(0, out.length);
                return out;
            }
            case 1 -> {
                byte[] out = frame.clone();
                int word = 1 + rnd.nextInt(6);
                int v = switch (rnd.nextInt(4)) {
                    case 0 -> rnd.nextInt(8); // a type, status, version or procedure near the real ones
                    case 1 -> ByteBuffer.wrap(out).getInt(4 * word) + rnd.nextInt(3) - 1;
                    case 2 -> rnd.nextInt();
                    default -> new int[] {VirKeepaliveProtocol.KEEPALIVE_PROGRAM, RemoteProtocol.REMOTE_PROGRAM, 0, -1}[rnd.nextInt(4)];
                };
                ByteBuffer.wrap(out).putInt(4 * word, v);
                return out;
            }
            default -> {
                return Fuzz.mutate(frame, rnd, others);
            }
        }
    }

    private static List<byte[]> chunks(byte[] in, Random rnd) {
        List<byte[]> out = new ArrayList<>();
        if (rnd.nextBoolean()) {
            out.add(in);
            return out;
        }
        for (int p = 0; p < in.length;) {
            int n = Math.min(in.length - p, 1 + rnd.nextInt(64));
            out.add(java.util.Arrays.copyOfRange(in, p, p + n));
            p += n;
        }
        return out;
    }

    /** Feeds one input to a fresh connection; {@return null, or what went wrong} */
    private static String feed(Fuzz.Seed seed, List<byte[]> pieces, int size, String where) {
        EmbeddedChannel ch = new EmbeddedChannel();
        RpcConnection client = RpcConnection.onChannel(ch, TimeUnit.SECONDS.toNanos(60));
        Decoders.Decoder ret = Decoders.forProc(seed.proc(), "Ret");
        Decoders.Decoder msg = Decoders.forProc(seed.proc(), "Msg");
        if (seed.type() == VirNetMessageType.VIR_NET_REPLY.value() && seed.status() != VirNetMessageStatus.VIR_NET_ERROR.value()) {
            client.expectReply(seed.serial(), seed.proc(), ret == null ? null : ret::decode);
        } else if (seed.type() == VirNetMessageType.VIR_NET_REPLY.value()) {
            client.expectReply(seed.serial(), seed.proc(), null);
        }
        if (seed.type() == VirNetMessageType.VIR_NET_STREAM.value()) {
            client.expectStream(seed.serial(), seed.proc(), new RpcStream());
        }
        client.setEventSink((prog, proc, body) -> {
            if (msg != null) {
                msg.decode(body);
            }
        });
        long before = Fuzz.allocated();
        long start = System.nanoTime();
        Throwable thrown = null;
        try {
            for (byte[] p : pieces) {
                if (!ch.isOpen()) {
                    break; // a dead connection's socket is closed: nothing more is read
                }
                ch.writeInbound(Unpooled.wrappedBuffer(p));
            }
            ch.checkException();
        } catch (Throwable e) {
            thrown = e;
        }
        long took = System.nanoTime() - start;
        long allocated = Fuzz.allocated() - before;
        LibvirtException death = client.deathCause();
        lastDied = death != null;
        ch.finishAndReleaseAll();
        if (thrown != null) {
            return "the pipeline let " + thrown + " out; " + where;
        }
        if (death != null) {
            Throwable cause = death.getCause();
            if (cause != null && !(cause instanceof XdrException || cause instanceof LibvirtException
                    || cause instanceof TooLongFrameException || cause instanceof CorruptedFrameException)) {
                StackTraceElement top = cause.getStackTrace().length > 0 ? cause.getStackTrace()[0] : null;
                return "the connection died of " + cause + " at " + top + "; " + where;
            }
        }
        long limit = Fuzz.ALLOC_PER_BYTE * size + Fuzz.ALLOC_CONSTANT;
        if (allocated > limit) {
            return "allocated " + allocated + " bytes for " + size + " input bytes (limit " + limit + "); " + where;
        }
        if (took > Fuzz.SLOW_NANOS) {
            return "took " + took / 1_000_000 + " ms; " + where;
        }
        return null;
    }
}

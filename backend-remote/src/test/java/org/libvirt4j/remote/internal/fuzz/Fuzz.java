package org.libvirt4j.remote.internal.fuzz;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.remote.internal.xdr.XdrException;

/**
 * The decoding fuzz harness: the recorded seeds, a deterministic XDR-aware mutator, the
 * time budget, and the checks every decode must pass (only {@link XdrException} or
 * {@link LibvirtException} may come out, within a time and an allocation proportional to the
 * input). The tests in {@code FuzzDecodersTest} and {@code FuzzPipelineTest} drive it.
 *
 * <p>System properties: {@code libvirt4j.fuzz.seconds} (each target's budget, default set per
 * target), {@code libvirt4j.fuzz.seed} (run only this master seed, as printed by a failure).
 */
public final class Fuzz {
    /** System property: seconds each fuzz target runs; the tests' defaults keep the build's run short. */
    public static final String SECONDS_PROPERTY = "libvirt4j.fuzz.seconds";
    /** System property: the master seed to run, as printed by a failure; by default a fixed one, then random ones. */
    public static final String SEED_PROPERTY = "libvirt4j.fuzz.seed";
    /** The master seed every run starts with, so that the build always covers the same inputs first. */
    static final long FIXED_SEED = 0x6c69627669727434L;
    /** Allocation allowed per input byte, garbage included. */
    public static final long ALLOC_PER_BYTE = 32;
    /** Allocation allowed whatever the input: an exception with its stack trace and message, a few records. */
    public static final long ALLOC_CONSTANT = 64 * 1024;
    /** A single decode slower than this is a hang (the build's machine is shared and slow: generous). */
    public static final long SLOW_NANOS = TimeUnit.SECONDS.toNanos(2);

    /** Boundary values that length words, counts and discriminants are replaced with. */
    private static final int[] BOUNDARIES = {0, 1, 2, -1, -2, 0x7fffffff, 0x80000000, 0x7ffffffe, 0x3fffffff,
        0x40000000, 0xffff, 0x10000, 4194304, 4194305, 33554432, 33554433, 65536, 65537, 16384, 16385, 1024, 1025,
        256, 257, 128, 129, 16, 17};
    /** Byte sequences that are not UTF-8: a lone continuation, an overlong NUL, a surrogate, a cut sequence, 0xff. */
    private static final byte[][] BAD_UTF8 = {{(byte) 0x80}, {(byte) 0xc0, (byte) 0x80},
        {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, {(byte) 0xe2, (byte) 0x82}, {(byte) 0xff}, {(byte) 0xf4, (byte) 0x90,
            (byte) 0x80, (byte) 0x80}, {(byte) 0xc3, (byte) 0x28}};

    private static final MethodHandle ALLOCATED = allocatedBytesHandle();

    private Fuzz() {
    }

    /** One recorded frame. */
    public record Seed(String label, byte[] frame) {
        /** {@return the header word at index i (0 = program, 2 = type ... )}; the length word is not counted */
        public int header(int i) {
            return ByteBuffer.wrap(frame).getInt(4 + 4 * i);
        }

        /** {@return the procedure number} */
        public int proc() {
            return header(2);
        }

        /** {@return the message type} */
        public int type() {
            return header(3);
        }

        /** {@return the serial} */
        public int serial() {
            return header(4);
        }

        /** {@return the status} */
        public int status() {
            return header(5);
        }

        /** {@return the body after the length word and the header} */
        public byte[] body() {
            return java.util.Arrays.copyOfRange(frame, 28, frame.length);
        }
    }

    /** {@return the seeds recorded from libvirtd ({@code seeds.txt}) and the regression inputs ({@code regressions.txt})} */
    public static List<Seed> seeds() {
        List<Seed> out = new ArrayList<>(read("seeds.txt"));
        out.addAll(read("regressions.txt"));
        return out;
    }

    private static List<Seed> read(String name) {
        List<Seed> out = new ArrayList<>();
        InputStream in = Fuzz.class.getResourceAsStream("/org/libvirt4j/remote/internal/fuzz/" + name);
        if (in == null) {
            return out;
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            for (String line; (line = r.readLine()) != null;) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int sp = line.indexOf(' ');
                out.add(new Seed(line.substring(0, sp), HexFormat.of().parseHex(line.substring(sp + 1).strip())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** {@return the budget in nanoseconds: {@code libvirt4j.fuzz.seconds}, else {@code defaultSeconds}} */
    public static long budgetNanos(double defaultSeconds) {
        String s = System.getProperty(SECONDS_PROPERTY);
        double secs = s == null || s.isBlank() ? defaultSeconds : Double.parseDouble(s);
        return (long) (secs * 1e9);
    }

    /** {@return the master seeds to run in turn: the one given, else the fixed one, then random ones} */
    public static long masterSeed(int round) {
        String s = System.getProperty(SEED_PROPERTY);
        if (s != null && !s.isBlank()) {
            return Long.decode(s.strip());
        }
        return round == 0 ? FIXED_SEED : new Random().nextLong();
    }

    /** {@return whether only the given master seed runs} */
    public static boolean seedGiven() {
        String s = System.getProperty(SEED_PROPERTY);
        return s != null && !s.isBlank();
    }

    /** {@return heap bytes this thread has allocated so far} */
    public static long allocated() {
        try {
            return (long) ALLOCATED.invokeExact();
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static MethodHandle allocatedBytesHandle() {
        try {
            Class<?> c = Class.forName("com.sun.management.ThreadMXBean");
            return MethodHandles.publicLookup().findVirtual(c, "getCurrentThreadAllocatedBytes",
                    MethodType.methodType(long.class)).bindTo(ManagementFactory.getThreadMXBean());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this JVM cannot measure allocations per thread", e);
        }
    }

    /** {@return whether {@code t} is a documented decoding failure} */
    public static boolean documented(Throwable t) {
        return t instanceof XdrException || t instanceof LibvirtException;
    }

    /** {@return up to 2 KiB of {@code b} in hex, for a failure message} */
    public static String hex(byte[] b) {
        int n = Math.min(b.length, 2048);
        return HexFormat.of().formatHex(b, 0, n) + (n < b.length ? "... (" + b.length + " bytes)" : "");
    }

    /**
     * Mutates {@code in} with one to four stacked mutations chosen by {@code rnd}.
     *
     * @param in the input, not changed
     * @param rnd the randomness
     * @param others other inputs to splice from
     * @return a new input
     */
    public static byte[] mutate(byte[] in, Random rnd, List<byte[]> others) {
        byte[] b = in;
        int n = 1 + rnd.nextInt(rnd.nextInt(8) == 0 ? 8 : 3);
        for (int i = 0; i < n; i++) {
            b = mutateOnce(b, rnd, others);
        }
        return b;
    }

    private static byte[] mutateOnce(byte[] b, Random rnd, List<byte[]> others) {
        int words = b.length / 4;
        switch (rnd.nextInt(12)) {
            case 0 -> { // bit flips
                if (b.length == 0) {
                    return b;
                }
                byte[] o = b.clone();
                for (int k = 1 + rnd.nextInt(4); k > 0; k--) {
                    int p = rnd.nextInt(o.length);
                    o[p] ^= (byte) (1 << rnd.nextInt(8));
                }
                return o;
            }
            case 1 -> { // insertion of random bytes, or of a whole word (keeps alignment)
                int len = rnd.nextBoolean() ? 4 : 1 + rnd.nextInt(16);
                int p = rnd.nextInt(b.length + 1);
                byte[] ins = new byte[len];
                rnd.nextBytes(ins);
                return splice(b, p, 0, ins);
            }
            case 2 -> { // deletion
                if (b.length == 0) {
                    return b;
                }
                int p = rnd.nextInt(b.length);
                int len = rnd.nextBoolean() ? Math.min(4, b.length - p) : 1 + rnd.nextInt(Math.min(32, b.length - p));
                return splice(b, p, len, new byte[0]);
            }
            case 3 -> { // truncation
                return java.util.Arrays.copyOf(b, b.length == 0 ? 0 : rnd.nextInt(b.length));
            }
            case 4, 5 -> { // a word replaced by a boundary value, or the remaining length +- 1
                if (words == 0) {
                    return b;
                }
                int w = rnd.nextInt(words);
                int remaining = b.length - 4 * (w + 1);
                int v = switch (rnd.nextInt(4)) {
                    case 0 -> remaining + rnd.nextInt(3) - 1;
                    case 1 -> remaining / 4 + rnd.nextInt(3) - 1;
                    case 2 -> ByteBuffer.wrap(b).getInt(4 * w) + rnd.nextInt(3) - 1;
                    default -> BOUNDARIES[rnd.nextInt(BOUNDARIES.length)];
                };
                return putWord(b, w, v);
            }
            case 6 -> { // a small word (a count, a length, a discriminant, a bool) changed
                int w = smallWord(b, rnd);
                if (w < 0) {
                    return b;
                }
                int v = switch (rnd.nextInt(3)) {
                    case 0 -> rnd.nextInt(16); // another discriminant or enum value
                    case 1 -> ByteBuffer.wrap(b).getInt(4 * w) * (2 + rnd.nextInt(1000)); // a count blown up
                    default -> -1 - rnd.nextInt(4);
                };
                return putWord(b, w, v);
            }
            case 7 -> { // a string made invalid UTF-8
                int p = stringByte(b, rnd);
                if (p < 0) {
                    return b;
                }
                byte[] bad = BAD_UTF8[rnd.nextInt(BAD_UTF8.length)];
                byte[] o = b.clone();
                System.arraycopy(bad, 0, o, p, Math.min(bad.length, o.length - p));
                return o;
            }
            case 8 -> { // words repeated: more elements than the count says, or a record twice
                if (words == 0) {
                    return b;
                }
                int w = rnd.nextInt(words);
                int len = 4 * (1 + rnd.nextInt(Math.min(8, words - w)));
                byte[] chunk = java.util.Arrays.copyOfRange(b, 4 * w, 4 * w + len);
                return splice(b, 4 * w, 0, chunk);
            }
            case 9 -> { // a piece of another input
                byte[] other = others.get(rnd.nextInt(others.size()));
                if (other.length == 0) {
                    return b;
                }
                int from = 4 * rnd.nextInt(Math.max(1, other.length / 4));
                int len = Math.min(other.length - from, 4 * (1 + rnd.nextInt(16)));
                int at = 4 * rnd.nextInt(words + 1);
                return splice(b, at, rnd.nextBoolean() ? Math.min(len, b.length - at) : 0,
                        java.util.Arrays.copyOfRange(other, from, from + len));
            }
            case 10 -> { // a random word
                return words == 0 ? b : putWord(b, rnd.nextInt(words), rnd.nextInt());
            }
            default -> { // a byte set to an interesting value
                if (b.length == 0) {
                    return b;
                }
                byte[] o = b.clone();
                o[rnd.nextInt(o.length)] = (byte) new int[] {0, 1, 0x7f, 0x80, 0xff}[rnd.nextInt(5)];
                return o;
            }
        }
    }

    private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
        byte[] o = new byte[b.length - remove + insert.length];
        System.arraycopy(b, 0, o, 0, at);
        System.arraycopy(insert, 0, o, at, insert.length);
        System.arraycopy(b, at + remove, o, at + insert.length, b.length - at - remove);
        return o;
    }

    private static byte[] putWord(byte[] b, int w, int v) {
        byte[] o = b.clone();
        ByteBuffer.wrap(o).putInt(4 * w, v);
        return o;
    }

    /** {@return a random word whose value is 0..64 (a likely count, length or discriminant), or -1} */
    private static int smallWord(byte[] b, Random rnd) {
        int words = b.length / 4;
        if (words == 0) {
            return -1;
        }
        int start = rnd.nextInt(words);
        for (int i = 0; i < words; i++) {
            int w = (start + i) % words;
            int v = ByteBuffer.wrap(b).getInt(4 * w);
            if (v >= 0 && v <= 64) {
                return w;
            }
        }
        return -1;
    }

    /** {@return the offset of a byte inside something that looks like an XDR string, or -1} */
    private static int stringByte(byte[] b, Random rnd) {
        int words = b.length / 4;
        if (words == 0) {
            return -1;
        }
        int start = rnd.nextInt(words);
        for (int i = 0; i < words; i++) {
            int w = (start + i) % words;
            int len = ByteBuffer.wrap(b).getInt(4 * w);
            int from = 4 * w + 4;
            if (len > 0 && len <= b.length - from && printable(b, from, len)) {
                return from + rnd.nextInt(len);
            }
        }
        return -1;
    }

    private static boolean printable(byte[] b, int from, int len) {
        for (int i = from; i < from + len; i++) {
            if (b[i] < 0x20 && b[i] != '\n' && b[i] != '\t') {
                return false;
            }
        }
        return true;
    }
}

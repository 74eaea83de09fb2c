package org.libvirt4j.remote.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.libvirt4j.Connect;
import org.libvirt4j.DomainStats;
import org.libvirt4j.remote.generated.VirNetProtocol;
import org.libvirt4j.spi.TypedParameter;

/**
 * The memory contract of decoding ({@link Wire#DOMAIN_STATS_HEAP_PER_WIRE_BYTE}): the largest
 * legal {@code getAllDomainStats} reply, in the shapes that cost the most heap per wire byte,
 * must not make the client allocate more than that many bytes of heap per byte received.
 */
class DecodeMemoryTest {
    private static final int GET_ALL_DOMAIN_STATS = 344;
    /** {@code REMOTE_CONNECT_GET_ALL_DOMAIN_STATS_MAX}: parameters per record. */
    private static final int PARAMS_MAX = 262144;
    private static final int TYPE_INT = 1;
    private static final int TYPE_STRING = 7;

    /** One way to write a parameter: its wire size, and how to write the i-th. */
    private interface ParamShape {
        int size();

        void write(ByteBuffer b, int i);
    }

    /** A one-letter name and an int outside Integer's cache: 16 wire bytes. */
    private static final ParamShape ONE_LETTER_INT = new ParamShape() {
        @Override
        public int size() {
            return 16;
        }

        @Override
        public void write(ByteBuffer b, int i) {
            b.putInt(1).put((byte) ('a' + i % 26)).put(new byte[3]).putInt(TYPE_INT).putInt(1_000_000 + i);
        }
    };

    /** A one-letter name and a one-letter string value: 20 wire bytes. */
    private static final ParamShape ONE_LETTER_STRING = new ParamShape() {
        @Override
        public int size() {
            return 20;
        }

        @Override
        public void write(ByteBuffer b, int i) {
            b.putInt(1).put((byte) ('a' + i % 26)).put(new byte[3]).putInt(TYPE_STRING);
            b.putInt(1).put((byte) ('A' + i % 26)).put(new byte[3]);
        }
    };

    /** The body of a reply as large as VIR_NET_MESSAGE_MAX allows, and how many parameters it holds. */
    private record Reply(byte[] body, int params) {
    }

    private static Reply largest(ParamShape shape) {
        ByteBuffer b = ByteBuffer.allocate(VirNetProtocol.VIR_NET_MESSAGE_MAX - VirNetProtocol.VIR_NET_MESSAGE_LEN_MAX - VirNetProtocol.VIR_NET_MESSAGE_HEADER_MAX);
        b.putInt(0); // record count, set below
        int records = 0;
        int params = 0;
        int recordHead = 4 + 4 + 16 + 4 + 4; // name "dN" (length + padded bytes), uuid, id, params count
        while (b.remaining() >= recordHead + shape.size()) {
            int n = Math.min(PARAMS_MAX, (b.remaining() - recordHead) / shape.size());
            b.putInt(2).put(("d" + records % 10).getBytes(StandardCharsets.US_ASCII)).put(new byte[2]);
            b.put(new byte[16]).putInt(-1).putInt(n);
            for (int i = 0; i < n; i++) {
                shape.write(b, params + i);
            }
            params += n;
            records++;
        }
        b.putInt(0, records);
        byte[] body = new byte[b.position()];
        System.arraycopy(b.array(), 0, body, 0, body.length);
        return new Reply(body, params);
    }

    /** {@return heap bytes allocated so far by each live thread}, by thread id. */
    private static Map<Long, Long> allocatedByThread() throws ReflectiveOperationException {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Method m = Class.forName("com.sun.management.ThreadMXBean").getMethod("getThreadAllocatedBytes",
                long[].class);
        long[] ids = bean.getAllThreadIds();
        long[] bytes = (long[]) m.invoke(bean, (Object) ids);
        Map<Long, Long> out = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] >= 0) {
                out.put(ids[i], bytes[i]);
            }
        }
        return out;
    }

    private static long allocatedSince(Map<Long, Long> before) throws ReflectiveOperationException {
        long sum = 0;
        Map<Long, String> names = new HashMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            names.put(t.getId(), t.getName());
        }
        StringBuilder top = new StringBuilder();
        for (Map.Entry<Long, Long> e : allocatedByThread().entrySet()) {
            long d = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            sum += d;
            if (d > 1 << 20) {
                top.append(' ').append(names.get(e.getKey())).append('=').append(d >> 20).append("MiB");
            }
        }
        System.out.println("allocated by thread:" + top);
        return sum;
    }

    private static void check(ParamShape shape, String what) throws Exception {
        Reply reply = largest(shape);
        long wire = VirNetProtocol.VIR_NET_MESSAGE_LEN_MAX + VirNetProtocol.VIR_NET_MESSAGE_HEADER_MAX + reply.body().length;
        assertThat(wire).isLessThanOrEqualTo(VirNetProtocol.VIR_NET_MESSAGE_MAX);
        try (FakeDaemon fake = new FakeDaemon((c, out, s) -> {
            if (c.proc() != GET_ALL_DOMAIN_STATS) {
                throw new IOException("unexpected procedure " + c.proc());
            }
            FakeDaemon.reply(out, c, 0, reply.body());
        }); Connect conn = RemoteConnect.open(fake.uri())) {
            long allocated = 0;
            for (int round = 0; round < 2; round++) { // the first round loads and compiles the code
                Map<Long, Long> before = allocatedByThread();
                List<DomainStats> stats = conn.getAllDomainStats(List.of(), Set.of());
                allocated = allocatedSince(before);
                assertThat(stats.stream().mapToInt(d -> d.params().size()).sum()).isEqualTo(reply.params());
                TypedParameter last = stats.get(stats.size() - 1).params().get(0);
                assertThat(last.field()).hasSize(1);
                stats.forEach(DomainStats::close);
            }
            double ratio = (double) allocated / wire;
            System.out.printf("DecodeMemoryTest %s: %d parameters in %d wire bytes; %d heap bytes allocated, "
                    + "%.2f per wire byte%n", what, reply.params(), wire, allocated, ratio);
            assertThat(allocated).as("heap allocated to decode the largest " + what + " reply ("
                    + String.format("%.2f", ratio) + " bytes per wire byte)")
                    .isLessThanOrEqualTo(Wire.DOMAIN_STATS_HEAP_PER_WIRE_BYTE * wire);
        }
    }

    @Test
    @DisplayName("getAllDomainStats decodes every typed-parameter kind bit for bit, and refuses an unknown one "
            + "with ERR_RPC")
    void everyKind() throws Exception {
        ByteBuffer b = ByteBuffer.allocate(1024);
        b.putInt(1).putInt(2).put("dx".getBytes(StandardCharsets.US_ASCII)).put(new byte[2]);
        b.put(new byte[16]).putInt(3).putInt(7);
        b.putInt(1).put((byte) 'i').put(new byte[3]).putInt(1).putInt(-5); // INT
        b.putInt(1).put((byte) 'u').put(new byte[3]).putInt(2).putInt(0xffffffff); // UINT
        b.putInt(1).put((byte) 'l').put(new byte[3]).putInt(3).putLong(Long.MIN_VALUE); // LLONG
        b.putInt(1).put((byte) 'U').put(new byte[3]).putInt(4).putLong(-1L); // ULLONG
        b.putInt(1).put((byte) 'd').put(new byte[3]).putInt(5).putDouble(2.5); // DOUBLE
        b.putInt(1).put((byte) 'b').put(new byte[3]).putInt(6).putInt(1); // BOOLEAN
        b.putInt(0).putInt(7).putInt(4).put("h\u00e9!".getBytes(StandardCharsets.UTF_8)); // STRING, 4 UTF-8 bytes
        byte[] good = java.util.Arrays.copyOf(b.array(), b.position());
        byte[] bad = good.clone();
        ByteBuffer.wrap(bad).putInt(4 + 4 + 4 + 16 + 4 + 4 + 8, 99); // the first parameter's type
        java.util.concurrent.atomic.AtomicBoolean hostile = new java.util.concurrent.atomic.AtomicBoolean();
        try (FakeDaemon fake = new FakeDaemon((c, out, s) -> FakeDaemon.reply(out, c, 0, hostile.get() ? bad : good));
                Connect conn = RemoteConnect.open(fake.uri())) {
            List<DomainStats> stats = conn.getAllDomainStats(List.of(), Set.of());
            assertThat(stats).hasSize(1);
            assertThat(stats.get(0).domain().getName()).isEqualTo("dx");
            assertThat(stats.get(0).params()).containsExactly(TypedParameter.ofInt("i", -5),
                    TypedParameter.ofUInt("u", -1), TypedParameter.ofLLong("l", Long.MIN_VALUE),
                    TypedParameter.ofULLong("U", -1L), TypedParameter.ofDouble("d", 2.5),
                    TypedParameter.ofBoolean("b", true), TypedParameter.ofString("", "h\u00e9!"));
            stats.forEach(DomainStats::close);
            hostile.set(true);
            org.libvirt4j.LibvirtException e = null;
            try {
                conn.getAllDomainStats(List.of(), Set.of());
            } catch (org.libvirt4j.LibvirtException ex) {
                e = ex;
            }
            assertThat(e).as("an unknown parameter type is refused").isNotNull();
            assertThat(e.code()).isEqualTo(org.libvirt4j.ErrorNumber.ERR_RPC);
            assertThat(e.getMessage()).contains("discriminant 99");
        }
    }

    @Test
    @DisplayName("The largest legal getAllDomainStats reply of int parameters with one-letter names allocates "
            + "at most Wire.DOMAIN_STATS_HEAP_PER_WIRE_BYTE heap bytes per wire byte")
    void largestIntStats() {
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> check(ONE_LETTER_INT, "int"));
    }

    @Test
    @DisplayName("The largest legal getAllDomainStats reply of one-letter string parameters allocates at most "
            + "Wire.DOMAIN_STATS_HEAP_PER_WIRE_BYTE heap bytes per wire byte")
    void largestStringStats() {
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> check(ONE_LETTER_STRING, "string"));
    }
}

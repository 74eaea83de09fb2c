package org.libvirt4j.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.libvirt4j.Connect;
import org.libvirt4j.Connector;
import org.libvirt4j.Libvirt;
import org.libvirt4j.StoragePool;
import org.libvirt4j.StorageVol;
import org.libvirt4j.Stream;

/**
 * The volume transfer workload of one backend, in a JVM of its own, as {@code stream_baseline.c}
 * does it with libvirt's C client: one connection to a daemon's storage driver, a volume of SIZE
 * MiB in the dir pool POOL, an upload of SIZE MiB in CHUNK KiB sends from one reused buffer and a
 * download into one CHUNK KiB buffer, each ended with {@code finish}; the bytes moved are counted.
 * BACKEND is a backend name, optionally followed by {@code :MODES} ({@code +}-separated):
 * {@code events} registers libvirt's default event loop first, {@code direct} and {@code heap}
 * send and receive through a direct or heap {@link ByteBuffer} instead of a {@code byte[]}.
 *
 * <p>Arguments: {@code BACKEND URI POOL VOLUME SIZE_MIB CHUNK_KIB WARMUP}. After WARMUP rounds
 * unmeasured (the JIT's) it prints {@code ready}, then one round per line read from stdin until
 * its end, each printing {@code <upload MiB/s> <download MiB/s> <upload CPU s> <download CPU s>},
 * the CPU time being the whole process's (all threads: caller, JIT, GC) during each transfer.
 * {@link StreamBenchmarkRunner} starts one per backend next to the C program and interleaves their
 * rounds.
 */
public final class StreamBenchmark {
    private final Connect conn;
    private final StorageVol vol;
    private final long size;
    private final byte[] buffer;
    /** The same bytes in a direct or heap ByteBuffer, when the client passes one; else null. */
    private final ByteBuffer byteBuffer;

    private StreamBenchmark(Connect conn, StorageVol vol, long size, int chunk, String modes) {
        this.conn = conn;
        this.vol = vol;
        this.size = size;
        this.buffer = new byte[chunk];
        for (int i = 0; i < chunk; i++) {
            buffer[i] = (byte) (i * 31 + 7);
        }
        this.byteBuffer = modes.contains("direct") ? ByteBuffer.allocateDirect(chunk).put(buffer).clear()
                : modes.contains("heap") ? ByteBuffer.wrap(buffer.clone()) : null;
    }

    /**
     * @param args backend, URI, pool, volume name, size in MiB, chunk in KiB, warm-up rounds
     * @throws java.io.IOException when stdin cannot be read
     */
    public static void main(String[] args) throws java.io.IOException {
        if (args.length != 7) {
            System.err.println("usage: StreamBenchmark BACKEND URI POOL VOLUME SIZE_MIB CHUNK_KIB WARMUP");
            System.exit(2);
        }
        String[] client = args[0].split(":", 2);
        String modes = client.length > 1 ? client[1] : "";
        Connector connector = Libvirt.using(client[0]);
        if (modes.contains("events")) {
            connector.eventRegisterDefaultImpl();
        }
        long size = Long.parseLong(args[4]) << 20;
        int chunk = Integer.parseInt(args[5]) << 10;
        int warmup = Integer.parseInt(args[6]);
        try (Connect conn = connector.newConnect(args[1]);
                StoragePool pool = conn.lookupStoragePoolByName(args[2]);
                StorageVol vol = pool.storageVolCreateXML("<volume><name>" + args[3] + "</name><capacity unit='bytes'>"
                        + size + "</capacity><allocation>0</allocation><target><format type='raw'/></target></volume>", 0)) {
            StreamBenchmark b = new StreamBenchmark(conn, vol, size, chunk, modes);
            try {
                for (int r = 0; r < warmup; r++) {
                    b.upload();
                    b.download();
                }
                System.out.println("ready");
                System.out.flush();
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                while (in.readLine() != null) {
                    long cpu0 = processCpuNanos();
                    double up = b.upload();
                    long cpu1 = processCpuNanos();
                    double down = b.download();
                    long cpu2 = processCpuNanos();
                    System.out.printf(Locale.ROOT, "%.1f %.1f %.4f %.4f%n", up, down, (cpu1 - cpu0) / 1e9, (cpu2 - cpu1) / 1e9);
                    System.out.flush();
                }
            } finally {
                vol.delete(0);
            }
        }
        System.exit(0);
    }

    /** {@return MiB/s of one upload of the whole volume} */
    private double upload() {
        try (Stream s = conn.newStream(0)) {
            vol.upload(s, 0, size, 0);
            long start = System.nanoTime();
            long sent = 0;
            while (sent < size && byteBuffer != null) {
                byteBuffer.clear().limit((int) Math.min(byteBuffer.capacity(), size - sent));
                while (byteBuffer.hasRemaining()) {
                    if (s.send(byteBuffer) <= 0) {
                        throw new IllegalStateException("send returned nothing");
                    }
                }
                sent += byteBuffer.limit();
            }
            while (sent < size) {
                int want = (int) Math.min(buffer.length, size - sent);
                int off = 0;
                while (off < want) {
                    int n = s.send(buffer, off, want - off);
                    if (n <= 0) {
                        throw new IllegalStateException("send returned " + n);
                    }
                    off += n;
                }
                sent += want;
            }
            s.finish();
            return mibPerSecond(start);
        }
    }

    /** {@return MiB/s of one download of the whole volume} */
    private double download() {
        try (Stream s = conn.newStream(0)) {
            vol.download(s, 0, size, 0);
            long start = System.nanoTime();
            long got = 0;
            int n;
            while ((n = byteBuffer == null ? s.recv(buffer) : s.recv(byteBuffer.clear())) > 0) {
                got += n;
            }
            s.finish();
            if (got != size) {
                throw new IllegalStateException("downloaded " + got + " bytes of " + size);
            }
            return mibPerSecond(start);
        }
    }

    /** The CPU time of the whole process (all threads), as the C program's {@code CLOCK_PROCESS_CPUTIME_ID}. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private double mibPerSecond(long start) {
        return size / 1048576.0 / ((System.nanoTime() - start) / 1e9);
    }
}

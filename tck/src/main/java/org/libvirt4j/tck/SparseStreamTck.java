package org.libvirt4j.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.libvirt4j.Connect;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.StoragePool;
import org.libvirt4j.StorageVol;
import org.libvirt4j.StorageVolDownloadFlags;
import org.libvirt4j.StorageVolUploadFlags;
import org.libvirt4j.Stream;
import org.libvirt4j.StreamEventType;
import org.libvirt4j.StreamRecvFlagsValues;
import org.libvirt4j.StreamSourceHoleFunc;

/**
 * Sparse streams and stream event callbacks, on a directory pool of the private daemon's QEMU
 * connection: its storage driver sends and takes holes ({@code VIR_NET_STREAM_HOLE}), which the
 * test driver's streams never do. Every backend reaches the daemon through libvirt's remote
 * protocol (the native ones through libvirt's own client), so refusals are pinned exactly.
 */
public abstract class SparseStreamTck extends TckArea {
    /** A raw volume: data, a hole, data. */
    static final int DATA = 64 * 1024;
    static final int HOLE = 1024 * 1024 - DATA;
    static final int CAPACITY = DATA + HOLE + DATA;

    SparseStreamTck() {
    }

    /** One section a sparse receive reported: data or a hole, and its length. */
    record Section(boolean data, long length) {
    }

    /** The pool, the volume with two data regions, and their bytes. */
    private record Fixture(Path dir, StoragePool pool, StorageVol vol, byte[] content) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            try {
                vol.close();
                pool.destroy();
                pool.close();
            } finally {
                try (var files = Files.list(dir)) {
                    for (Path p : files.toList()) {
                        Files.deleteIfExists(p);
                    }
                }
                Files.deleteIfExists(dir);
            }
        }
    }

    private Fixture sparseVolume(Connect c) throws IOException {
        Path dir = Files.createTempDirectory("libvirt4j-tck-sparse-");
        StoragePool pool = c.storagePoolCreateXML("<pool type='dir'><name>" + unique("tck-sparse") + "</name><target><path>"
                + dir + "</path></target></pool>", 0);
        StorageVol vol = pool.storageVolCreateXML(volumeXml("sparse.img"));
        byte[] content = new byte[CAPACITY];
        Random random = new Random(11);
        byte[] a = new byte[DATA];
        byte[] b = new byte[DATA];
        random.nextBytes(a);
        random.nextBytes(b);
        System.arraycopy(a, 0, content, 0, DATA);
        System.arraycopy(b, 0, content, DATA + HOLE, DATA);
        // two plain uploads of regions: the file stays sparse between them
        upload(c, vol, 0, a);
        upload(c, vol, DATA + HOLE, b);
        return new Fixture(dir, pool, vol, content);
    }

    private static String volumeXml(String name) {
        return "<volume><name>" + name + "</name><capacity unit='bytes'>" + CAPACITY
                + "</capacity><allocation>0</allocation><target><format type='raw'/></target></volume>";
    }

    private static void upload(Connect c, StorageVol vol, long offset, byte[] data) {
        try (Stream s = c.newStream()) {
            vol.upload(s, offset, data.length);
            assertThat(s.send(data)).isEqualTo(data.length);
            s.finish();
        }
    }

    /** Merges what a sparse receive reported into sections. */
    private static void add(List<Section> sections, boolean data, long length) {
        if (!sections.isEmpty() && sections.get(sections.size() - 1).data() == data) {
            Section last = sections.remove(sections.size() - 1);
            sections.add(new Section(data, last.length() + length));
        } else {
            sections.add(new Section(data, length));
        }
    }

    /**
     * Fails when holes of a sparse download are lost (the remote client dropping
     * VIR_NET_STREAM_HOLE), misplaced or mislengthed, or when a sparse upload writes zeros where it
     * should leave a hole (the new volume's allocation then reaches its capacity).
     */
    @Test
    @Timeout(120)
    @DisplayName("sparseRecvAll reports data, hole, data with their lengths; sparseSendAll to a new volume keeps the hole")
    void sparseRoundTrip() throws IOException {
        try (Connect c = tck().openQemu(); Fixture f = sparseVolume(c)) {
            List<Section> sections = new ArrayList<>();
            java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
            try (Stream s = c.newStream()) {
                f.vol().download(s, 0, CAPACITY, StorageVolDownloadFlags.SPARSE_STREAM);
                s.sparseRecvAll((st, data) -> {
                    add(sections, true, data.length);
                    received.write(data, 0, data.length);
                    return data.length;
                }, (st, length) -> {
                    add(sections, false, length);
                    received.write(new byte[(int) length], 0, (int) length);
                });
                s.finish();
            }
            assertThat(sections).containsExactly(new Section(true, DATA), new Section(false, HOLE), new Section(true, DATA));
            assertThat(received.toByteArray()).isEqualTo(f.content());
            assertThat(f.vol().getInfo().allocation()).as("the source volume is sparse").isLessThan(CAPACITY / 2);

            try (StorageVol copy = f.pool().storageVolCreateXML(volumeXml("copy.img")); Stream s = c.newStream()) {
                copy.upload(s, 0, CAPACITY, StorageVolUploadFlags.SPARSE_STREAM);
                long[] pos = {0};
                List<Long> holesSent = new ArrayList<>();
                s.sparseSendAll((st, nbytes) -> {
                    int n = (int) Math.min(nbytes, CAPACITY - pos[0]);
                    byte[] out = Arrays.copyOfRange(f.content(), (int) pos[0], (int) pos[0] + n);
                    pos[0] += n;
                    return out;
                }, st -> {
                    if (pos[0] >= CAPACITY) {
                        return new StreamSourceHoleFunc.Section(true, 0);
                    }
                    boolean inHole = pos[0] >= DATA && pos[0] < DATA + HOLE;
                    long end = pos[0] < DATA ? DATA : inHole ? DATA + HOLE : CAPACITY;
                    return new StreamSourceHoleFunc.Section(!inHole, end - pos[0]);
                }, (st, length) -> {
                    holesSent.add(length);
                    pos[0] += length;
                });
                s.finish();
                assertThat(holesSent).containsExactly((long) HOLE);
                assertThat(Files.readAllBytes(Path.of(copy.getPath()))).isEqualTo(f.content());
                assertThat(copy.getInfo().allocation()).as("the hole was not written").isLessThan(CAPACITY / 2);
                copy.delete();
            }
            f.vol().delete();
        }
    }

    /**
     * Fails when recvFlags with STOP_AT_HOLE does not stop at the hole (-3), recvHole does not
     * give its length, or a plain recv does not read the hole as zeros.
     */
    @Test
    @Timeout(120)
    @DisplayName("recvFlags(STOP_AT_HOLE) stops at the hole and recvHole gives its length; plain recv reads it as zeros")
    void recvFlagsAndRecvHole() throws IOException {
        try (Connect c = tck().openQemu(); Fixture f = sparseVolume(c)) {
            try (Stream s = c.newStream()) {
                f.vol().download(s, 0, CAPACITY, StorageVolDownloadFlags.SPARSE_STREAM);
                byte[] buf = new byte[16 * 1024];
                long data = 0;
                int n;
                while ((n = s.recvFlags(buf, StreamRecvFlagsValues.STOP_AT_HOLE)) > 0) {
                    assertThat(buf).startsWith(Arrays.copyOfRange(f.content(), (int) data, (int) data + Math.min(n, 8)));
                    data += n;
                }
                assertThat(n).as("at the hole").isEqualTo(-3);
                assertThat(data).isEqualTo(DATA);
                assertThat(s.recvHole(0)).isEqualTo(HOLE);
                assertThat(s.recvHole(0)).as("the hole was taken").isZero();
                data = 0;
                while ((n = s.recvFlags(buf, StreamRecvFlagsValues.STOP_AT_HOLE)) > 0) {
                    data += n;
                }
                assertThat(n).as("the end").isZero();
                assertThat(data).isEqualTo(DATA);
                s.finish();
            }
            try (Stream s = c.newStream()) {
                f.vol().download(s, 0, CAPACITY, StorageVolDownloadFlags.SPARSE_STREAM);
                assertThat(StreamTck.drain(s)).isEqualTo(f.content());
                s.finish();
            }
            try (Stream s = c.newStream()) {
                f.vol().download(s, 0, CAPACITY);
                // a stream not opened sparse has no holes to give, and takes none
                LibvirtException e = expectError(ErrorNumber.ERR_OPERATION_INVALID, () -> s.recvHole(0));
                assertThat(e.domain()).isEqualTo(ErrorDomain.RPC);
                assertThat(e.getMessage()).isEqualTo("Requested operation is not valid: Holes are not supported with this stream");
                e = expectError(ErrorNumber.ERR_INVALID_ARG, () -> s.recvFlags(new byte[8], 2));
                assertThat(e.domain()).isEqualTo(ErrorDomain.REMOTE);
                assertThat(e.getMessage()).isEqualTo("unsupported flags (0x2) in function remoteStreamRecvFlags");
                s.abort();
            }
            try (Stream s = c.newStream()) {
                f.vol().upload(s, 0, CAPACITY);
                LibvirtException e = expectError(ErrorNumber.ERR_OPERATION_INVALID, () -> s.sendHole(4096, 0));
                assertThat(e.domain()).isEqualTo(ErrorDomain.RPC);
                assertThat(e.getMessage())
                        .isEqualTo("Requested operation is not valid: Skipping is not supported with this stream");
                s.abort();
            }
            try (Stream s = c.newStream()) {
                TckArea.expectNpe(() -> s.recvFlags(null, 0));
                TckArea.expectNpe(() -> s.sparseRecvAll(null, (st, l) -> { }));
                TckArea.expectNpe(() -> s.sparseSendAll((st, n) -> null, null, (st, l) -> { }));
                TckArea.expectNpe(() -> s.eventAddCallback(StreamEventType.READABLE.value(), null));
                expectError(ErrorNumber.ERR_NO_SUPPORT, () -> s.recvHole(0));
            }
            f.vol().delete();
        }
    }

    /**
     * Fails when a stream event callback does not fire while a download has data buffered, keeps
     * firing after it was updated to watch nothing or removed, or when a second registration or a
     * removal without one is not refused as libvirt's client refuses it.
     */
    @Test
    @Timeout(120)
    @DisplayName("A READABLE stream callback fires during a download, pauses when updated to 0, and stops when removed")
    void eventCallbacks() throws Exception {
        tck().connector().eventRegisterDefaultImpl();
        try (Connect c = tck().openQemu(); Fixture f = sparseVolume(c); Stream s = c.newStream()) {
            f.vol().download(s, 0, CAPACITY);
            AtomicInteger fired = new AtomicInteger();
            AtomicInteger wrongEvents = new AtomicInteger();
            CountDownLatch first = new CountDownLatch(1);
            s.eventAddCallback(java.util.EnumSet.of(StreamEventType.READABLE), (st, events) -> {
                if (st != s || (events & StreamEventType.READABLE.value()) == 0) {
                    wrongEvents.incrementAndGet();
                }
                fired.incrementAndGet();
                first.countDown();
            });
            assertThat(first.await(30, TimeUnit.SECONDS)).as("READABLE fired").isTrue();
            LibvirtException twice = expectError(ErrorNumber.ERR_INTERNAL_ERROR,
                    () -> s.eventAddCallback(StreamEventType.READABLE.value(), (st, e) -> { }));
            assertThat(twice.getMessage()).isEqualTo("internal error: multiple stream callbacks not supported");

            s.eventUpdateCallback(0);
            Thread.sleep(300);
            int paused = fired.get();
            Thread.sleep(300);
            assertThat(fired.get()).as("no callback while watching nothing").isEqualTo(paused);

            s.eventUpdateCallback(java.util.EnumSet.of(StreamEventType.READABLE));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (fired.get() == paused && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(fired.get()).as("fires again after the update").isGreaterThan(paused);

            s.eventRemoveCallback();
            Thread.sleep(300);
            int removed = fired.get();
            Thread.sleep(300);
            assertThat(fired.get()).as("no callback once removed").isEqualTo(removed);
            LibvirtException none = expectError(ErrorNumber.ERR_INTERNAL_ERROR, s::eventRemoveCallback);
            assertThat(none.getMessage()).isEqualTo("internal error: no stream callback registered");
            none = expectError(ErrorNumber.ERR_INTERNAL_ERROR, () -> s.eventUpdateCallback(1));
            assertThat(none.getMessage()).isEqualTo("internal error: no stream callback registered");
            assertThat(wrongEvents.get()).isZero();

            assertThat(StreamTck.drain(s)).isEqualTo(f.content());
            s.finish();
            f.vol().delete();
        }
    }

    /**
     * Fails when the new stream calls on a stream no transfer opened do not give libvirt's
     * ERR_NO_SUPPORT naming each C function, or on a closed stream not ERR_INVALID_STREAM.
     */
    @Test
    @DisplayName("Hole, flagged-receive and callback calls: ERR_NO_SUPPORT on an unattached stream, ERR_INVALID_STREAM once closed")
    void unattachedAndClosed() {
        try (Connect c = open()) {
            Stream s = c.newStream();
            expectNoSupportNamingEach(java.util.Map.of(
                    "virStreamRecvFlags", () -> s.recvFlags(new byte[4], 0),
                    "virStreamSendHole", () -> s.sendHole(4096, 0),
                    "virStreamRecvHole", () -> s.recvHole(0),
                    "virStreamEventAddCallback", () -> s.eventAddCallback(StreamEventType.READABLE.value(), (st, e) -> { }),
                    "virStreamEventUpdateCallback", () -> s.eventUpdateCallback(0),
                    "virStreamEventRemoveCallback", s::eventRemoveCallback));
            s.close();
            expectError(ErrorNumber.ERR_INVALID_STREAM, () -> s.recvFlags(new byte[4], 0));
            expectError(ErrorNumber.ERR_INVALID_STREAM, () -> s.sendHole(4096, 0));
            expectError(ErrorNumber.ERR_INVALID_STREAM, () -> s.recvHole(0));
            expectError(ErrorNumber.ERR_INVALID_STREAM, () -> s.eventAddCallback(StreamEventType.READABLE.value(), (st, e) -> { }));
            expectError(ErrorNumber.ERR_INVALID_STREAM, () -> s.eventUpdateCallback(0));
            expectError(ErrorNumber.ERR_INVALID_STREAM, s::eventRemoveCallback);
        }
    }
}

package org.libvirt4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.libvirt4j.Connect;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.StoragePool;
import org.libvirt4j.StorageVol;
import org.libvirt4j.Stream;

/**
 * The stream's data forms beyond a whole {@code byte[]}: ranges of arrays and {@link ByteBuffer}s
 * (direct, heap, sliced, read-only), moving a volume's bytes through the private daemon's storage
 * driver on a dir pool (the test driver has no volume upload). The range checks happen before
 * libvirt is called, so they are the same on every backend; libvirt's errors are pinned exactly.
 */
public abstract class StreamBufferTck extends TckArea {
    /** Not a multiple of any piece below, so that every form sends a partial piece too. */
    static final int SIZE = 3 * 65536 + 12345;

    StreamBufferTck() {
    }

    /** A transient dir pool in a temp dir with one raw volume of {@link #SIZE} bytes. */
    private record Fixture(Path dir, StoragePool pool, StorageVol vol) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            try {
                vol.delete(0);
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

    private static Fixture volume(Connect c) throws IOException {
        Path dir = Files.createTempDirectory("libvirt4j-tck-buffers-");
        StoragePool pool = c.storagePoolCreateXML("<pool type='dir'><name>" + unique("tck-buffers") + "</name><target><path>"
                + dir + "</path></target></pool>", 0);
        StorageVol vol = pool.storageVolCreateXML("<volume><name>data.img</name><capacity unit='bytes'>" + SIZE
                + "</capacity><allocation>0</allocation><target><format type='raw'/></target></volume>", 0);
        return new Fixture(dir, pool, vol);
    }

    private static byte[] content() {
        byte[] b = new byte[SIZE];
        new Random(13).nextBytes(b);
        return b;
    }

    /** Sends all of {@code src}'s remaining bytes, checking that its position follows. */
    private static void sendAll(Stream s, ByteBuffer src) {
        while (src.hasRemaining()) {
            int before = src.position();
            int n = s.send(src);
            assertThat(n).as("bytes sent").isPositive();
            assertThat(src.position()).as("the position moves past the bytes sent").isEqualTo(before + n);
        }
    }

    /**
     * Fails when a form sends the wrong bytes (a direct buffer's address or a heap buffer's array
     * offset misread, a range's offset ignored), moves a buffer's position wrongly, or leaves the
     * limit changed: the volume's file must hold exactly the bytes sent.
     */
    @Test
    @Timeout(120)
    @DisplayName("An upload in four forms (direct, sliced heap, read-only heap ByteBuffer, byte[] range) writes exactly the bytes")
    void uploadEveryForm() throws IOException {
        byte[] content = content();
        int quarter = SIZE / 4;
        try (Connect c = tck().openQemu(); Fixture f = volume(c); Stream s = c.newStream()) {
            f.vol().upload(s, 0, SIZE, 0);
            // 1: a direct buffer, sent 64 KiB at a time through a moving limit
            ByteBuffer direct = ByteBuffer.allocateDirect(quarter + 7).put(content, 0, quarter).flip();
            assertThat(direct.limit()).isEqualTo(quarter);
            sendAll(s, direct);
            assertThat(direct.limit()).as("the limit is left alone").isEqualTo(quarter);
            // 2: a heap buffer sliced out of a larger array: its array offset is not 0
            byte[] padded = new byte[quarter + 100];
            System.arraycopy(content, quarter, padded, 50, quarter);
            ByteBuffer slice = ByteBuffer.wrap(padded, 50, quarter).slice();
            assertThat(slice.arrayOffset()).isEqualTo(50);
            sendAll(s, slice);
            // 3: a read-only heap buffer, whose array is hidden
            sendAll(s, ByteBuffer.wrap(content, 2 * quarter, quarter).asReadOnlyBuffer());
            // 4: ranges of an array, 10,000 bytes at a time
            for (int off = 3 * quarter; off < SIZE;) {
                int n = s.send(content, off, Math.min(10_000, SIZE - off));
                assertThat(n).isPositive();
                off += n;
            }
            s.finish();
            assertThat(Files.readAllBytes(Path.of(f.vol().getPath()))).isEqualTo(content);
        }
    }

    /**
     * Fails when a form receives into the wrong place (a direct buffer's address or a heap
     * buffer's array offset misread, a range's offset ignored, bytes written outside the range),
     * or moves a buffer's position wrongly.
     */
    @Test
    @Timeout(120)
    @DisplayName("A download into a direct ByteBuffer, a sliced heap ByteBuffer and byte[] ranges reads exactly the volume")
    void downloadEveryForm() throws IOException {
        byte[] content = content();
        try (Connect c = tck().openQemu(); Fixture f = volume(c)) {
            try (Stream s = c.newStream()) {
                f.vol().upload(s, 0, SIZE, 0);
                assertThat(s.send(content)).isEqualTo(SIZE);
                s.finish();
            }
            for (String form : new String[] {"direct", "heap", "range"}) {
                byte[] got = new byte[SIZE];
                int total = 0;
                try (Stream s = c.newStream()) {
                    f.vol().download(s, 0, SIZE, 0);
                    ByteBuffer direct = ByteBuffer.allocateDirect(40_000);
                    byte[] padded = new byte[30_000 + 20];
                    ByteBuffer heap = ByteBuffer.wrap(padded, 10, 30_000).slice();
                    byte[] range = new byte[20_000];
                    while (true) {
                        int n;
                        if (form.equals("range")) {
                            Arrays.fill(range, (byte) 0x5a);
                            n = s.recv(range, 100, 19_000);
                            if (n > 0) {
                                assertThat(range[99]).as("the byte before the range is untouched").isEqualTo((byte) 0x5a);
                                assertThat(n).isLessThanOrEqualTo(19_000);
                                System.arraycopy(range, 100, got, total, n);
                            }
                        } else {
                            ByteBuffer b = form.equals("direct") ? direct : heap;
                            b.clear().position(3);
                            n = s.recv(b);
                            if (n > 0) {
                                assertThat(b.position()).as("the position moves past the bytes read").isEqualTo(3 + n);
                                b.flip().position(3).get(got, total, n);
                            }
                        }
                        assertThat(n).as("recv on a blocking stream returns bytes or 0 at the end").isNotNegative();
                        if (n == 0) {
                            break;
                        }
                        total += n;
                    }
                    s.finish();
                }
                assertThat(total).as(form).isEqualTo(SIZE);
                assertThat(got).as(form).isEqualTo(content);
            }
        }
    }

    /**
     * Fails when a range outside the array or a read-only buffer reaches libvirt (the check must
     * come first, so a closed stream still gives the Java exception), or when a refused call
     * disturbs the transfer: the upload must still complete with the right bytes.
     */
    @Test
    @Timeout(120)
    @DisplayName("Bad ranges give IndexOutOfBoundsException and a read-only recv buffer ReadOnlyBufferException, before libvirt")
    void badRangesBeforeLibvirt() throws IOException {
        byte[] content = content();
        try (Connect c = tck().openQemu(); Fixture f = volume(c)) {
            Stream s = c.newStream();
            f.vol().upload(s, 0, SIZE, 0);
            byte[] small = new byte[16];
            assertThatThrownBy(() -> s.send(small, -1, 4)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> s.send(small, 4, -1)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> s.send(small, 10, 7)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> s.send(small, Integer.MAX_VALUE, 2)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> s.recv(small, 17, 0)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> s.recv(small, 0, 17)).isInstanceOf(IndexOutOfBoundsException.class);
            ByteBuffer readOnly = ByteBuffer.allocateDirect(16).asReadOnlyBuffer();
            assertThatThrownBy(() -> s.recv(readOnly)).isInstanceOf(ReadOnlyBufferException.class);
            assertThat(readOnly.position()).isZero();
            // nothing reached the daemon: the transfer goes on and ends with the right bytes
            assertThat(s.send(content, 0, SIZE)).isEqualTo(SIZE);
            s.finish();
            assertThat(Files.readAllBytes(Path.of(f.vol().getPath()))).isEqualTo(content);
            s.close();
            assertThatThrownBy(() -> s.send(small, 10, 7)).as("checked before the closed handle")
                    .isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    /**
     * Fails when a new form on a finished or closed stream does not give libvirt's error: through
     * the daemon, the RPC client's ERR_OPERATION_FAILED ("stream is closed") after finish, and
     * ERR_INVALID_STREAM once the handle is closed; a buffer's position must not move.
     */
    @Test
    @Timeout(120)
    @DisplayName("Every form on a finished stream gives ERR_OPERATION_FAILED, on a closed one ERR_INVALID_STREAM")
    void finishedAndClosed() throws IOException {
        try (Connect c = tck().openQemu(); Fixture f = volume(c)) {
            Stream s = c.newStream();
            f.vol().upload(s, 0, SIZE, 0);
            s.finish();
            ByteBuffer direct = ByteBuffer.allocateDirect(64);
            ByteBuffer heap = ByteBuffer.allocate(64);
            for (ErrorNumber code : new ErrorNumber[] {ErrorNumber.ERR_OPERATION_FAILED, ErrorNumber.ERR_INVALID_STREAM}) {
                expectError(code, () -> s.send(direct));
                expectError(code, () -> s.send(heap));
                expectError(code, () -> s.send(new byte[64], 8, 8));
                expectError(code, () -> s.recv(direct));
                expectError(code, () -> s.recv(heap));
                expectError(code, () -> s.recv(new byte[64], 8, 8));
                assertThat(direct.position()).isZero();
                assertThat(heap.position()).isZero();
                s.close();
            }
        }
    }
}

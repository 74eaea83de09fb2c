package org.libvirt4j.remote.internal.xdr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.libvirt4j.remote.internal.xdr.XdrTestSupport.allocatedBytes;
import static org.libvirt4j.remote.internal.xdr.XdrTestSupport.decode;
import static org.libvirt4j.remote.internal.xdr.XdrTestSupport.hex;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The hand-written XDR runtime: wire layout of each item and its defences against hostile input. */
class XdrRuntimeTest {

    private static byte[] write(Consumer<XdrWriter> body) {
        ByteBuf buf = Unpooled.buffer();
        try {
            body.accept(new XdrWriter(buf));
            return ByteBufUtil.getBytes(buf);
        } finally {
            buf.release();
        }
    }

    @Test
    @DisplayName("scalars are big-endian, four or eight bytes each")
    void scalars() {
        byte[] bytes = write(w -> {
            w.writeInt(-2);
            w.writeUnsignedInt(0xfffffffe);
            w.writeHyper(1L << 40);
            w.writeUnsignedHyper(-1L);
            w.writeBoolean(true);
            w.writeBoolean(false);
            w.writeFloat(1.0f);
            w.writeDouble(-2.0);
            w.writeChar((byte) -1);
            w.writeUnsignedChar(255);
            w.writeShort((short) -3);
            w.writeUnsignedShort(65535);
        });
        assertThat(bytes).isEqualTo(hex("fffffffe | fffffffe | 0000010000000000 | ffffffffffffffff | 00000001 | 00000000"
                + "| 3f800000 | c000000000000000 | ffffffff | 000000ff | fffffffd | 0000ffff"));
        decode(bytes, r -> {
            assertThat(r.readInt()).isEqualTo(-2);
            assertThat(Integer.toUnsignedLong(r.readUnsignedInt())).isEqualTo(0xfffffffeL);
            assertThat(r.readHyper()).isEqualTo(1L << 40);
            assertThat(r.readUnsignedHyper()).isEqualTo(-1L);
            assertThat(r.readBoolean()).isTrue();
            assertThat(r.readBoolean()).isFalse();
            assertThat(r.readFloat()).isEqualTo(1.0f);
            assertThat(r.readDouble()).isEqualTo(-2.0);
            assertThat(r.readChar()).isEqualTo((byte) -1);
            assertThat(r.readUnsignedChar()).isEqualTo(255);
            assertThat(r.readShort()).isEqualTo((short) -3);
            assertThat(r.readUnsignedShort()).isEqualTo(65535);
            return null;
        });
    }

    @Test
    @DisplayName("strings and opaques carry a length and are zero-padded to four bytes; UTF-8 counts bytes")
    void stringsAndOpaques() {
        byte[] bytes = write(w -> {
            w.writeString("", 10);
            w.writeString("abcd", 10);
            w.writeString("h\u00e9", 10);
            w.writeOpaque(new byte[] {1, 2, 3, 4, 5}, 5);
            w.writeFixedOpaque(new byte[] {9, 8, 7}, 3);
            w.writeChars(new byte[] {'A', -1}, 2, "c");
            w.writeFixedChars(new byte[] {'z'}, 1, "fc");
        });
        assertThat(bytes).isEqualTo(hex("00000000 | 00000004 61626364 | 00000003 68c3a9 00 | 00000005 0102030405 000000"
                + "| 090807 00 | 00000002 00000041 ffffffff | 0000007a"));
        decode(bytes, r -> {
            assertThat(r.readString(10)).isEmpty();
            assertThat(r.readString(10)).isEqualTo("abcd");
            assertThat(r.readString(10)).isEqualTo("h\u00e9");
            assertThat(r.readOpaque(5)).containsExactly(1, 2, 3, 4, 5);
            assertThat(r.readFixedOpaque(3)).containsExactly(9, 8, 7);
            assertThat(r.readChars(2, "c")).containsExactly('A', -1);
            assertThat(r.readFixedChars(1, "fc")).containsExactly('z');
            return null;
        });
    }

    @Test
    @DisplayName("arrays carry a count, fixed arrays do not, optionals are a bool then the value")
    void arraysAndOptionals() {
        byte[] bytes = write(w -> {
            w.writeArray(List.of(7, 8), 2, XdrWriter::writeInt);
            w.writeFixedArray(List.of(1L), 1, XdrWriter::writeHyper, "f");
            w.writeOptional(null, XdrWriter::writeInt);
            w.writeOptional(5, XdrWriter::writeInt);
        });
        assertThat(bytes).isEqualTo(hex("00000002 00000007 00000008 | 0000000000000001 | 00000000 | 00000001 00000005"));
        decode(bytes, r -> {
            assertThat(r.readArray(2, XdrReader::readInt)).containsExactly(7, 8);
            assertThat(r.readFixedArray(1, XdrReader::readHyper, "f")).containsExactly(1L);
            assertThat(r.<Integer>readOptional(XdrReader::readInt)).isNull();
            assertThat(r.<Integer>readOptional(XdrReader::readInt)).isEqualTo(5);
            return null;
        });
    }

    @Test
    @DisplayName("encoding past a declared bound throws XdrException naming the field, before writing the item")
    void encodeBounds() {
        ByteBuf buf = Unpooled.buffer();
        try {
            XdrWriter w = new XdrWriter(buf);
            assertThatThrownBy(() -> w.writeString("abcde", 4, "dom.name"))
                    .isInstanceOf(XdrException.class).hasMessageContaining("dom.name").hasMessageContaining("4");
            assertThatThrownBy(() -> w.writeString("\u00e9\u00e9\u00e9", 5)).isInstanceOf(XdrException.class)
                    .hasMessageContaining("6 UTF-8 bytes");
            assertThatThrownBy(() -> w.writeString(null, 5, "s")).isInstanceOf(XdrException.class)
                    .hasMessageContaining("null");
            assertThatThrownBy(() -> w.writeOpaque(new byte[3], 2)).isInstanceOf(XdrException.class);
            assertThatThrownBy(() -> w.writeFixedOpaque(new byte[15], 16, "uuid")).isInstanceOf(XdrException.class)
                    .hasMessageContaining("uuid").hasMessageContaining("16");
            assertThatThrownBy(() -> w.writeChars(new byte[3], 2, "c")).isInstanceOf(XdrException.class);
            assertThatThrownBy(() -> w.writeFixedChars(new byte[3], 2, "c")).isInstanceOf(XdrException.class);
            assertThatThrownBy(() -> w.writeArray(List.of(1, 2, 3), 2, XdrWriter::writeInt))
                    .isInstanceOf(XdrException.class).hasMessageContaining("3 elements");
            assertThatThrownBy(() -> w.writeFixedArray(List.of(1), 2, XdrWriter::writeInt, "a"))
                    .isInstanceOf(XdrException.class);
            assertThatThrownBy(() -> w.writeUnsignedChar(256)).isInstanceOf(XdrException.class);
            assertThatThrownBy(() -> w.writeUnsignedShort(-1)).isInstanceOf(XdrException.class);
            assertThat(buf.readableBytes()).as("nothing written by a rejected item").isZero();
        } finally {
            buf.release();
        }
    }

    @Test
    @DisplayName("a length word of 0x7fffffff fails at once, without allocating, whatever the declared bound")
    void hugeLengthsDoNotAllocate() {
        byte[] hostile = hex("7fffffff 41414141");
        long before = allocatedBytes();
        for (int max : new int[] {4194304, XdrReader.UNBOUNDED}) {
            assertThatThrownBy(() -> decode(hostile, r -> r.readString(max, "msg.text")))
                    .isInstanceOf(XdrException.class).hasMessageContaining("msg.text")
                    .hasMessageContaining("2147483647");
            assertThatThrownBy(() -> decode(hostile, r -> r.readOpaque(max, "buf")))
                    .isInstanceOf(XdrException.class).hasMessageContaining("buf");
            assertThatThrownBy(() -> decode(hostile, r -> r.readChars(max, "label")))
                    .isInstanceOf(XdrException.class).hasMessageContaining("label");
            assertThatThrownBy(() -> decode(hostile, r -> r.readArray(max, XdrReader::readInt, "ids")))
                    .isInstanceOf(XdrException.class).hasMessageContaining("ids");
        }
        // 0xffffffff is 4294967295 unsigned, not -1.
        assertThatThrownBy(() -> decode(hex("ffffffff"), r -> r.readOpaque(XdrReader.UNBOUNDED, "o")))
                .isInstanceOf(XdrException.class).hasMessageContaining("4294967295");
        assertThatThrownBy(() -> decode(hex("00000000"), r -> r.readFixedOpaque(Integer.MAX_VALUE, "fixed")))
                .isInstanceOf(XdrException.class).hasMessageContaining("fixed");
        assertThatThrownBy(() -> decode(hex(""), r -> r.readFixedArray(Integer.MAX_VALUE, XdrReader::readInt, "fa")))
                .isInstanceOf(XdrException.class).hasMessageContaining("fa");
        long after = allocatedBytes();
        if (before >= 0 && after >= 0) {
            assertThat(after - before).as("bytes allocated while rejecting hostile lengths").isLessThan(4L << 20);
        }
    }

    @Test
    @DisplayName("lengths over the declared maximum, or over the bytes that remain, are rejected with the limit named")
    void lengthChecks() {
        assertThatThrownBy(() -> decode(hex("00000005 6162636465 000000"), r -> r.readString(4, "name")))
                .isInstanceOf(XdrException.class).hasMessage("name: string length 5 exceeds its maximum of 4");
        assertThatThrownBy(() -> decode(hex("00000005 61626364"), r -> r.readString(10, "name")))
                .isInstanceOf(XdrException.class)
                .hasMessage("name: string length 5 needs 8 bytes but only 4 remain");
        // The padding must be there too.
        assertThatThrownBy(() -> decode(hex("00000005 6162636465"), r -> r.readOpaque(10, "o")))
                .isInstanceOf(XdrException.class).hasMessageContaining("needs 8 bytes");
        // An array of ints claiming 3 elements in 8 bytes.
        assertThatThrownBy(() -> decode(hex("00000003 00000001 00000002"), r -> r.readArray(10, XdrReader::readInt, "ids")))
                .isInstanceOf(XdrException.class).hasMessageContaining("ids").hasMessageContaining("needs 12 bytes");
        assertThatThrownBy(() -> decode(hex("00000003"), r -> r.readArray(2, XdrReader::readInt, "ids")))
                .isInstanceOf(XdrException.class).hasMessage("ids: array length 3 exceeds its maximum of 2");
    }

    @Test
    @DisplayName("truncated scalars, bad bools and bad optional flags are XdrExceptions, not IndexOutOfBounds")
    void truncationAndFlags() {
        assertThatThrownBy(() -> decode(hex("0000"), XdrReader::readInt)).isInstanceOf(XdrException.class)
                .hasMessageContaining("truncated");
        assertThatThrownBy(() -> decode(hex("00000000 0000"), XdrReader::readHyper)).isInstanceOf(XdrException.class);
        assertThatThrownBy(() -> decode(hex("000000"), XdrReader::readDouble)).isInstanceOf(XdrException.class);
        assertThatThrownBy(() -> decode(hex(""), r -> r.readString(4, "s"))).isInstanceOf(XdrException.class)
                .hasMessageContaining("s length");
        assertThatThrownBy(() -> decode(hex("00000002"), XdrReader::readBoolean)).isInstanceOf(XdrException.class)
                .hasMessageContaining("neither 0 nor 1");
        assertThatThrownBy(() -> decode(hex("00000002 00000001"), r -> r.readOptional(XdrReader::readInt)))
                .isInstanceOf(XdrException.class).hasMessageContaining("optional flag 2");
        assertThatThrownBy(() -> decode(hex("00000001"), r -> r.readOptional(XdrReader::readInt)))
                .isInstanceOf(XdrException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> decode(hex("00000001 00000002"), XdrReader::readInt)).isInstanceOf(XdrException.class)
                .hasMessageContaining("4 unexpected trailing bytes");
    }

    @Test
    @DisplayName("decoded arrays are unmodifiable")
    void decodedListsAreImmutable() {
        List<Integer> list = decode(hex("00000001 00000009"), r -> r.readArray(4, XdrReader::readInt));
        assertThatThrownBy(() -> list.add(1)).isInstanceOf(UnsupportedOperationException.class);
    }
}

package org.libvirt4j.remote.internal.xdr;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Reads XDR (RFC 4506) items from the readable bytes of a Netty {@link ByteBuf}.
 *
 * <p>The input is untrusted: every read first checks that its bytes are there, and every
 * variable-length read checks the length word against the declared maximum <em>and</em>
 * against the bytes that remain before allocating anything, so a hostile length such as
 * {@code 0x7fffffff} fails at once with an {@link XdrException} naming the field and the limit.
 * Unbounded declarations ({@code x<>}, {@link #UNBOUNDED}) are thereby bounded by the message,
 * itself at most {@code VIR_NET_MESSAGE_MAX} bytes. Methods taking a {@code field} name use it in
 * their messages; the overloads without one say {@code "value"}. A reader is not thread-safe.
 */
public final class XdrReader {

    /** The maximum used for an unbounded declaration such as {@code opaque x<>}. */
    public static final int UNBOUNDED = Integer.MAX_VALUE;

    private static final String VALUE = "value";

    /** Smallest wire size of any XDR item: a count never claims more elements than bytes / 4. */
    private static final int MIN_ITEM_SIZE = 4;

    /** Initial list capacity cap: lists grow as elements really arrive, not as the count claims. */
    private static final int INITIAL_CAPACITY_CAP = 1024;

    private final ByteBuf buf;

    /**
     * Creates a reader consuming the readable bytes of {@code buf} from its reader index.
     *
     * @param buf the buffer to read; the caller keeps ownership
     */
    public XdrReader(ByteBuf buf) {
        this.buf = Objects.requireNonNull(buf, "buf");
    }

    /**
     * Returns how many bytes remain to be read.
     *
     * @return the readable byte count
     */
    public int readableBytes() {
        return buf.readableBytes();
    }

    /**
     * Checks that the whole input was consumed; trailing bytes mean the two sides disagree on
     * the message's type.
     *
     * @param what names the decoded message in the error
     * @throws XdrException if bytes remain
     */
    public void expectEnd(String what) {
        if (buf.isReadable()) {
            throw new XdrException(what + ": " + buf.readableBytes() + " unexpected trailing bytes");
        }
    }

    /**
     * Reads an XDR {@code int}.
     *
     * @return the value
     * @throws XdrException if fewer than 4 bytes remain
     */
    public int readInt() {
        need(4, "int");
        return buf.readInt();
    }

    /**
     * Reads an XDR {@code unsigned int} as its 32 bits ({@link Integer#toUnsignedLong(int)}
     * gives the unsigned value).
     *
     * @return the 32 bits
     * @throws XdrException if fewer than 4 bytes remain
     */
    public int readUnsignedInt() {
        need(4, "unsigned int");
        return buf.readInt();
    }

    /**
     * Reads an XDR {@code hyper}.
     *
     * @return the value
     * @throws XdrException if fewer than 8 bytes remain
     */
    public long readHyper() {
        need(8, "hyper");
        return buf.readLong();
    }

    /**
     * Reads an XDR {@code unsigned hyper} as its 64 bits.
     *
     * @return the 64 bits
     * @throws XdrException if fewer than 8 bytes remain
     */
    public long readUnsignedHyper() {
        need(8, "unsigned hyper");
        return buf.readLong();
    }

    /**
     * Reads an XDR {@code bool}.
     *
     * @return the value
     * @throws XdrException if fewer than 4 bytes remain or the word is neither 0 nor 1
     */
    public boolean readBoolean() {
        need(4, "bool");
        int v = buf.readInt();
        if (v != 0 && v != 1) {
            throw new XdrException("bool value " + v + " is neither 0 nor 1");
        }
        return v == 1;
    }

    /**
     * Reads an XDR {@code float}.
     *
     * @return the value
     * @throws XdrException if fewer than 4 bytes remain
     */
    public float readFloat() {
        need(4, "float");
        return buf.readFloat();
    }

    /**
     * Reads an XDR {@code double}.
     *
     * @return the value
     * @throws XdrException if fewer than 8 bytes remain
     */
    public double readDouble() {
        need(8, "double");
        return buf.readDouble();
    }

    /**
     * Reads an rpcgen {@code char} (a four-byte int), keeping its low 8 bits as
     * {@code xdr_char} does.
     *
     * @return the value
     * @throws XdrException if fewer than 4 bytes remain
     */
    public byte readChar() {
        need(4, "char");
        return (byte) buf.readInt();
    }

    /**
     * Reads an rpcgen {@code unsigned char} (a four-byte int), keeping its low 8 bits.
     *
     * @return the value, 0..255
     * @throws XdrException if fewer than 4 bytes remain
     */
    public int readUnsignedChar() {
        need(4, "unsigned char");
        return buf.readInt() & 0xff;
    }

    /**
     * Reads an XDR {@code short} (a four-byte int), keeping its low 16 bits.
     *
     * @return the value
     * @throws XdrException if fewer than 4 bytes remain
     */
    public short readShort() {
        need(4, "short");
        return (short) buf.readInt();
    }

    /**
     * Reads an XDR {@code unsigned short} (a four-byte int), keeping its low 16 bits.
     *
     * @return the value, 0..65535
     * @throws XdrException if fewer than 4 bytes remain
     */
    public int readUnsignedShort() {
        need(4, "unsigned short");
        return buf.readInt() & 0xffff;
    }

    /**
     * Reads a non-null XDR {@code string<max>}, decoding its bytes as UTF-8 (malformed sequences
     * become U+FFFD).
     *
     * @param max the declared maximum length in bytes
     * @return the string
     * @throws XdrException if the length exceeds {@code max} or the remaining bytes
     */
    public String readString(int max) {
        return readString(max, VALUE);
    }

    /**
     * Reads a non-null XDR {@code string<max>}, decoding its bytes as UTF-8 (malformed sequences
     * become U+FFFD).
     *
     * @param max the declared maximum length in bytes
     * @param field the field name used in error messages
     * @return the string
     * @throws XdrException if the length exceeds {@code max} or the remaining bytes
     */
    public String readString(int max, String field) {
        int len = readLength(max, 1, field, "string");
        String s = buf.toString(buf.readerIndex(), len, StandardCharsets.UTF_8);
        buf.skipBytes(len + padding(len));
        return s;
    }

    /**
     * Reads a variable-length XDR {@code opaque<max>}.
     *
     * @param max the declared maximum length
     * @return a new array with the bytes
     * @throws XdrException if the length exceeds {@code max} or the remaining bytes
     */
    public byte[] readOpaque(int max) {
        return readOpaque(max, VALUE);
    }

    /**
     * Reads a variable-length XDR {@code opaque<max>}.
     *
     * @param max the declared maximum length
     * @param field the field name used in error messages
     * @return a new array with the bytes
     * @throws XdrException if the length exceeds {@code max} or the remaining bytes
     */
    public byte[] readOpaque(int max, String field) {
        int len = readLength(max, 1, field, "opaque");
        byte[] out = new byte[len];
        buf.readBytes(out);
        buf.skipBytes(padding(len));
        return out;
    }

    /**
     * Reads a fixed-length XDR {@code opaque[len]}.
     *
     * @param len the declared length
     * @return a new array with the bytes
     * @throws XdrException if fewer than {@code len} bytes plus padding remain
     */
    public byte[] readFixedOpaque(int len) {
        return readFixedOpaque(len, VALUE);
    }

    /**
     * Reads a fixed-length XDR {@code opaque[len]}.
     *
     * @param len the declared length
     * @param field the field name used in error messages
     * @return a new array with the bytes
     * @throws XdrException if fewer than {@code len} bytes plus padding remain
     */
    public byte[] readFixedOpaque(int len, String field) {
        long padded = (long) len + padding(len);
        if (padded > buf.readableBytes()) {
            throw new XdrException(field + ": fixed opaque[" + len + "] needs " + padded + " bytes but only "
                    + buf.readableBytes() + " remain");
        }
        byte[] out = new byte[len];
        buf.readBytes(out);
        buf.skipBytes(padding(len));
        return out;
    }

    /**
     * Reads an rpcgen {@code char x<max>} array: a count, then one four-byte int per byte.
     *
     * @param max the declared maximum count
     * @param field the field name used in error messages
     * @return a new array with the bytes
     * @throws XdrException if the count exceeds {@code max} or the remaining bytes
     */
    public byte[] readChars(int max, String field) {
        int len = readLength(max, MIN_ITEM_SIZE, field, "char array");
        byte[] out = new byte[len];
        for (int i = 0; i < len; i++) {
            out[i] = (byte) buf.readInt();
        }
        return out;
    }

    /**
     * Reads an rpcgen {@code char x[len]} array: one four-byte int per byte.
     *
     * @param len the declared length
     * @param field the field name used in error messages
     * @return a new array with the bytes
     * @throws XdrException if fewer than {@code 4 * len} bytes remain
     */
    public byte[] readFixedChars(int len, String field) {
        if ((long) len * MIN_ITEM_SIZE > buf.readableBytes()) {
            throw new XdrException(field + ": fixed char[" + len + "] needs " + (long) len * MIN_ITEM_SIZE
                    + " bytes but only " + buf.readableBytes() + " remain");
        }
        byte[] out = new byte[len];
        for (int i = 0; i < len; i++) {
            out[i] = (byte) buf.readInt();
        }
        return out;
    }

    /**
     * Reads a variable-length XDR array {@code T x<max>}.
     *
     * @param <T> the element type
     * @param max the declared maximum count
     * @param element reads one element
     * @return an unmodifiable list of the elements
     * @throws XdrException if the count exceeds {@code max} or could not fit in the remaining bytes
     */
    public <T> List<T> readArray(int max, Function<XdrReader, T> element) {
        return readArray(max, element, VALUE);
    }

    /**
     * Reads a variable-length XDR array {@code T x<max>}.
     *
     * @param <T> the element type
     * @param max the declared maximum count
     * @param element reads one element
     * @param field the field name used in error messages
     * @return an unmodifiable list of the elements
     * @throws XdrException if the count exceeds {@code max} or could not fit in the remaining bytes
     */
    public <T> List<T> readArray(int max, Function<XdrReader, T> element, String field) {
        int count = readLength(max, MIN_ITEM_SIZE, field, "array");
        return readElements(count, element);
    }

    /**
     * Reads the count of a variable-length XDR array that the caller then reads element by
     * element itself, checked like {@link #readArray}'s: against {@code max}, and against the
     * bytes that remain at {@code minItemSize} bytes per element, so that an array of the
     * returned size may be allocated at once, costing no more than the bytes that carry it.
     *
     * @param max the declared maximum count
     * @param minItemSize the smallest wire size of one element, at least 4
     * @param field the field name used in error messages
     * @return the count
     * @throws XdrException if the count exceeds {@code max} or could not fit in the remaining bytes
     */
    public int readCount(int max, int minItemSize, String field) {
        if (minItemSize < MIN_ITEM_SIZE) {
            throw new IllegalArgumentException("minItemSize " + minItemSize + " is below " + MIN_ITEM_SIZE);
        }
        return readLength(max, minItemSize, field, "array");
    }

    /**
     * Reads a fixed-length XDR array {@code T x[len]}.
     *
     * @param <T> the element type
     * @param len the declared length
     * @param element reads one element
     * @param field the field name used in error messages
     * @return an unmodifiable list of the elements
     * @throws XdrException if {@code len} elements could not fit in the remaining bytes
     */
    public <T> List<T> readFixedArray(int len, Function<XdrReader, T> element, String field) {
        if ((long) len * MIN_ITEM_SIZE > buf.readableBytes()) {
            throw new XdrException(field + ": fixed array[" + len + "] cannot fit in the " + buf.readableBytes()
                    + " bytes that remain");
        }
        return readElements(len, element);
    }

    /**
     * Reads an XDR optional ({@code T *x}): a {@code bool}, then the value when it is 1.
     *
     * @param <T> the value type
     * @param element reads the value
     * @return the value, or null when absent
     * @throws XdrException if the flag is neither 0 nor 1, or the value cannot be read
     */
    public <T> T readOptional(Function<XdrReader, T> element) {
        need(4, "optional flag");
        int flag = buf.readInt();
        if (flag == 0) {
            return null;
        }
        if (flag != 1) {
            throw new XdrException("optional flag " + flag + " is neither 0 nor 1");
        }
        return element.apply(this);
    }

    /**
     * Returns the zero padding XDR puts after {@code len} bytes to reach a multiple of four.
     *
     * @param len a byte count
     * @return 0..3
     */
    static int padding(int len) {
        return (4 - (len & 3)) & 3;
    }

    private <T> List<T> readElements(int count, Function<XdrReader, T> element) {
        List<T> out = new ArrayList<>(Math.min(count, INITIAL_CAPACITY_CAP));
        for (int i = 0; i < count; i++) {
            out.add(element.apply(this));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * Reads a length word and checks it, as unsigned, against {@code max} and against the bytes
     * that remain ({@code itemSize} bytes per counted item, plus padding for byte items).
     */
    private int readLength(int max, int itemSize, String field, String kind) {
        if (buf.readableBytes() < 4) {
            // the message is built only on failure: this runs for every string and array
            need(4, field + " length");
        }
        long len = Integer.toUnsignedLong(buf.readInt());
        if (len > max) {
            throw new XdrException(field + ": " + kind + " length " + len + " exceeds its maximum of " + max);
        }
        long bytes = itemSize == 1 ? len + padding((int) len) : len * itemSize;
        if (bytes > buf.readableBytes()) {
            throw new XdrException(field + ": " + kind + " length " + len + " needs " + bytes + " bytes but only "
                    + buf.readableBytes() + " remain");
        }
        return (int) len;
    }

    private void need(int bytes, String what) {
        if (buf.readableBytes() < bytes) {
            throw new XdrException("truncated input: " + what + " needs " + bytes + " bytes but only "
                    + buf.readableBytes() + " remain");
        }
    }
}

package org.libvirt4j.remote.internal.xdr;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import org.libvirt4j.spi.CStrings;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * Writes XDR (RFC 4506) items to a Netty {@link ByteBuf}: big-endian, every item padded to a
 * multiple of four bytes.
 *
 * <p>Each bounded write checks its declared maximum first and throws {@link XdrException}
 * without writing anything when it is exceeded, so a value libvirt would reject never leaves
 * the client. Methods taking a {@code field} name use it in that message; the overloads
 * without one say {@code "value"}. A writer is not thread-safe; use one per message.
 */
public final class XdrWriter {

    private static final String VALUE = "value";
    private static final byte[] ZEROS = new byte[4];

    private final ByteBuf buf;

    /**
     * Creates a writer appending to {@code buf} at its writer index.
     *
     * @param buf the buffer to write to; the caller keeps ownership
     */
    public XdrWriter(ByteBuf buf) {
        this.buf = Objects.requireNonNull(buf, "buf");
    }

    /**
     * Returns the buffer this writer appends to.
     *
     * @return the underlying buffer
     */
    public ByteBuf buffer() {
        return buf;
    }

    /**
     * Writes an XDR {@code int}.
     *
     * @param value the value
     */
    public void writeInt(int value) {
        buf.writeInt(value);
    }

    /**
     * Writes an XDR {@code unsigned int}; Java's {@code int} carries its 32 bits
     * ({@link Integer#toUnsignedLong(int)} reads it back as unsigned).
     *
     * @param value the 32 bits to write
     */
    public void writeUnsignedInt(int value) {
        buf.writeInt(value);
    }

    /**
     * Writes an XDR {@code hyper} (64-bit signed).
     *
     * @param value the value
     */
    public void writeHyper(long value) {
        buf.writeLong(value);
    }

    /**
     * Writes an XDR {@code unsigned hyper}; Java's {@code long} carries its 64 bits.
     *
     * @param value the 64 bits to write
     */
    public void writeUnsignedHyper(long value) {
        buf.writeLong(value);
    }

    /**
     * Writes an XDR {@code bool}: 1 for true, 0 for false.
     *
     * @param value the value
     */
    public void writeBoolean(boolean value) {
        buf.writeInt(value ? 1 : 0);
    }

    /**
     * Writes an XDR {@code float} (IEEE 754 single precision).
     *
     * @param value the value
     */
    public void writeFloat(float value) {
        buf.writeFloat(value);
    }

    /**
     * Writes an XDR {@code double} (IEEE 754 double precision).
     *
     * @param value the value
     */
    public void writeDouble(double value) {
        buf.writeDouble(value);
    }

    /**
     * Writes an rpcgen {@code char}: sign-extended to a four-byte int, as {@code xdr_char} does.
     *
     * @param value the value
     */
    public void writeChar(byte value) {
        buf.writeInt(value);
    }

    /**
     * Writes an rpcgen {@code unsigned char} as a four-byte int.
     *
     * @param value the value, 0..255
     * @throws XdrException if the value is outside 0..255
     */
    public void writeUnsignedChar(int value) {
        if (value < 0 || value > 0xff) {
            throw new XdrException("unsigned char value " + value + " is outside 0..255");
        }
        buf.writeInt(value);
    }

    /**
     * Writes an XDR {@code short} (an rpcgen extension) as a four-byte int.
     *
     * @param value the value
     */
    public void writeShort(short value) {
        buf.writeInt(value);
    }

    /**
     * Writes an XDR {@code unsigned short} (an rpcgen extension) as a four-byte int.
     *
     * @param value the value, 0..65535
     * @throws XdrException if the value is outside 0..65535
     */
    public void writeUnsignedShort(int value) {
        if (value < 0 || value > 0xffff) {
            throw new XdrException("unsigned short value " + value + " is outside 0..65535");
        }
        buf.writeInt(value);
    }

    /**
     * Writes a non-null XDR {@code string<max>}: UTF-8 length, bytes, zero padding to 4.
     *
     * @param value the string
     * @param max the declared maximum length in bytes
     * @throws XdrException if {@code value} is null or its UTF-8 form is longer than {@code max}
     */
    public void writeString(String value, int max) {
        writeString(value, max, VALUE);
    }

    /**
     * Writes a non-null XDR {@code string<max>}: UTF-8 length, bytes, zero padding to 4.
     *
     * @param value the string
     * @param max the declared maximum length in bytes
     * @param field the field name used in error messages
     * @throws XdrException if {@code value} is null or its UTF-8 form is longer than {@code max}
     */
    public void writeString(String value, int max, String field) {
        if (value == null) {
            throw new XdrException(field + ": null for a non-optional string");
        }
        // Every XDR string of libvirt's protocol becomes a C string in the daemon, which would
        // act on the part before a NUL: refuse it as the native backends do.
        CStrings.requireNoNul(value);
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > max) {
            throw new XdrException(field + ": string of " + bytes.length + " UTF-8 bytes exceeds its maximum of " + max);
        }
        writeCounted(bytes);
    }

    /**
     * Writes a variable-length XDR {@code opaque<max>}: length, bytes, zero padding to 4.
     *
     * @param value the bytes
     * @param max the declared maximum length
     * @throws XdrException if {@code value} is null or longer than {@code max}
     */
    public void writeOpaque(byte[] value, int max) {
        writeOpaque(value, max, VALUE);
    }

    /**
     * Writes a variable-length XDR {@code opaque<max>}: length, bytes, zero padding to 4.
     *
     * @param value the bytes
     * @param max the declared maximum length
     * @param field the field name used in error messages
     * @throws XdrException if {@code value} is null or longer than {@code max}
     */
    public void writeOpaque(byte[] value, int max, String field) {
        if (value == null) {
            throw new XdrException(field + ": null for a non-optional opaque");
        }
        if (value.length > max) {
            throw new XdrException(field + ": opaque of " + value.length + " bytes exceeds its maximum of " + max);
        }
        writeCounted(value);
    }

    /**
     * Writes a fixed-length XDR {@code opaque[len]}: exactly {@code len} bytes, zero padding to 4.
     *
     * @param value the bytes
     * @param len the declared length
     * @throws XdrException if {@code value} is null or not exactly {@code len} bytes long
     */
    public void writeFixedOpaque(byte[] value, int len) {
        writeFixedOpaque(value, len, VALUE);
    }

    /**
     * Writes a fixed-length XDR {@code opaque[len]}: exactly {@code len} bytes, zero padding to 4.
     *
     * @param value the bytes
     * @param len the declared length
     * @param field the field name used in error messages
     * @throws XdrException if {@code value} is null or not exactly {@code len} bytes long
     */
    public void writeFixedOpaque(byte[] value, int len, String field) {
        if (value == null) {
            throw new XdrException(field + ": null for a fixed opaque[" + len + "]");
        }
        if (value.length != len) {
            throw new XdrException(field + ": fixed opaque[" + len + "] given " + value.length + " bytes");
        }
        buf.writeBytes(value);
        buf.writeBytes(ZEROS, 0, XdrReader.padding(len));
    }

    /**
     * Writes an rpcgen {@code char x<max>} array: the count, then each byte sign-extended to a
     * four-byte int (unlike {@code opaque}, rpcgen encodes every {@code char} as an int).
     *
     * @param value the bytes
     * @param max the declared maximum count
     * @param field the field name used in error messages
     * @throws XdrException if {@code value} is null or longer than {@code max}
     */
    public void writeChars(byte[] value, int max, String field) {
        if (value == null) {
            throw new XdrException(field + ": null for a non-optional char array");
        }
        if (value.length > max) {
            throw new XdrException(field + ": char array of " + value.length + " exceeds its maximum of " + max);
        }
        buf.writeInt(value.length);
        for (byte b : value) {
            buf.writeInt(b);
        }
    }

    /**
     * Writes an rpcgen {@code char x[len]} array: exactly {@code len} bytes, each sign-extended to
     * a four-byte int.
     *
     * @param value the bytes
     * @param len the declared length
     * @param field the field name used in error messages
     * @throws XdrException if {@code value} is null or not exactly {@code len} bytes long
     */
    public void writeFixedChars(byte[] value, int len, String field) {
        if (value == null) {
            throw new XdrException(field + ": null for a fixed char[" + len + "]");
        }
        if (value.length != len) {
            throw new XdrException(field + ": fixed char[" + len + "] given " + value.length + " bytes");
        }
        for (byte b : value) {
            buf.writeInt(b);
        }
    }

    /**
     * Writes a variable-length XDR array {@code T x<max>}: the count, then each element.
     *
     * @param <T> the element type
     * @param values the elements
     * @param max the declared maximum count
     * @param element writes one element
     * @throws XdrException if {@code values} is null or has more than {@code max} elements
     */
    public <T> void writeArray(List<T> values, int max, BiConsumer<XdrWriter, T> element) {
        writeArray(values, max, element, VALUE);
    }

    /**
     * Writes a variable-length XDR array {@code T x<max>}: the count, then each element.
     *
     * @param <T> the element type
     * @param values the elements
     * @param max the declared maximum count
     * @param element writes one element
     * @param field the field name used in error messages
     * @throws XdrException if {@code values} is null or has more than {@code max} elements
     */
    public <T> void writeArray(List<T> values, int max, BiConsumer<XdrWriter, T> element, String field) {
        if (values == null) {
            throw new XdrException(field + ": null for a non-optional array");
        }
        if (values.size() > max) {
            throw new XdrException(field + ": array of " + values.size() + " elements exceeds its maximum of " + max);
        }
        buf.writeInt(values.size());
        for (T v : values) {
            element.accept(this, v);
        }
    }

    /**
     * Writes a fixed-length XDR array {@code T x[len]}: exactly {@code len} elements, no count.
     *
     * @param <T> the element type
     * @param values the elements
     * @param len the declared length
     * @param element writes one element
     * @param field the field name used in error messages
     * @throws XdrException if {@code values} is null or does not have exactly {@code len} elements
     */
    public <T> void writeFixedArray(List<T> values, int len, BiConsumer<XdrWriter, T> element, String field) {
        if (values == null) {
            throw new XdrException(field + ": null for a fixed array[" + len + "]");
        }
        if (values.size() != len) {
            throw new XdrException(field + ": fixed array[" + len + "] given " + values.size() + " elements");
        }
        for (T v : values) {
            element.accept(this, v);
        }
    }

    /**
     * Writes an XDR optional ({@code T *x}): a {@code bool} saying whether a value follows, then
     * the value when it is not null.
     *
     * @param <T> the value type
     * @param value the value, or null for none
     * @param element writes the value
     */
    public <T> void writeOptional(T value, BiConsumer<XdrWriter, T> element) {
        if (value == null) {
            buf.writeInt(0);
        } else {
            buf.writeInt(1);
            element.accept(this, value);
        }
    }

    private void writeCounted(byte[] bytes) {
        buf.writeInt(bytes.length);
        buf.writeBytes(bytes);
        buf.writeBytes(ZEROS, 0, XdrReader.padding(bytes.length));
    }
}

package org.libvirt4j.remote.internal.xdr;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.util.HexFormat;
import java.util.function.Function;

/** Helpers shared by the XDR codec tests. */
final class XdrTestSupport {

    private XdrTestSupport() {
    }

    /** Bytes from hex; spaces and '|' separators are ignored so that expected values can be grouped per field. */
    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", "").replace("|", ""));
    }

    /** The XDR encoding of a value. */
    static byte[] encode(XdrEncodable value) {
        ByteBuf buf = Unpooled.buffer();
        try {
            value.encode(new XdrWriter(buf));
            return ByteBufUtil.getBytes(buf);
        } finally {
            buf.release();
        }
    }

    /** Decodes all of {@code bytes}, failing on trailing bytes. */
    static <T> T decode(byte[] bytes, Function<XdrReader, T> decoder) {
        ByteBuf buf = Unpooled.wrappedBuffer(bytes);
        try {
            XdrReader r = new XdrReader(buf);
            T value = decoder.apply(r);
            r.expectEnd("test value");
            return value;
        } finally {
            buf.release();
        }
    }

    /**
     * Bytes allocated by the current thread so far (HotSpot's com.sun.management extension,
     * reached reflectively so that the test needs no module read edge), or -1 when unavailable.
     */
    static long allocatedBytes() {
        try {
            Class<?> ext = Class.forName("com.sun.management.ThreadMXBean");
            Object bean = ManagementFactory.getThreadMXBean();
            if (!ext.isInstance(bean)) {
                return -1;
            }
            Method m = ext.getMethod("getCurrentThreadAllocatedBytes");
            return (Long) m.invoke(bean);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1;
        }
    }
}

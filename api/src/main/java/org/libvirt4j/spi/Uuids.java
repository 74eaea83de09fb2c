package org.libvirt4j.spi;

import java.nio.ByteBuffer;
import java.util.UUID;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;

/** UUID conversions shared by backends, with libvirt's own parsing rules. */
public final class Uuids {
    /** {@code VIR_UUID_BUFLEN}. */
    public static final int BUFLEN = 16;

    private Uuids() {
    }

    /**
     * @param uuid a UUID
     * @return its 16 raw bytes, as libvirt stores them
     */
    public static byte[] toBytes(UUID uuid) {
        return ByteBuffer.allocate(BUFLEN).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits()).array();
    }

    /**
     * @param raw 16 bytes
     * @return the UUID they encode
     */
    public static UUID fromBytes(byte[] raw) {
        if (raw.length != BUFLEN) {
            throw new IllegalArgumentException("a UUID has 16 bytes, not " + raw.length);
        }
        ByteBuffer b = ByteBuffer.wrap(raw);
        return new UUID(b.getLong(), b.getLong());
    }

    /**
     * Parses a UUID string exactly as libvirt's {@code virUUIDParse} does: leading and
     * trailing white space, and {@code -} or space between hex pairs, are allowed.
     *
     * @param text the string
     * @param domain the error domain of the calling API ({@code DOMAIN} for domains, ...)
     * @param function the C function the call stands for, e.g. {@code "virNetworkLookupByUUIDString"}
     * @return the 16 bytes
     * @throws LibvirtException {@code ERR_INVALID_ARG} worded as the C client words it, before
     *         anything is sent: "Invalid UUID" for {@code virDomainLookupByUUIDString}, "uuidstr
     *         in FUNCTION must be a valid UUID" for the others
     */
    public static byte[] parse(String text, ErrorDomain domain, String function) {
        byte[] out = new byte[BUFLEN];
        int cur = 0;
        int n = text.length();
        while (cur < n && isSpace(text.charAt(cur))) {
            cur++;
        }
        for (int i = 0; i < BUFLEN;) {
            if (cur >= n) {
                throw invalid(domain, function);
            }
            char c = text.charAt(cur);
            if (c == '-' || c == ' ') {
                cur++;
                continue;
            }
            int hi = Character.digit(c, 16);
            if (hi < 0 || c > 0x7f || cur + 1 >= n) {
                throw invalid(domain, function);
            }
            char d = text.charAt(cur + 1);
            int lo = Character.digit(d, 16);
            if (lo < 0 || d > 0x7f) {
                throw invalid(domain, function);
            }
            out[i++] = (byte) (hi * 16 + lo);
            cur += 2;
        }
        while (cur < n) {
            if (!isSpace(text.charAt(cur++))) {
                throw invalid(domain, function);
            }
        }
        return out;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b;
    }

    private static LibvirtException invalid(ErrorDomain domain, String function) {
        // libvirt's domain lookup reports its own sentence; the other lookups use the generic
        // virCheck wording, which names the function.
        String message = function.equals("virDomainLookupByUUIDString") ? "Invalid UUID"
                : "uuidstr in " + function + " must be a valid UUID";
        return LibvirtException.of(ErrorNumber.ERR_INVALID_ARG, domain, message);
    }
}

package org.libvirt4j.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;

/** What the hand-written contracts share: libvirt's argument errors and result conversions. */
final class ManualChecks {
    /** {@code REMOTE_NODE_MAX_CELLS}. */
    static final int MAX_CELLS = 1024;

    private ManualChecks() {
    }

    /** libvirt's {@code virCheck...Arg} error: {@code ERR_INVALID_ARG} with its sentence naming the C function. */
    static LibvirtException invalid(ErrorDomain domain, String message) {
        return LibvirtException.of(ErrorNumber.ERR_INVALID_ARG, domain, message);
    }

    /**
     * The remote protocol's cap on per-cell arrays ({@code REMOTE_NODE_MAX_CELLS}), applied by
     * every backend with libvirt's remote client's error: it bounds what Java allocates for the
     * answer, and a native backend then refuses what a remote one must.
     */
    static void cells(long count) {
        if (count > MAX_CELLS) {
            throw LibvirtException.of(ErrorNumber.ERR_RPC, ErrorDomain.REMOTE,
                    "too many NUMA cells: " + count + " > " + MAX_CELLS);
        }
    }

    static List<Long> longs(long[] values) {
        List<Long> out = new ArrayList<>(values.length);
        for (long v : values) {
            out.add(v);
        }
        return Collections.unmodifiableList(out);
    }

    static int[] ints(List<Integer> values, String name) {
        int[] out = new int[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Objects.requireNonNull(values.get(i), name + " element");
        }
        return out;
    }

    /** {@code {String[] fields, long[] values}} as a map, in libvirt's order. */
    static Map<String, Long> fields(Object[] raw) {
        String[] names = (String[]) raw[0];
        long[] values = (long[]) raw[1];
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            m.put(names[i], values[i]);
        }
        return m;
    }
}

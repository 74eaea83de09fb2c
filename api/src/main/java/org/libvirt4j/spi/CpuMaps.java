package org.libvirt4j.spi;

import java.util.BitSet;

/** libvirt's cpumap bytes (bit {@code i % 8} of byte {@code i / 8} for CPU {@code i}) and Java's {@link BitSet}. */
public final class CpuMaps {
    private CpuMaps() {
    }

    /**
     * {@return the bytes a map of {@code cpus} CPUs takes} (libvirt's {@code VIR_CPU_MAPLEN})
     *
     * @param cpus the number of CPUs
     */
    public static int maplen(int cpus) {
        return (cpus + 7) / 8;
    }

    /**
     * {@return libvirt's bytes for a set, as long as its highest set CPU needs} (Go sizes the map
     * by its {@code []bool} likewise; an empty set gives no bytes, which libvirt refuses)
     *
     * @param set the CPUs
     */
    public static byte[] toBytes(BitSet set) {
        byte[] out = new byte[maplen(set.length())];
        for (int i = set.nextSetBit(0); i >= 0; i = set.nextSetBit(i + 1)) {
            out[i / 8] |= (byte) (1 << (i % 8));
        }
        return out;
    }

    /**
     * {@return the set of CPUs of one map inside {@code bytes}}
     *
     * @param bytes the maps
     * @param offset where this map starts
     * @param maplen its length in bytes
     * @param cpus how many CPUs to read (bits past the last CPU are ignored, as Go does)
     */
    public static BitSet toBitSet(byte[] bytes, int offset, int maplen, int cpus) {
        BitSet set = new BitSet(cpus);
        int n = Math.min(cpus, 8 * maplen);
        for (int i = 0; i < n; i++) {
            if ((bytes[offset + i / 8] & (1 << (i % 8))) != 0) {
                set.set(i);
            }
        }
        return set;
    }

    /**
     * {@return the set a libvirt CPU list such as {@code "0-3,5"} names} ({@code ^N} removes
     * CPU {@code N}, as libvirt's bitmap syntax allows)
     *
     * @param list the list; blanks around the parts are ignored
     * @throws IllegalArgumentException when a part is not a number or a range
     */
    public static BitSet parse(String list) {
        BitSet set = new BitSet();
        for (String part : list.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            try {
                if (p.startsWith("^")) {
                    set.clear(Integer.parseInt(p.substring(1).strip()));
                } else if (p.contains("-")) {
                    int dash = p.indexOf('-');
                    int from = Integer.parseInt(p.substring(0, dash).strip());
                    int to = Integer.parseInt(p.substring(dash + 1).strip());
                    if (from < 0 || to < from) {
                        throw new IllegalArgumentException("bad CPU range '" + p + "' in '" + list + "'");
                    }
                    set.set(from, to + 1);
                } else {
                    set.set(Integer.parseInt(p));
                }
            } catch (NumberFormatException | IndexOutOfBoundsException e) {
                throw new IllegalArgumentException("bad CPU list '" + list + "'", e);
            }
        }
        return set;
    }
}

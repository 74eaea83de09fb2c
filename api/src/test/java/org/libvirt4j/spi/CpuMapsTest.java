package org.libvirt4j.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.BitSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CpuMapsTest {

    private static BitSet cpus(int... cpus) {
        BitSet s = new BitSet();
        for (int c : cpus) {
            s.set(c);
        }
        return s;
    }

    @Test
    @DisplayName("CPU i is bit i % 8 of byte i / 8, and the map is as long as its highest CPU needs")
    void bytes() {
        assertThat(CpuMaps.toBytes(cpus(0, 3, 9))).containsExactly(0b0000_1001, 0b0000_0010);
        assertThat(CpuMaps.toBytes(cpus(7))).containsExactly((byte) 0x80);
        assertThat(CpuMaps.toBytes(new BitSet())).isEmpty();
        assertThat(CpuMaps.maplen(8)).isEqualTo(1);
        assertThat(CpuMaps.maplen(9)).isEqualTo(2);
    }

    @Test
    @DisplayName("A map read back from an offset of several maps holds only its CPUs, up to the CPU count")
    void bitSets() {
        byte[] maps = {(byte) 0xff, 0x05, (byte) 0x80};
        assertThat(CpuMaps.toBitSet(maps, 1, 1, 8)).isEqualTo(cpus(0, 2));
        assertThat(CpuMaps.toBitSet(maps, 0, 1, 4)).isEqualTo(cpus(0, 1, 2, 3));
        assertThat(CpuMaps.toBitSet(CpuMaps.toBytes(cpus(1, 17)), 0, 3, 24)).isEqualTo(cpus(1, 17));
    }

    @Test
    @DisplayName("libvirt's CPU lists parse with ranges, single CPUs and exclusions; garbage is refused")
    void parse() {
        assertThat(CpuMaps.parse("0-3,5")).isEqualTo(cpus(0, 1, 2, 3, 5));
        assertThat(CpuMaps.parse("0-7,^4")).isEqualTo(cpus(0, 1, 2, 3, 5, 6, 7));
        assertThat(CpuMaps.parse("")).isEqualTo(new BitSet());
        assertThatThrownBy(() -> CpuMaps.parse("a-b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CpuMaps.parse("3-1")).isInstanceOf(IllegalArgumentException.class);
    }
}

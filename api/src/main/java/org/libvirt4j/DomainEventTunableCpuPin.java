package org.libvirt4j;

import java.util.BitSet;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The CPU pinning a tunable event reports (Go's {@code DomainEventTunableCpuPin}): which host CPUs
 * each vCPU, the emulator threads and each IOThread may run on, for the pins that changed.
 * libvirt sends each pin as a CPU list string ({@code cputune.vcpupin%u},
 * {@code cputune.emulatorpin}, {@code cputune.iothreadpin%u}); the raw strings stay in
 * {@link DomainEventTunable#params()}.
 *
 * @param vcpuPin vCPU number to its host CPUs, empty when no vCPU pin changed (Go's {@code VcpuPinSet} false)
 * @param emulatorPin the emulator threads' host CPUs, empty when they did not change
 * @param ioThreadsPin IOThread id to its host CPUs, empty when no IOThread pin changed
 */
public record DomainEventTunableCpuPin(Map<Integer, BitSet> vcpuPin, Optional<BitSet> emulatorPin,
        Map<Integer, BitSet> ioThreadsPin) {
    /**
     * Keeps sorted, unmodifiable copies (each CPU set cloned), so the record stays immutable.
     *
     * @param vcpuPin vCPU number to its host CPUs
     * @param emulatorPin the emulator threads' host CPUs
     * @param ioThreadsPin IOThread id to its host CPUs
     */
    public DomainEventTunableCpuPin {
        vcpuPin = copy(vcpuPin);
        emulatorPin = emulatorPin.map(b -> (BitSet) b.clone());
        ioThreadsPin = copy(ioThreadsPin);
    }

    private static Map<Integer, BitSet> copy(Map<Integer, BitSet> m) {
        TreeMap<Integer, BitSet> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, (BitSet) v.clone()));
        return Collections.unmodifiableMap(out);
    }

    /** {@return the emulator threads' host CPUs (a copy), or empty} */
    @Override
    public Optional<BitSet> emulatorPin() {
        return emulatorPin.map(b -> (BitSet) b.clone());
    }
}

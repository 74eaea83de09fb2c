package org.libvirt4j.spi;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.libvirt4j.DomainBlockIoTuneParameters;
import org.libvirt4j.DomainEventTunableCpuPin;
import org.libvirt4j.DomainJobStats;
import org.libvirt4j.DomainJobType;
import org.libvirt4j.DomainSchedulerParameters;
import org.libvirt4j.TypedParameterFields;
import org.libvirt4j.spi.generated.TypedFamilies;

/**
 * The typed views of the two events whose fields are typed parameters, as Go's binding reads
 * them: a tunable event's scheduler, pinning and block I/O tuning parts, and a completed job's
 * statistics. The generated {@code EventKind} calls these for every backend alike. Each part
 * reuses the record of the call that sets the same tunables: libvirt names a tunable event's
 * fields as that call's fields under a prefix ({@code cputune.}, {@code blkdeviotune.}).
 */
public final class EventViews {
    private static final String CPUTUNE = "cputune.";
    private static final String BLKDEV = "blkdeviotune.";
    private static final String VCPUPIN = TypedParameterFields.DOMAIN_TUNABLE_CPU_VCPUPIN.replace("%u", "");
    private static final String IOTHREADPIN = TypedParameterFields.DOMAIN_TUNABLE_CPU_IOTHREADSPIN.replace("%u", "");

    private EventViews() {
    }

    /**
     * @param params a tunable event's parameters
     * @return its scheduler tunables ({@code cputune.cpu_shares}, the periods and quotas), or
     *         empty when it carries none
     */
    public static Optional<DomainSchedulerParameters> cpuSched(List<TypedParameter> params) {
        List<TypedParameter> sub = new ArrayList<>();
        for (TypedParameter p : params) {
            String f = p.field();
            if (f.startsWith(CPUTUNE) && !isPin(f)) {
                sub.add(new TypedParameter(f.substring(CPUTUNE.length()), p.type(), p.value()));
            }
        }
        return sub.isEmpty() ? Optional.empty() : Optional.of(TypedParameters.unpackScheduler(null, sub));
    }

    /**
     * @param params a tunable event's parameters
     * @return the CPU pins it reports, or empty when it carries none; a pin whose CPU list does
     *         not parse is left out (it stays readable in the raw parameters)
     */
    public static Optional<DomainEventTunableCpuPin> cpuPin(List<TypedParameter> params) {
        Map<Integer, BitSet> vcpus = new TreeMap<>();
        Map<Integer, BitSet> iothreads = new TreeMap<>();
        Optional<BitSet> emulator = Optional.empty();
        boolean any = false;
        for (TypedParameter p : params) {
            String f = p.field();
            if (!isPin(f) || !(p.value() instanceof String list)) {
                continue;
            }
            Optional<BitSet> cpus = cpuList(list);
            if (cpus.isEmpty()) {
                continue;
            }
            any = true;
            if (f.equals(TypedParameterFields.DOMAIN_TUNABLE_CPU_EMULATORPIN)) {
                emulator = cpus;
            } else {
                Optional<Integer> index = number(f.substring(f.startsWith(VCPUPIN) ? VCPUPIN.length() : IOTHREADPIN.length()));
                if (index.isPresent()) {
                    (f.startsWith(VCPUPIN) ? vcpus : iothreads).put(index.get(), cpus.get());
                }
            }
        }
        return any ? Optional.of(new DomainEventTunableCpuPin(vcpus, emulator, iothreads)) : Optional.empty();
    }

    /**
     * @param params a tunable event's parameters
     * @return the disk ({@code blkdeviotune.disk}) whose I/O tuning changed, or empty
     */
    public static Optional<String> blkdevDisk(List<TypedParameter> params) {
        for (TypedParameter p : params) {
            if (p.field().equals(TypedParameterFields.DOMAIN_TUNABLE_BLKDEV_DISK) && p.value() instanceof String s) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * @param params a tunable event's parameters
     * @return the block I/O tuning it reports ({@code blkdeviotune.*} but the disk), or empty
     */
    public static Optional<DomainBlockIoTuneParameters> blkdevTune(List<TypedParameter> params) {
        List<TypedParameter> sub = new ArrayList<>();
        for (TypedParameter p : params) {
            String f = p.field();
            if (f.startsWith(BLKDEV) && !f.equals(TypedParameterFields.DOMAIN_TUNABLE_BLKDEV_DISK)) {
                sub.add(new TypedParameter(f.substring(BLKDEV.length()), p.type(), p.value()));
            }
        }
        return sub.isEmpty() ? Optional.empty() : Optional.of(TypedFamilies.unpackDomainBlockIoTuneParameters(sub));
    }

    /**
     * @param params a job-completed event's parameters
     * @return the job's statistics, as {@code getJobStats} with {@code COMPLETED} reads them
     *         (Go's {@code Info}); the type is {@code COMPLETED}, which the event implies
     */
    public static DomainJobStats jobCompleted(List<TypedParameter> params) {
        return TypedFamilies.unpackDomainJobStats(DomainJobType.COMPLETED.value(), params);
    }

    private static boolean isPin(String field) {
        return field.equals(TypedParameterFields.DOMAIN_TUNABLE_CPU_EMULATORPIN) || field.startsWith(VCPUPIN)
                || field.startsWith(IOTHREADPIN);
    }

    private static Optional<Integer> number(String s) {
        try {
            return Optional.of(Integer.parseInt(s));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** libvirt's CPU list format ({@code virBitmapFormat}): {@code 0-3,5,7-8}. */
    static Optional<BitSet> cpuList(String list) {
        BitSet out = new BitSet();
        if (list.isEmpty()) {
            return Optional.of(out);
        }
        for (String part : list.split(",", -1)) {
            int dash = part.indexOf('-');
            Optional<Integer> from = number(dash < 0 ? part : part.substring(0, dash));
            Optional<Integer> to = dash < 0 ? from : number(part.substring(dash + 1));
            if (from.isEmpty() || to.isEmpty() || from.get() < 0 || to.get() < from.get() || to.get() >= 1 << 16) {
                return Optional.empty();
            }
            out.set(from.get(), to.get() + 1);
        }
        return Optional.of(out);
    }
}

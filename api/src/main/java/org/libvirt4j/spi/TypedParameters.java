package org.libvirt4j.spi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.libvirt4j.DomainMemoryParameters;
import org.libvirt4j.DomainSchedulerParameters;
import org.libvirt4j.TypedParameterFields;

/**
 * Packs the API's typed-parameter records into {@link TypedParameter} lists and back, once
 * for every backend: a backend only moves lists across its boundary.
 */
public final class TypedParameters {
    private TypedParameters() {
    }

    /**
     * @param p the memory tunables
     * @return one ULLONG parameter per set component, in libvirt's field order
     */
    public static List<TypedParameter> pack(DomainMemoryParameters p) {
        List<TypedParameter> out = new ArrayList<>();
        p.hardLimit().ifPresent(v -> out.add(TypedParameter.ofULLong(TypedParameterFields.DOMAIN_MEMORY_HARD_LIMIT, v)));
        p.softLimit().ifPresent(v -> out.add(TypedParameter.ofULLong(TypedParameterFields.DOMAIN_MEMORY_SOFT_LIMIT, v)));
        p.minGuarantee().ifPresent(v -> out.add(TypedParameter.ofULLong(TypedParameterFields.DOMAIN_MEMORY_MIN_GUARANTEE, v)));
        p.swapHardLimit().ifPresent(v -> out.add(TypedParameter.ofULLong(TypedParameterFields.DOMAIN_MEMORY_SWAP_HARD_LIMIT, v)));
        return out;
    }

    /**
     * @param params what libvirt returned
     * @return the record; fields libvirt did not return stay unset, unknown fields are ignored
     */
    public static DomainMemoryParameters unpackMemory(List<TypedParameter> params) {
        Map<String, TypedParameter> byField = index(params);
        return new DomainMemoryParameters(
                longOf(byField, TypedParameterFields.DOMAIN_MEMORY_HARD_LIMIT),
                longOf(byField, TypedParameterFields.DOMAIN_MEMORY_SOFT_LIMIT),
                longOf(byField, TypedParameterFields.DOMAIN_MEMORY_MIN_GUARANTEE),
                longOf(byField, TypedParameterFields.DOMAIN_MEMORY_SWAP_HARD_LIMIT));
    }

    /**
     * @param p the scheduler tunables ({@code type} is not a parameter and is not packed)
     * @return one parameter per set component, with the C type libvirt expects for its field
     */
    public static List<TypedParameter> pack(DomainSchedulerParameters p) {
        List<TypedParameter> out = new ArrayList<>();
        p.cpuShares().ifPresent(v -> out.add(TypedParameter.ofULLong(TypedParameterFields.DOMAIN_SCHEDULER_CPU_SHARES, v)));
        p.globalPeriod().ifPresent(v -> out.add(TypedParameter.ofULLong(TypedParameterFields.DOMAIN_SCHEDULER_GLOBAL_PERIOD, v)));
        p.globalQuota().ifPresent(v -> out.add(TypedParameter.ofLLong(TypedParameterFields.DOMAIN_SCHEDULER_GLOBAL_QUOTA, v)));
        p.vcpuPeriod().ifPresent(v -> out.add(TypedParameter.ofULLong(TypedParameterFields.DOMAIN_SCHEDULER_VCPU_PERIOD, v)));
        p.vcpuQuota().ifPresent(v -> out.add(TypedParameter.ofLLong(TypedParameterFields.DOMAIN_SCHEDULER_VCPU_QUOTA, v)));
        p.emulatorPeriod().ifPresent(v -> out.add(TypedParameter.ofULLong(TypedParameterFields.DOMAIN_SCHEDULER_EMULATOR_PERIOD, v)));
        p.emulatorQuota().ifPresent(v -> out.add(TypedParameter.ofLLong(TypedParameterFields.DOMAIN_SCHEDULER_EMULATOR_QUOTA, v)));
        p.iothreadPeriod().ifPresent(v -> out.add(TypedParameter.ofULLong(TypedParameterFields.DOMAIN_SCHEDULER_IOTHREAD_PERIOD, v)));
        p.iothreadQuota().ifPresent(v -> out.add(TypedParameter.ofLLong(TypedParameterFields.DOMAIN_SCHEDULER_IOTHREAD_QUOTA, v)));
        p.weight().ifPresent(v -> out.add(TypedParameter.ofUInt(TypedParameterFields.DOMAIN_SCHEDULER_WEIGHT, v)));
        p.cap().ifPresent(v -> out.add(TypedParameter.ofUInt(TypedParameterFields.DOMAIN_SCHEDULER_CAP, v)));
        p.reservation().ifPresent(v -> out.add(TypedParameter.ofLLong(TypedParameterFields.DOMAIN_SCHEDULER_RESERVATION, v)));
        p.limit().ifPresent(v -> out.add(TypedParameter.ofLLong(TypedParameterFields.DOMAIN_SCHEDULER_LIMIT, v)));
        p.shares().ifPresent(v -> out.add(TypedParameter.ofInt(TypedParameterFields.DOMAIN_SCHEDULER_SHARES, v)));
        return out;
    }

    /**
     * @param type the scheduler type from {@code virDomainGetSchedulerType}
     * @param params what libvirt returned
     * @return the record; fields libvirt did not return stay unset
     */
    public static DomainSchedulerParameters unpackScheduler(String type, List<TypedParameter> params) {
        Map<String, TypedParameter> f = index(params);
        return new DomainSchedulerParameters(Optional.ofNullable(type),
                longOf(f, TypedParameterFields.DOMAIN_SCHEDULER_CPU_SHARES),
                longOf(f, TypedParameterFields.DOMAIN_SCHEDULER_GLOBAL_PERIOD),
                longOf(f, TypedParameterFields.DOMAIN_SCHEDULER_GLOBAL_QUOTA),
                longOf(f, TypedParameterFields.DOMAIN_SCHEDULER_VCPU_PERIOD),
                longOf(f, TypedParameterFields.DOMAIN_SCHEDULER_VCPU_QUOTA),
                longOf(f, TypedParameterFields.DOMAIN_SCHEDULER_EMULATOR_PERIOD),
                longOf(f, TypedParameterFields.DOMAIN_SCHEDULER_EMULATOR_QUOTA),
                longOf(f, TypedParameterFields.DOMAIN_SCHEDULER_IOTHREAD_PERIOD),
                longOf(f, TypedParameterFields.DOMAIN_SCHEDULER_IOTHREAD_QUOTA),
                intOf(f, TypedParameterFields.DOMAIN_SCHEDULER_WEIGHT),
                intOf(f, TypedParameterFields.DOMAIN_SCHEDULER_CAP),
                longOf(f, TypedParameterFields.DOMAIN_SCHEDULER_RESERVATION),
                longOf(f, TypedParameterFields.DOMAIN_SCHEDULER_LIMIT),
                intOf(f, TypedParameterFields.DOMAIN_SCHEDULER_SHARES));
    }

    private static Map<String, TypedParameter> index(List<TypedParameter> params) {
        Map<String, TypedParameter> byField = new HashMap<>();
        for (TypedParameter p : params) {
            byField.putIfAbsent(p.field(), p);
        }
        return byField;
    }

    private static OptionalLong longOf(Map<String, TypedParameter> byField, String field) {
        TypedParameter p = byField.get(field);
        return p == null ? OptionalLong.empty() : OptionalLong.of(p.asLong());
    }

    private static OptionalInt intOf(Map<String, TypedParameter> byField, String field) {
        TypedParameter p = byField.get(field);
        return p == null ? OptionalInt.empty() : OptionalInt.of((int) p.asLong());
    }
}

package org.libvirt4j;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Scheduler tunables of a domain as typed parameters (Go's {@code DomainSchedulerParameters}).
 * An empty component is a parameter that is not set, distinct from 0; on {@code set}, only the
 * set ones are sent. Unsigned C values ({@code cpu_shares}, periods, {@code weight}, {@code cap})
 * are carried in Java's signed types bit for bit.
 *
 * @param type the scheduler type from {@code virDomainGetSchedulerType}; ignored on set
 * @param cpuShares {@code cpu_shares} (ullong)
 * @param globalPeriod {@code global_period} (ullong)
 * @param globalQuota {@code global_quota} (llong)
 * @param vcpuPeriod {@code vcpu_period} (ullong)
 * @param vcpuQuota {@code vcpu_quota} (llong)
 * @param emulatorPeriod {@code emulator_period} (ullong)
 * @param emulatorQuota {@code emulator_quota} (llong)
 * @param iothreadPeriod {@code iothread_period} (ullong)
 * @param iothreadQuota {@code iothread_quota} (llong)
 * @param weight {@code weight} (uint)
 * @param cap {@code cap} (uint)
 * @param reservation {@code reservation} (llong)
 * @param limit {@code limit} (llong)
 * @param shares {@code shares} (int)
 */
public record DomainSchedulerParameters(Optional<String> type, OptionalLong cpuShares,
        OptionalLong globalPeriod, OptionalLong globalQuota, OptionalLong vcpuPeriod,
        OptionalLong vcpuQuota, OptionalLong emulatorPeriod, OptionalLong emulatorQuota,
        OptionalLong iothreadPeriod, OptionalLong iothreadQuota, OptionalInt weight,
        OptionalInt cap, OptionalLong reservation, OptionalLong limit, OptionalInt shares) {

    /**
     * Rejects {@code null} components: "not set" is an empty optional.
     *
     * @param type the scheduler type; ignored on set
     * @param cpuShares {@code cpu_shares}
     * @param globalPeriod {@code global_period}
     * @param globalQuota {@code global_quota}
     * @param vcpuPeriod {@code vcpu_period}
     * @param vcpuQuota {@code vcpu_quota}
     * @param emulatorPeriod {@code emulator_period}
     * @param emulatorQuota {@code emulator_quota}
     * @param iothreadPeriod {@code iothread_period}
     * @param iothreadQuota {@code iothread_quota}
     * @param weight {@code weight}
     * @param cap {@code cap}
     * @param reservation {@code reservation}
     * @param limit {@code limit}
     * @param shares {@code shares}
     */
    public DomainSchedulerParameters {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(cpuShares, "cpuShares");
        Objects.requireNonNull(globalPeriod, "globalPeriod");
        Objects.requireNonNull(globalQuota, "globalQuota");
        Objects.requireNonNull(vcpuPeriod, "vcpuPeriod");
        Objects.requireNonNull(vcpuQuota, "vcpuQuota");
        Objects.requireNonNull(emulatorPeriod, "emulatorPeriod");
        Objects.requireNonNull(emulatorQuota, "emulatorQuota");
        Objects.requireNonNull(iothreadPeriod, "iothreadPeriod");
        Objects.requireNonNull(iothreadQuota, "iothreadQuota");
        Objects.requireNonNull(weight, "weight");
        Objects.requireNonNull(cap, "cap");
        Objects.requireNonNull(reservation, "reservation");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(shares, "shares");
    }

    /** @return a builder with nothing set */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link DomainSchedulerParameters} one set field at a time. */
    public static final class Builder {
        private Optional<String> type = Optional.empty();
        private OptionalLong cpuShares = OptionalLong.empty();
        private OptionalLong globalPeriod = OptionalLong.empty();
        private OptionalLong globalQuota = OptionalLong.empty();
        private OptionalLong vcpuPeriod = OptionalLong.empty();
        private OptionalLong vcpuQuota = OptionalLong.empty();
        private OptionalLong emulatorPeriod = OptionalLong.empty();
        private OptionalLong emulatorQuota = OptionalLong.empty();
        private OptionalLong iothreadPeriod = OptionalLong.empty();
        private OptionalLong iothreadQuota = OptionalLong.empty();
        private OptionalInt weight = OptionalInt.empty();
        private OptionalInt cap = OptionalInt.empty();
        private OptionalLong reservation = OptionalLong.empty();
        private OptionalLong limit = OptionalLong.empty();
        private OptionalInt shares = OptionalInt.empty();

        private Builder() {
        }

        /**
         * @param v the scheduler type
         * @return this
         */
        public Builder type(String v) {
            type = Optional.of(v);
            return this;
        }

        /**
         * @param v {@code cpu_shares}
         * @return this
         */
        public Builder cpuShares(long v) {
            cpuShares = OptionalLong.of(v);
            return this;
        }

        /**
         * @param v {@code global_period}
         * @return this
         */
        public Builder globalPeriod(long v) {
            globalPeriod = OptionalLong.of(v);
            return this;
        }

        /**
         * @param v {@code global_quota}
         * @return this
         */
        public Builder globalQuota(long v) {
            globalQuota = OptionalLong.of(v);
            return this;
        }

        /**
         * @param v {@code vcpu_period}
         * @return this
         */
        public Builder vcpuPeriod(long v) {
            vcpuPeriod = OptionalLong.of(v);
            return this;
        }

        /**
         * @param v {@code vcpu_quota}
         * @return this
         */
        public Builder vcpuQuota(long v) {
            vcpuQuota = OptionalLong.of(v);
            return this;
        }

        /**
         * @param v {@code emulator_period}
         * @return this
         */
        public Builder emulatorPeriod(long v) {
            emulatorPeriod = OptionalLong.of(v);
            return this;
        }

        /**
         * @param v {@code emulator_quota}
         * @return this
         */
        public Builder emulatorQuota(long v) {
            emulatorQuota = OptionalLong.of(v);
            return this;
        }

        /**
         * @param v {@code iothread_period}
         * @return this
         */
        public Builder iothreadPeriod(long v) {
            iothreadPeriod = OptionalLong.of(v);
            return this;
        }

        /**
         * @param v {@code iothread_quota}
         * @return this
         */
        public Builder iothreadQuota(long v) {
            iothreadQuota = OptionalLong.of(v);
            return this;
        }

        /**
         * @param v {@code weight}
         * @return this
         */
        public Builder weight(int v) {
            weight = OptionalInt.of(v);
            return this;
        }

        /**
         * @param v {@code cap}
         * @return this
         */
        public Builder cap(int v) {
            cap = OptionalInt.of(v);
            return this;
        }

        /**
         * @param v {@code reservation}
         * @return this
         */
        public Builder reservation(long v) {
            reservation = OptionalLong.of(v);
            return this;
        }

        /**
         * @param v {@code limit}
         * @return this
         */
        public Builder limit(long v) {
            limit = OptionalLong.of(v);
            return this;
        }

        /**
         * @param v {@code shares}
         * @return this
         */
        public Builder shares(int v) {
            shares = OptionalInt.of(v);
            return this;
        }

        /** @return the parameters */
        public DomainSchedulerParameters build() {
            return new DomainSchedulerParameters(type, cpuShares, globalPeriod, globalQuota,
                    vcpuPeriod, vcpuQuota, emulatorPeriod, emulatorQuota, iothreadPeriod,
                    iothreadQuota, weight, cap, reservation, limit, shares);
        }
    }
}

package org.libvirt4j;

import java.util.OptionalLong;

/**
 * Memory tunables of a domain as typed parameters (Go's {@code DomainMemoryParameters}); all
 * sizes in KiB. An empty component is a parameter that is not set, distinct from 0; on
 * {@code set}, only the set ones are sent.
 *
 * @param hardLimit {@code hard_limit}
 * @param softLimit {@code soft_limit}
 * @param minGuarantee {@code min_guarantee}
 * @param swapHardLimit {@code swap_hard_limit}
 */
public record DomainMemoryParameters(OptionalLong hardLimit, OptionalLong softLimit,
        OptionalLong minGuarantee, OptionalLong swapHardLimit) {

    /** libvirt's "no limit" value ({@code VIR_DOMAIN_MEMORY_PARAM_UNLIMITED}). */
    public static final long UNLIMITED = 9007199254740991L;

    /**
     * Rejects {@code null} components: "not set" is {@link OptionalLong#empty()}.
     *
     * @param hardLimit {@code hard_limit}
     * @param softLimit {@code soft_limit}
     * @param minGuarantee {@code min_guarantee}
     * @param swapHardLimit {@code swap_hard_limit}
     */
    public DomainMemoryParameters {
        java.util.Objects.requireNonNull(hardLimit, "hardLimit");
        java.util.Objects.requireNonNull(softLimit, "softLimit");
        java.util.Objects.requireNonNull(minGuarantee, "minGuarantee");
        java.util.Objects.requireNonNull(swapHardLimit, "swapHardLimit");
    }

    /** @return a builder with nothing set */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link DomainMemoryParameters} one set field at a time. */
    public static final class Builder {
        private OptionalLong hardLimit = OptionalLong.empty();
        private OptionalLong softLimit = OptionalLong.empty();
        private OptionalLong minGuarantee = OptionalLong.empty();
        private OptionalLong swapHardLimit = OptionalLong.empty();

        private Builder() {
        }

        /**
         * @param kib the hard limit in KiB
         * @return this
         */
        public Builder hardLimit(long kib) {
            hardLimit = OptionalLong.of(kib);
            return this;
        }

        /**
         * @param kib the soft limit in KiB
         * @return this
         */
        public Builder softLimit(long kib) {
            softLimit = OptionalLong.of(kib);
            return this;
        }

        /**
         * @param kib the minimum guarantee in KiB
         * @return this
         */
        public Builder minGuarantee(long kib) {
            minGuarantee = OptionalLong.of(kib);
            return this;
        }

        /**
         * @param kib the swap hard limit in KiB
         * @return this
         */
        public Builder swapHardLimit(long kib) {
            swapHardLimit = OptionalLong.of(kib);
            return this;
        }

        /** @return the parameters */
        public DomainMemoryParameters build() {
            return new DomainMemoryParameters(hardLimit, softLimit, minGuarantee, swapHardLimit);
        }
    }
}

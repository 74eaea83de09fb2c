package org.libvirt4j.spi;

import java.util.List;

/**
 * What a typed-parameter call returned.
 *
 * @param value the function's int out-parameter (the job type of {@code virDomainGetJobStats}), else 0
 * @param params the parameters libvirt returned, in its order
 */
public record TypedReply(int value, List<TypedParameter> params) {
    /**
     * Copies the list.
     *
     * @param value the int out-parameter, or 0
     * @param params the parameters
     */
    public TypedReply {
        params = List.copyOf(params);
    }
}

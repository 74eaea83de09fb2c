package org.libvirt4j;

/**
 * Tells {@link Stream#sparseSendAll(StreamSourceFunc, StreamSourceHoleFunc, StreamSourceSkipFunc)}
 * what comes next at the source's current position (Go's {@code StreamSourceHoleFunc}): data or a
 * hole, and how long that section is.
 */
@FunctionalInterface
public interface StreamSourceHoleFunc {
    /**
     * Describes the section at the current position.
     *
     * @param stream the stream being sent on
     * @return whether it is data, and its length in bytes (0 at the end of the source)
     */
    Section apply(Stream stream);

    /**
     * One section of a sparse source (Go's {@code inData} and {@code sectionLen} results).
     *
     * @param inData {@code true} for data, {@code false} for a hole
     * @param sectionLen how many bytes the section holds from the current position
     */
    record Section(boolean inData, long sectionLen) {
    }
}

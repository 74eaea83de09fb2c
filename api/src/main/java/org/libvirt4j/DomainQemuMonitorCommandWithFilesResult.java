package org.libvirt4j;

import java.util.Objects;

/**
 * What {@link DomainQemuMethods#qemuMonitorCommandWithFiles} returns: Go's two results
 * {@code (string, []*os.File)}.
 *
 * @param result the monitor's reply (JSON for QMP, text for HMP)
 * @param files the file descriptors the command returned, owned by the caller (usually none)
 */
public record DomainQemuMonitorCommandWithFilesResult(String result, FileDescriptors files) {
    /**
     * @param result the monitor's reply
     * @param files the returned descriptors
     */
    public DomainQemuMonitorCommandWithFilesResult {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(files, "files");
    }
}

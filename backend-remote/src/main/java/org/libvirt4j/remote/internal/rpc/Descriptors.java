package org.libvirt4j.remote.internal.rpc;

import io.netty.channel.unix.FileDescriptor;
import java.io.IOException;
import org.libvirt4j.FileDescriptors;

/**
 * Ownership of the descriptors a daemon hands over: each is closed exactly once, by the
 * {@link FileDescriptors} holder the caller gets or, on every path where no caller gets them (a
 * failed or abandoned call, a set cut short), here.
 */
public final class Descriptors {
    private Descriptors() {
    }

    /**
     * @param fds descriptors this process now owns
     * @return a holder that closes them
     */
    public static FileDescriptors holder(int[] fds) {
        return FileDescriptors.of(fds, Descriptors::close);
    }

    /** @param fd a descriptor this process owns; closed, an error ignored (nothing could be done) */
    static void close(int fd) {
        try {
            new FileDescriptor(fd).close();
        } catch (IOException e) {
            // already closed or never valid: the descriptor is gone either way
        }
    }

    /** @param fds descriptors this process owns, each closed */
    static void closeAll(int[] fds) {
        for (int fd : fds) {
            close(fd);
        }
    }
}

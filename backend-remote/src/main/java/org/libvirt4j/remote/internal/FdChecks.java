package org.libvirt4j.remote.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.FileDescriptors;
import org.libvirt4j.LibvirtException;

/**
 * What libvirt's C client checks about descriptors around a call, which the remote backend
 * repeats because no libvirt.so runs here.
 */
final class FdChecks {
    private FdChecks() {
    }

    /**
     * {@code virDomainOpenGraphics} requires a socket before any driver sees the call ({@code fstat},
     * {@code S_ISSOCK}); Java reads the kind from the descriptor's {@code /proc/self/fd} link.
     *
     * @param fd the caller's descriptor, not negative
     * @throws LibvirtException {@code ERR_SYSTEM_ERROR} when it is not open, {@code ERR_INVALID_ARG}
     *         when it is no socket, both as libvirt words them
     */
    static void requireSocket(int fd) {
        String target;
        try {
            target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
        } catch (IOException | UnsupportedOperationException e) {
            throw LibvirtException.of(ErrorNumber.ERR_SYSTEM_ERROR, ErrorDomain.DOMAIN,
                    "Unable to access file descriptor " + fd + ": Bad file descriptor");
        }
        if (!target.startsWith("socket:[")) {
            throw LibvirtException.of(ErrorNumber.ERR_INVALID_ARG, ErrorDomain.DOMAIN, "fd " + fd + " must be a socket");
        }
    }

    /**
     * libvirt's remote driver hands {@code virDomainOpenGraphicsFD} exactly one descriptor back;
     * any other count is closed and refused with its words.
     *
     * @param fds what the reply carried
     * @return {@code fds}, holding one descriptor
     */
    static FileDescriptors exactlyOne(FileDescriptors fds) {
        if (fds.size() == 1) {
            return fds;
        }
        fds.close();
        throw LibvirtException.of(ErrorNumber.ERR_INTERNAL_ERROR, ErrorDomain.REMOTE, fds.size() == 0
                ? "internal error: no file descriptor received" : "internal error: too many file descriptors received");
    }
}

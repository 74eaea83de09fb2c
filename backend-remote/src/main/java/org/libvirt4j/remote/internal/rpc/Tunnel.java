package org.libvirt4j.remote.internal.rpc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicBoolean;
import org.libvirt4j.ConnectCloseReason;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;

/**
 * Carries a connection's RPC over a pair of byte streams, a child's or an SSH channel's stdin and
 * stdout, as libvirt's {@code virNetSocketNewConnectCommand} carries it over a socketpair.
 *
 * <p>The {@link RpcConnection} gets an ordinary connected unix socket, so its pipeline, its direct
 * writes and its bounded outbound queue work unchanged: the socket's far end is accepted here,
 * once, from a listening socket in a fresh directory only this user can enter, and both are
 * removed at once. Two threads copy bytes between that end and the streams; each blocks on one
 * side only, so a peer that stops reading stops this client's writes (no buffering here beyond
 * one chunk per direction). When the far side's output ends the connection fails as libvirt's
 * does: "End of file while reading data: " followed by the far side's first error output.
 */
final class Tunnel {
    /** libvirt reads at most this much of the command's standard error ({@code virFileReadLimFD}). */
    static final int ERROR_OUTPUT_MAX = 1024;
    private static final int CHUNK = 64 * 1024;
    /** How long the end of a closed connection may take to leave before it is stopped by force. */
    private static final long LINGER_MILLIS = 2000;

    /** The far side of a tunnel: the streams to and from the daemon's proxy, and how to end it. */
    interface Ends {
        /** @return what the far side writes: the daemon's bytes */
        InputStream fromPeer();

        /** @return what the far side reads: this client's bytes */
        OutputStream toPeer();

        /** @return the far side's error output so far (at most {@link #ERROR_OUTPUT_MAX} bytes), {@code ""} for none */
        String errorOutput();

        /**
         * @return whether the far side ended without reading what the client sent (ssh failing
         *         before its session began): libvirt's client then reads a reset, not an end of file
         */
        default boolean leftInputUnread() {
            return false;
        }

        /** Ends the far side (kills the child, closes the channel); idempotent, never throws. */
        void destroy();
    }

    private final Ends ends;
    private final SocketChannel peer;
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile RpcConnection rpc;
    private volatile Thread down;
    /** Whether the client has written anything (the handshake's first call always does). */
    private volatile boolean sentAny;
    private volatile boolean farSideEnded;

    private Tunnel(Ends ends, SocketChannel peer) {
        this.ends = ends;
        this.peer = peer;
    }

    /**
     * Connects a client to {@code ends}.
     *
     * @param ends the far side, already running; destroyed here if this fails
     * @param name names the copying threads ({@code "ssh"}, {@code "libssh"})
     * @param settings the client's settings
     * @return the client, its bytes flowing through {@code ends}
     * @throws LibvirtException {@code ERR_SYSTEM_ERROR} when the local socket pair cannot be made
     */
    static RpcConnection connect(Ends ends, String name, RpcSettings settings) {
        Path dir = null;
        Path path = null;
        RpcConnection rpc = null;
        try {
            dir = Files.createTempDirectory("libvirt4j-" + name + "-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            path = dir.resolve("sock");
            SocketChannel peer;
            try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
                server.bind(UnixDomainSocketAddress.of(path), 1);
                rpc = Transports.unixBytes(path, settings);
                // the connection is queued on the listening socket: accept returns at once
                peer = server.accept();
            }
            Tunnel t = new Tunnel(ends, peer);
            t.start(rpc, name);
            return rpc;
        } catch (IOException | RuntimeException e) {
            if (rpc != null) {
                rpc.close();
            }
            ends.destroy();
            if (e instanceof LibvirtException le) {
                throw le;
            }
            throw Rpc.error(ErrorNumber.ERR_SYSTEM_ERROR, "unable to create socket pair: " + e.getMessage(), e);
        } finally {
            try {
                if (path != null) {
                    Files.deleteIfExists(path);
                }
                if (dir != null) {
                    Files.deleteIfExists(dir);
                }
            } catch (IOException e) {
                // a leftover empty directory in the temp dir; nothing listens there any more
            }
        }
    }

    private void start(RpcConnection client, String name) {
        this.rpc = client;
        down = new Thread(this::copyDown, "libvirt4j-" + name + "-read");
        Thread up = new Thread(this::copyUp, "libvirt4j-" + name + "-write");
        down.setDaemon(true);
        up.setDaemon(true);
        down.start();
        up.start();
    }

    /**
     * The far side's output to the client. Its end fails the connection with libvirt's error once
     * the client has sent something, as the C client sees the end when it reads its first reply
     * (a far side that fails before that, an ssh that cannot log in, is reported by the first call).
     */
    private void copyDown() {
        byte[] buf = new byte[CHUNK];
        try {
            InputStream in = ends.fromPeer();
            for (;;) {
                int n = in.read(buf);
                if (n < 0) {
                    break;
                }
                ByteBuffer b = ByteBuffer.wrap(buf, 0, n);
                while (b.hasRemaining()) {
                    peer.write(b);
                }
            }
        } catch (IOException e) {
            // the far side or the client went away: either way the connection ends here
        }
        farSideEnded = true;
        if (sentAny) {
            finish(true);
        }
    }

    /**
     * The client's bytes to the far side. The client closing its socket closes the far side's
     * input; this thread owns the socket's end and closes it last.
     */
    private void copyUp() {
        ByteBuffer b = ByteBuffer.allocate(CHUNK);
        OutputStream out = ends.toPeer();
        boolean discard = false;
        try {
            for (;;) {
                b.clear();
                int n = peer.read(b);
                if (n < 0) {
                    break;
                }
                sentAny = true;
                if (farSideEnded) {
                    finish(true);
                    discard = true;
                }
                if (discard) {
                    continue; // the client reads the end of file and closes its socket
                }
                try {
                    out.write(b.array(), 0, n);
                    out.flush();
                } catch (IOException e) {
                    // the far side is gone: its output ends too, and copyDown reports that
                    discard = true;
                }
            }
        } catch (IOException e) {
            // the client's socket failed: end below
        }
        try {
            out.close(); // EOF to the far side: nc -q0 or virt-ssh-helper exits, so does ssh
        } catch (IOException e) {
            // already gone
        }
        try {
            down.join(LINGER_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        finish(false);
        try {
            peer.close();
        } catch (IOException e) {
            // nothing more to do
        }
        ends.destroy();
    }

    /**
     * The first call decides: the far side ended first (the client reads what is left, then the
     * end of file with the far side's error output), or the client closed.
     */
    private void finish(boolean farSideFirst) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        if (farSideFirst) {
            String err = trimTrailingSpace(ends.errorOutput());
            LibvirtException eof = ends.leftInputUnread()
                    ? Rpc.error(ErrorNumber.ERR_SYSTEM_ERROR, "Cannot recv data: "
                            + (err.isEmpty() ? "" : err + ": ") + "Connection reset by peer", null)
                    : Rpc.error(ErrorNumber.ERR_SYSTEM_ERROR, "End of file while reading data: "
                            + (err.isEmpty() ? "" : err + ": ") + "Input/output error", null);
            rpc.setEndOfFileError(() -> eof);
            try {
                peer.shutdownOutput();
            } catch (IOException e) {
                rpc.fail(eof, ConnectCloseReason.EOF);
            }
        }
    }

    private static String trimTrailingSpace(String s) {
        int end = s.length();
        while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    /** Keeps the first {@link #ERROR_OUTPUT_MAX} bytes written to it and drops the rest. */
    static final class ErrorOutput extends OutputStream {
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            if (kept.size() < ERROR_OUTPUT_MAX) {
                kept.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            int n = Math.min(len, ERROR_OUTPUT_MAX - kept.size());
            if (n > 0) {
                kept.write(b, off, n);
            }
        }

        /** @return what was kept, as text */
        synchronized String text() {
            return kept.toString(StandardCharsets.UTF_8);
        }

        /**
         * Copies {@code in} into this until it ends, on the calling thread.
         *
         * @param in the error stream to drain so that its writer never blocks
         */
        void drain(InputStream in) {
            byte[] buf = new byte[4096];
            try (in) {
                for (int n; (n = in.read(buf)) >= 0;) {
                    write(buf, 0, n);
                }
            } catch (IOException e) {
                // the writer is gone
            }
        }
    }
}

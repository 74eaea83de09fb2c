package org.libvirt4j.remote.internal.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.unix.DomainSocketAddress;
import io.netty.channel.unix.FileDescriptor;
import io.netty.channel.unix.Socket;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.FileDescriptors;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.remote.generated.RemoteProtocol;
import org.libvirt4j.remote.generated.VirNetMessageStatus;
import org.libvirt4j.remote.generated.VirNetMessageType;

/**
 * Descriptor passing on the wire, against a scripted daemon on a unix socket that sends and
 * receives {@code SCM_RIGHTS} itself (Netty's native socket): the layout libvirt's daemon
 * expects (the count after the header, one byte per descriptor after the message), and hostile
 * replies (too many, fewer than announced, descriptors to a call that takes none), each of which
 * must fail promptly without leaking a descriptor or leaving the connection out of step.
 */
@org.junit.jupiter.api.Tag("fd-passing")
@Timeout(30)
class FdPassingWireTest {
    private static final int PROC = 1234;
    private static final RpcSettings SETTINGS = RpcSettings.defaults().withTimeoutNanos(TimeUnit.SECONDS.toNanos(5));
    private Path dir;
    private Socket server;
    private RpcConnection client;
    private Socket peer;

    /** Loads Netty's native epoll library, which the scripted daemon's socket needs too. */
    @org.junit.jupiter.api.BeforeAll
    static void nativeLibrary() {
        io.netty.channel.epoll.Epoll.ensureAvailability();
    }

    @BeforeEach
    void listen() throws IOException {
        dir = Files.createTempDirectory("libvirt4j-fdpass");
        server = Socket.newSocketDomain();
        server.bind(new DomainSocketAddress(dir.resolve("sock").toString()));
        server.listen(1);
    }

    @AfterEach
    void cleanUp() throws IOException {
        if (client != null) {
            client.close();
        }
        if (peer != null) {
            peer.close();
        }
        server.close();
        Files.deleteIfExists(dir.resolve("sock"));
        Files.deleteIfExists(dir);
    }

    private void connect() throws Exception {
        CompletableFuture<Socket> accepted = CompletableFuture.supplyAsync(() -> {
            try {
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (System.nanoTime() < end) {
                    int fd = server.accept(new byte[64]);
                    if (fd > 0) {
                        return new Socket(fd);
                    }
                    Thread.sleep(1);
                }
                throw new IllegalStateException("no client");
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        client = Transports.unix(dir.resolve("sock"), SETTINGS);
        peer = accepted.get(10, TimeUnit.SECONDS);
        assertThat(client.passesFds()).as("epoll transport").isTrue();
    }

    /** Reads exactly n bytes from the (non-blocking) peer socket. */
    private ByteBuffer readPeer(int n) throws IOException, InterruptedException {
        ByteBuffer b = ByteBuffer.allocateDirect(n);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (b.hasRemaining()) {
            int r = peer.read(b, b.position(), b.limit());
            if (r < 0) {
                throw new IOException("EOF");
            }
            b.position(b.position() + r);
            if (r == 0) {
                assertThat(System.nanoTime()).as("bytes in time").isLessThan(end);
                Thread.sleep(1);
            }
        }
        return b.flip();
    }

    /** Reads one message: its header words, then the rest of the body. */
    private int[] readCallHeader() throws IOException, InterruptedException {
        int len = readPeer(4).getInt();
        ByteBuffer m = readPeer(len - 4);
        int[] h = new int[6];
        for (int i = 0; i < 6; i++) {
            h[i] = m.getInt();
        }
        int[] withRest = java.util.Arrays.copyOf(h, 6 + m.remaining() / 4);
        for (int i = 6; i < withRest.length; i++) {
            withRest[i] = m.getInt();
        }
        return withRest;
    }

    private int recvFd() throws IOException, InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            int fd = peer.recvFd();
            if (fd > 0) {
                return fd;
            }
            assertThat(fd).as("recvFd").isZero();
            assertThat(System.nanoTime()).as("descriptor in time").isLessThan(end);
            Thread.sleep(1);
        }
    }

    /**
     * Sends a descriptor after a message the client may refuse from its header alone: it is
     * free to hang up first, and then the descriptor never leaves this process.
     */
    private void sendFdUnlessHungUp(int fd) throws IOException {
        try {
            peer.sendFd(fd);
        } catch (io.netty.channel.unix.Errors.NativeIoException e) {
            assertThat(e.expectedErr()).as("only a hang-up may stop the descriptor").isIn(
                    io.netty.channel.unix.Errors.ERRNO_EPIPE_NEGATIVE, io.netty.channel.unix.Errors.ERRNO_ECONNRESET_NEGATIVE);
        }
    }

    private void writePeer(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            int n = peer.write(b, b.position(), b.limit());
            b.position(b.position() + n);
        }
    }

    /** A reply of the remote program: header, then {@code words}. */
    private static ByteBuffer reply(int type, int serial, int status, int... words) {
        ByteBuffer b = ByteBuffer.allocateDirect(4 + 24 + 4 * words.length);
        b.putInt(b.capacity()).putInt(RemoteProtocol.REMOTE_PROGRAM).putInt(RemoteProtocol.REMOTE_PROTOCOL_VERSION).putInt(PROC)
                .putInt(type).putInt(serial).putInt(status);
        for (int w : words) {
            b.putInt(w);
        }
        return b.flip();
    }

    /** {@return what /proc/self/fd says the descriptor is, e.g. {@code pipe:[1234]}} */
    private static String target(FileDescriptor fd) throws IOException {
        return Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd.intValue())).toString();
    }

    /** {@return how many of this process's descriptors are {@code target}} */
    private static long opened(String target) throws IOException {
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            return s.filter(p -> {
                try {
                    return Files.readSymbolicLink(p).toString().equals(target);
                } catch (IOException e) {
                    return false; // closed meanwhile, or the listing's own descriptor
                }
            }).count();
        }
    }

    /**
     * Waits until no descriptor of this process is the pipe {@code target} any more (closes on the
     * event loop land a little later), then fails if one still is: a leaked descriptor.
     */
    private static void assertNoneOpen(String target) throws IOException, InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (opened(target) > 0 && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertThat(opened(target)).as("descriptors still open on " + target).isZero();
    }

    private static String readPipe(FileDescriptor in, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocateDirect(n);
        while (b.hasRemaining()) {
            int r = in.read(b, b.position(), b.limit());
            if (r <= 0) {
                break;
            }
            b.position(b.position() + r);
        }
        b.flip();
        return StandardCharsets.US_ASCII.decode(b).toString();
    }

    @Test
    @DisplayName("A call with descriptors is a CALL_WITH_FDS, its count after the header, each descriptor after the message")
    void sendsAsLibvirt() throws Exception {
        connect();
        FileDescriptor[] pipe = FileDescriptor.pipe();
        try {
            CompletableFuture<RpcConnection.FdReply<Void>> call = CompletableFuture.supplyAsync(
                    () -> client.callWithFds(RemoteProtocol.REMOTE_PROGRAM, PROC, w -> w.writeInt(77),
                            new int[] {pipe[1].intValue()}, null));
            int[] h = readCallHeader();
            assertThat(h[3]).as("type").isEqualTo(VirNetMessageType.VIR_NET_CALL_WITH_FDS.value());
            assertThat(h[6]).as("descriptor count").isEqualTo(1);
            assertThat(h[7]).as("the arguments after the count").isEqualTo(77);
            int got = recvFd();
            // the received descriptor is the pipe's write end: what goes in comes out of the read end
            writeTo(got, "sent");
            new FileDescriptor(got).close();
            assertThat(readPipe(pipe[0], 4)).isEqualTo("sent");
            writePeer(reply(VirNetMessageType.VIR_NET_REPLY.value(), h[4], VirNetMessageStatus.VIR_NET_OK.value()));
            RpcConnection.FdReply<Void> r = call.get(10, TimeUnit.SECONDS);
            assertThat(r.fds().size()).isZero();
        } finally {
            pipe[0].close();
            pipe[1].close();
        }
    }

    private static void writeTo(int fd, String s) throws IOException {
        ByteBuffer b = ByteBuffer.allocateDirect(s.length()).put(s.getBytes(StandardCharsets.US_ASCII)).flip();
        new FileDescriptor(fd).write(b, 0, b.limit());
    }

    @Test
    @DisplayName("A REPLY_WITH_FDS hands the caller its descriptors; a reply right behind them is read in step")
    void receives() throws Exception {
        connect();
        FileDescriptor[] pipe = FileDescriptor.pipe();
        String pipeTarget = target(pipe[0]);
        CompletableFuture<RpcConnection.FdReply<Integer>> call = CompletableFuture.supplyAsync(
                () -> client.callWithFds(RemoteProtocol.REMOTE_PROGRAM, PROC, null, new int[0], r -> r.readInt()));
        int[] h = readCallHeader();
        assertThat(h[3]).as("type").isEqualTo(VirNetMessageType.VIR_NET_CALL.value());
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(
                () -> client.call(PROC, null, r -> r.readInt()));
        int[] h2 = readCallHeader();
        // reply, both descriptors and the second reply in one burst: the client must not read past the first
        ByteBuffer burst = reply(VirNetMessageType.VIR_NET_REPLY_WITH_FDS.value(), h[4], VirNetMessageStatus.VIR_NET_OK.value(), 2, 42);
        writePeer(burst);
        peer.sendFd(pipe[0].intValue());
        peer.sendFd(pipe[1].intValue());
        writePeer(reply(VirNetMessageType.VIR_NET_REPLY.value(), h2[4], VirNetMessageStatus.VIR_NET_OK.value(), 43));
        pipe[0].close();
        pipe[1].close();
        RpcConnection.FdReply<Integer> r = call.get(10, TimeUnit.SECONDS);
        assertThat(r.value()).isEqualTo(42);
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(43);
        try (FileDescriptors fds = r.fds()) {
            assertThat(fds.size()).isEqualTo(2);
            int[] n = fds.fds();
            assertThat(Files.readSymbolicLink(Path.of("/proc/self/fd/" + n[0])).toString()).startsWith("pipe:");
            writeTo(n[1], "both");
            assertThat(readPipe(new FileDescriptor(n[0]), 4)).isEqualTo("both");
        }
        assertNoneOpen(pipeTarget);
        assertThat(client.isAlive()).isTrue();
    }

    @Test
    @DisplayName("More descriptors than libvirt's maximum: libvirt's error, the connection closed, nothing leaked")
    void tooMany() throws Exception {
        connect();
        CompletableFuture<RpcConnection.FdReply<Void>> call = CompletableFuture.supplyAsync(
                () -> client.callWithFds(RemoteProtocol.REMOTE_PROGRAM, PROC, null, new int[0], null));
        int[] h = readCallHeader();
        writePeer(reply(VirNetMessageType.VIR_NET_REPLY_WITH_FDS.value(), h[4], VirNetMessageStatus.VIR_NET_OK.value(), 33));
        assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS)).cause().isInstanceOfSatisfying(LibvirtException.class,
                e -> {
                    assertThat(e.code()).isEqualTo(ErrorNumber.ERR_RPC);
                    assertThat(e.domain()).isEqualTo(ErrorDomain.RPC);
                    assertThat(e.getMessage()).isEqualTo("Received too many FDs 33, expected 32 maximum");
                });
        assertThat(client.isAlive()).isFalse();
    }

    @Test
    @DisplayName("Descriptors to a call that takes none: the connection fails at once, the descriptor is not kept")
    void unexpected() throws Exception {
        connect();
        FileDescriptor[] pipe = FileDescriptor.pipe();
        String pipeTarget = target(pipe[0]);
        CompletableFuture<Integer> call = CompletableFuture.supplyAsync(() -> client.call(PROC, null, r -> r.readInt()));
        int[] h = readCallHeader();
        writePeer(reply(VirNetMessageType.VIR_NET_REPLY_WITH_FDS.value(), h[4], VirNetMessageStatus.VIR_NET_OK.value(), 1, 5));
        sendFdUnlessHungUp(pipe[0].intValue());
        pipe[0].close();
        pipe[1].close();
        assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS)).cause().isInstanceOfSatisfying(LibvirtException.class,
                e -> assertThat(e.getMessage()).contains("file descriptors to procedure " + PROC + ", which takes none"));
        assertThat(client.isAlive()).isFalse();
        peer.close();
        peer = null;
        assertNoneOpen(pipeTarget);
    }

    @Test
    @DisplayName("Fewer descriptors than announced, then the daemon hangs up: the call fails, the ones received are closed")
    void cutShort() throws Exception {
        connect();
        FileDescriptor[] pipe = FileDescriptor.pipe();
        String pipeTarget = target(pipe[0]);
        CompletableFuture<RpcConnection.FdReply<Void>> call = CompletableFuture.supplyAsync(
                () -> client.callWithFds(RemoteProtocol.REMOTE_PROGRAM, PROC, null, new int[0], null));
        int[] h = readCallHeader();
        writePeer(reply(VirNetMessageType.VIR_NET_REPLY_WITH_FDS.value(), h[4], VirNetMessageStatus.VIR_NET_OK.value(), 3));
        peer.sendFd(pipe[0].intValue());
        pipe[0].close();
        pipe[1].close();
        Thread.sleep(100);
        peer.close();
        peer = null;
        assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(LibvirtException.class);
        assertThat(client.isAlive()).isFalse();
        assertNoneOpen(pipeTarget);
    }

    @Test
    @DisplayName("Without the epoll transport a unix connection refuses to send descriptors as libvirt's client on TCP")
    void nioRefuses() throws Exception {
        String old = System.setProperty(UnixTransport.EPOLL_PROPERTY, "false");
        try {
            client = Transports.unix(dir.resolve("sock"), SETTINGS);
        } finally {
            if (old == null) {
                System.clearProperty(UnixTransport.EPOLL_PROPERTY);
            } else {
                System.setProperty(UnixTransport.EPOLL_PROPERTY, old);
            }
        }
        assertThat(client.passesFds()).isFalse();
        assertThat(client.transport()).isEqualTo("NioDomainSocketChannel");
        assertThatThrownBy(() -> client.callWithFds(RemoteProtocol.REMOTE_PROGRAM, PROC, null, new int[] {0}, null))
                .isInstanceOfSatisfying(LibvirtException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorNumber.ERR_INTERNAL_ERROR);
                    assertThat(e.domain()).isEqualTo(ErrorDomain.RPC);
                    assertThat(e.getMessage()).isEqualTo(
                            "internal error: Sending file descriptors is not supported on this socket");
                });
        assertThat(client.isAlive()).isFalse();
    }

    /** Connects with {@code group} in the settings, the daemon's end accepted. */
    private void connectOn(io.netty.channel.EventLoopGroup group) throws Exception {
        CompletableFuture<Integer> accepted = CompletableFuture.supplyAsync(() -> {
            try {
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (System.nanoTime() < end) {
                    int fd = server.accept(new byte[64]);
                    if (fd > 0) {
                        return fd;
                    }
                    Thread.sleep(1);
                }
                throw new IllegalStateException("no client");
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        client = Transports.unix(dir.resolve("sock"), SETTINGS.withGroup(group));
        peer = new Socket(accepted.get(10, TimeUnit.SECONDS));
    }

    @Test
    @DisplayName("An application's NIO event loops keep a unix connection on NIO, refusing descriptors as over TCP")
    void applicationNioGroupFallsBack() throws Exception {
        io.netty.channel.EventLoopGroup nio = new io.netty.channel.MultiThreadIoEventLoopGroup(1,
                io.netty.channel.nio.NioIoHandler.newFactory());
        try {
            connectOn(nio);
            assertThat(client.transport()).isEqualTo("NioDomainSocketChannel");
            assertThat(client.passesFds()).isFalse();
            assertThatThrownBy(() -> client.callWithFds(RemoteProtocol.REMOTE_PROGRAM, PROC, null, new int[] {0}, null))
                    .isInstanceOfSatisfying(LibvirtException.class, e -> assertThat(e.getMessage()).isEqualTo(
                            "internal error: Sending file descriptors is not supported on this socket"));
            assertThat(client.isAlive()).isFalse();
        } finally {
            client.close();
            client = null;
            nio.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    @Test
    @DisplayName("An application's epoll event loops serve a unix connection that passes descriptors")
    void applicationEpollGroupIsUsed() throws Exception {
        io.netty.channel.EventLoopGroup epoll = new io.netty.channel.MultiThreadIoEventLoopGroup(1,
                io.netty.channel.epoll.EpollIoHandler.newFactory());
        try {
            connectOn(epoll);
            assertThat(client.transport()).isEqualTo("EpollDomainSocketChannel");
            assertThat(client.passesFds()).isTrue();
            CompletableFuture<RpcConnection.FdReply<Integer>> call = CompletableFuture.supplyAsync(
                    () -> client.callWithFds(RemoteProtocol.REMOTE_PROGRAM, PROC, null, new int[0], r -> r.readInt()));
            int[] h = readCallHeader();
            writePeer(reply(VirNetMessageType.VIR_NET_REPLY.value(), h[4], VirNetMessageStatus.VIR_NET_OK.value(), 7));
            assertThat(call.get(10, TimeUnit.SECONDS).value()).isEqualTo(7);
        } finally {
            client.close();
            client = null;
            epoll.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}

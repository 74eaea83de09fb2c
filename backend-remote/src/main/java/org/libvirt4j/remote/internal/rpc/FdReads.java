package org.libvirt4j.remote.internal.rpc;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.ChannelConfig;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.epoll.EpollDomainSocketChannelConfig;
import io.netty.channel.unix.DomainSocketReadMode;
import io.netty.channel.unix.FileDescriptor;
import io.netty.util.UncheckedBooleanSupplier;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Receives the descriptors of a {@code REPLY_WITH_FDS} on an epoll unix channel without losing
 * them. libvirt's daemon sends each descriptor after the reply's bytes, with one byte of its own
 * ({@code sendmsg} with {@code SCM_RIGHTS}); a plain read that reaches such a byte takes the byte
 * and the kernel closes the descriptor. So while a call that may get descriptors back is in
 * flight, reads stop at every message's end (the length word, then exactly the rest, as libvirt's
 * own client reads); when a reply announces {@code n} descriptors, the channel reads exactly
 * {@code n} of them ({@link DomainSocketReadMode#FILE_DESCRIPTORS}), then goes back to bytes.
 * Ordinary calls keep Netty's bulk reads.
 *
 * <p>Netty's epoll transport is level-triggered, so a read loop this class ends early (at a
 * message's end, or when the read mode changes) is simply resumed by the next readiness.
 * Everything but {@link #expect()}/{@link #done()} runs on the channel's event loop.
 */
final class FdReads extends ChannelInboundHandlerAdapter implements RecvByteBufAllocator {
    /** The most bytes one exact read asks for: a long message is read in several. */
    private static final int EXACT_READ_MAX = 256 * 1024;

    private final EpollDomainSocketChannel channel;
    private final EpollDomainSocketChannelConfig config;
    private final RecvByteBufAllocator bulk = new AdaptiveRecvByteBufAllocator();
    private final long timeoutNanos;
    /** Calls in flight that may get descriptors back: while any is, reads stop at message ends. */
    private final AtomicInteger expecting = new AtomicInteger();

    // frame tracking: where the bytes read so far end within the message stream
    private int lengthBytes;
    private int length;
    private long bodyLeft;

    // the descriptors a reply announced, not all received yet
    private int owed;
    private int[] received = new int[0];
    private Consumer<int[]> whenReceived;
    private ScheduledFuture<?> deadline;
    private Runnable onTimeout;

    FdReads(EpollDomainSocketChannel channel, long timeoutNanos) {
        this.channel = channel;
        this.config = channel.config();
        this.timeoutNanos = timeoutNanos;
    }

    /** A call that may get descriptors back goes out: from now on reads stop at message ends. */
    void expect() {
        expecting.incrementAndGet();
    }

    /** That call is over (answered, failed or abandoned). */
    void done() {
        expecting.decrementAndGet();
    }

    /**
     * A reply just decoded announced {@code n} descriptors: reads take them next, then give them
     * to {@code then}. Only valid while a call expects descriptors (the reply's bytes were read
     * exactly, so the descriptors are still in the socket).
     *
     * @param n how many, at most {@code VIR_NET_MESSAGE_NUM_FDS_MAX}
     * @param then receives them, on the event loop; owns them from then on
     * @param timedOut runs when they do not all arrive within the call timeout
     */
    void receive(int n, Consumer<int[]> then, Runnable timedOut) {
        if (n == 0) {
            then.accept(new int[0]);
            return;
        }
        owed = n;
        received = new int[0];
        whenReceived = then;
        onTimeout = timedOut;
        config.setReadMode(DomainSocketReadMode.FILE_DESCRIPTORS);
        deadline = channel.eventLoop().schedule(this::expire, timeoutNanos, TimeUnit.NANOSECONDS);
    }

    /** {@return whether a reply's bytes are read exactly now}: a call expects descriptors, or some are owed */
    boolean exact() {
        return expecting.get() > 0 || owed > 0;
    }

    private void expire() {
        if (owed > 0) {
            Runnable r = onTimeout;
            abandon();
            r.run();
        }
    }

    /** Closes what was received of an incomplete set, and reads bytes again. */
    void abandon() {
        Descriptors.closeAll(received);
        received = new int[0];
        owed = 0;
        whenReceived = null;
        onTimeout = null;
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
        config.setReadMode(DomainSocketReadMode.BYTES);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof FileDescriptor fd) {
            take(fd.intValue());
            return;
        }
        track((ByteBuf) msg);
        ctx.fireChannelRead(msg);
    }

    private void take(int fd) {
        if (owed == 0) {
            Descriptors.close(fd); // nothing asked for it
            return;
        }
        received = Arrays.copyOf(received, received.length + 1);
        received[received.length - 1] = fd;
        if (--owed == 0) {
            Consumer<int[]> then = whenReceived;
            int[] all = received;
            received = new int[0];
            whenReceived = null;
            onTimeout = null;
            deadline.cancel(false);
            deadline = null;
            config.setReadMode(DomainSocketReadMode.BYTES);
            then.accept(all);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        abandon();
        ctx.fireChannelInactive();
    }

    /** Follows the message boundaries through bytes as they are read. */
    private void track(ByteBuf buf) {
        int i = buf.readerIndex();
        int end = buf.writerIndex();
        while (i < end) {
            if (bodyLeft > 0) {
                int n = (int) Math.min(bodyLeft, end - i);
                bodyLeft -= n;
                i += n;
                continue;
            }
            length = (length << 8) | buf.getUnsignedByte(i++);
            if (++lengthBytes == MessageCodec.LEN_SIZE) {
                // a length below its own size is refused by the frame decoder, which fails the connection
                bodyLeft = Math.max(0, Integer.toUnsignedLong(length) - MessageCodec.LEN_SIZE);
                lengthBytes = 0;
                length = 0;
            }
        }
    }

    /** {@return how many bytes end the current part of the stream: the length word, or the message} */
    private int toBoundary() {
        return bodyLeft > 0 ? (int) Math.min(bodyLeft, EXACT_READ_MAX) : MessageCodec.LEN_SIZE - lengthBytes;
    }

    @Override
    @SuppressWarnings("deprecation") // the interface's own return type, which Netty declares deprecated
    public Handle newHandle() {
        return new ExactHandle((ExtendedHandle) bulk.newHandle());
    }

    /** Bulk reads as Netty's adaptive allocator sizes them, or exact ones while {@link #exact()}. */
    @SuppressWarnings("deprecation") // Handle's methods, which ExtendedHandle inherits
    private final class ExactHandle implements ExtendedHandle {
        private final ExtendedHandle bulk;
        private DomainSocketReadMode modeAtStart;

        ExactHandle(ExtendedHandle bulk) {
            this.bulk = bulk;
        }

        @Override
        public ByteBuf allocate(ByteBufAllocator alloc) {
            if (!exact()) {
                return bulk.allocate(alloc);
            }
            int n = toBoundary();
            return alloc.ioBuffer(n, n);
        }

        @Override
        public int guess() {
            return exact() ? toBoundary() : bulk.guess();
        }

        @Override
        public void reset(ChannelConfig c) {
            modeAtStart = config.getReadMode();
            bulk.reset(c);
        }

        @Override
        public void incMessagesRead(int numMessages) {
            bulk.incMessagesRead(numMessages);
        }

        @Override
        public void lastBytesRead(int bytes) {
            bulk.lastBytesRead(bytes);
        }

        @Override
        public int lastBytesRead() {
            return bulk.lastBytesRead();
        }

        @Override
        public void attemptedBytesRead(int bytes) {
            bulk.attemptedBytesRead(bytes);
        }

        @Override
        public int attemptedBytesRead() {
            return bulk.attemptedBytesRead();
        }

        @Override
        public boolean continueReading() {
            return stayInLoop() && bulk.continueReading();
        }

        @Override
        public boolean continueReading(UncheckedBooleanSupplier maybeMoreDataSupplier) {
            return stayInLoop() && bulk.continueReading(maybeMoreDataSupplier);
        }

        /** The loop must end when the mode changed under it: its next read would be of the old kind. */
        private boolean stayInLoop() {
            return config.getReadMode() == modeAtStart;
        }

        @Override
        public void readComplete() {
            bulk.readComplete();
        }
    }
}

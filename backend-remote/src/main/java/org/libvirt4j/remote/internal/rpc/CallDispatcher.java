package org.libvirt4j.remote.internal.rpc;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.remote.generated.VirNetMessageStatus;
import org.libvirt4j.remote.generated.VirNetProtocol;
import org.libvirt4j.remote.internal.xdr.XdrReader;

/**
 * The calls of one connection: serials, the calls in flight by serial, the serials of calls that
 * timed out (whose late replies are expected and dropped), and the caller's wait for its reply.
 *
 * <p>No lock is held across a round trip: a caller's entry waits in a concurrent map, the event
 * loop stores the outcome and unparks exactly that thread. A caller alone on the connection first
 * spins for up to {@link RpcSettings#spinNanos} nanoseconds: a sequential client's round trip to a local
 * daemon is shorter than the two thread wake-ups a park costs, at the price of that CPU time.
 */
final class CallDispatcher {
    /** Abandoned (timed-out) serials kept to recognise their late replies; past this the daemon is hopeless. */
    private static final int MAX_ABANDONED = 4096;

    private final long timeoutNanos;
    /** The longest spin window ({@link RpcSettings#spinNanos}). */
    private final long maxSpinNanos;
    /** Declares the connection dead; called before a failed caller wakes, so it sees the connection dead. */
    private final Consumer<LibvirtException> fatal;
    private final AtomicInteger serials = new AtomicInteger();
    private final Map<Integer, PendingCall<?>> pending = new ConcurrentHashMap<>();
    private final Map<Integer, Boolean> abandoned = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    /** The current spin window, between 1/16 of {@link #maxSpinNanos} and all of it; races are harmless. */
    private volatile long spinNanos;
    /** Counts lone calls for the periodic full-window probe; a racy count is harmless. */
    private int spinCalls;

    CallDispatcher(long timeoutNanos, long maxSpinNanos, Consumer<LibvirtException> fatal) {
        this.timeoutNanos = timeoutNanos;
        this.maxSpinNanos = maxSpinNanos;
        this.spinNanos = maxSpinNanos;
        this.fatal = fatal;
    }

    int nextSerial() {
        return serials.incrementAndGet();
    }

    /** Registers a call in flight under {@code serial}; its reply is expected from now on. */
    void register(int serial, PendingCall<?> p) {
        pending.put(serial, p);
    }

    /** Drops a call that was never sent or has failed on the caller's side. */
    void forget(int serial) {
        pending.remove(serial);
    }

    /**
     * What ends a call's wait: the call timeout, the open's deadline, or the caller's
     * {@link org.libvirt4j.CallDeadline}, whichever comes first; named in the timeout's message.
     */
    enum Bound { TIMEOUT, OPEN, CALLER }

    /**
     * When a call must be answered by: the open's deadline if given, else the call timeout from
     * now, cut short by the caller's {@link org.libvirt4j.CallDeadline}.
     *
     * @param hasDeadline whether {@code openDeadline} bounds the call, rather than the call timeout
     * @return the {@link System#nanoTime()} deadline and what set it
     * @throws LibvirtException {@code ERR_OPERATION_TIMEOUT} when the caller's deadline has passed
     *         already, before anything is sent
     */
    Deadline deadlineOf(int proc, long openDeadline, boolean hasDeadline) {
        long now = System.nanoTime();
        Bound bound = hasDeadline ? Bound.OPEN : Bound.TIMEOUT;
        long deadline = hasDeadline ? openDeadline : now + timeoutNanos;
        java.util.OptionalLong caller = org.libvirt4j.CallDeadline.currentNanos();
        if (caller.isPresent() && caller.getAsLong() - deadline < 0) {
            deadline = caller.getAsLong();
            bound = Bound.CALLER;
            if (deadline - now <= 0) {
                throw org.libvirt4j.spi.CallDeadlines.expired("procedure " + proc);
            }
        }
        return new Deadline(now, deadline, bound);
    }

    /** A call's deadline: when it began, when it must be answered by, and what set that. */
    record Deadline(long start, long at, Bound bound) {
    }

    /**
     * Sends a registered call and waits for its outcome.
     *
     * @param send writes the call; may throw, the call then counts as failed
     * @param deadline from {@link #deadlineOf}
     * @return the decoded reply
     * @throws LibvirtException the daemon's error, a timeout, an interrupt, or why the connection died
     */
    <T> T sendAndAwait(PendingCall<T> p, int serial, Runnable send, Deadline deadline) {
        inFlight.incrementAndGet();
        try {
            send.run();
            return await(p, serial, deadline);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    @SuppressWarnings("unchecked")
    private <T> T await(PendingCall<T> p, int serial, Deadline d) {
        Object o = p.outcome;
        if (o == null && maxSpinNanos > 0 && inFlight.get() == 1) {
            // The only call in flight: a park costs a futex wake-up and a reschedule on both
            // sides, longer than a whole round trip to a local daemon, so wait briefly hot.
            // With more callers they keep the CPUs busy and parking is the cheaper wait.
            // every 64th lone call probes with the whole window, so a shrunken one can grow back
            long budget = (++spinCalls & 63) == 0 ? maxSpinNanos : spinNanos;
            long end = System.nanoTime() + budget;
            while ((o = p.outcome) == null && System.nanoTime() - end < 0) {
                Thread.onSpinWait();
            }
            // Adapt: replies that keep missing the window (a slow procedure, a busy machine
            // starving the daemon) shrink it so spinning wastes little; hits grow it back.
            spinNanos = o != null ? Math.min(maxSpinNanos, budget * 2) : Math.max(maxSpinNanos / 16, budget / 2);
        }
        if (o == null) {
            long deadline = d.at();
            while ((o = p.outcome) == null) {
                if (Thread.interrupted()) {
                    abandon(serial);
                    Thread.currentThread().interrupt();
                    throw Rpc.error(ErrorNumber.ERR_OPERATION_ABORTED, "operation aborted: interrupted while waiting "
                            + "for procedure " + p.proc, new InterruptedException());
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    abandon(serial);
                    if ((o = p.outcome) != null) {
                        // the reply won the race with the deadline
                        break;
                    }
                    throw timedOut(p.proc, d);
                }
                LockSupport.parkNanos(this, left);
            }
        }
        if (o instanceof PendingCall.Failure f) {
            // Rethrow on the caller's thread with the caller's stack, keeping libvirt's numbers.
            LibvirtException le = f.error();
            throw new LibvirtException(le.codeValue(), le.domainValue(), le.levelValue(), le.getMessage(),
                    le.getCause());
        }
        return o == PendingCall.NULL ? null : (T) o;
    }

    /** The error of a call whose reply did not come before its deadline. */
    private LibvirtException timedOut(int proc, Deadline d) {
        long ms = TimeUnit.NANOSECONDS.toMillis(d.at() - d.start());
        String hint = " (ConnectOptions.callTimeout, default -D" + RpcSettings.TIMEOUT_PROPERTY + ", to wait longer)";
        String why = switch (d.bound()) {
            case TIMEOUT -> "within the call timeout of " + ms + " ms" + hint;
            // the open's steps share one call timeout: name it, not what was left of it for this step
            case OPEN -> "before the deadline of the connection's open, "
                    + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms" + hint;
            case CALLER -> "before the caller's CallDeadline, " + ms + " ms after the call began";
        };
        return Rpc.error(ErrorNumber.ERR_OPERATION_TIMEOUT, "Timed out during operation: no reply to procedure "
                + proc + " " + why, null);
    }

    private void abandon(int serial) {
        if (pending.remove(serial) != null) {
            abandoned.put(serial, Boolean.TRUE);
            if (abandoned.size() > MAX_ABANDONED) {
                fatal.accept(Rpc.error(ErrorNumber.ERR_RPC, "RPC failure: the daemon left " + MAX_ABANDONED
                        + " calls unanswered", null));
            }
        }
    }

    /**
     * Completes the call a reply answers, on the event loop.
     *
     * @return false when no call waits for {@code serial} and none timed out waiting for it
     *         (a stream's final reply, or a bogus one)
     * @throws LibvirtException when the reply does not match its call (the connection is failed)
     */
    boolean onReply(int prog, int proc, int serial, VirNetMessageStatus status, XdrReader r) {
        PendingCall<?> p = pending.remove(serial);
        if (p == null) {
            return abandoned.remove(serial) != null;
        }
        if (p.proc != proc || p.prog != prog) {
            failBoth(p, Rpc.bogus(p.prog != prog
                    ? String.format("reply from program 0x%x to a call of program 0x%x", prog, p.prog)
                    : "reply for procedure " + proc + " to a call of procedure " + p.proc));
            return true;
        }
        try {
            switch (status) {
                case VIR_NET_OK -> p.complete(r);
                case VIR_NET_ERROR -> p.fail(RemoteErrors.decode(r));
                default -> throw Rpc.bogus("reply status " + status.value());
            }
        } catch (LibvirtException e) {
            failBoth(p, e);
        } catch (Throwable e) {
            // Any Throwable, Errors included: the call is no longer pending, so failAll would
            // not reach it, and its caller would wait out the whole call timeout.
            failBoth(p, Rpc.error(ErrorNumber.ERR_RPC,
                    "RPC failure: cannot decode the reply to procedure " + proc + ": " + Rpc.describe(e), e));
        }
        return true;
    }

    /** Declares the connection dead before the caller wakes up, so it sees it dead. */
    private void failBoth(PendingCall<?> p, LibvirtException e) {
        fatal.accept(e);
        p.fail(e);
    }

    /**
     * A reply that carries descriptors; they follow its bytes on the socket. libvirt's limit on
     * their count is checked first, as its client does. A connection that cannot take them fails
     * as libvirt's client does; one whose reads did not stop at this reply's end (no call expected
     * descriptors, so a bulk read may have taken their bytes) is out of step. The reply is decoded
     * now, its call completed once all descriptors arrived (the call stays pending meanwhile, so a
     * connection failure in between fails it); the descriptors of a reply to any other call, or to
     * an abandoned one, are closed.
     *
     * @param reads the connection's descriptor reception, or null where there is none
     * @return as {@link #onReply}
     * @throws LibvirtException when the reply breaks the protocol (the connection is failed)
     */
    boolean onReplyWithFds(int prog, int proc, int serial, VirNetMessageStatus status, XdrReader r, FdReads reads) {
        int nfds = r.readInt();
        if (nfds < 0 || nfds > VirNetProtocol.VIR_NET_MESSAGE_NUM_FDS_MAX) {
            throw Rpc.error(ErrorNumber.ERR_RPC, "Received too many FDs " + nfds + ", expected "
                    + VirNetProtocol.VIR_NET_MESSAGE_NUM_FDS_MAX + " maximum", null);
        }
        if (reads == null) {
            throw Rpc.error(ErrorNumber.ERR_INTERNAL_ERROR,
                    "internal error: Receiving file descriptors is not supported on this socket", null);
        }
        if (!reads.exact()) {
            throw Rpc.bogus("reply with " + nfds + " file descriptors to procedure " + proc + ", which takes none");
        }
        Runnable late = () -> fatal.accept(Rpc.error(ErrorNumber.ERR_RPC, "RPC failure: the daemon announced " + nfds
                + " file descriptors and did not send them within " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos)
                + " ms; the connection is closed", null));
        PendingCall<?> p = pending.get(serial);
        if (p == null || !p.takesFds || p.proc != proc || p.prog != prog) {
            reads.receive(nfds, Descriptors::closeAll, late);
            return onReply(prog, proc, serial, status, r);
        }
        Object decoded;
        switch (status) {
            case VIR_NET_OK -> {
                try {
                    decoded = p.decode(r); // an FdReply without descriptors (callWithFds)
                } catch (LibvirtException e) {
                    pending.remove(serial);
                    failBoth(p, e);
                    return true;
                } catch (Throwable e) {
                    pending.remove(serial);
                    failBoth(p, Rpc.error(ErrorNumber.ERR_RPC,
                            "RPC failure: cannot decode the reply to procedure " + proc + ": " + Rpc.describe(e), e));
                    return true;
                }
            }
            case VIR_NET_ERROR -> decoded = new PendingCall.Failure(RemoteErrors.decode(r));
            default -> throw Rpc.bogus("reply status " + status.value());
        }
        reads.receive(nfds, fds -> {
            PendingCall<?> still = pending.remove(serial);
            if (still == null) {
                abandoned.remove(serial);
                Descriptors.closeAll(fds);
            } else if (decoded instanceof PendingCall.Failure f) {
                Descriptors.closeAll(fds);
                still.fail(f.error());
            } else {
                still.completeWithFds(decoded, fds);
            }
        }, late);
        return true;
    }

    /** Fails every call in flight with {@code reason}. */
    void failAll(LibvirtException reason) {
        for (Integer serial : pending.keySet()) {
            PendingCall<?> p = pending.remove(serial);
            if (p != null) {
                p.fail(reason);
            }
        }
    }
}

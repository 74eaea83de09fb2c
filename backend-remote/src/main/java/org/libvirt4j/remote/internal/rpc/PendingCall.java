package org.libvirt4j.remote.internal.rpc;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.remote.internal.xdr.XdrReader;

/**
 * A call waiting for its reply. The outcome is published once (the first completion wins)
 * and then the waiting thread is unparked, or the completion hook run for a call nobody waits on.
 *
 * @param <T> the reply type
 */
final class PendingCall<T> {
    private static final VarHandle OUTCOME;

    static {
        try {
            OUTCOME = MethodHandles.lookup().findVarHandle(PendingCall.class, "outcome", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Stands for a null reply in {@link #outcome}, where null means "not yet". */
    static final Object NULL = new Object();

    /** A failed call's outcome; a wrapper so that no reply value can be mistaken for a failure. */
    record Failure(LibvirtException error) {
    }

    final int prog;
    final int proc;
    private final Function<XdrReader, T> ret;
    private final Thread waiter;
    private final Runnable onDone;
    /** The call may take descriptors back ({@link RpcConnection#callWithFds}); its outcome is an {@link RpcConnection.FdReply}. */
    boolean takesFds;
    volatile Object outcome;

    /**
     * @param waiter the thread to unpark, or null
     * @param onDone run once settled, or null
     */
    PendingCall(int prog, int proc, Function<XdrReader, T> ret, Thread waiter, Runnable onDone) {
        this.prog = prog;
        this.proc = proc;
        this.ret = ret;
        this.waiter = waiter;
        this.onDone = onDone;
    }

    void complete(XdrReader r) {
        T value = null;
        if (ret != null) {
            value = ret.apply(r);
        }
        r.expectEnd("reply to procedure " + proc);
        settle(value == null ? NULL : value);
    }

    /**
     * Decodes a reply without completing the call: a {@code REPLY_WITH_FDS} completes it only
     * once its descriptors arrived ({@link #completeWithFds}).
     *
     * @return the decoded value, null for an empty reply
     */
    T decode(XdrReader r) {
        T value = ret == null ? null : ret.apply(r);
        r.expectEnd("reply to procedure " + proc);
        return value;
    }

    /**
     * Completes a call that takes descriptors with its decoded reply (an {@link RpcConnection.FdReply}
     * without descriptors) and the descriptors that followed it; they are closed if the call is
     * already over.
     */
    void completeWithFds(Object decoded, int[] fds) {
        if (!settle(new RpcConnection.FdReply<>(((RpcConnection.FdReply<?>) decoded).value(), Descriptors.holder(fds)))) {
            Descriptors.closeAll(fds);
        }
    }

    void fail(LibvirtException e) {
        settle(new Failure(e));
    }

    /** @return whether {@code o} is the outcome (no earlier one won) */
    private boolean settle(Object o) {
        if (OUTCOME.compareAndSet(this, null, o)) {
            if (waiter != null) {
                LockSupport.unpark(waiter);
            }
            if (onDone != null) {
                onDone.run();
            }
            return true;
        }
        return false;
    }
}

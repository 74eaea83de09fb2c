package org.libvirt4j.remote.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.libvirt4j.LibvirtObject;
import org.libvirt4j.remote.generated.RemoteProcedure;
import org.libvirt4j.remote.internal.xdr.XdrReader;
import org.libvirt4j.remote.internal.xdr.XdrWriter;
import org.libvirt4j.spi.NativeHandle;
import org.libvirt4j.spi.ObjectKind;

/**
 * What every remote handle shares: a reference on the {@link Session} and a guard that turns
 * calls after {@link #close()} into the kind's invalid-object error. The guard is
 * {@link NativeHandle} with no pointer: its "free" drops the session reference, on close or,
 * for a forgotten handle, from the Cleaner.
 */
abstract class RemoteObject implements LibvirtObject {
    final Session session;
    private final NativeHandle guard;

    RemoteObject(Session session, ObjectKind kind) {
        this(session, kind, null);
    }

    /**
     * @param onFree extra cleanup run when the handle is freed (closed or collected); it must not
     *               refer to the handle itself, or the Cleaner could never run
     */
    RemoteObject(Session session, ObjectKind kind, Runnable onFree) {
        this.session = session;
        session.retain();
        this.guard = new NativeHandle(kind, 0L, p -> {
            try {
                if (onFree != null) {
                    onFree.run();
                }
            } finally {
                session.release();
            }
        });
    }

    /** Calls a procedure on behalf of the C function {@code fn}, failing as libvirt does on a closed handle. */
    final <T> T call(String fn, RemoteProcedure proc, Consumer<XdrWriter> args, Function<XdrReader, T> ret) {
        guard.acquire(fn);
        try {
            return session.call(proc, args, ret);
        } finally {
            guard.release();
        }
    }

    /** For C functions answered from the handle itself (names, UUIDs): only the validity check. */
    final void check(String fn) {
        guard.acquire(fn);
        guard.release();
    }

    final void acquire(String fn) {
        guard.acquire(fn);
    }

    final void release() {
        guard.release();
    }

    static <R, T> List<T> wrap(List<R> refs, Function<R, T> make) {
        List<T> out = new ArrayList<>(refs.size());
        for (R r : refs) {
            out.add(make.apply(r));
        }
        return List.copyOf(out);
    }

    @Override
    public void close() {
        guard.close();
    }
}

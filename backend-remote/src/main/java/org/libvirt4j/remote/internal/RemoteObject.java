package org.libvirt4j.remote.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.libvirt4j.LibvirtObject;
import org.libvirt4j.remote.generated.RemoteProcedure;
import org.libvirt4j.remote.generated.RemoteNonnullDomain;
import org.libvirt4j.remote.generated.RemoteNonnullDomainCheckpoint;
import org.libvirt4j.remote.generated.RemoteNonnullDomainSnapshot;
import org.libvirt4j.remote.generated.RemoteNonnullInterface;
import org.libvirt4j.remote.generated.RemoteNonnullNetwork;
import org.libvirt4j.remote.generated.RemoteNonnullNetworkPort;
import org.libvirt4j.remote.generated.RemoteNonnullNodeDevice;
import org.libvirt4j.remote.generated.RemoteNonnullNwfilter;
import org.libvirt4j.remote.generated.RemoteNonnullNwfilterBinding;
import org.libvirt4j.remote.generated.RemoteNonnullSecret;
import org.libvirt4j.remote.generated.RemoteNonnullStoragePool;
import org.libvirt4j.remote.generated.RemoteNonnullStorageVol;
import org.libvirt4j.remote.internal.xdr.XdrReader;
import org.libvirt4j.remote.internal.xdr.XdrWriter;
import org.libvirt4j.spi.NativeHandle;
import org.libvirt4j.spi.ObjectKind;
import org.libvirt4j.spi.generated.Fn;

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

    /**
     * The session, checked valid for {@code fn} as a call on this handle would be: for the
     * hand-written mixins ({@code Remote*Irregular}) that make new handles on it.
     *
     * @param fn the C function
     * @return the session
     */
    public final Session sessionFor(String fn) {
        check(fn);
        return session;
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

    /**
     * {@return this object's reference on the wire ({@code remote_nonnull_domain}, ...), {@code null}
     * for the connection itself}
     */
    Object wireRef() {
        return null;
    }

    /**
     * Calls a generated function on this object: the one operation behind every generated
     * contract ({@link org.libvirt4j.spi.Invocable#invoke}).
     *
     * @param fn the function
     * @param args the checked arguments after the object
     * @return the boxed result; a new handle for an object
     */
    public final Object invoke(Fn fn, Object... args) {
        guard.acquire(fn.name());
        Object r;
        try {
            r = RemoteCalls.invoke(session, fn, wireRef(), args);
        } finally {
            guard.release();
        }
        return fn.result() == 'H' ? wrap(session, fn.resultKind(), r) : r;
    }

    /**
     * Calls a generated typed-parameter function on this object: the one operation behind every
     * generated typed contract ({@link org.libvirt4j.spi.TypedInvocable#invokeTyped}).
     *
     * @param fn the function
     * @param params the list to send, or {@code null}
     * @param args the other checked arguments, the flags last
     * @return the reply
     */
    public final org.libvirt4j.spi.TypedReply invokeTyped(org.libvirt4j.spi.generated.TypedFn fn,
            List<org.libvirt4j.spi.TypedParameter> params, Object... args) {
        guard.acquire(fn.name());
        try {
            return RemoteTyped.invoke(session, fn, wireRef(), params, args);
        } finally {
            guard.release();
        }
    }

    /** A new handle on {@code session} for a reference a reply carried. */
    static Object wrap(Session session, ObjectKind kind, Object ref) {
        return switch (kind) {
            case DOMAIN -> new RemoteDomain(session, (RemoteNonnullDomain) ref);
            case DOMAIN_SNAPSHOT -> new RemoteDomainSnapshot(session, (RemoteNonnullDomainSnapshot) ref);
            case DOMAIN_CHECKPOINT -> new RemoteDomainCheckpoint(session, (RemoteNonnullDomainCheckpoint) ref);
            case NETWORK -> new RemoteNetwork(session, (RemoteNonnullNetwork) ref);
            case NETWORK_PORT -> new RemoteNetworkPort(session, (RemoteNonnullNetworkPort) ref);
            case STORAGE_POOL -> new RemoteStoragePool(session, (RemoteNonnullStoragePool) ref);
            case STORAGE_VOL -> new RemoteStorageVol(session, (RemoteNonnullStorageVol) ref);
            case INTERFACE -> new RemoteInterface(session, (RemoteNonnullInterface) ref);
            case NODE_DEVICE -> new RemoteNodeDevice(session, ((RemoteNonnullNodeDevice) ref).name());
            case SECRET -> new RemoteSecret(session, (RemoteNonnullSecret) ref);
            case NWFILTER -> new RemoteNWFilter(session, (RemoteNonnullNwfilter) ref);
            case NWFILTER_BINDING -> new RemoteNWFilterBinding(session, (RemoteNonnullNwfilterBinding) ref);
            case CONNECT, STREAM, ADM_CONNECT, ADM_SERVER, ADM_CLIENT -> throw new IllegalStateException("no reply carries a " + kind);
        };
    }
}

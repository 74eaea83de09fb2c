package org.libvirt4j.jni;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;
import java.util.function.LongToIntFunction;
import java.util.function.LongUnaryOperator;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.LibvirtObject;
import org.libvirt4j.spi.NativeHandle;
import org.libvirt4j.spi.ObjectKind;
import org.libvirt4j.spi.generated.Fn;

/**
 * What every JNI handle shares: the guarded pointer and the bracket around each call. The hot
 * calls are written out in the subclasses; the rest go through these helpers, whose lambdas
 * capture only locals.
 */
abstract class JniObject implements LibvirtObject {
    /** Frees by handle kind; a lambda per kind that refers to no owner, as NativeHandle requires. */
    private static final LongConsumer[] FREES = new LongConsumer[JniNatives.KINDS];

    static {
        for (int k = 0; k < FREES.length; k++) {
            int kind = k;
            FREES[k] = p -> JniNatives.free(kind, p);
        }
    }

    final NativeHandle h;

    JniObject(ObjectKind kind, int nativeKind, long pointer) {
        this.h = new NativeHandle(kind, pointer, FREES[nativeKind]);
    }

    /** For an owner that frees its pointer itself, such as a connection that reports virConnectClose's count. */
    JniObject(ObjectKind kind, long pointer, LongConsumer free) {
        this.h = new NativeHandle(kind, pointer, free);
    }

    /** Closes the handle; an owner of more than the pointer (a connection's callbacks) overrides this and calls it. */
    @Override
    public void close() {
        h.close();
    }

    /** @return the guard, for calls that take this object as an argument of another's */
    final NativeHandle handle() {
        return h;
    }

    /**
     * {@return the guard} The hand-written mixins ({@code Jni*Irregular}) reach the pointer
     * through this; public because interface methods are.
     */
    public final NativeHandle guard() {
        return h;
    }

    final String str(String fn, LongFunction<String> call) {
        long p = h.acquire(fn);
        try {
            return call.apply(p);
        } finally {
            h.release();
        }
    }

    final <T> T obj(String fn, LongFunction<T> call) {
        long p = h.acquire(fn);
        try {
            return call.apply(p);
        } finally {
            h.release();
        }
    }

    final int num(String fn, LongToIntFunction call) {
        long p = h.acquire(fn);
        try {
            return call.applyAsInt(p);
        } finally {
            h.release();
        }
    }

    final long lng(String fn, LongUnaryOperator call) {
        long p = h.acquire(fn);
        try {
            return call.applyAsLong(p);
        } finally {
            h.release();
        }
    }

    final void run(String fn, LongConsumer call) {
        long p = h.acquire(fn);
        try {
            call.accept(p);
        } finally {
            h.release();
        }
    }

    final boolean bool(String fn, LongToIntFunction call) {
        return num(fn, call) == 1;
    }

    /** {@return the error for a NULL pointer without a libvirt error} */
    static LibvirtException nullWithoutError(String fn) {
        return LibvirtException.of(ErrorNumber.ERR_INTERNAL_ERROR, ErrorDomain.NONE,
                "internal error: " + fn + " returned NULL without an error");
    }

    /**
     * A NULL pointer without a libvirt error (the glue throws when one is set) still must not
     * become a handle.
     */
    static long ptr(long p, String fn) {
        if (p == 0) {
            throw LibvirtException.of(ErrorNumber.ERR_INTERNAL_ERROR, ErrorDomain.NONE,
                    "internal error: " + fn + " returned NULL without an error");
        }
        return p;
    }

    /** Wraps the pointers of a listAll call; the list is unmodifiable and nobody else holds it. */
    static <T> List<T> wrap(long[] pointers, LongFunction<T> wrap) {
        List<T> out = new ArrayList<>(pointers.length);
        for (long p : pointers) {
            out.add(wrap.apply(p));
        }
        return Collections.unmodifiableList(out);
    }

    /** The other object's pointer for a call on this one; the caller releases {@code other}. */
    static NativeHandle handleOf(Object other, Class<? extends JniObject> type, ObjectKind kind, String fn) {
        if (!type.isInstance(other)) {
            // An object of another backend has no pointer here: libvirt's own check for a bad
            // pointer gives this error.
            throw kind.invalid(fn);
        }
        return type.cast(other).handle();
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
        return JniTyped.invoke(h, fn, params, args);
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
        long p = h.acquire(fn.name());
        Object r;
        try {
            r = JniCalls.invoke(fn, p, args);
        } finally {
            h.release();
        }
        return fn.result() == 'H' ? wrap(fn.resultKind(), ptr((Long) r, fn.name())) : r;
    }

    /** A new handle of this backend owning the reference {@code p}. */
    static Object wrap(ObjectKind kind, long p) {
        return switch (kind) {
            case CONNECT -> new JniConnect(p);
            case DOMAIN -> new JniDomain(p);
            case DOMAIN_SNAPSHOT -> new JniDomainSnapshot(p);
            case DOMAIN_CHECKPOINT -> new JniDomainCheckpoint(p);
            case NETWORK -> new JniNetwork(p);
            case NETWORK_PORT -> new JniNetworkPort(p);
            case STORAGE_POOL -> new JniStoragePool(p);
            case STORAGE_VOL -> new JniStorageVol(p);
            case INTERFACE -> new JniInterface(p);
            case NODE_DEVICE -> new JniNodeDevice(p);
            case SECRET -> new JniSecret(p);
            case NWFILTER -> new JniNWFilter(p);
            case NWFILTER_BINDING -> new JniNWFilterBinding(p);
            case STREAM -> new JniStream(p);
            // the admin API's handles come from its own calls (libvirt-admin.so), never from libvirt.so's
            case ADM_CONNECT, ADM_SERVER, ADM_CLIENT -> throw new IllegalStateException("no libvirt.so call returns a " + kind);
        };
    }
}

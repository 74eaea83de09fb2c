package org.libvirt4j.jna;

import com.sun.jna.Function;
import com.sun.jna.Pointer;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.libvirt4j.jna.internal.CStrings;
import org.libvirt4j.jna.internal.Errors;
import org.libvirt4j.jna.internal.Natives;
import org.libvirt4j.spi.NativeHandle;
import org.libvirt4j.spi.ObjectKind;
import org.libvirt4j.spi.generated.Fn;

/**
 * Every generated function through one path: the symbol is looked up once (a missing one is
 * {@code ERR_NO_SUPPORT}), the arguments are laid out from {@link Fn#signature()}, and the
 * result is checked and converted from {@link Fn#result()}. No per-function code.
 */
final class JnaCalls {
    private static final AtomicReferenceArray<Function> FUNCTIONS = new AtomicReferenceArray<>(Fn.values().length);

    private JnaCalls() {
    }

    /**
     * Calls {@code fn} on the object behind {@code h}.
     *
     * @param h the object's handle, held for the duration of the call
     * @param fn the function
     * @param args the checked arguments after the object
     * @return the boxed result, see {@link org.libvirt4j.spi.Invocable#invoke}
     */
    static Object invoke(NativeHandle h, Fn fn, Object[] args) {
        Function f = function(fn);
        String sig = fn.signature();
        return h.call(fn.name(), self -> {
            Object[] c = new Object[sig.length()];
            Object out = null;
            int next = 0;
            for (int i = 0; i < sig.length(); i++) {
                switch (sig.charAt(i)) {
                    case 'P' -> c[i] = new Pointer(self);
                    case 'I', 'J' -> c[i] = args[next++];
                    case 'S' -> c[i] = CStrings.of((String) args[next++]);
                    case 'i' -> c[i] = out = new int[1];
                    case 'j' -> c[i] = out = new long[1];
                    default -> throw new IllegalStateException(fn + ": signature " + sig);
                }
            }
            return switch (fn.result()) {
                case 'V' -> {
                    Errors.check(f.invokeInt(c), fn.name());
                    yield null;
                }
                case 'I', 'Z' -> Errors.check(f.invokeInt(c), fn.name());
                case 'i' -> {
                    Errors.check(f.invokeInt(c), fn.name());
                    yield ((int[]) out)[0];
                }
                case 'j' -> {
                    Errors.check(f.invokeInt(c), fn.name());
                    yield ((long[]) out)[0];
                }
                case 'S' -> Errors.ownedString(f.invokeLong(c), fn.name());
                case 'H' -> wrap(fn.resultKind(), Errors.ptr(f.invokeLong(c), fn.name()));
                default -> throw new IllegalStateException(fn + ": result " + fn.result());
            };
        });
    }

    private static Function function(Fn fn) {
        Function f = FUNCTIONS.get(fn.ordinal());
        if (f == null) {
            f = symbol(fn.name());
            FUNCTIONS.set(fn.ordinal(), f);
        }
        return f;
    }

    /** libvirt's function {@code name}; a missing one is {@code ERR_NO_SUPPORT} naming it. */
    static Function symbol(String name) {
        try {
            return Natives.library().getFunction(name);
        } catch (UnsatisfiedLinkError e) {
            throw Errors.noSupport(name, e);
        }
    }

    /** A new handle of this backend owning the reference {@code p}. */
    static Object wrap(ObjectKind kind, long p) {
        return switch (kind) {
            case CONNECT -> new JnaConnect(p);
            case DOMAIN -> new JnaDomain(p);
            case DOMAIN_SNAPSHOT -> new JnaDomainSnapshot(p);
            case DOMAIN_CHECKPOINT -> new JnaDomainCheckpoint(p);
            case NETWORK -> new JnaNetwork(p);
            case NETWORK_PORT -> new JnaNetworkPort(p);
            case STORAGE_POOL -> new JnaStoragePool(p);
            case STORAGE_VOL -> new JnaStorageVol(p);
            case INTERFACE -> new JnaInterface(p);
            case NODE_DEVICE -> new JnaNodeDevice(p);
            case SECRET -> new JnaSecret(p);
            case NWFILTER -> new JnaNWFilter(p);
            case NWFILTER_BINDING -> new JnaNWFilterBinding(p);
            case STREAM -> new JnaStream(p);
            // the admin API's handles come from its own calls (libvirt-admin.so), never from libvirt.so's
            case ADM_CONNECT, ADM_SERVER, ADM_CLIENT -> throw new IllegalStateException("no libvirt.so call returns a " + kind);
        };
    }
}

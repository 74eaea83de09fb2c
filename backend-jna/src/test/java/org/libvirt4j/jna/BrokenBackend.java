package org.libvirt4j.jna;

import com.google.auto.service.AutoService;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.libvirt4j.Connect;
import org.libvirt4j.ConnectAuth;
import org.libvirt4j.ConnectFlags;
import org.libvirt4j.DomainInfo;
import org.libvirt4j.DomainState;
import org.libvirt4j.DomainStateInfo;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.Libvirt;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.LibvirtObject;
import org.libvirt4j.spi.LibvirtBackend;

/**
 * A deliberately wrong backend for the TCK's self-test: it wraps the JNA backend in dynamic
 * proxies and breaks one behaviour, chosen by {@link #breakage}. Never selected automatically
 * ({@link #supports} is false); only {@code Libvirt.using("tck-broken")} reaches it.
 */
@AutoService(LibvirtBackend.class)
public final class BrokenBackend implements LibvirtBackend {
    /** What to break. */
    enum Breakage {
        /** Nothing: the control run, which must pass. */
        NONE,
        /** Domain state is always reported as RUNNING. */
        STATE_LIES,
        /** close() does nothing, so closed handles keep working. */
        CLOSE_IGNORED,
        /** Every libvirt error is reported as ERR_INTERNAL_ERROR. */
        ERROR_CODES_LOST
    }

    static volatile Breakage breakage = Breakage.NONE;

    /** For ServiceLoader. */
    public BrokenBackend() {
    }

    @Override
    public String name() {
        return "tck-broken";
    }

    @Override
    public int priority() {
        return -1000;
    }

    @Override
    public Optional<Throwable> unavailabilityCause() {
        return Optional.empty();
    }

    @Override
    public boolean supports(String uri) {
        return false;
    }

    @Override
    public long libraryVersion() {
        return Libvirt.using("jna").getVersion();
    }

    @Override
    public void eventRegisterDefaultImpl() {
        Libvirt.using("jna").eventRegisterDefaultImpl();
    }

    @Override
    public Connect open(String uri, ConnectAuth auth, ConnectFlags... flags) {
        Connect real;
        try {
            if (auth != null) {
                real = Libvirt.using("jna").newConnectWithAuth(uri, auth, flags);
            } else if (List.of(flags).contains(ConnectFlags.RO)) {
                real = Libvirt.using("jna").newConnectReadOnly(uri);
            } else {
                real = Libvirt.using("jna").newConnect(uri);
            }
        } catch (LibvirtException e) {
            throw mangle(e);
        }
        return (Connect) wrap(real);
    }

    private static LibvirtException mangle(LibvirtException e) {
        if (breakage != Breakage.ERROR_CODES_LOST) {
            return e;
        }
        return new LibvirtException(ErrorNumber.ERR_INTERNAL_ERROR.value(), e.domainValue(), e.levelValue(), e.getMessage());
    }

    static Object wrap(Object value) {
        if (value instanceof LibvirtObject) {
            Class<?>[] interfaces = value.getClass().getInterfaces();
            return Proxy.newProxyInstance(BrokenBackend.class.getClassLoader(), interfaces, new Handler(value));
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object o : list) {
                out.add(wrap(o));
            }
            return List.copyOf(out);
        }
        return value;
    }

    /** The real object behind a proxy this backend handed out, also inside a list argument. */
    static Object unwrap(Object value) {
        if (value != null && Proxy.isProxyClass(value.getClass()) && Proxy.getInvocationHandler(value) instanceof Handler h) {
            return h.target;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object o : list) {
                out.add(unwrap(o));
            }
            return out;
        }
        return value;
    }

    private static final class Handler implements InvocationHandler {
        private final Object target;

        Handler(Object target) {
            this.target = target;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getName().equals("close") && breakage == Breakage.CLOSE_IGNORED) {
                return null;
            }
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "Broken[" + target + "]";
                };
            }
            Object[] unwrapped = args == null ? null : args.clone();
            if (unwrapped != null) {
                for (int i = 0; i < unwrapped.length; i++) {
                    unwrapped[i] = unwrap(unwrapped[i]);
                }
            }
            Object result;
            try {
                result = method.invoke(target, unwrapped);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof LibvirtException le) {
                    throw mangle(le);
                }
                throw e.getCause();
            }
            if (breakage == Breakage.STATE_LIES) {
                if (result instanceof DomainStateInfo s) {
                    return new DomainStateInfo(DomainState.RUNNING.value(), s.reason());
                }
                if (result instanceof DomainInfo i) {
                    return new DomainInfo(DomainState.RUNNING.value(), i.maxMem(), i.memory(), i.nrVirtCpu(), i.cpuTime());
                }
            }
            return wrap(result);
        }
    }
}

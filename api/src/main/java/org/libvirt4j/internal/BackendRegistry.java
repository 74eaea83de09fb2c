package org.libvirt4j.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.libvirt4j.BackendInfo;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.Libvirt;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.spi.LibvirtBackend;

/**
 * Finds backends with {@link ServiceLoader} once, and picks one per {@link Libvirt}'s rules.
 * A provider that fails to load is remembered, not fatal: it shows up in every selection error.
 */
public final class BackendRegistry {
    private static final String FIX = "Add one of libvirt4j-backend-jna, libvirt4j-backend-jni or "
            + "libvirt4j-backend-remote to the class path, or set -D" + Libvirt.BACKEND_PROPERTY
            + "=NAME (or " + Libvirt.BACKEND_ENV + "=NAME) to a usable backend.";

    private final List<LibvirtBackend> backends;
    private final List<String> brokenProviders;

    BackendRegistry(List<LibvirtBackend> backends, List<String> brokenProviders) {
        this.backends = List.copyOf(backends);
        this.brokenProviders = List.copyOf(brokenProviders);
    }

    /** @return the registry of this class loader's backends */
    public static BackendRegistry instance() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final BackendRegistry INSTANCE = load(ServiceLoader.load(LibvirtBackend.class, BackendRegistry.class.getClassLoader()));
    }

    static BackendRegistry load(ServiceLoader<LibvirtBackend> loader) {
        List<LibvirtBackend> found = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        Iterator<LibvirtBackend> it = loader.iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                found.add(it.next());
            } catch (ServiceConfigurationError | LinkageError e) {
                broken.add(String.valueOf(e));
            }
        }
        found.sort(Comparator.comparingInt(LibvirtBackend::priority).reversed()
                .thenComparing(LibvirtBackend::name));
        return new BackendRegistry(found, broken);
    }

    /** @return every backend found, highest priority first */
    public List<BackendInfo> describe() {
        List<BackendInfo> out = new ArrayList<>();
        for (LibvirtBackend b : backends) {
            out.add(new BackendInfo(b.name(), b.priority(), b.getClass().getName(), cause(b),
                    java.util.Set.copyOf(b.supportedOptions())));
        }
        return out;
    }

    /**
     * @param name the backend's name
     * @return that backend, usable
     * @throws LibvirtException {@code ERR_NO_SUPPORT} listing what was found
     */
    public LibvirtBackend byName(String name) {
        for (LibvirtBackend b : backends) {
            if (b.name().equals(name)) {
                Optional<Throwable> cause = cause(b);
                if (cause.isPresent()) {
                    throw noBackend("The libvirt4j backend '" + name + "' is unusable: " + cause.get(), cause.get());
                }
                return b;
            }
        }
        throw noBackend("No libvirt4j backend is named '" + name + "'.", null);
    }

    /**
     * @param uri the URI to open
     * @return the backend named by the property or environment, else the best usable one
     *         that supports the URI
     * @throws LibvirtException {@code ERR_NO_SUPPORT} listing what was found
     */
    public LibvirtBackend select(String uri) {
        String chosen = System.getProperty(Libvirt.BACKEND_PROPERTY);
        if (chosen == null || chosen.isBlank()) {
            chosen = System.getenv(Libvirt.BACKEND_ENV);
        }
        if (chosen != null && !chosen.isBlank()) {
            return byName(chosen.trim());
        }
        for (LibvirtBackend b : backends) {
            if (cause(b).isEmpty() && supportsSafely(b, uri)) {
                return b;
            }
        }
        throw noBackend("No usable libvirt4j backend supports the URI '" + uri + "'.", null);
    }

    private static boolean supportsSafely(LibvirtBackend b, String uri) {
        try {
            return b.supports(uri);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Optional<Throwable> cause(LibvirtBackend b) {
        try {
            return b.unavailabilityCause();
        } catch (RuntimeException | LinkageError e) {
            return Optional.of(e);
        }
    }

    private LibvirtException noBackend(String what, Throwable cause) {
        StringBuilder sb = new StringBuilder(what).append(" Backends found:");
        if (backends.isEmpty() && brokenProviders.isEmpty()) {
            sb.append(" none.");
        }
        for (LibvirtBackend b : backends) {
            sb.append("\n  - ").append(b.name()).append(" (priority ").append(b.priority()).append("): ")
                    .append(cause(b).map(t -> "unusable: " + t).orElse("usable"));
        }
        for (String broken : brokenProviders) {
            sb.append("\n  - a provider failed to load: ").append(broken);
        }
        sb.append("\n").append(FIX);
        return new LibvirtException(ErrorNumber.ERR_NO_SUPPORT.value(), ErrorDomain.NONE.value(),
                org.libvirt4j.ErrorLevel.ERROR.value(), sb.toString(), cause);
    }
}

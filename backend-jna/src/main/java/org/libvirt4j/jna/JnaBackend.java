package org.libvirt4j.jna;

import com.google.auto.service.AutoService;
import java.util.Objects;
import java.util.Optional;
import org.libvirt4j.Connect;
import org.libvirt4j.ConnectAuth;
import org.libvirt4j.ConnectFlags;
import org.libvirt4j.LibvirtEnum;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.jna.internal.Auth;
import org.libvirt4j.jna.internal.CStrings;
import org.libvirt4j.jna.internal.Errors;
import org.libvirt4j.jna.internal.Natives;
import org.libvirt4j.jna.internal.Virt;
import org.libvirt4j.spi.LibvirtBackend;

/**
 * The JNA backend: calls {@code libvirt.so.0} in this process through JNA's direct mapping.
 * Selected by the name {@code jna}; priority 20, below the JNI backend and above the remote one.
 *
 * <p>The library is loaded on first use and once; when it cannot be, the failure is reported by
 * {@link #unavailabilityCause()} and every {@link #open} throws {@code ERR_NO_SUPPORT} with it.
 */
@AutoService(LibvirtBackend.class)
public final class JnaBackend implements LibvirtBackend {
    /** The name users select this backend by. */
    public static final String NAME = "jna";
    /** The rank in automatic selection. */
    public static final int PRIORITY = 20;

    /** Creates the backend; cheap, loads nothing. */
    public JnaBackend() {
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * {@return {@link org.libvirt4j.ConnectOption#KEEPALIVE} and
     * {@link org.libvirt4j.ConnectOption#EVENT_EXECUTOR}}: keepalive is started at open through
     * {@code virConnectSetKeepAlive}, which needs libvirt's event loop running
     * ({@code Libvirt.eventRegisterDefaultImpl()} first; without it libvirt refuses); the event
     * callbacks (every event kind and QEMU monitor events; not close or stream callbacks, which
     * libvirt runs under its own locks) are handed from libvirt's loop thread to the executor,
     * in order, one at a time ({@link org.libvirt4j.spi.EventCallbackRunner}). A call timeout
     * cannot be honoured: a libvirt call cannot be abandoned once made.
     */
    @Override
    public java.util.Set<org.libvirt4j.ConnectOption<?>> supportedOptions() {
        return java.util.Set.of(org.libvirt4j.ConnectOption.KEEPALIVE, org.libvirt4j.ConnectOption.EVENT_EXECUTOR);
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public Optional<Throwable> unavailabilityCause() {
        try {
            return Natives.unavailabilityCause();
        } catch (LinkageError e) {
            // JNA itself is missing or broken on this class path.
            return Optional.of(e);
        }
    }

    /** @return true: libvirt.so decides which URIs it can open */
    @Override
    public boolean supports(String uri) {
        return true;
    }

    /**
     * @return {@code virGetVersion}'s library version
     * @throws org.libvirt4j.LibvirtException {@code ERR_NO_SUPPORT} when libvirt cannot be loaded
     */
    @Override
    public long libraryVersion() {
        Natives.ensureLoaded();
        long[] version = new long[1];
        Errors.check(Virt.virGetVersion(version, null, null), "virGetVersion");
        return version[0];
    }

    @Override
    public org.libvirt4j.AdmConnect openAdmin(String uri, int flags) {
        // resolves first: a missing library is ERR_NO_SUPPORT without claiming the process
        org.libvirt4j.jna.internal.AdminNatives.function("virAdmConnectOpen");
        org.libvirt4j.spi.NativeLibraryUse.claim(org.libvirt4j.spi.NativeLibraryUse.Use.ADMIN, "virAdmConnectOpen");
        return new JnaAdmConnect(org.libvirt4j.jna.internal.AdminNatives.pointer("virAdmConnectOpen",
                uri == null ? null : CStrings.of(uri), flags));
    }

    @Override
    public long adminLibraryVersion() {
        long[] version = new long[1];
        org.libvirt4j.jna.internal.AdminNatives.check("virAdmGetVersion", (Object) version);
        return version[0];
    }

    @Override
    public void eventRegisterDefaultImpl() {
        Events.registerDefaultImpl();
    }

    /**
     * {@code virDomainLxcEnterSecurityLabel} with C's structs laid out in {@link com.sun.jna.Memory}:
     * {@code virSecurityModel} is {@code char model[257], doi[257]}, {@code virSecurityLabel} is
     * {@code char label[4097]; int enforcing} (4104 bytes with padding).
     */
    @Override
    public org.libvirt4j.SecurityLabel lxcEnterSecurityLabel(org.libvirt4j.NodeSecurityModel model,
            org.libvirt4j.SecurityLabel label, int flags) {
        String fn = "virDomainLxcEnterSecurityLabel";
        var f = QemuNatives.get(QemuNatives.Lib.LXC, fn);
        try (com.sun.jna.Memory m = new com.sun.jna.Memory(514); com.sun.jna.Memory l = new com.sun.jna.Memory(4104);
                com.sun.jna.Memory old = new com.sun.jna.Memory(4104)) {
            m.clear();
            l.clear();
            old.clear();
            putBounded(m, 0, model.model(), 257);
            putBounded(m, 257, model.doi(), 257);
            putBounded(l, 0, label.label(), 4097);
            l.setInt(4100, label.enforcing() ? 1 : 0);
            Errors.check(f.invokeInt(new Object[] {m, l, old, flags}), fn);
            return new org.libvirt4j.SecurityLabel(CStrings.fromBuffer(old.getByteArray(0, 4097)), old.getInt(4100) == 1);
        }
    }

    /** Copies s into a C {@code char[size]}, cut to leave its NUL as libvirt's own copies do. */
    private static void putBounded(com.sun.jna.Memory m, long offset, String s, int size) {
        if (s == null) {
            return;
        }
        byte[] b = org.libvirt4j.spi.CStrings.requireNoNul(s).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        m.write(offset, b, 0, Math.min(b.length, size - 1));
    }

    @Override
    public Connect open(String uri, ConnectAuth auth, ConnectFlags... flags) {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(flags, "flags");
        int mask = LibvirtEnum.mask(flags);
        Natives.ensureLoaded();
        org.libvirt4j.spi.NativeLibraryUse.claim(org.libvirt4j.spi.NativeLibraryUse.Use.CONNECTIONS,
                auth == null && mask == 0 ? "virConnectOpen"
                        : auth == null && mask == ConnectFlags.RO.value() ? "virConnectOpenReadOnly" : "virConnectOpenAuth");
        byte[] name = CStrings.of(uri);
        if (auth == null && mask == 0) {
            return new JnaConnect(Errors.ptr(Virt.virConnectOpen(name), "virConnectOpen"));
        }
        if (auth == null && mask == ConnectFlags.RO.value()) {
            return new JnaConnect(Errors.ptr(Virt.virConnectOpenReadOnly(name), "virConnectOpenReadOnly"));
        }
        if (auth == null) {
            // Other flags only travel through virConnectOpenAuth, which takes a NULL auth.
            return new JnaConnect(Errors.ptr(Virt.virConnectOpenAuth(name, 0, mask), "virConnectOpenAuth"));
        }
        // The Auth (and with it the callback's native trampoline) stays reachable until closed.
        try (Auth nativeAuth = new Auth(auth)) {
            long conn = Virt.virConnectOpenAuth(name, nativeAuth.address(), mask);
            Throwable failure = nativeAuth.failure();
            if (conn == 0) {
                LibvirtException error = Errors.last("virConnectOpenAuth", failure);
                if (failure instanceof Error) {
                    // A JVM Error is never turned into a libvirt error: rethrown once libvirt is out.
                    failure.addSuppressed(error);
                    throw (Error) failure;
                }
                throw error;
            }
            if (failure instanceof Error) {
                Virt.virConnectClose(conn);
                throw (Error) failure;
            }
            return new JnaConnect(conn);
        }
    }
}

package org.libvirt4j.jni;

import com.google.auto.service.AutoService;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.libvirt4j.Connect;
import org.libvirt4j.ConnectAuth;
import org.libvirt4j.ConnectCredentialType;
import org.libvirt4j.ConnectFlags;
import org.libvirt4j.LibvirtEnum;
import org.libvirt4j.spi.LibvirtBackend;

/**
 * The JNI backend: libvirt.so.0 through libvirt4j's own C glue ({@code libvirt4j-jni.so},
 * shipped in this jar), one JNI call per API call. libvirt is opened with {@code dlopen} and
 * each function resolved with {@code dlsym} on first use, so one jar works with older and
 * newer libvirt; a function the installed libvirt lacks throws {@code ERR_NO_SUPPORT}.
 *
 * <p>The native library is loaded on first use and once; when it cannot be,
 * {@link #unavailabilityCause()} says why and every {@link #open} throws {@code ERR_NO_SUPPORT}.
 */
@AutoService(LibvirtBackend.class)
public final class JniBackend implements LibvirtBackend {
    /** The name users select this backend by. */
    public static final String NAME = "jni";
    /** The rank in automatic selection: the fastest native path comes first. */
    public static final int PRIORITY = 30;

    /** Creates the backend; cheap, loads nothing. */
    public JniBackend() {
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
            return NativeLibrary.unavailabilityCause();
        } catch (LinkageError e) {
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
     * @throws org.libvirt4j.LibvirtException {@code ERR_NO_SUPPORT} when the backend is unavailable
     */
    @Override
    public long libraryVersion() {
        NativeLibrary.ensureLoaded();
        return JniNatives.getVersion();
    }

    /**
     * Registers libvirt's default event loop once and runs it on the daemon thread
     * {@code libvirt4j-jni-events}.
     *
     * @throws org.libvirt4j.LibvirtException {@code ERR_NO_SUPPORT} when the backend is unavailable
     */
    @Override
    public void eventRegisterDefaultImpl() {
        JniEvents.registerDefaultImpl();
    }

    @Override
    public org.libvirt4j.AdmConnect openAdmin(String uri, int flags) {
        NativeLibrary.ensureLoaded();
        // a missing libvirt-admin.so.0 is ERR_NO_SUPPORT before the process is claimed for it
        JniAdmNatives.version();
        org.libvirt4j.spi.NativeLibraryUse.claim(org.libvirt4j.spi.NativeLibraryUse.Use.ADMIN, "virAdmConnectOpen");
        return new JniAdmConnect(JniObject.ptr(JniAdmNatives.open(uri, flags), "virAdmConnectOpen"));
    }

    @Override
    public long adminLibraryVersion() {
        NativeLibrary.ensureLoaded();
        return JniAdmNatives.version();
    }

    @Override
    public org.libvirt4j.SecurityLabel lxcEnterSecurityLabel(org.libvirt4j.NodeSecurityModel model,
            org.libvirt4j.SecurityLabel label, int flags) {
        NativeLibrary.ensureLoaded();
        Object[] old = JniQemuNatives.lxcEnterSecurityLabel(model.model(), model.doi(), label.label(), label.enforcing(),
                flags);
        return new org.libvirt4j.SecurityLabel((String) old[0], (Boolean) old[1]);
    }

    @Override
    public Connect open(String uri, ConnectAuth auth, ConnectFlags... flags) {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(flags, "flags");
        int mask = LibvirtEnum.mask(flags);
        NativeLibrary.ensureLoaded();
        org.libvirt4j.spi.NativeLibraryUse.claim(org.libvirt4j.spi.NativeLibraryUse.Use.CONNECTIONS,
                auth == null && mask == 0 ? "virConnectOpen"
                        : auth == null && mask == ConnectFlags.RO.value() ? "virConnectOpenReadOnly" : "virConnectOpenAuth");
        if (auth == null && mask == 0) {
            return new JniConnect(JniObject.ptr(LibvirtNatives.virConnectOpen(uri), "virConnectOpen"));
        }
        if (auth == null && mask == ConnectFlags.RO.value()) {
            return new JniConnect(JniObject.ptr(LibvirtNatives.virConnectOpenReadOnly(uri), "virConnectOpenReadOnly"));
        }
        if (auth == null) {
            return new JniConnect(JniObject.ptr(JniNatives.openAuth(uri, null, null, mask), "virConnectOpenAuth"));
        }
        List<ConnectCredentialType> types = auth.credTypes();
        int[] raw = new int[types.size()];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = types.get(i).value();
        }
        return new JniConnect(JniObject.ptr(JniNatives.openAuth(uri, raw, auth.callback(), mask), "virConnectOpenAuth"));
    }
}

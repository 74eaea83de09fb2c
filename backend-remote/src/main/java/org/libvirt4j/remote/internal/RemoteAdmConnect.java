package org.libvirt4j.remote.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.libvirt4j.AdmCloseCallback;
import org.libvirt4j.AdmServer;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.remote.generated.AdminConnectGetLibVersionRet;
import org.libvirt4j.remote.generated.AdminConnectGetLoggingFiltersArgs;
import org.libvirt4j.remote.generated.AdminConnectGetLoggingFiltersRet;
import org.libvirt4j.remote.generated.AdminConnectGetLoggingOutputsArgs;
import org.libvirt4j.remote.generated.AdminConnectGetLoggingOutputsRet;
import org.libvirt4j.remote.generated.AdminConnectListServersArgs;
import org.libvirt4j.remote.generated.AdminConnectListServersRet;
import org.libvirt4j.remote.generated.AdminConnectLookupServerArgs;
import org.libvirt4j.remote.generated.AdminConnectLookupServerRet;
import org.libvirt4j.remote.generated.AdminConnectSetDaemonTimeoutArgs;
import org.libvirt4j.remote.generated.AdminConnectSetLoggingFiltersArgs;
import org.libvirt4j.remote.generated.AdminConnectSetLoggingOutputsArgs;
import org.libvirt4j.remote.generated.AdminNonnullServer;
import org.libvirt4j.remote.generated.AdminProcedure;
import org.libvirt4j.spi.AdmConnectContract;
import org.libvirt4j.spi.CloseCallbacks;
import org.libvirt4j.spi.ObjectKind;

/** {@link org.libvirt4j.AdmConnect} over the admin program of a daemon's admin socket. */
public final class RemoteAdmConnect extends RemoteAdmHandle implements AdmConnectContract {
    private static final System.Logger LOG = System.getLogger(RemoteAdmConnect.class.getName());
    private final AtomicReference<AdmCloseCallback> closeCallback;

    private RemoteAdmConnect(AdminSession session, AtomicReference<AdmCloseCallback> closeCallback) {
        super(session, ObjectKind.ADM_CONNECT);
        // the session starts with the reference this handle owns; the base class took a second one
        session.release();
        this.closeCallback = closeCallback;
    }

    /**
     * Opens an admin connection ({@code virAdmConnectOpen}).
     *
     * @param uri the admin URI, or {@code null} for libvirt's default
     * @param flags {@code virConnectFlags}
     * @return the connection
     */
    public static RemoteAdmConnect open(String uri, int flags) {
        AdminSession session = AdminSession.open(uri, flags);
        RemoteAdmConnect conn = new RemoteAdmConnect(session, new AtomicReference<>());
        AtomicReference<AdmCloseCallback> registered = conn.closeCallback;
        // weakly: the socket's listener must not keep a forgotten handle from its Cleaner
        java.lang.ref.WeakReference<RemoteAdmConnect> weak = new java.lang.ref.WeakReference<>(conn);
        // libvirt calls the callback once, then forgets it
        session.onClose(reason -> {
            AdmCloseCallback cb = registered.getAndSet(null);
            RemoteAdmConnect live = weak.get();
            if (cb != null && live != null) {
                try {
                    CloseCallbacks.run(live, () -> cb.onClose(live, reason));
                } catch (RuntimeException | Error e) {
                    LOG.log(System.Logger.Level.WARNING, "an admin close callback threw", e);
                }
            }
        });
        return conn;
    }

    @Override
    public List<AdmServer> rawListServers(int flags) {
        AdminConnectListServersRet r = call("virAdmConnectListServers", AdminProcedure.ADMIN_PROC_CONNECT_LIST_SERVERS,
                new AdminConnectListServersArgs(1, flags)::encode, AdminConnectListServersRet::decode);
        List<AdmServer> out = new ArrayList<>(r.servers().size());
        for (AdminNonnullServer s : r.servers()) {
            out.add(new RemoteAdmServer(session, s));
        }
        return List.copyOf(out);
    }

    @Override
    public AdmServer rawLookupServer(String name, int flags) {
        AdminConnectLookupServerRet r = call("virAdmConnectLookupServer", AdminProcedure.ADMIN_PROC_CONNECT_LOOKUP_SERVER,
                new AdminConnectLookupServerArgs(name, flags)::encode, AdminConnectLookupServerRet::decode);
        return new RemoteAdmServer(session, r.srv());
    }

    @Override
    public String rawGetLogging(Logging which, int flags) {
        String s = switch (which) {
            case OUTPUTS -> call(which.getter(), AdminProcedure.ADMIN_PROC_CONNECT_GET_LOGGING_OUTPUTS,
                    new AdminConnectGetLoggingOutputsArgs(flags)::encode, AdminConnectGetLoggingOutputsRet::decode).outputs();
            case FILTERS -> call(which.getter(), AdminProcedure.ADMIN_PROC_CONNECT_GET_LOGGING_FILTERS,
                    new AdminConnectGetLoggingFiltersArgs(flags)::encode, AdminConnectGetLoggingFiltersRet::decode).filters();
        };
        return s == null ? "" : s;
    }

    @Override
    public void rawSetLogging(Logging which, String value, int flags) {
        switch (which) {
            case OUTPUTS -> call(which.setter(), AdminProcedure.ADMIN_PROC_CONNECT_SET_LOGGING_OUTPUTS,
                    new AdminConnectSetLoggingOutputsArgs(value, flags)::encode, null);
            case FILTERS -> call(which.setter(), AdminProcedure.ADMIN_PROC_CONNECT_SET_LOGGING_FILTERS,
                    new AdminConnectSetLoggingFiltersArgs(value, flags)::encode, null);
        }
    }

    @Override
    public void rawSetDaemonTimeout(int timeout, int flags) {
        call("virAdmConnectSetDaemonTimeout", AdminProcedure.ADMIN_PROC_CONNECT_SET_DAEMON_TIMEOUT,
                new AdminConnectSetDaemonTimeoutArgs(timeout, flags)::encode, null);
    }

    @Override
    public long rawGetLibVersion() {
        return call("virAdmConnectGetLibVersion", AdminProcedure.ADMIN_PROC_CONNECT_GET_LIB_VERSION, null,
                AdminConnectGetLibVersionRet::decode).libVer();
    }

    @Override
    public String rawGetURI() {
        check("virAdmConnectGetURI");
        return session.uri;
    }

    @Override
    public boolean rawIsAlive() {
        check("virAdmConnectIsAlive");
        return session.rpc.isAlive();
    }

    @Override
    public void rawRegisterCloseCallback(AdmCloseCallback callback) {
        check("virAdmConnectRegisterCloseCallback");
        if (!closeCallback.compareAndSet(null, callback)) {
            throw LibvirtException.of(ErrorNumber.ERR_OPERATION_INVALID, ErrorDomain.ADMIN,
                    "Requested operation is not valid: A close callback is already registered");
        }
    }

    @Override
    public void rawUnregisterCloseCallback() {
        check("virAdmConnectUnregisterCloseCallback");
        if (closeCallback.getAndSet(null) == null) {
            throw LibvirtException.of(ErrorNumber.ERR_OPERATION_INVALID, ErrorDomain.NONE,
                    "Requested operation is not valid: A different callback was requested");
        }
    }
}

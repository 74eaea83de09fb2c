package org.libvirt4j.remote.internal;

import java.util.List;
import org.libvirt4j.remote.generated.AdminClientCloseArgs;
import org.libvirt4j.remote.generated.AdminClientGetInfoArgs;
import org.libvirt4j.remote.generated.AdminClientGetInfoRet;
import org.libvirt4j.remote.generated.AdminNonnullClient;
import org.libvirt4j.remote.generated.AdminProcedure;
import org.libvirt4j.spi.AdmClientContract;
import org.libvirt4j.spi.ObjectKind;
import org.libvirt4j.spi.TypedParameter;

/** {@link org.libvirt4j.AdmClient}: a client's server, id, timestamp and transport, as the daemon sent them. */
final class RemoteAdmClient extends RemoteAdmHandle implements AdmClientContract {
    private final AdminNonnullClient ref;

    RemoteAdmClient(AdminSession session, AdminNonnullClient ref) {
        super(session, ObjectKind.ADM_CLIENT);
        this.ref = ref;
    }

    @Override
    public long rawGetID() {
        check("virAdmClientGetID");
        return ref.id();
    }

    @Override
    public long rawGetTimestamp() {
        check("virAdmClientGetTimestamp");
        return ref.timestamp();
    }

    @Override
    public int rawGetTransport() {
        check("virAdmClientGetTransport");
        return ref.transport();
    }

    @Override
    public List<TypedParameter> rawGetInfo(int flags) {
        return fromWire(call("virAdmClientGetInfo", AdminProcedure.ADMIN_PROC_CLIENT_GET_INFO,
                new AdminClientGetInfoArgs(ref, flags)::encode, AdminClientGetInfoRet::decode).params());
    }

    @Override
    public void rawClose(int flags) {
        call("virAdmClientClose", AdminProcedure.ADMIN_PROC_CLIENT_CLOSE, new AdminClientCloseArgs(ref, flags)::encode, null);
    }
}

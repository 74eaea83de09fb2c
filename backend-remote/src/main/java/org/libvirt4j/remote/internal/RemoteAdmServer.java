package org.libvirt4j.remote.internal;

import java.util.ArrayList;
import java.util.List;
import org.libvirt4j.AdmClient;
import org.libvirt4j.remote.generated.AdminNonnullClient;
import org.libvirt4j.remote.generated.AdminNonnullServer;
import org.libvirt4j.remote.generated.AdminProcedure;
import org.libvirt4j.remote.generated.AdminServerGetClientLimitsArgs;
import org.libvirt4j.remote.generated.AdminServerGetClientLimitsRet;
import org.libvirt4j.remote.generated.AdminServerGetThreadpoolParametersArgs;
import org.libvirt4j.remote.generated.AdminServerGetThreadpoolParametersRet;
import org.libvirt4j.remote.generated.AdminServerListClientsArgs;
import org.libvirt4j.remote.generated.AdminServerListClientsRet;
import org.libvirt4j.remote.generated.AdminServerLookupClientArgs;
import org.libvirt4j.remote.generated.AdminServerLookupClientRet;
import org.libvirt4j.remote.generated.AdminServerSetClientLimitsArgs;
import org.libvirt4j.remote.generated.AdminServerSetThreadpoolParametersArgs;
import org.libvirt4j.remote.generated.AdminServerUpdateTlsFilesArgs;
import org.libvirt4j.spi.AdmServerContract;
import org.libvirt4j.spi.ObjectKind;
import org.libvirt4j.spi.TypedParameter;

/** {@link org.libvirt4j.AdmServer}: a server's name on the admin wire. */
final class RemoteAdmServer extends RemoteAdmHandle implements AdmServerContract {
    private final AdminNonnullServer ref;

    RemoteAdmServer(AdminSession session, AdminNonnullServer ref) {
        super(session, ObjectKind.ADM_SERVER);
        this.ref = ref;
    }

    @Override
    public String rawGetName() {
        check("virAdmServerGetName");
        return ref.name();
    }

    @Override
    public List<TypedParameter> rawGetParameters(Parameters which, int flags) {
        return fromWire(switch (which) {
            case THREAD_POOL -> call(which.getter(), AdminProcedure.ADMIN_PROC_SERVER_GET_THREADPOOL_PARAMETERS,
                    new AdminServerGetThreadpoolParametersArgs(ref, flags)::encode,
                    AdminServerGetThreadpoolParametersRet::decode).params();
            case CLIENT_LIMITS -> call(which.getter(), AdminProcedure.ADMIN_PROC_SERVER_GET_CLIENT_LIMITS,
                    new AdminServerGetClientLimitsArgs(ref, flags)::encode, AdminServerGetClientLimitsRet::decode).params();
        });
    }

    @Override
    public void rawSetParameters(Parameters which, List<TypedParameter> params, int flags) {
        switch (which) {
            case THREAD_POOL -> call(which.setter(), AdminProcedure.ADMIN_PROC_SERVER_SET_THREADPOOL_PARAMETERS,
                    new AdminServerSetThreadpoolParametersArgs(ref, toWire(params), flags)::encode, null);
            case CLIENT_LIMITS -> call(which.setter(), AdminProcedure.ADMIN_PROC_SERVER_SET_CLIENT_LIMITS,
                    new AdminServerSetClientLimitsArgs(ref, toWire(params), flags)::encode, null);
        }
    }

    @Override
    public List<AdmClient> rawListClients(int flags) {
        AdminServerListClientsRet r = call("virAdmServerListClients", AdminProcedure.ADMIN_PROC_SERVER_LIST_CLIENTS,
                new AdminServerListClientsArgs(ref, 1, flags)::encode, AdminServerListClientsRet::decode);
        List<AdmClient> out = new ArrayList<>(r.clients().size());
        for (AdminNonnullClient c : r.clients()) {
            out.add(new RemoteAdmClient(session, c));
        }
        return List.copyOf(out);
    }

    @Override
    public AdmClient rawLookupClient(long id, int flags) {
        AdminServerLookupClientRet r = call("virAdmServerLookupClient", AdminProcedure.ADMIN_PROC_SERVER_LOOKUP_CLIENT,
                new AdminServerLookupClientArgs(ref, id, flags)::encode, AdminServerLookupClientRet::decode);
        return new RemoteAdmClient(session, r.clnt());
    }

    @Override
    public void rawUpdateTlsFiles(int flags) {
        call("virAdmServerUpdateTlsFiles", AdminProcedure.ADMIN_PROC_SERVER_UPDATE_TLS_FILES,
                new AdminServerUpdateTlsFilesArgs(ref, flags)::encode, null);
    }
}

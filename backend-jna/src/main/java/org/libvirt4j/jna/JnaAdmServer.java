package org.libvirt4j.jna;

import com.sun.jna.Pointer;
import java.util.List;
import org.libvirt4j.AdmClient;
import org.libvirt4j.jna.internal.AdminNatives;
import org.libvirt4j.jna.internal.Errors;
import org.libvirt4j.jna.internal.TypedParams;
import org.libvirt4j.spi.AdmServerContract;
import org.libvirt4j.spi.NativeHandle;
import org.libvirt4j.spi.ObjectKind;
import org.libvirt4j.spi.TypedParameter;

/** {@link org.libvirt4j.AdmServer} over a {@code virAdmServerPtr}. */
final class JnaAdmServer implements AdmServerContract {
    private final NativeHandle h;

    JnaAdmServer(long srv) {
        this.h = new NativeHandle(ObjectKind.ADM_SERVER, srv, p -> AdminNatives.free("virAdmServerFree", p));
    }

    @Override
    public void close() {
        h.close();
    }

    @Override
    public String rawGetName() {
        String fn = "virAdmServerGetName";
        return h.call(fn, s -> Errors.constString(AdminNatives.function(fn).invokeLong(new Object[] {s}), fn));
    }

    @Override
    public List<TypedParameter> rawGetParameters(Parameters which, int flags) {
        String fn = which.getter();
        return h.call(fn, s -> readAllocated(fn, s, flags));
    }

    /** Calls {@code int fn(obj, virTypedParameterPtr *, int *, flags)}, then frees libvirt's array. */
    static List<TypedParameter> readAllocated(String fn, long object, int flags) {
        long[] array = new long[1];
        int[] n = new int[1];
        AdminNatives.check(fn, object, array, n, flags);
        long p = array[0];
        try {
            return p == 0 || n[0] <= 0 ? List.of() : TypedParams.read(new Pointer(p), n[0]);
        } finally {
            if (p != 0) {
                NativeFunctions.get("virTypedParamsFree").invokeVoid(new Object[] {new Pointer(p), n[0]});
            }
        }
    }

    @Override
    public void rawSetParameters(Parameters which, List<TypedParameter> params, int flags) {
        String fn = which.setter();
        long s = h.acquire(fn);
        try (TypedParams.Packed packed = TypedParams.pack(params)) {
            AdminNatives.check(fn, s, new Pointer(packed.address()), packed.count(), flags);
        } finally {
            h.release();
        }
    }

    @Override
    public List<AdmClient> rawListClients(int flags) {
        String fn = "virAdmServerListClients";
        return h.call(fn, s -> {
            long[] array = new long[1];
            int n = AdminNatives.check(fn, s, array, flags);
            return NativeLists.wrap(array[0], n, JnaAdmClient::new);
        });
    }

    @Override
    public AdmClient rawLookupClient(long id, int flags) {
        String fn = "virAdmServerLookupClient";
        return h.call(fn, s -> new JnaAdmClient(AdminNatives.pointer(fn, s, id, flags)));
    }

    @Override
    public void rawUpdateTlsFiles(int flags) {
        String fn = "virAdmServerUpdateTlsFiles";
        h.run(fn, s -> AdminNatives.check(fn, s, flags));
    }
}

package org.libvirt4j.remote.internal;

import java.util.Arrays;
import java.util.List;
import org.libvirt4j.TypedParameterFlags;
import org.libvirt4j.spi.TypedParameter;
import org.libvirt4j.spi.TypedReply;
import org.libvirt4j.spi.generated.TypedFn;

/**
 * Every generated typed-parameter function over the wire, as libvirt's own client sends them:
 * a caller-allocated array ({@code A}) is asked for twice (the count, then the values), with
 * {@code VIR_TYPED_PARAM_STRING_OKAY} added when the daemon supports string parameters, as
 * libvirt's public API adds it; the other shapes are one call ({@link RemoteTypedCalls}).
 */
final class RemoteTyped {
    private RemoteTyped() {
    }

    static TypedReply invoke(Session session, TypedFn fn, Object self, List<TypedParameter> params, Object[] args) {
        int flags = (Integer) args[args.length - 1];
        Object[] a = Arrays.copyOf(args, args.length - 1);
        String sig = fn.signature();
        if (fn == TypedFn.virDomainMigrateToURI3) {
            // libvirt's client picks the procedure by the daemon's features (RemoteMigrate)
            RemoteMigrate.checkWritable("virDomainMigrateToURI3", session);
            RemoteMigrate.toURI3(new RemoteMigrate.Source(session, (org.libvirt4j.remote.generated.RemoteNonnullDomain) self),
                    (String) a[0], params == null ? List.of() : params, flags);
            return new TypedReply(0, List.of());
        }
        if (sig.indexOf('A') >= 0) {
            int wire = session.typedParamString ? flags | TypedParameterFlags.STRING_OKAY.value() : flags;
            int n = RemoteTypedCalls.call(session, fn, self, null, 0, wire, a).value();
            if (n <= 0) {
                return new TypedReply(0, List.of());
            }
            return new TypedReply(0, RemoteTypedCalls.call(session, fn, self, null, n, wire, a).params());
        }
        TypedReply r = RemoteTypedCalls.call(session, fn, self, params == null ? List.of() : params, 0, flags, a);
        if (sig.indexOf('a') >= 0) {
            return new TypedReply(sig.indexOf('i') >= 0 ? r.value() : 0, r.params());
        }
        return new TypedReply(0, List.of());
    }
}

package org.libvirt4j.remote.internal;

import io.netty.handler.ssl.SslContext;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import org.libvirt4j.remote.internal.rpc.RpcSettings;

/**
 * The connection options the remote backend honours, read once from {@code ConnectOptions} by
 * {@code RemoteBackend}: what {@link Session#open} needs beyond the URI.
 *
 * @param rpc the client's call timeout, spin window and event loops
 * @param sslContext the application's TLS context, replacing the credentials files; or null
 * @param pkiPath the directory of the TLS credentials, overriding the URI's {@code pkipath}; or null
 * @param keepAliveSeconds keepalive started at open ({@code virConnectSetKeepAlive}); 0 for none
 * @param keepAliveCount unanswered keepalive probes tolerated
 * @param eventExecutor runs the connection's event callbacks; null for the backend's shared thread
 */
public record OpenSettings(RpcSettings rpc, SslContext sslContext, Path pkiPath, int keepAliveSeconds,
        int keepAliveCount, Executor eventExecutor) {
    /** @return no option given: the system properties' defaults, the shared event loops and event thread */
    public static OpenSettings defaults() {
        return new OpenSettings(RpcSettings.defaults(), null, null, 0, 0, null);
    }
}

package org.libvirt4j.remote;

import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslContext;
import java.nio.file.Path;
import org.libvirt4j.ConnectOption;

/**
 * The {@link org.libvirt4j.ConnectOptions} keys only the remote backend honours, next to the
 * common ones ({@link ConnectOption#CALL_TIMEOUT}, {@link ConnectOption#KEEPALIVE},
 * {@link ConnectOption#EVENT_EXECUTOR}).
 *
 * <pre>{@code
 * EventLoopGroup loops = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
 * ConnectOptions options = ConnectOptions.builder()
 *         .set(RemoteOptions.EVENT_LOOP_GROUP, loops)
 *         .callTimeout(Duration.ofSeconds(10))
 *         .build();
 * }</pre>
 */
public final class RemoteOptions {
    /**
     * The Netty event loops that read the connection's socket, instead of the backend's shared
     * ones: the application owns them, and the backend never shuts them down. TCP, TLS and the
     * SSH tunnels need NIO loops (a group made with {@code NioIoHandler.newFactory()}). A
     * {@code +unix} connection passes file descriptors only on Netty's epoll transport: on a
     * group made with {@code EpollIoHandler.newFactory()} it runs there; on a NIO group it stays
     * on NIO and refuses descriptors as libvirt's client does over TCP ("Sending file descriptors
     * is not supported on this socket").
     */
    public static final ConnectOption<EventLoopGroup> EVENT_LOOP_GROUP = ConnectOption.of("remote.eventLoopGroup",
            EventLoopGroup.class);
    /**
     * The TLS client context of a {@code +tls} connection, instead of one made from the
     * credentials files ({@code cacert.pem}, {@code clientcert.pem}, {@code clientkey.pem}); the
     * daemon's certificate must still name the host unless the URI says {@code no_verify=1}.
     * Refused together with {@link #PKI_PATH}.
     */
    public static final ConnectOption<SslContext> SSL_CONTEXT = ConnectOption.of("remote.sslContext",
            SslContext.class);
    /**
     * The directory of a {@code +tls} connection's credentials files, overriding the URI's
     * {@code pkipath} and the default locations.
     */
    public static final ConnectOption<Path> PKI_PATH = ConnectOption.of("remote.pkiPath", Path.class);

    private RemoteOptions() {
    }
}

/**
 * libvirt4j's pure-Java backend: libvirt's RPC protocol over unix sockets, TCP, TLS and
 * SSH, on Netty (and Apache MINA SSHD for the pure-Java SSH transports).
 */
module org.libvirt4j.remote {
    // RemoteOptions' keys are the API's ConnectOption
    requires transitive org.libvirt4j;
    requires io.netty.buffer;
    requires io.netty.common;
    // RemoteOptions' keys are Netty types (EventLoopGroup, SslContext): users of the option see them
    requires transitive io.netty.transport;
    requires io.netty.codec;
    requires transitive io.netty.handler;
    // descriptor passing on unix sockets; optional at run time: without epoll, unix sockets use NIO
    requires io.netty.transport.classes.epoll;
    requires io.netty.transport.unix.common;
    // the JDK's SASL clients (DIGEST-MD5, GSSAPI) for the daemon's SASL authentication
    requires java.security.sasl;
    requires org.apache.sshd.osgi;
    // not used directly: MINA SSHD takes its Ed25519 support from BouncyCastle when it is there
    requires org.bouncycastle.provider;
    // MINA SSHD's logging API, resolved for it (an automatic module reads only resolved modules)
    requires org.slf4j;
    requires static com.google.auto.service;

    exports org.libvirt4j.remote;

    provides org.libvirt4j.spi.LibvirtBackend with org.libvirt4j.remote.RemoteBackend;
}

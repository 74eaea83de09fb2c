/**
 * libvirt4j's pure-Java backend: libvirt's RPC protocol over unix sockets, TCP and TLS, on Netty.
 */
module org.libvirt4j.remote {
    requires org.libvirt4j;
    requires io.netty.buffer;
    requires io.netty.common;
    requires io.netty.transport;
    requires io.netty.codec;
    requires io.netty.handler;
    requires static com.google.auto.service;

    provides org.libvirt4j.spi.LibvirtBackend with org.libvirt4j.remote.RemoteBackend;
}

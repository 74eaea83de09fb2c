package org.libvirt4j.remote;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;

/**
 * The whole TCK again with the transport forced to NIO: where Netty's native epoll library
 * loads, {@link RemoteTckTest} runs on epoll, and this keeps the pure-Java fallback certified.
 */
@DisplayName("TCK on the remote backend over the pure-Java NIO transport")
class RemoteNioTckTest extends RemoteTckTest {
    private static final String KEY = "libvirt4j.remote.transport";
    private static String before;

    @BeforeAll
    static void forceNio() {
        before = System.getProperty(KEY);
        System.setProperty(KEY, "nio");
    }

    @AfterAll
    static void restore() {
        if (before == null) {
            System.clearProperty(KEY);
        } else {
            System.setProperty(KEY, before);
        }
    }
}

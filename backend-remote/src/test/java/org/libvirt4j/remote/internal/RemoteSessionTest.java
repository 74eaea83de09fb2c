package org.libvirt4j.remote.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.libvirt4j.Connect;
import org.libvirt4j.ConnectFlags;
import org.libvirt4j.Domain;
import org.libvirt4j.DomainInfo;
import org.libvirt4j.DomainState;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorLevel;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.Libvirt;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.remote.RemoteBackend;
import org.libvirt4j.remote.generated.RemoteProcedure;
import org.libvirt4j.spi.ObjectKind;
import org.libvirt4j.tck.Fixtures;
import org.libvirt4j.tck.PrivateLibvirtd;

/** The session against a real private libvirtd: handshake, names, errors, lifetimes, concurrency, death. */
class RemoteSessionTest {
    private static final Path NODE = Fixtures.path(Fixtures.NODE);

    private static String unixUri() {
        return PrivateLibvirtd.shared().testUnixUri(NODE);
    }

    private static String tcpUri() {
        return PrivateLibvirtd.shared().testTcpUri(NODE);
    }

    private static Session session(Connect c) {
        return ((RemoteConnect) c).session;
    }

    @Test
    @DisplayName("The daemon is opened with the URI minus transport and client parameters, over unix and TCP")
    void nameSentToDaemon() {
        String expected = "test://" + NODE.toAbsolutePath();
        for (String uri : List.of(unixUri(), tcpUri())) {
            try (Connect c = RemoteConnect.open(uri)) {
                String sent = session(c).call(RemoteProcedure.REMOTE_PROC_CONNECT_GET_URI, null, Wire::str);
                assertThat(sent).isEqualTo(expected);
                assertThat(c.getURI()).as("virConnectGetURI is the URI the client opened").isEqualTo(uri);
                assertThat(c.getType()).isEqualTo("TEST");
                assertThat(c.isAlive()).isTrue();
            }
        }
    }

    @Test
    @DisplayName("Unix connections are secure, TCP ones are not, neither is encrypted (as the C remote driver says)")
    void secureAndEncrypted() {
        try (Connect unix = RemoteConnect.open(unixUri()); Connect tcp = RemoteConnect.open(tcpUri())) {
            assertThat(unix.isSecure()).isTrue();
            assertThat(tcp.isSecure()).isFalse();
            assertThat(unix.isEncrypted()).isFalse();
            assertThat(tcp.isEncrypted()).isFalse();
        }
    }

    @Test
    @DisplayName("The backend is found by name, supports remote URIs and reports protocol version 9.0.0")
    void backendDiscovery() {
        RemoteBackend b = new RemoteBackend();
        assertThat(b.unavailabilityCause()).isEmpty();
        assertThat(b.supports(unixUri())).isTrue();
        assertThat(b.supports("qemu:///system")).isTrue();
        assertThat(b.libraryVersion()).isEqualTo(9_000_000L);
        try (Connect c = Libvirt.using("remote").newConnect(unixUri())) {
            assertThat(c).isInstanceOf(RemoteConnect.class);
        }
    }

    @Test
    @DisplayName("A daemon error arrives with libvirt's code, domain, level and message")
    void daemonError() {
        try (Connect c = RemoteConnect.open(unixUri())) {
            assertThatThrownBy(() -> c.lookupDomainByName("no-such-domain"))
                    .isInstanceOfSatisfying(LibvirtException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorNumber.ERR_NO_DOMAIN);
                        assertThat(e.level()).isEqualTo(ErrorLevel.ERROR);
                        assertThat(e.domain()).isNotIn(ErrorDomain.RPC, ErrorDomain.REMOTE);
                        // the daemon's virError message, verbatim, as the C client shows it
                        assertThat(e.getMessage()).isEqualTo("Domain not found");
                    });
            assertThat(c.isAlive()).as("an error leaves the connection alive").isTrue();
        }
    }

    /** The expected strings are what libvirt's C client (JNA backend) reports through the same daemon. */
    @Test
    @DisplayName("Client-side argument errors have libvirt's code, domain and exact wording")
    void clientSideChecksAsLibvirt() {
        try (Connect c = RemoteConnect.open(unixUri()); Domain d = c.lookupDomainByName("tck-running")) {
            assertError(() -> c.lookupDomainByUUIDString("zz"), ErrorDomain.DOMAIN, "Invalid UUID");
            assertError(() -> c.lookupNetworkByUUIDString("zz"), ErrorDomain.NETWORK,
                    "uuidstr in virNetworkLookupByUUIDString must be a valid UUID");
            assertError(() -> c.lookupStoragePoolByUUIDString("zz"), ErrorDomain.STORAGE,
                    "uuidstr in virStoragePoolLookupByUUIDString must be a valid UUID");
            assertError(() -> c.lookupSecretByUUIDString("zz"), ErrorDomain.SECRET,
                    "uuidstr in virSecretLookupByUUIDString must be a valid UUID");
            assertError(() -> c.lookupNWFilterByUUIDString("zz"), ErrorDomain.NWFILTER,
                    "uuidstr in virNWFilterLookupByUUIDString must be a valid UUID");
            assertError(() -> d.getMemoryParameters(org.libvirt4j.DomainModificationImpact.LIVE,
                    org.libvirt4j.DomainModificationImpact.CONFIG), ErrorDomain.DOMAIN,
                    "Flags 'VIR_DOMAIN_AFFECT_LIVE' and 'VIR_DOMAIN_AFFECT_CONFIG' are mutually exclusive");
            assertError(() -> {
                d.setMemoryParameters(org.libvirt4j.DomainMemoryParameters.builder().build());
                return null;
            }, ErrorDomain.DOMAIN, "nparams in virDomainSetMemoryParameters must be greater than zero");
        }
    }

    private static void assertError(java.util.function.Supplier<?> call, ErrorDomain domain, String message) {
        assertThatThrownBy(call::get).isInstanceOfSatisfying(LibvirtException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorNumber.ERR_INVALID_ARG);
            assertThat(e.domain()).isEqualTo(domain);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    @Test
    @DisplayName("A read-only connection is refused a define by the daemon with ERR_OPERATION_DENIED")
    void readOnly() {
        try (Connect c = RemoteConnect.open(unixUri(), ConnectFlags.RO)) {
            assertThat(c.listAllDomains()).isNotEmpty().allSatisfy(Domain::close);
            assertThatThrownBy(() -> c.domainDefineXML("<domain type='test'><name>x</name><memory>1024</memory>"
                    + "<os><type>hvm</type></os></domain>"))
                    .isInstanceOfSatisfying(LibvirtException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorNumber.ERR_OPERATION_DENIED));
        }
    }

    @Test
    @DisplayName("Unreachable sockets and ports fail with ERR_SYSTEM_ERROR naming them; TLS and ssh name the missing piece")
    void unreachable() {
        assertThatThrownBy(() -> RemoteConnect.open("test+unix:///x.xml?socket=/nonexistent/sock"))
                .isInstanceOfSatisfying(LibvirtException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorNumber.ERR_SYSTEM_ERROR);
                    assertThat(e.getMessage()).contains("/nonexistent/sock");
                });
        assertThatThrownBy(() -> RemoteConnect.open("test+tcp://127.0.0.1:1/x.xml"))
                .isInstanceOfSatisfying(LibvirtException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorNumber.ERR_SYSTEM_ERROR);
                    assertThat(e.getMessage()).contains("127.0.0.1:1");
                });
        // TLS credentials are read before anything is sent, as the C client reads them
        assertThatThrownBy(() -> RemoteConnect.open("qemu+tls://127.0.0.1:1/system?pkipath=/nonexistent"))
                .isInstanceOfSatisfying(LibvirtException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorNumber.ERR_SYSTEM_ERROR);
                    assertThat(e.getMessage()).isEqualTo(
                            "Cannot read CA certificate '/nonexistent/cacert.pem': No such file or directory");
                });
        // ssh's own failure (exit 255, its input unread): libvirt's client reads a reset, with ssh's words
        assertThatThrownBy(() -> RemoteConnect.open("qemu+ssh://127.0.0.1:1/system?no_tty=1"))
                .isInstanceOfSatisfying(LibvirtException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorNumber.ERR_SYSTEM_ERROR);
                    assertThat(e.getMessage()).startsWith("Cannot recv data: ssh: connect to host 127.0.0.1 port 1: ")
                            .endsWith(": Connection reset by peer");
                });
    }

    @Test
    @DisplayName("Name, UUID and id are read from the handle; the id follows create and destroy like the C driver")
    void localIdentity() {
        try (Connect c = RemoteConnect.open(unixUri()); Domain d = c.lookupDomainByName("tck-second")) {
            assertThat(d.getID()).isEqualTo(-1);
            d.create();
            assertThat(d.getID()).isPositive();
            d.destroy();
            assertThat(d.getID()).isEqualTo(-1);
        }
    }

    @Test
    @DisplayName("Objects keep the socket open after the Connect handle closes; the last close ends the session")
    void objectsOutliveConnect() {
        Connect c = RemoteConnect.open(unixUri());
        Session s = session(c);
        Domain d = c.lookupDomainByName("tck-running");
        c.close();
        c.close();
        assertThatThrownBy(c::getType).isInstanceOfSatisfying(LibvirtException.class,
                e -> assertThat(e.code()).isEqualTo(ObjectKind.CONNECT.invalidCode()));
        assertThat(d.getInfo().state()).isEqualTo(DomainState.RUNNING);
        assertThat(s.rpc.isAlive()).isTrue();
        d.close();
        assertTimeoutPreemptively(Duration.ofSeconds(6), () -> {
            // CONNECT_CLOSE goes out without blocking the closing thread; the socket closes on its reply
            while (s.rpc.isAlive()) {
                Thread.sleep(10);
            }
        });
        assertThatThrownBy(d::getInfo).isInstanceOfSatisfying(LibvirtException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorNumber.ERR_INVALID_DOMAIN);
            assertThat(e.getMessage()).isEqualTo(ObjectKind.DOMAIN.invalid("virDomainGetInfo").getMessage());
        });
    }

    @Test
    @DisplayName("Forgotten handles are freed by the Cleaner, and the last one closes the socket")
    void cleanerClosesForgottenHandles() {
        Session s = forgetHandles();
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            while (s.rpc.isAlive()) {
                System.gc();
                Thread.sleep(50);
            }
        });
    }

    private static Session forgetHandles() {
        Connect c = RemoteConnect.open(unixUri());
        Session s = session(c);
        c.lookupDomainByName("tck-running").getInfo();
        c.newStream();
        c.close();
        return s;
    }

    @Test
    @DisplayName("Unix connections run on epoll (descriptor passing) where it loads, TCP on NIO; both carry 32 threads calling at once, errors included")
    void transports() throws Exception {
        for (String uri : List.of(unixUri(), tcpUri())) {
            try (Connect c = RemoteConnect.open(uri); Domain d = c.lookupDomainByName("tck-running")) {
                String expected = uri.equals(tcpUri()) ? "NioSocketChannel"
                        : io.netty.channel.epoll.Epoll.isAvailable() ? "EpollDomainSocketChannel" : "NioDomainSocketChannel";
                assertThat(session(c).rpc.transport()).as(uri).isEqualTo(expected);
                assertThat(hammer(d, 32, 50)).as(uri).isEqualTo(32 * 50);
                assertThatThrownBy(() -> c.lookupDomainByName("no-such-domain"))
                        .isInstanceOfSatisfying(LibvirtException.class,
                                e -> assertThat(e.code()).isEqualTo(ErrorNumber.ERR_NO_DOMAIN));
            }
        }
    }

    /** Calls getInfo {@code calls} times on each of {@code threads} threads; returns the correct answers. */
    private static int hammer(Domain d, int threads, int calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    int ok = 0;
                    for (int i = 0; i < calls; i++) {
                        DomainInfo info = d.getInfo();
                        if (info.maxMem() == 262144 && info.memory() == 131072) {
                            ok++;
                        }
                    }
                    return ok;
                }));
            }
            go.countDown();
            int total = 0;
            for (Future<Integer> f : futures) {
                total += f.get(120, TimeUnit.SECONDS);
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("An interrupted caller gets its reply or ERR_OPERATION_ABORTED, keeps its interrupt, and the "
            + "connection it shares stays up for the others")
    void interruptedCallerKeepsConnection() throws Exception {
        try (Connect c = RemoteConnect.open(unixUri()); Domain d = c.lookupDomainByName("tck-running")) {
            Thread.currentThread().interrupt();
            try {
                try {
                    // a reply that comes while the caller still spins is taken; a parked caller gives up
                    assertThat(d.getInfo().state()).isEqualTo(DomainState.RUNNING);
                } catch (LibvirtException e) {
                    assertThat(e.code()).isEqualTo(ErrorNumber.ERR_OPERATION_ABORTED);
                }
                assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is kept for the caller").isTrue();
            } finally {
                Thread.interrupted();
            }
            assertThat(c.isAlive()).isTrue();
            assertThat(hammer(d, 4, 50)).isEqualTo(4 * 50);
        }
    }

    @Test
    @DisplayName("32 threads share one connection for thousands of getInfo calls, all answered correctly")
    void concurrentCalls() throws Exception {
        try (Connect c = RemoteConnect.open(unixUri()); Domain d = c.lookupDomainByName("tck-running")) {
            ExecutorService pool = Executors.newFixedThreadPool(32);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Integer>> futures = new ArrayList<>();
                for (int t = 0; t < 32; t++) {
                    futures.add(pool.submit(() -> {
                        go.await();
                        int ok = 0;
                        for (int i = 0; i < 200; i++) {
                            DomainInfo info = d.getInfo();
                            if (info.maxMem() == 262144 && info.memory() == 131072) {
                                ok++;
                            }
                        }
                        return ok;
                    }));
                }
                go.countDown();
                for (Future<Integer> f : futures) {
                    assertThat(f.get(120, TimeUnit.SECONDS)).isEqualTo(200);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    @DisplayName("Killing the daemon (SIGKILL) fails every call in flight promptly with ERR_SYSTEM_ERROR")
    void daemonKilled() throws Exception {
        try (PrivateLibvirtd own = PrivateLibvirtd.start()) {
            Connect c = RemoteConnect.open(own.testUnixUri(NODE));
            Domain d = c.lookupDomainByName("tck-running");
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<LibvirtException>> futures = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    futures.add(pool.submit(() -> {
                        while (true) {
                            try {
                                d.getInfo();
                            } catch (LibvirtException e) {
                                return e;
                            }
                        }
                    }));
                }
                Thread.sleep(300);
                ProcessHandle.of(own.pid()).orElseThrow().destroyForcibly();
                assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                    for (Future<LibvirtException> f : futures) {
                        LibvirtException e = f.get();
                        assertThat(e.domain()).isEqualTo(ErrorDomain.RPC);
                        assertThat(e.code()).isIn(ErrorNumber.ERR_SYSTEM_ERROR, ErrorNumber.ERR_INTERNAL_ERROR);
                    }
                });
                assertThat(c.isAlive()).isFalse();
            } finally {
                pool.shutdownNow();
                d.close();
                c.close();
            }
        }
    }
}

package org.libvirt4j.jni;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.libvirt4j.Connect;
import org.libvirt4j.ConnectCloseReason;
import org.libvirt4j.Domain;
import org.libvirt4j.DomainMetadataType;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.Libvirt;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.Network;
import org.libvirt4j.StoragePool;
import org.libvirt4j.tck.Fixtures;
import org.libvirt4j.tck.PrivateLibvirtd;

/**
 * What the TCK cannot see of the JNI event glue: that libvirt frees every registration of every
 * kind when {@code close()} deregisters it, strings from C that are not ASCII, objects of
 * another backend as filters, and the close callback's keys and upcall.
 */
class JniEventsTest {
    @BeforeAll
    static void loop() {
        Libvirt.using("jni").eventRegisterDefaultImpl();
    }

    /**
     * The registry's size once libvirt has finished freeing what earlier tests in this JVM
     * deregistered (it frees some only after the event it is dispatching), so that counts taken
     * from it see this test's registrations alone.
     */
    private static int settledRegistrations() throws InterruptedException {
        int n = JniEvents.registrations();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            Thread.sleep(200);
            int now = JniEvents.registrations();
            if (now == n) {
                return n;
            }
            n = now;
        }
        return n;
    }

    private static Connect open() {
        return Libvirt.using("jni").newConnect("test:///default");
    }

    @Test
    @Timeout(30)
    @DisplayName("close() deregisters callbacks of all four kinds, and libvirt frees every registration")
    void closeFreesEveryKind() throws Exception {
        int before = settledRegistrations();
        Connect c = open();
        try (Domain d = c.lookupDomainByName("test"); Network n = c.lookupNetworkByName("default");
                StoragePool p = c.lookupStoragePoolByName("default-pool")) {
            c.domainEventLifecycleRegister(null, (conn, dom, e) -> { });
            c.domainEventMetadataChangeRegister(null, (conn, dom, e) -> { });
            c.domainEventMetadataChangeRegister(d, (conn, dom, e) -> { });
            c.networkEventLifecycleRegister(null, (conn, net, e) -> { });
            c.networkEventLifecycleRegister(n, (conn, net, e) -> { });
            c.storagePoolEventLifecycleRegister(null, (conn, pool, e) -> { });
            c.storagePoolEventLifecycleRegister(p, (conn, pool, e) -> { });
            assertThat(JniEvents.registrations()).isEqualTo(before + 7);
        }
        c.close();
        // libvirt frees at once, or after the event it is dispatching
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (JniEvents.registrations() > before && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertThat(JniEvents.registrations()).isEqualTo(before);
        assertThatThrownBy(() -> c.networkEventDeregister(0)).isInstanceOfSatisfying(LibvirtException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorNumber.ERR_INVALID_CONN));
    }

    @Test
    @Timeout(30)
    @DisplayName("Registrations libvirt refuses are forgotten at once; ids of each family deregister with their own function")
    void refusedAndPerFamilyDeregistration() throws InterruptedException {
        int before = settledRegistrations();
        try (Connect c = open()) {
            int net = c.networkEventLifecycleRegister(null, (conn, n, e) -> { });
            assertThatThrownBy(() -> c.networkEventLifecycleRegister(null, (conn, n, e) -> { }))
                    .isInstanceOf(LibvirtException.class).hasMessageContaining("event callback already tracked");
            int pool = c.storagePoolEventLifecycleRegister(null, (conn, p, e) -> { });
            int meta = c.domainEventMetadataChangeRegister(null, (conn, d, e) -> { });
            assertThat(JniEvents.registrations()).isEqualTo(before + 3);
            c.storagePoolEventDeregister(pool);
            c.domainEventDeregister(meta);
            c.networkEventDeregister(net);
        }
        assertThat(JniEvents.registrations()).isEqualTo(before);
    }

    @Test
    @Timeout(30)
    @DisplayName("A metadata namespace that is not ASCII arrives intact")
    void nonAsciiNamespace() throws Exception {
        BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        String uri = "http://libvirt4j.org/\u00e9v\u00e9nements/\u4e8b\u4ef6/\ud83d\ude80";
        try (Connect c = open(); Domain d = c.lookupDomainByName("test")) {
            int id = c.domainEventMetadataChangeRegister(d, (conn, dom, e) -> seen.add(e.type() + " " + e.nsuri()));
            d.setMetadata(DomainMetadataType.ELEMENT, "<x/>", "k", uri);
            assertThat(seen.poll(20, TimeUnit.SECONDS)).isEqualTo("ELEMENT " + uri);
            c.domainEventDeregister(id);
        }
    }

    @Test
    @DisplayName("A filter object of another backend is refused with its kind's ERR_INVALID_*; a null callback first")
    void foreignFilters() {
        Network net = foreign(Network.class);
        StoragePool pool = foreign(StoragePool.class);
        Domain dom = foreign(Domain.class);
        try (Connect c = open()) {
            assertThatThrownBy(() -> c.networkEventLifecycleRegister(net, (conn, n, e) -> { }))
                    .isInstanceOfSatisfying(LibvirtException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorNumber.ERR_INVALID_NETWORK));
            assertThatThrownBy(() -> c.storagePoolEventLifecycleRegister(pool, (conn, p, e) -> { }))
                    .isInstanceOfSatisfying(LibvirtException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorNumber.ERR_INVALID_STORAGE_POOL));
            assertThatThrownBy(() -> c.domainEventMetadataChangeRegister(dom, (conn, d, e) -> { }))
                    .isInstanceOfSatisfying(LibvirtException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorNumber.ERR_INVALID_DOMAIN));
            assertThatThrownBy(() -> c.networkEventLifecycleRegister(net, null)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> c.storagePoolEventLifecycleRegister(pool, null))
                    .isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> c.domainEventMetadataChangeRegister(dom, null))
                    .isInstanceOf(NullPointerException.class);
        }
    }

    @Test
    @Timeout(30)
    @DisplayName("A driver that keeps no close callback (test:///) accepts each one; its keys are forgotten on replace, unregister and close()")
    void closeCallbackWithoutDaemon() throws InterruptedException {
        int before = settledRegistrations();
        Connect c = open();
        try {
            assertThatThrownBy(() -> c.registerCloseCallback(null)).isInstanceOf(NullPointerException.class);
            c.registerCloseCallback((conn, reason) -> { });
            c.registerCloseCallback((conn, reason) -> { });
            assertThat(JniEvents.registrations()).isEqualTo(before + 1);
            c.unregisterCloseCallback();
            assertThat(JniEvents.registrations()).isEqualTo(before);
            c.unregisterCloseCallback();
            c.registerCloseCallback((conn, reason) -> { });
            assertThat(JniEvents.registrations()).isEqualTo(before + 1);
        } finally {
            c.close();
        }
        assertThat(JniEvents.registrations()).isEqualTo(before);
        assertThatThrownBy(() -> c.registerCloseCallback((conn, reason) -> { }))
                .isInstanceOfSatisfying(LibvirtException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorNumber.ERR_INVALID_CONN));
        assertThatThrownBy(c::unregisterCloseCallback).isInstanceOfSatisfying(LibvirtException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorNumber.ERR_INVALID_CONN));
        assertThat(JniEvents.registrations()).isEqualTo(before);
    }

    @Test
    @Timeout(60)
    @DisplayName("A close callback registration racing close() undoes itself: no key outlives the connection")
    void closeCallbackRacingClose() throws Exception {
        int before = settledRegistrations();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 500; i++) {
                Connect c = open();
                java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                java.util.concurrent.Future<?> register = pool.submit(() -> {
                    go.await();
                    try {
                        c.registerCloseCallback((conn, reason) -> { });
                    } catch (LibvirtException closed) {
                        assertThat(closed.code()).isEqualTo(ErrorNumber.ERR_INVALID_CONN);
                    }
                    return null;
                });
                java.util.concurrent.Future<?> close = pool.submit(() -> {
                    go.await();
                    c.close();
                    return null;
                });
                go.countDown();
                register.get();
                close.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(JniEvents.registrations()).isEqualTo(before);
    }

    @Test
    @Timeout(120)
    @DisplayName("When the daemon exits, a close callback that throws is contained, one that closes its own "
            + "connection returns, libvirt frees both, and the event loop goes on")
    void closeCallbackThrowingOrClosing() throws Exception {
        int before = settledRegistrations();
        BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        PrivateLibvirtd own = PrivateLibvirtd.start();
        try {
            String uri = own.testUnixUri(Fixtures.path(Fixtures.NODE));
            Connect thrower = Libvirt.using("jni").newConnect(uri);
            Connect closer = Libvirt.using("jni").newConnect(uri);
            try {
                thrower.registerCloseCallback((conn, reason) -> {
                    seen.add("thrower " + reason);
                    throw new IllegalStateException("thrown by a close callback on purpose");
                });
                closer.registerCloseCallback((conn, reason) -> {
                    conn.close();
                    seen.add("closer " + reason + " " + (conn == closer));
                });
                assertThat(JniEvents.registrations()).isEqualTo(before + 2);
                own.close();
                int eof = ConnectCloseReason.EOF.value();
                assertThat(java.util.List.of(seen.poll(60, TimeUnit.SECONDS), seen.poll(60, TimeUnit.SECONDS)))
                        .containsExactlyInAnyOrder("thrower " + eof, "closer " + eof + " true");
                assertThatThrownBy(closer::getHostname).isInstanceOfSatisfying(LibvirtException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorNumber.ERR_INVALID_CONN));
            } finally {
                thrower.close();
                closer.close();
            }
        } finally {
            own.close();
        }
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (JniEvents.registrations() > before && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertThat(JniEvents.registrations()).isEqualTo(before);
        // the loop thread came back from both callbacks and still delivers
        try (Connect c = open(); Domain d = c.lookupDomainByName("test")) {
            int id = c.domainEventMetadataChangeRegister(d, (conn, dom, e) -> seen.add("event " + e.nsuri()));
            d.setMetadata(DomainMetadataType.ELEMENT, "<x/>", "k", "http://libvirt4j.org/after-close");
            assertThat(seen.poll(20, TimeUnit.SECONDS)).isEqualTo("event http://libvirt4j.org/after-close");
            c.domainEventDeregister(id);
        }
        assertThat(seen).isEmpty();
    }

    private static <T> T foreign(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, m, args) -> {
            throw new AssertionError("the backend called " + m.getName() + " on another backend's object");
        }));
    }
}

package org.libvirt4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libvirt4j.tck.NodeFixture.*;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.libvirt4j.Connect;
import org.libvirt4j.Domain;
import org.libvirt4j.DomainEventDefinedDetailType;
import org.libvirt4j.DomainEventLifecycleCallback;
import org.libvirt4j.DomainEventResumedDetailType;
import org.libvirt4j.DomainEventStartedDetailType;
import org.libvirt4j.DomainEventStoppedDetailType;
import org.libvirt4j.DomainEventSuspendedDetailType;
import org.libvirt4j.DomainEventType;
import org.libvirt4j.DomainEventUndefinedDetailType;
import org.libvirt4j.DomainMetadataType;
import org.libvirt4j.DomainState;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtEnum;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.Network;
import org.libvirt4j.StoragePool;

/**
 * Domain, network and storage pool events, and keepalive: what needs the event loop
 * ({@code Connector.eventRegisterDefaultImpl}, which every test here runs first).
 */
public abstract class EventTck extends TckArea {
    /** How long a test waits for an event that must come. */
    private static final long EVENT_WAIT_SECONDS = 20;

    EventTck() {
    }

    /** One delivered event, with what the callback could learn by calling back into libvirt. */
    record Seen(Connect conn, String domain, DomainEventType event, int detail, DomainState stateSeen) {
    }

    @BeforeEach
    final void eventLoop() {
        tck().connector().eventRegisterDefaultImpl();
    }

    /**
     * A callback that records every event in a queue, reading the domain's state from inside the
     * callback (a call on the same connection; {@code null} once the domain is gone).
     */
    static DomainEventLifecycleCallback recorder(BlockingQueue<Seen> into) {
        return (conn, dom, event) -> {
            DomainState state;
            try {
                state = dom.getState().state();
            } catch (LibvirtException gone) {
                state = null;
            }
            into.add(new Seen(conn, dom.getName(), event.event(), event.detail(), state));
        };
    }

    static Seen next(BlockingQueue<Seen> events) throws InterruptedException {
        Seen s = events.poll(EVENT_WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(s).as("an event within %d s", EVENT_WAIT_SECONDS).isNotNull();
        return s;
    }

    static void expect(BlockingQueue<Seen> events, String domain, DomainEventType type, LibvirtEnum detail)
            throws InterruptedException {
        Seen s = next(events);
        assertThat(s.domain()).as("domain of %s", s).isEqualTo(domain);
        assertThat(s.event()).as("event of %s", s).isEqualTo(type);
        assertThat(s.detail()).as("detail of %s", s).isEqualTo(detail.value());
    }

    /** Fails when an event is lost, reordered, mis-decoded, or delivered with the wrong connection. */
    @Test
    @DisplayName("A lifecycle callback sees define, start, suspend, resume, destroy and undefine, in order")
    void fullLifecycle() throws Exception {
        BlockingQueue<Seen> events = new LinkedBlockingQueue<>();
        try (Connect c = open()) {
            int id = c.domainEventLifecycleRegister(null, recorder(events));
            assertThat(id).isNotNegative();
            String xml;
            try (Domain d = c.lookupDomainByName(SHUTOFF)) {
                xml = d.getXMLDesc().replace(SHUTOFF, "tck-events").replace(SHUTOFF_UUID.toString(),
                        "11111111-2222-3333-4444-5555555555e0");
            }
            try (Domain d = c.domainDefineXML(xml)) {
                expect(events, "tck-events", DomainEventType.DEFINED, DomainEventDefinedDetailType.ADDED);
                d.create();
                Seen started = next(events);
                assertThat(started.event()).isEqualTo(DomainEventType.STARTED);
                assertThat(started.detail()).isEqualTo(DomainEventStartedDetailType.BOOTED.value());
                assertThat(started.conn()).as("the callback gets the connection it was registered on").isSameAs(c);
                assertThat(started.stateSeen()).as("state read from inside the callback").isEqualTo(DomainState.RUNNING);
                d.suspend();
                expect(events, "tck-events", DomainEventType.SUSPENDED, DomainEventSuspendedDetailType.PAUSED);
                d.resume();
                expect(events, "tck-events", DomainEventType.RESUMED, DomainEventResumedDetailType.UNPAUSED);
                d.destroy();
                expect(events, "tck-events", DomainEventType.STOPPED, DomainEventStoppedDetailType.DESTROYED);
                d.undefine();
                expect(events, "tck-events", DomainEventType.UNDEFINED, DomainEventUndefinedDetailType.REMOVED);
            }
            c.domainEventDeregister(id);
            assertThat(events).isEmpty();
        }
    }

    /** Fails when a domain filter is ignored, or a second callback with another filter is refused or starved. */
    @Test
    @DisplayName("A callback registered for one domain sees only that domain's events")
    void domainFilter() throws Exception {
        BlockingQueue<Seen> onlySecond = new LinkedBlockingQueue<>();
        BlockingQueue<Seen> all = new LinkedBlockingQueue<>();
        try (Connect c = open(); Domain second = c.lookupDomainByName(SHUTOFF);
                Domain running = c.lookupDomainByName(RUNNING)) {
            int filtered = c.domainEventLifecycleRegister(second, recorder(onlySecond));
            int everything = c.domainEventLifecycleRegister(null, recorder(all));
            assertThat(everything).isNotEqualTo(filtered);
            running.suspend();
            expect(all, RUNNING, DomainEventType.SUSPENDED, DomainEventSuspendedDetailType.PAUSED);
            second.create();
            expect(all, SHUTOFF, DomainEventType.STARTED, DomainEventStartedDetailType.BOOTED);
            // the filtered callback's first event must be the second domain's: the other one was earlier
            expect(onlySecond, SHUTOFF, DomainEventType.STARTED, DomainEventStartedDetailType.BOOTED);
            c.domainEventDeregister(filtered);
            c.domainEventDeregister(everything);
            assertThat(onlySecond).isEmpty();
        }
    }

    /** Fails when a deregistered callback is still called. */
    @Test
    @DisplayName("After domainEventDeregister the callback is not called again")
    void deregisterStopsDelivery() throws Exception {
        BlockingQueue<Seen> first = new LinkedBlockingQueue<>();
        BlockingQueue<Seen> barrier = new LinkedBlockingQueue<>();
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING)) {
            int id = c.domainEventLifecycleRegister(null, recorder(first));
            d.suspend();
            expect(first, RUNNING, DomainEventType.SUSPENDED, DomainEventSuspendedDetailType.PAUSED);
            c.domainEventDeregister(id);
            // events are delivered in order: once a later registration has seen the resume,
            // the removed callback would have seen it too
            int later = c.domainEventLifecycleRegister(null, recorder(barrier));
            d.resume();
            expect(barrier, RUNNING, DomainEventType.RESUMED, DomainEventResumedDetailType.UNPAUSED);
            assertThat(first).as("events after deregistration").isEmpty();
            c.domainEventDeregister(later);
        }
    }

    /** Fails when a callback that throws breaks delivery of later events. */
    @Test
    @DisplayName("A callback that throws still gets the next event")
    void throwingCallback() throws Exception {
        BlockingQueue<Seen> events = new LinkedBlockingQueue<>();
        DomainEventLifecycleCallback record = recorder(events);
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING)) {
            int id = c.domainEventLifecycleRegister(null, (conn, dom, event) -> {
                record.onEvent(conn, dom, event);
                throw new IllegalStateException("thrown by the TCK on purpose");
            });
            d.suspend();
            expect(events, RUNNING, DomainEventType.SUSPENDED, DomainEventSuspendedDetailType.PAUSED);
            d.resume();
            expect(events, RUNNING, DomainEventType.RESUMED, DomainEventResumedDetailType.UNPAUSED);
            c.domainEventDeregister(id);
        }
    }

    /** Fails when metadata-change events are lost, mis-decoded or not filtered by domain. */
    @Test
    @DisplayName("A metadata-change callback sees the title and an element change, with the element's namespace")
    void metadataChange() throws Exception {
        BlockingQueue<String> changes = new LinkedBlockingQueue<>();
        String uri = "http://libvirt4j.org/tck/events";
        try (Connect c = open(); Domain d = c.lookupDomainByName(RUNNING); Domain other = c.lookupDomainByName(SHUTOFF)) {
            int id = c.domainEventMetadataChangeRegister(d, (conn, dom, e) ->
                    changes.add(dom.getName() + " " + e.type() + " " + e.nsuri()));
            other.setMetadata(DomainMetadataType.TITLE, "not seen: another domain", null, null);
            d.setMetadata(DomainMetadataType.TITLE, "a title", null, null);
            assertThat(changes.poll(EVENT_WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(RUNNING + " TITLE null");
            d.setMetadata(DomainMetadataType.ELEMENT, "<x/>", "k", uri);
            assertThat(changes.poll(EVENT_WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(RUNNING + " ELEMENT " + uri);
            assertThat(expectError(ErrorNumber.ERR_INVALID_ARG, () -> c.domainEventMetadataChangeRegister(d,
                    (conn, dom, e) -> { })).getMessage()).contains("event callback already tracked");
            // a lifecycle registration with the same filter is another event: allowed
            c.domainEventDeregister(c.domainEventLifecycleRegister(d, (conn, dom, e) -> { }));
            c.domainEventDeregister(id);
            assertThat(changes).isEmpty();
        }
    }

    /** Fails when network lifecycle events are lost, reordered or not filtered by network. */
    @Test
    @DisplayName("A network lifecycle callback sees define, start, stop and undefine; a filtered one only its network")
    void networkLifecycle() throws Exception {
        BlockingQueue<String> all = new LinkedBlockingQueue<>();
        BlockingQueue<String> onlyFixture = new LinkedBlockingQueue<>();
        try (Connect c = open(); Network fixture = c.lookupNetworkByName(NETWORK)) {
            int id = c.networkEventLifecycleRegister(null, (conn, net, e) -> {
                assertThat(conn).isSameAs(c);
                all.add(net.getName() + " " + e.event() + " " + e.detail());
            });
            int filtered = c.networkEventLifecycleRegister(fixture, (conn, net, e) ->
                    onlyFixture.add(net.getName() + " " + e.event()));
            try (Network n = c.networkDefineXML(NetworkTck.networkXml("tck-events-net",
                    java.util.UUID.fromString("22222222-3333-4444-5555-6666666666e0"), 171))) {
                assertThat(all.poll(EVENT_WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("tck-events-net DEFINED 0");
                n.create();
                assertThat(all.poll(EVENT_WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("tck-events-net STARTED 0");
                n.destroy();
                assertThat(all.poll(EVENT_WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("tck-events-net STOPPED 0");
                n.undefine();
                assertThat(all.poll(EVENT_WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("tck-events-net UNDEFINED 0");
            }
            fixture.destroy();
            assertThat(all.poll(EVENT_WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(NETWORK + " STOPPED 0");
            assertThat(onlyFixture.poll(EVENT_WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(NETWORK + " STOPPED");
            assertThat(expectError(ErrorNumber.ERR_INVALID_ARG, () -> c.networkEventLifecycleRegister(null,
                    (conn, net, e) -> { })).getMessage()).contains("event callback already tracked");
            c.networkEventDeregister(filtered);
            c.networkEventDeregister(id);
            // (not id again: libvirt may still be dispatching the last event, and then only marks it)
            expectError(ErrorNumber.ERR_INVALID_ARG, () -> c.networkEventDeregister(4242));
            assertThat(onlyFixture).isEmpty();
        }
    }

    /** Fails when storage pool lifecycle events are lost, reordered or not filtered by pool. */
    @Test
    @DisplayName("A storage pool lifecycle callback sees define, start, stop and undefine; a filtered one only its pool")
    void storagePoolLifecycle() throws Exception {
        BlockingQueue<String> all = new LinkedBlockingQueue<>();
        BlockingQueue<String> onlyFixture = new LinkedBlockingQueue<>();
        try (Connect c = open(); StoragePool fixture = c.lookupStoragePoolByName(POOL)) {
            int id = c.storagePoolEventLifecycleRegister(null, (conn, pool, e) ->
                    all.add(pool.getName() + " " + e.event() + " " + e.detail()));
            int filtered = c.storagePoolEventLifecycleRegister(fixture, (conn, pool, e) ->
                    onlyFixture.add(pool.getName() + " " + e.event()));
            try (StoragePool p = c.storagePoolDefineXML(StorageTck.poolXml("tck-events-pool",
                    java.util.UUID.fromString("33333333-4444-5555-6666-7777777777e0")))) {
                assertThat(all.poll(EVENT_WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("tck-events-pool DEFINED 0");
                p.create();
                assertThat(all.poll(EVENT_WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("tck-events-pool STARTED 0");
                p.destroy();
                assertThat(all.poll(EVENT_WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("tck-events-pool STOPPED 0");
                p.undefine();
                assertThat(all.poll(EVENT_WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("tck-events-pool UNDEFINED 0");
            }
            fixture.destroy();
            assertThat(all.poll(EVENT_WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(POOL + " STOPPED 0");
            assertThat(onlyFixture.poll(EVENT_WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(POOL + " STOPPED");
            c.storagePoolEventDeregister(filtered);
            c.storagePoolEventDeregister(id);
            // (not id again: libvirt may still be dispatching the last event, and then only marks it)
            expectError(ErrorNumber.ERR_INVALID_ARG, () -> c.storagePoolEventDeregister(4242));
            assertThat(onlyFixture).isEmpty();
        }
    }

    /** Fails when a callback cannot deregister itself and close its own connection without deadlock or crash. */
    @Test
    @DisplayName("A callback may deregister itself and close its connection from inside the callback")
    void closeFromCallback() throws Exception {
        java.util.concurrent.CompletableFuture<String> done = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.atomic.AtomicInteger id = new java.util.concurrent.atomic.AtomicInteger(-1);
        Connect c = open();
        try (Domain d = c.lookupDomainByName(RUNNING)) {
            id.set(c.domainEventLifecycleRegister(null, (conn, dom, event) -> {
                try {
                    conn.domainEventDeregister(id.get());
                    conn.close();
                    done.complete(dom.getName());
                } catch (Throwable t) {
                    done.completeExceptionally(t);
                }
            }));
            d.suspend();
            assertThat(done.get(EVENT_WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(RUNNING);
            expectError(ErrorNumber.ERR_INVALID_CONN, c::getHostname);
            d.resume(); // the domain handle outlives its connection's handle, as in libvirt
        } finally {
            c.close();
        }
    }

    /** Fails when libvirt's one-registration-per-filter rule or its argument checks are not applied. */
    @Test
    @DisplayName("Registration refuses a duplicate filter, a foreign domain and unknown ids with ERR_INVALID_ARG")
    void registrationErrors() {
        try (Connect c = open(); Connect other = open(); Domain foreign = other.lookupDomainByName(RUNNING);
                Domain own = c.lookupDomainByName(RUNNING)) {
            int id = c.domainEventLifecycleRegister(null, (conn, dom, event) -> { });
            assertThat(expectError(ErrorNumber.ERR_INVALID_ARG,
                    () -> c.domainEventLifecycleRegister(null, (conn, dom, event) -> { })).getMessage())
                    .contains("event callback already tracked");
            int perDomain = c.domainEventLifecycleRegister(own, (conn, dom, event) -> { });
            assertThat(expectError(ErrorNumber.ERR_INVALID_ARG,
                    () -> c.domainEventLifecycleRegister(own, (conn, dom, event) -> { })).getMessage())
                    .contains("event callback already tracked");
            assertThat(expectError(ErrorNumber.ERR_INVALID_ARG,
                    () -> c.domainEventLifecycleRegister(foreign, (conn, dom, event) -> { })).getMessage())
                    .contains("must match connection");
            expectNpe(() -> c.domainEventLifecycleRegister(null, null));
            c.domainEventDeregister(perDomain);
            c.domainEventDeregister(id);
            expectError(ErrorNumber.ERR_INVALID_ARG, () -> c.domainEventDeregister(id));
            expectError(ErrorNumber.ERR_INVALID_ARG, () -> c.domainEventDeregister(12345));
            expectError(ErrorNumber.ERR_INVALID_ARG, () -> c.domainEventDeregister(-1));
            // the filter is free again once deregistered
            c.domainEventDeregister(c.domainEventLifecycleRegister(null, (conn, dom, event) -> { }));
        }
    }

    /** Fails when closing a connection with callbacks registered hangs or leaves it usable. */
    @Test
    @DisplayName("Closing a connection with callbacks registered ends them; the handle is then closed")
    void closeWithCallbacks() {
        Connect c = open();
        Domain d = c.lookupDomainByName(RUNNING);
        c.domainEventLifecycleRegister(null, (conn, dom, event) -> { });
        c.domainEventLifecycleRegister(d, (conn, dom, event) -> { });
        d.close();
        c.close();
        expectError(ErrorNumber.ERR_INVALID_CONN, () -> c.domainEventLifecycleRegister(null, (conn, dom, event) -> { }));
        expectError(ErrorNumber.ERR_INVALID_CONN, () -> c.domainEventDeregister(0));
        c.close();
    }

    /** Fails when keepalive is accepted where libvirt refuses it, or its start/stop rules differ from libvirt's. */
    @Test
    @DisplayName("setKeepAlive follows libvirt: refused in process, started, kept, stopped and not restarted via a daemon")
    void keepAlive() {
        try (Connect c = open()) {
            if (!viaDaemon()) {
                expectError(ErrorNumber.ERR_NO_SUPPORT, () -> c.setKeepAlive(5, 3));
                return;
            }
            c.setKeepAlive(0, 0);
            c.setKeepAlive(5, 3);
            c.setKeepAlive(10, 1); // already running: libvirt changes nothing
            c.setKeepAlive(-1, 0);
            LibvirtException again = expectError(ErrorNumber.ERR_INTERNAL_ERROR, () -> c.setKeepAlive(5, 3));
            assertThat(again.getMessage()).contains("keepalive interval already set");
            assertThat(c.isAlive()).isTrue();
            assertThat(c.listAllDomains()).hasSize(2).allSatisfy(Domain::close);
        }
        try (Connect c = open()) {
            assertThat(expectError(ErrorNumber.ERR_INTERNAL_ERROR, () -> c.setKeepAlive(Integer.MAX_VALUE, 1))
                    .getMessage()).contains("too large");
        }
    }
}

package org.libvirt4j.remote.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.libvirt4j.Connect;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;

/** Domain events from a daemon that misbehaves: floods, garbage, events nobody asked for. */
class HostileEventsTest {
    private static final int REGISTER_ANY = 316;
    private static final int LIFECYCLE = 318;
    private static final int GET_HOSTNAME = 59;
    private static final int DAEMON_ID = 7;
    private static final Duration LIMIT = Duration.ofSeconds(60);

    /** A {@code remote_domain_event_callback_lifecycle_msg}. */
    static byte[] lifecycle(int callbackId, String name, int event, int detail) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(bytes);
        d.writeInt(callbackId);
        d.write(HostileDaemonTest.string(name));
        d.write(new byte[16]); // uuid
        d.writeInt(1); // id
        d.writeInt(event);
        d.writeInt(detail);
        return bytes.toByteArray();
    }

    static void event(DataOutputStream out, int proc, byte[] body) throws IOException {
        FakeDaemon.frame(out, FakeDaemon.PROGRAM, 1, proc, 2, 0, 0, body);
    }

    /** Answers registration with {@link #DAEMON_ID} and then runs {@code after}; answers GET_HOSTNAME. */
    static FakeDaemon daemon(FakeDaemon.Script after) throws IOException {
        return new FakeDaemon((c, out, s) -> {
            switch (c.proc()) {
                case REGISTER_ANY -> {
                    FakeDaemon.reply(out, c, 0, FakeDaemon.ints(DAEMON_ID));
                    after.onCall(c, out, s);
                }
                case GET_HOSTNAME -> FakeDaemon.reply(out, c, 0, HostileDaemonTest.string("fakehost"));
                default -> throw new IOException("unexpected procedure " + c.proc());
            }
        });
    }

    @Test
    @DisplayName("A flood of events to a callback that does not keep up is dropped beyond the bound, not buffered")
    void floodIsBounded() throws Exception {
        int flood = EventDispatcher.MAX_QUEUED * 3;
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger delivered = new AtomicInteger();
        assertTimeoutPreemptively(LIMIT, () -> {
            try (FakeDaemon fake = daemon((c, out, s) -> {
                byte[] body = lifecycle(DAEMON_ID, "flooded", 3, 0);
                for (int i = 0; i < flood; i++) {
                    event(out, LIFECYCLE, body);
                }
            }); Connect conn = RemoteConnect.open(fake.uri())) {
                conn.domainEventLifecycleRegister(null, (c, dom, e) -> {
                    delivered.incrementAndGet();
                    try {
                        release.await();
                    } catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                    }
                });
                // replies keep their place behind the events: once this returns, every event was read
                assertThat(conn.getHostname()).isEqualTo("fakehost");
                release.countDown();
                RemoteEvents events = ((RemoteConnect) conn).session.events;
                while (events.queuedEvents() > 0 || !EventDispatcher.SHARED.isIdle()) {
                    Thread.sleep(10);
                }
                assertThat(delivered.get()).isBetween(1, EventDispatcher.MAX_QUEUED + 1);
                assertThat(events.droppedEvents()).as("drops are counted for the flooded connection")
                        .isEqualTo(flood - delivered.get());
                assertThat(conn.isAlive()).isTrue();
            }
        });
    }

    @Test
    @DisplayName("One connection's event flood does not cost another connection a single event: each has its "
            + "own bounded queue, served in turn")
    void floodDoesNotStarveOtherConnections() throws Exception {
        int wanted = 400;
        AtomicInteger flooded = new AtomicInteger();
        java.util.List<Integer> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        CountDownLatch all = new CountDownLatch(wanted);
        assertTimeoutPreemptively(LIMIT, () -> {
            try (FakeDaemon flooder = daemon((c, out, s) -> {
                byte[] body = lifecycle(DAEMON_ID, "flooded", 3, 0);
                ByteArrayOutputStream batch = new ByteArrayOutputStream();
                for (int i = 0; i < 64; i++) {
                    event(new DataOutputStream(batch), LIFECYCLE, body);
                }
                byte[] bytes = batch.toByteArray();
                while (true) { // until the client hangs up
                    out.write(bytes);
                }
            }); FakeDaemon calm = daemon((c, out, s) -> {
                for (int i = 0; i < wanted; i++) {
                    event(out, LIFECYCLE, lifecycle(DAEMON_ID, "calm", 2, i));
                }
            }); Connect bad = RemoteConnect.open(flooder.uri()); Connect good = RemoteConnect.open(calm.uri())) {
                bad.domainEventLifecycleRegister(null, (c, dom, e) -> {
                    flooded.incrementAndGet();
                    long until = System.nanoTime() + 200_000; // a callback slower than the flood
                    while (System.nanoTime() - until < 0) {
                        Thread.onSpinWait();
                    }
                });
                RemoteEvents badEvents = ((RemoteConnect) bad).session.events;
                while (badEvents.droppedEvents() == 0) { // the flooded connection's queue is full
                    Thread.sleep(10);
                }
                long t0 = System.nanoTime();
                good.domainEventLifecycleRegister(null, (c, dom, e) -> {
                    received.add(e.detail());
                    all.countDown();
                });
                all.await(20, java.util.concurrent.TimeUnit.SECONDS);
                long millis = (System.nanoTime() - t0) / 1_000_000;
                System.out.println("floodDoesNotStarveOtherConnections: " + received.size() + " of " + wanted
                        + " events in " + millis + " ms; the flooded connection delivered " + flooded.get()
                        + " and dropped " + badEvents.droppedEvents());
                assertThat(received).as("every event of the calm connection, in order")
                        .containsExactlyElementsOf(java.util.stream.IntStream.range(0, wanted).boxed().toList());
                assertThat(((RemoteConnect) good).session.events.droppedEvents()).isZero();
                assertThat(badEvents.droppedEvents()).isPositive();
                assertThat(bad.isAlive()).isTrue();
            }
        });
    }

    @Test
    @DisplayName("A truncated event closes the connection with ERR_RPC; waiting calls fail instead of hanging")
    void truncatedEvent() {
        LibvirtException e = assertTimeoutPreemptively(LIMIT, () -> {
            try (FakeDaemon fake = daemon((c, out, s) -> event(out, LIFECYCLE, FakeDaemon.ints(DAEMON_ID, 1000)));
                    Connect conn = RemoteConnect.open(fake.uri())) {
                conn.domainEventLifecycleRegister(null, (c, dom, ev) -> { });
                try {
                    conn.getHostname();
                } catch (LibvirtException ex) {
                    assertThat(conn.isAlive()).isFalse();
                    return ex;
                }
                throw new AssertionError("the truncated event was accepted");
            }
        });
        // The call may be in flight when the event kills the connection (it gets the reason) or be
        // made after (libvirt's "client socket is closed", the reason as its cause)
        LibvirtException why = PingFloodTest.whyDead(e);
        assertThat(why.domain()).isEqualTo(ErrorDomain.RPC);
        assertThat(why.code()).isEqualTo(ErrorNumber.ERR_RPC);
    }

    @Test
    @DisplayName("Events for ids nobody registered, and unknown event procedures, are ignored")
    void strayEvents() throws Exception {
        AtomicInteger delivered = new AtomicInteger();
        assertTimeoutPreemptively(LIMIT, () -> {
            try (FakeDaemon fake = daemon((c, out, s) -> {
                event(out, LIFECYCLE, lifecycle(DAEMON_ID + 1, "stray", 2, 0));
                event(out, 9999, new byte[] {1, 2, 3, 4});
                event(out, LIFECYCLE, lifecycle(DAEMON_ID, "mine", 2, 0));
            }); Connect conn = RemoteConnect.open(fake.uri())) {
                CountDownLatch mine = new CountDownLatch(1);
                conn.domainEventLifecycleRegister(null, (c, dom, e) -> {
                    delivered.incrementAndGet();
                    if (dom.getName().equals("mine")) {
                        mine.countDown();
                    }
                });
                mine.await();
                assertThat(conn.getHostname()).isEqualTo("fakehost");
                assertThat(delivered.get()).isEqualTo(1);
            }
        });
    }

    @Test
    @DisplayName("The daemon's CONNECTION_CLOSED event reaches the close callback once, with its reason; the connection goes on")
    void daemonConnectionClosed() throws Exception {
        java.util.concurrent.BlockingQueue<Integer> reasons = new java.util.concurrent.LinkedBlockingQueue<>();
        assertTimeoutPreemptively(LIMIT, () -> {
            try (FakeDaemon fake = daemon((c, out, s) -> {
                event(out, 362, FakeDaemon.ints(3)); // REMOTE_PROC_CONNECT_EVENT_CONNECTION_CLOSED, KEEPALIVE
                event(out, 362, FakeDaemon.ints(1));
            }); Connect conn = RemoteConnect.open(fake.uri())) {
                conn.registerCloseCallback((c, reason) -> reasons.add(reason));
                conn.domainEventLifecycleRegister(null, (c, dom, e) -> { });
                assertThat(conn.getHostname()).isEqualTo("fakehost");
                assertThat(reasons.poll(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(3);
                assertThat(reasons.poll(500, java.util.concurrent.TimeUnit.MILLISECONDS)).as("once, as libvirt").isNull();
                // libvirt dropped the callback when it ran: unregistering finds none
                LibvirtException e = org.junit.jupiter.api.Assertions.assertThrows(LibvirtException.class,
                        conn::unregisterCloseCallback);
                assertThat(e.code()).isEqualTo(ErrorNumber.ERR_OPERATION_INVALID);
            }
        });
    }
}

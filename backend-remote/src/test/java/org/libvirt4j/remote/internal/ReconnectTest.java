package org.libvirt4j.remote.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.libvirt4j.ConnectCloseReason;
import org.libvirt4j.Connect;
import org.libvirt4j.ConnectOptions;
import org.libvirt4j.ConnectionListener;
import org.libvirt4j.Domain;
import org.libvirt4j.DomainEventType;
import org.libvirt4j.DomainState;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.ReconnectPolicy;
import org.libvirt4j.remote.RemoteBackend;
import org.libvirt4j.remote.internal.rpc.RpcConnection;
import org.libvirt4j.tck.Fixtures;
import org.libvirt4j.tck.PrivateLibvirtd;

/**
 * {@code ConnectOption.RECONNECT} against a private libvirtd killed with {@code SIGKILL} and
 * started again on the same socket: what the application hears, which calls fail and how, and
 * that handles, event callbacks and the close callback work again. The test driver's
 * {@code test:///node.xml} state is the fixture's again after each restart.
 */
@Tag("reconnect")
class ReconnectTest {
    private static final Path NODE = Fixtures.path(Fixtures.NODE);
    private static final String RUNNING = "tck-running";
    private static final UUID RUNNING_UUID = UUID.fromString("11111111-2222-3333-4444-555555555501");
    private static final String SHUTOFF = "tck-second";
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** What a call in flight hears when the daemon dies: libvirt's words for the end of the socket. */
    private static final String CONNECTION_LOST = "(End of file while reading data|Cannot recv data): .+";

    private static PrivateLibvirtd daemon;

    @BeforeAll
    static void startDaemon() {
        daemon = PrivateLibvirtd.start();
    }

    @AfterAll
    static void stopDaemon() {
        if (daemon != null) {
            daemon.close();
        }
    }

    /** A test that left the daemon dead brings it back for the next. */
    @AfterEach
    void daemonUp() {
        try {
            daemon.restart();
        } catch (IllegalStateException stillRunning) {
            // it was up
        }
    }

    private static String uri() {
        return daemon.testUnixUri(NODE);
    }

    private static ReconnectPolicy quick(int maxAttempts) {
        return ReconnectPolicy.exponentialBackoff(Duration.ofMillis(50), Duration.ofMillis(400), maxAttempts);
    }

    private static Connect open(ReconnectPolicy policy, ConnectionListener listener) {
        ConnectOptions.Builder b = ConnectOptions.builder().reconnect(policy);
        if (listener != null) {
            b.connectionListener(listener);
        }
        return new RemoteBackend().open(uri(), b.build());
    }

    private static Session session(Connect c) {
        return ((RemoteConnect) c).session;
    }

    /** What the listener heard, in order. */
    private record Heard(String what, Object detail) {
    }

    private static final class Recorder implements ConnectionListener {
        final BlockingQueue<Heard> heard = new LinkedBlockingQueue<>();

        @Override
        public void disconnected(Connect conn, LibvirtException cause) {
            heard.add(new Heard("disconnected", cause));
        }

        @Override
        public void reconnected(Connect conn, int attempts) {
            heard.add(new Heard("reconnected", attempts));
        }

        @Override
        public void gaveUp(Connect conn, LibvirtException lastError) {
            heard.add(new Heard("gaveUp", lastError));
        }

        Heard next() throws InterruptedException {
            Heard h = heard.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(h).as("the listener heard something within %s", WAIT).isNotNull();
            return h;
        }
    }

    private static String domainXml(String name) {
        return "<domain type='test'><name>" + name + "</name><memory>8192</memory>"
                + "<os><type>hvm</type></os></domain>";
    }

    /**
     * If it fails: look at which step. The in-flight define must fail with the error that ended
     * the connection and never reach the new daemon; the listener must hear disconnected then
     * reconnected; the old handle, both lifecycle callbacks (all domains and one domain's) and
     * the close callback must be in place on the new daemon, each event heard once.
     */
    @Test
    @DisplayName("After SIGKILL and restart: in-flight calls fail, the app hears both, handles and callbacks work again")
    void killAndRestartUnderLoad() throws Exception {
        Recorder listener = new Recorder();
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try (Connect c = open(quick(0), listener);
                Domain running = c.lookupDomainByName(RUNNING);
                Domain shutoff = c.lookupDomainByName(SHUTOFF)) {
            Queue<String> all = new ConcurrentLinkedQueue<>();
            Queue<String> filtered = new ConcurrentLinkedQueue<>();
            BlockingQueue<Integer> closes = new LinkedBlockingQueue<>();
            int allId = c.domainEventLifecycleRegister(null, (conn, dom, e) -> all.add(dom.getName() + ":" + e.event()));
            int oneId = c.domainEventLifecycleRegister(shutoff, (conn, dom, e) -> filtered.add(dom.getName() + ":"
                    + e.event()));
            c.registerCloseCallback((conn, reason) -> closes.add(reason));

            // callers on several threads, until the test says stop
            AtomicBoolean stop = new AtomicBoolean();
            CountDownLatch warm = new CountDownLatch(4);
            List<Future<List<LibvirtException>>> callers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                callers.add(pool.submit(() -> {
                    List<LibvirtException> failures = new ArrayList<>();
                    int ok = 0;
                    while (!stop.get()) {
                        try {
                            assertThat(running.getInfo().state()).isEqualTo(DomainState.RUNNING);
                            if (++ok == 10) {
                                warm.countDown();
                            }
                        } catch (LibvirtException e) {
                            failures.add(e);
                            Thread.sleep(5);
                        }
                    }
                    return failures;
                }));
            }
            assertThat(warm.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("every caller made 10 calls").isTrue();

            // a call surely in flight: the daemon, stopped, has read its request but cannot answer
            daemon.pause();
            Future<?> define = pool.submit(() -> c.domainDefineXML(domainXml("reconnect-ghost"), 0));
            Thread.sleep(300);
            assertThat(define).as("the define waits for the stopped daemon").isNotDone();
            daemon.kill();

            LibvirtException inFlight = catchThrowableOfType(java.util.concurrent.ExecutionException.class,
                    () -> define.get(WAIT.toSeconds(), TimeUnit.SECONDS)).getCause() instanceof LibvirtException e
                            ? e : null;
            assertThat(inFlight).as("the define in flight failed with a LibvirtException").isNotNull();
            // the daemon died with our request unread: a reset rather than an end of file
            assertThat(inFlight.code()).isEqualTo(ErrorNumber.ERR_SYSTEM_ERROR);
            assertThat(inFlight.getMessage()).matches(CONNECTION_LOST);

            Heard down = listener.next();
            assertThat(down.what()).isEqualTo("disconnected");
            assertThat(((LibvirtException) down.detail()).getMessage()).isEqualTo(inFlight.getMessage());
            assertThat(closes.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the close callback's reason")
                    .isEqualTo(ConnectCloseReason.EOF.value());
            assertThat(c.isAlive()).as("isAlive while the daemon is away").isFalse();
            LibvirtException away = catchThrowableOfType(LibvirtException.class, running::getInfo);
            assertThat(away.code()).isEqualTo(ErrorNumber.ERR_NO_CONNECT);
            assertThat(away.getMessage()).contains("reconnecting, attempt ");
            Thread.sleep(1000); // several attempts fail meanwhile, the callers keep calling

            daemon.restart();
            Heard up = listener.next();
            assertThat(up.what()).isEqualTo("reconnected");
            assertThat((Integer) up.detail()).as("attempts").isGreaterThan(1);
            stop.set(true);
            List<LibvirtException> failed = new ArrayList<>();
            for (Future<List<LibvirtException>> f : callers) {
                failed.addAll(f.get(WAIT.toSeconds(), TimeUnit.SECONDS));
            }
            assertThat(failed).as("the callers' calls failed while the daemon was away").isNotEmpty();
            for (LibvirtException e : failed) {
                // in flight at the kill: its error; made while away: ERR_NO_CONNECT; made in the instant
                // between the end and the state's change: libvirt's own "client socket is closed"
                assertThat(e.getMessage()).as("a caller's failure")
                        .matches(CONNECTION_LOST
                                + "|no connection driver available for .*: the daemon went away; reconnecting, attempt \\d+"
                                + "|internal error: client socket is closed");
            }

            assertThat(c.isAlive()).isTrue();
            assertThat(running.getInfo().state()).as("the old handle on the new daemon").isEqualTo(DomainState.RUNNING);
            assertThat(running.getUUID()).isEqualTo(RUNNING_UUID);
            LibvirtException ghost = catchThrowableOfType(LibvirtException.class,
                    () -> c.lookupDomainByName("reconnect-ghost"));
            assertThat(ghost).as("the define in flight at the kill was not sent again").isNotNull();
            assertThat(ghost.code()).isEqualTo(ErrorNumber.ERR_NO_DOMAIN);

            shutoff.create(0);
            awaitSize(all, 1);
            awaitSize(filtered, 1);
            Thread.sleep(500); // a duplicate would come now
            assertThat(all).containsExactly(SHUTOFF + ":" + DomainEventType.STARTED);
            assertThat(filtered).containsExactly(SHUTOFF + ":" + DomainEventType.STARTED);
            running.destroy(0);
            awaitSize(all, 2);
            Thread.sleep(300);
            assertThat(all).containsExactly(SHUTOFF + ":" + DomainEventType.STARTED,
                    RUNNING + ":" + DomainEventType.STOPPED);
            assertThat(filtered).as("the filter kept").hasSize(1);

            c.domainEventDeregister(oneId);
            c.domainEventDeregister(allId);
            assertThat(session(c).events.registered()).isZero();
            assertThat(listener.heard).as("nothing more heard").isEmpty();
            assertThat(closes).as("one close per disconnect").isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    private static void awaitSize(Queue<String> q, int n) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (q.size() < n && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertThat(q).as("events heard").hasSizeGreaterThanOrEqualTo(n);
    }

    /**
     * If it fails: the guest did not outlive the daemon (then the fixture, not reconnect, is at
     * fault), the old handle does not reach it, or the QEMU monitor or lifecycle callback
     * registered before the kill is missing or heard twice on the new daemon.
     */
    @Test
    @DisplayName("A QEMU guest outliving its daemon: the old handle, QEMU monitor and lifecycle callbacks work after the reconnect")
    void qemuGuestAcrossRestart() throws Exception {
        Recorder listener = new Recorder();
        String name = "reconnect-qemu-" + ProcessHandle.current().pid();
        ConnectOptions options = ConnectOptions.builder().reconnect(quick(0)).connectionListener(listener).build();
        try (Connect c = new RemoteBackend().open(daemon.qemuUri(), options);
                Domain d = c.domainDefineXML("<domain type='qemu'><name>" + name + "</name>"
                        + "<memory unit='MiB'>64</memory><vcpu>1</vcpu>"
                        + "<os><type arch='x86_64' machine='pc'>hvm</type></os></domain>", 0)) {
            d.create(0);
            try {
                BlockingQueue<String> monitor = new LinkedBlockingQueue<>();
                BlockingQueue<DomainEventType> lifecycle = new LinkedBlockingQueue<>();
                c.domainQemuMonitorEventRegister(d, "STOP", (conn, dom, e) -> monitor.add(dom.getName() + ":"
                        + e.event()));
                c.domainEventLifecycleRegister(d, (conn, dom, e) -> lifecycle.add(e.event()));
                daemon.kill();
                assertThat(listener.next().what()).isEqualTo("disconnected");
                daemon.restart();
                assertThat(listener.next().what()).isEqualTo("reconnected");
                assertThat(d.getInfo().state()).as("the guest, through the old handle").isEqualTo(DomainState.RUNNING);
                d.suspend();
                assertThat(monitor.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(name + ":STOP");
                assertThat(lifecycle.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(DomainEventType.SUSPENDED);
                Thread.sleep(500); // a duplicate would come now
                assertThat(monitor).isEmpty();
                assertThat(lifecycle).isEmpty();
                d.resume();
            } finally {
                try {
                    d.destroy(0);
                } finally {
                    d.undefine();
                }
            }
        }
    }

    /** If it fails: the attempts did not stop at maxAttempts, or calls after giving up do not say so. */
    @Test
    @DisplayName("A daemon that never comes back: gaveUp after maxAttempts, calls fail with ERR_NO_CONNECT for good")
    void givesUp() throws Exception {
        Recorder listener = new Recorder();
        try (Connect c = open(quick(3), listener); Domain running = c.lookupDomainByName(RUNNING)) {
            daemon.kill();
            assertThat(listener.next().what()).isEqualTo("disconnected");
            Heard last = listener.next();
            assertThat(last.what()).isEqualTo("gaveUp");
            LibvirtException lastError = (LibvirtException) last.detail();
            assertThat(lastError.code()).as("connecting to a socket no one listens on").isEqualTo(ErrorNumber.ERR_SYSTEM_ERROR);
            LibvirtException after = catchThrowableOfType(LibvirtException.class, running::getInfo);
            assertThat(after.code()).isEqualTo(ErrorNumber.ERR_NO_CONNECT);
            assertThat(after.getMessage()).endsWith("reconnecting gave up after 3 attempts");
            daemon.restart();
            Thread.sleep(1000);
            assertThat(c.isAlive()).as("no attempt after giving up").isFalse();
            assertThat(listener.heard).isEmpty();
        }
    }

    /** If it fails: close() waited for the backoff, or an attempt ran after the close. */
    @Test
    @DisplayName("close() during backoff returns at once, and no attempt follows")
    void closeDuringBackoff() throws Exception {
        Recorder listener = new Recorder();
        Connect c = open(ReconnectPolicy.exponentialBackoff(Duration.ofSeconds(3), Duration.ofSeconds(3), 0), listener);
        daemon.kill();
        assertThat(listener.next().what()).isEqualTo("disconnected");
        assertTimeoutPreemptively(Duration.ofMillis(500), c::close);
        daemon.restart();
        Thread.sleep(4000); // past the attempt that was due
        assertThat(listener.heard).as("nothing heard after the close").isEmpty();
        assertThat(reconnectThreads()).as("reconnect threads left, after 2 s idle").isZero();
    }

    /** If it fails: the default open changed behaviour: the remote backend must not reconnect unasked. */
    @Test
    @DisplayName("Without the option a connection stays dead after the daemon comes back, as libvirt's")
    void noReconnectWithoutOption() throws Exception {
        try (Connect c = new RemoteBackend().open(uri(), ConnectOptions.defaults());
                Domain running = c.lookupDomainByName(RUNNING)) {
            daemon.kill();
            daemon.restart();
            assertThat(c.isAlive()).isFalse();
            assertThatThrownBy(running::getInfo).isInstanceOfSatisfying(LibvirtException.class,
                    e -> assertThat(e.getMessage()).isEqualTo("internal error: client socket is closed"));
        }
    }

    @Test
    @DisplayName("A listener without the reconnect option is refused before anything opens")
    void listenerNeedsReconnect() {
        assertThatThrownBy(() -> new RemoteBackend().open(uri(), ConnectOptions.builder()
                .connectionListener(new Recorder()).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reconnect");
    }

    /**
     * If it fails: a reconnect cycle leaves something behind: an old connection still reachable
     * (its pending calls and buffers with it), registrations piling up, or threads.
     */
    @Test
    @DisplayName("Many reconnect cycles leave no old connection, registration or thread behind")
    void noLeakOverCycles() throws Exception {
        Recorder listener = new Recorder();
        int threadsBefore = Thread.activeCount();
        List<WeakReference<RpcConnection>> old = new ArrayList<>();
        try (Connect c = open(quick(0), listener); Domain running = c.lookupDomainByName(RUNNING)) {
            c.domainEventLifecycleRegister(null, (conn, dom, e) -> { });
            c.domainEventLifecycleRegister(running, (conn, dom, e) -> { });
            BlockingQueue<Integer> closes = new LinkedBlockingQueue<>();
            c.registerCloseCallback((conn, reason) -> closes.add(reason));
            for (int cycle = 0; cycle < 6; cycle++) {
                old.add(new WeakReference<>(session(c).rpc));
                daemon.kill();
                assertThat(listener.next().what()).isEqualTo("disconnected");
                daemon.restart();
                assertThat(listener.next().what()).isEqualTo("reconnected");
                assertThat(closes.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).as("cycle %d's close", cycle).isNotNull();
                assertThat(running.getInfo().state()).isEqualTo(DomainState.RUNNING);
                assertThat(session(c).events.registered()).as("registrations after cycle %d", cycle).isEqualTo(2);
            }
            assertThat(session(c).events.queuedEvents()).isZero();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (old.stream().anyMatch(w -> w.get() != null) && System.nanoTime() < end) {
                System.gc();
                Thread.sleep(100);
            }
            assertThat(old).as("the old connections are unreachable").allMatch(w -> w.get() == null);
        }
        Thread.sleep(3000); // the reconnect pool's threads end after 2 s idle
        assertThat(reconnectThreads()).isZero();
        assertThat(Thread.activeCount()).as("threads after 6 cycles").isLessThanOrEqualTo(threadsBefore + 1);
    }

    private static long reconnectThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("libvirt4j-reconnect-") && t.isAlive()).count();
    }
}

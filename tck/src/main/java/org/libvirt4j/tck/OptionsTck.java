package org.libvirt4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.libvirt4j.BackendInfo;
import org.libvirt4j.CallDeadline;
import org.libvirt4j.Connect;
import org.libvirt4j.ConnectCloseReason;
import org.libvirt4j.ConnectOption;
import org.libvirt4j.ConnectOptions;
import org.libvirt4j.ConnectionListener;
import org.libvirt4j.Domain;
import org.libvirt4j.DomainEventType;
import org.libvirt4j.DomainState;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.Libvirt;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.ReconnectPolicy;

/**
 * Per-connection options ({@link ConnectOptions}) and {@link CallDeadline}: a backend honours
 * exactly the options it lists in {@link BackendInfo#supportedOptions()} and refuses the others
 * by name; keepalive given at open detects a stopped daemon; a call timeout and a call deadline
 * fail a call the daemon does not answer, leaving the connection usable once it answers again;
 * a deadline that has passed refuses a call before anything is sent, on every backend; event
 * callbacks run on the given executor. The tests on a stopped daemon start a
 * {@link PrivateLibvirtd} of their own.
 */
public abstract class OptionsTck extends TckArea {
    /** Slack for a loaded machine on top of each bound; a working backend is far inside it. */
    private static final long SLACK_MILLIS = 5_000;

    OptionsTck() {
    }

    /** @return the options of this backend, as {@link Libvirt#backends()} describes it */
    private BackendInfo info() {
        return Libvirt.backends().stream().filter(b -> b.name().equals(tck().backendName())).findFirst()
                .orElseThrow(() -> new AssertionError("no backend named " + tck().backendName()));
    }

    /** One value for each option every backend knows, for opening with it. */
    private static Map<ConnectOption<?>, Object> commonOptions(ExecutorService executor) {
        Map<ConnectOption<?>, Object> m = new LinkedHashMap<>();
        m.put(ConnectOption.CALL_TIMEOUT, Duration.ofSeconds(30));
        m.put(ConnectOption.KEEPALIVE, new ConnectOptions.KeepAlive(Duration.ofSeconds(5), 3));
        m.put(ConnectOption.EVENT_EXECUTOR, executor);
        m.put(ConnectOption.RECONNECT, ReconnectPolicy.exponentialBackoff(Duration.ofMillis(100),
                Duration.ofSeconds(1), 3));
        m.put(ConnectOption.CONNECTION_LISTENER, new ConnectionListener() {
            @Override
            public void disconnected(Connect conn, LibvirtException cause) {
            }

            @Override
            public void reconnected(Connect conn, int attempts) {
            }
        });
        return m;
    }

    @SuppressWarnings("unchecked")
    private static ConnectOptions with(ConnectOption<?> key, Object value) {
        return ConnectOptions.builder().set((ConnectOption<Object>) key, value).build();
    }

    /**
     * Fails when a backend ignores an option it does not honour (it must refuse it with an
     * IllegalArgumentException naming it), or refuses one it lists. Check the backend's
     * {@code supportedOptions()} and its {@code open(uri, options)}.
     */
    @Test
    @DisplayName("Each common option opens iff the backend lists it in BackendInfo.supportedOptions; the others "
            + "and a foreign backend's key are refused with IllegalArgumentException naming them")
    void supportedOptionsMatchOpen() {
        Set<ConnectOption<?>> listed = info().supportedOptions();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            String uri = tck().fixtureUri(Fixtures.path(Fixtures.NODE));
            Map<ConnectOption<?>, Object> common = commonOptions(executor);
            for (Map.Entry<ConnectOption<?>, Object> e : common.entrySet()) {
                // a listener hears reconnects, so it comes with a policy where one is honoured (ConnectOption's contract)
                ConnectOptions options = e.getKey() == ConnectOption.CONNECTION_LISTENER
                        && listed.contains(ConnectOption.RECONNECT)
                        ? ConnectOptions.builder().connectionListener((ConnectionListener) e.getValue())
                                .reconnect((ReconnectPolicy) common.get(ConnectOption.RECONNECT)).build()
                        : with(e.getKey(), e.getValue());
                if (listed.contains(e.getKey())) {
                    try (Connect c = tck().connector().newConnect(uri, options)) {
                        assertThat(c.isAlive()).as("opened with %s", e.getKey()).isTrue();
                    } catch (LibvirtException refusedByLibvirt) {
                        // honoured, and libvirt's own answer: the test driver has no keepalive
                        assertThat(e.getKey()).as("only keepalive may fail here: %s", refusedByLibvirt)
                                .isEqualTo(ConnectOption.KEEPALIVE);
                        assertThat(refusedByLibvirt.code()).isEqualTo(ErrorNumber.ERR_NO_SUPPORT);
                    }
                } else {
                    IllegalArgumentException refused = catchThrowableOfType(IllegalArgumentException.class,
                            () -> tck().connector().newConnect(uri, options).close());
                    assertThat(refused).as("opening with %s, which %s does not list", e.getKey(),
                            tck().backendName()).isNotNull();
                    assertThat(refused.getMessage()).contains(e.getKey().name());
                }
            }
            ConnectOption<String> foreign = ConnectOption.of("tck.someOtherBackendsOption", String.class);
            IllegalArgumentException refused = catchThrowableOfType(IllegalArgumentException.class,
                    () -> tck().connector().newConnect(uri, ConnectOptions.builder().set(foreign, "x")
                            .callTimeout(Duration.ofSeconds(5)).build()).close());
            assertThat(refused).as("a key no backend defines").isNotNull();
            assertThat(refused.getMessage()).contains("tck.someOtherBackendsOption");
        } finally {
            executor.shutdownNow();
        }
    }

    /**
     * Fails when a call made after its thread's {@link CallDeadline} passed reaches libvirt (the
     * domain gets suspended), or fails otherwise than with ERR_OPERATION_TIMEOUT naming the
     * deadline, or when the deadline outlives its scope. Check the deadline check in the
     * backend's common call path ({@code NativeHandle.acquire}, the remote client's call).
     */
    @Test
    @DisplayName("A call after its CallDeadline passed fails with ERR_OPERATION_TIMEOUT before it is made: "
            + "suspend leaves the domain running; after the scope calls work again")
    @SuppressWarnings("try") // a CallDeadline scope is used by being open
    void expiredDeadlineRefusesBeforeSending() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(NodeFixture.RUNNING)) {
            try (CallDeadline passed = CallDeadline.within(Duration.ZERO)) {
                LibvirtException e = expectError(ErrorNumber.ERR_OPERATION_TIMEOUT, d::suspend);
                assertThat(e.getMessage()).contains("CallDeadline");
                expectError(ErrorNumber.ERR_OPERATION_TIMEOUT, d::getInfo);
                expectError(ErrorNumber.ERR_OPERATION_TIMEOUT, c::getHostname);
            }
            assertThat(d.getState().state()).as("the refused suspend never reached libvirt")
                    .isEqualTo(DomainState.RUNNING);
            try (CallDeadline roomy = CallDeadline.within(Duration.ofMinutes(1))) {
                assertThat(d.getInfo().maxMem()).isPositive();
            }
        }
    }

    /**
     * Fails when keepalive given as an option does not start at open: against a SIGSTOPped
     * daemon the connection must close with the close callback's KEEPALIVE reason within
     * interval * (count + 1) seconds plus slack, and before that, with the daemon answering,
     * PINGs must keep it open. Check how the backend starts keepalive in {@code open(uri, options)}.
     */
    @Test
    @Timeout(120)
    @DisplayName("KEEPALIVE(1 s, 1) given at open keeps an answering daemon's connection open, and closes it "
            + "with reason KEEPALIVE once the daemon is SIGSTOPped")
    void keepAliveOption() throws Exception {
        require(TckCapability.PRIVATE_DAEMON);
        assumeListed(ConnectOption.KEEPALIVE);
        tck().connector().eventRegisterDefaultImpl();
        PrivateLibvirtd own = PrivateLibvirtd.start();
        BlockingQueue<Integer> reasons = new LinkedBlockingQueue<>();
        try (Connect c = tck().connector().newConnect(testUri(own),
                ConnectOptions.builder().keepAlive(Duration.ofSeconds(1), 1).build())) {
            c.registerCloseCallback((conn, reason) -> reasons.add(reason));
            Thread.sleep(3_000); // three intervals: an answered PING must not close it
            assertThat(c.isAlive()).as("alive after three keepalive intervals").isTrue();
            assertThat(c.getType()).isEqualTo("TEST");
            own.pause();
            try {
                Integer reason = reasons.poll(2_000 + SLACK_MILLIS, TimeUnit.MILLISECONDS);
                assertThat(reason).as("the close callback's reason after SIGSTOP")
                        .isEqualTo(ConnectCloseReason.KEEPALIVE.value());
                assertThat(c.isAlive()).isFalse();
            } finally {
                own.resume();
            }
        } finally {
            own.close();
        }
    }

    /**
     * Fails when a call to a daemon that does not answer outlives the connection's call timeout
     * or the thread's CallDeadline (it must fail with ERR_OPERATION_TIMEOUT within the bound plus
     * slack), or when the connection is unusable once the daemon answers again (the late replies
     * must be discarded, not mistaken for later calls' replies). Check the remote client's wait.
     */
    @Test
    @Timeout(120)
    @DisplayName("With CALL_TIMEOUT 5 s, a SIGSTOPped daemon fails a call with ERR_OPERATION_TIMEOUT; so does a "
            + "500 ms CallDeadline; once resumed the same connection answers correctly")
    @SuppressWarnings("try") // a CallDeadline scope is used by being open
    void callTimeoutAndDeadlineOnStoppedDaemon() throws Exception {
        require(TckCapability.PRIVATE_DAEMON);
        assumeListed(ConnectOption.CALL_TIMEOUT);
        PrivateLibvirtd own = PrivateLibvirtd.start();
        try (Connect c = tck().connector().newConnect(testUri(own),
                // the open spends from the same timeout: 5 s leaves a loaded machine room for a TLS handshake
                ConnectOptions.builder().callTimeout(Duration.ofSeconds(5)).build());
                Domain d = c.lookupDomainByName(NodeFixture.RUNNING)) {
            String hostname = c.getHostname();
            own.pause();
            try {
                long start = System.nanoTime();
                LibvirtException timeout = expectError(ErrorNumber.ERR_OPERATION_TIMEOUT, c::getHostname);
                long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertThat(timeout.getMessage()).contains("call timeout");
                assertThat(ms).as("ms until the call timeout of 5000 ms fired").isBetween(4_900L, 5_000 + SLACK_MILLIS);

                start = System.nanoTime();
                try (CallDeadline soon = CallDeadline.within(Duration.ofMillis(500))) {
                    LibvirtException deadline = expectError(ErrorNumber.ERR_OPERATION_TIMEOUT, d::getInfo);
                    assertThat(deadline.getMessage()).contains("CallDeadline");
                }
                ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertThat(ms).as("ms until the 500 ms deadline fired").isBetween(400L, 500 + SLACK_MILLIS);
            } finally {
                own.resume();
            }
            // the two late replies arrive now and must be dropped, not given to these calls
            assertThat(d.getName()).isEqualTo(NodeFixture.RUNNING);
            assertThat(c.getHostname()).isEqualTo(hostname);
            assertThat(d.getInfo().maxMem()).isPositive();
            assertThat(c.isAlive()).isTrue();
        } finally {
            own.close();
        }
    }

    /**
     * Fails when an event callback of a connection opened with EVENT_EXECUTOR runs elsewhere than
     * on that executor, when its events arrive out of order or lost, when the domain handle given
     * to the callback is already closed there, or when a callback runs after its deregistration
     * returned. Check where the backend hands decoded events to their callbacks.
     */
    @Test
    @DisplayName("With EVENT_EXECUTOR, lifecycle callbacks run on that executor, in order, with live handles, "
            + "and none after deregistration")
    void eventExecutorRunsCallbacks() throws Exception {
        assumeListed(ConnectOption.EVENT_EXECUTOR);
        tck().connector().eventRegisterDefaultImpl();
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "tck-event-executor"));
        BlockingQueue<String> got = new LinkedBlockingQueue<>();
        int cycles = 20;
        try (Connect c = tck().connector().newConnect(tck().fixtureUri(Fixtures.path(Fixtures.NODE)),
                ConnectOptions.builder().eventExecutor(executor).build());
                Domain d = c.lookupDomainByName(NodeFixture.RUNNING)) {
            int id = c.domainEventLifecycleRegister(null, (conn, dom, event) -> got.add(
                    Thread.currentThread().getName() + " " + dom.getName() + " " + event.event()));
            try {
                for (int i = 0; i < cycles; i++) {
                    d.suspend();
                    d.resume();
                }
                for (int i = 0; i < 2 * cycles; i++) {
                    assertThat(got.poll(10, TimeUnit.SECONDS)).as("event %d: thread, domain (read in the callback), type", i)
                            .isEqualTo("tck-event-executor " + NodeFixture.RUNNING + " "
                                    + (i % 2 == 0 ? DomainEventType.SUSPENDED : DomainEventType.RESUMED));
                }
            } finally {
                c.domainEventDeregister(id);
            }
            d.suspend();
            d.resume();
            // what was queued before deregistration has run once the executor is idle
            executor.submit(() -> { }).get(10, TimeUnit.SECONDS);
            assertThat(got.poll(1, TimeUnit.SECONDS)).as("a callback after deregistration").isNull();
        } finally {
            executor.shutdownNow();
        }
    }

    /** Skips the test, naming the option, when the backend does not list it. */
    private void assumeListed(ConnectOption<?> option) {
        org.junit.jupiter.api.Assumptions.assumeTrue(info().supportedOptions().contains(option),
                () -> "backend '" + tck().backendName() + "' does not honour " + option + " ("
                        + "BackendInfo.supportedOptions: " + info().supportedOptions() + ")");
    }
}

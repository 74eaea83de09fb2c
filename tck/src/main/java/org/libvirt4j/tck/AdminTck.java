package org.libvirt4j.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.libvirt4j.AdmClient;
import org.libvirt4j.AdmClientInfo;
import org.libvirt4j.AdmConnect;
import org.libvirt4j.AdmServer;
import org.libvirt4j.AdmServerClientLimits;
import org.libvirt4j.AdmServerThreadPoolParameters;
import org.libvirt4j.ClientTransport;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;

/**
 * The admin API ({@code virAdm*}) against the {@link PrivateLibvirtd}'s admin socket: servers,
 * worker pools, client limits, clients (a connection of this JVM found, inspected and
 * disconnected), logging and TLS reload. Each test restores what it changes.
 */
@Tag("admin")
public abstract class AdminTck extends TckArea {
    AdminTck() {
    }

    /**
     * Starts the shared daemon outside the tests' time limit: the admin tests run in a JVM of
     * their own, whose first test would otherwise pay for the start.
     */
    @org.junit.jupiter.api.BeforeEach
    void sharedDaemon() {
        require(TckCapability.PRIVATE_DAEMON);
        PrivateLibvirtd.shared();
    }

    private AdmConnect openAdmin() {
        require(TckCapability.PRIVATE_DAEMON);
        return tck().connector().newAdmConnect(PrivateLibvirtd.shared().adminUri());
    }

    private static Set<String> names(List<AdmServer> servers) {
        try {
            return servers.stream().map(AdmServer::getName).collect(Collectors.toSet());
        } finally {
            servers.forEach(AdmServer::close);
        }
    }

    /** Fails when the backend cannot reach the admin socket or misreads the daemon's servers. */
    @Test
    @DisplayName("libvirtd's admin interface lists its servers libvirtd and admin, and looks one up by name")
    void servers() {
        try (AdmConnect adm = openAdmin()) {
            assertThat(adm.isAlive()).isTrue();
            assertThat(adm.getURI()).isEqualTo(PrivateLibvirtd.shared().adminUri());
            assertThat(adm.getLibVersion()).isGreaterThanOrEqualTo(9_000_000L);
            assertThat(names(adm.listServers(0))).containsExactlyInAnyOrder("libvirtd", "admin");
            try (AdmServer srv = adm.lookupServer("libvirtd", 0)) {
                assertThat(srv.getName()).isEqualTo("libvirtd");
            }
        }
        assertThat(tck().connector().admGetVersion()).isGreaterThanOrEqualTo(9_000_000L);
    }

    /** Fails when the worker-pool parameters are misread, or a change does not reach the daemon. */
    @Test
    @DisplayName("The worker pool of a server reads consistently, and maxWorkers/minWorkers/prioWorkers set read back")
    void threadPool() {
        try (AdmConnect adm = openAdmin(); AdmServer srv = adm.lookupServer("admin", 0)) {
            AdmServerThreadPoolParameters before = srv.getThreadPoolParameters(0);
            int min = before.workersMin().orElseThrow();
            int max = before.workersMax().orElseThrow();
            int prio = before.workersPriority().orElseThrow();
            assertThat(before.workersFree()).isPresent();
            assertThat(before.workersCurrent()).isPresent();
            assertThat(before.jobQueueDepth()).isPresent();
            assertThat(max).isGreaterThanOrEqualTo(min);
            assertThat(before.raw()).extracting(p -> p.field()).contains("minWorkers", "maxWorkers", "prioWorkers");
            try {
                srv.setThreadPoolParameters(AdmServerThreadPoolParameters.builder()
                        .workersMax(max + 3).workersMin(min + 1).workersPriority(prio + 1).build(), 0);
                AdmServerThreadPoolParameters after = srv.getThreadPoolParameters(0);
                assertThat(after.workersMax()).hasValue(max + 3);
                assertThat(after.workersMin()).hasValue(min + 1);
                assertThat(after.workersPriority()).hasValue(prio + 1);
            } finally {
                srv.setThreadPoolParameters(AdmServerThreadPoolParameters.builder()
                        .workersMin(min).workersMax(max).workersPriority(prio).build(), 0);
            }
            AdmServerThreadPoolParameters restored = srv.getThreadPoolParameters(0);
            assertThat(restored.workersMax()).hasValue(max);
            assertThat(restored.workersMin()).hasValue(min);
        }
    }

    /** Fails when the client limits are misread, or a change does not reach the daemon. */
    @Test
    @DisplayName("The client limits of a server read consistently, and max/unauthMax set read back")
    void clientLimits() {
        try (AdmConnect adm = openAdmin(); AdmServer srv = adm.lookupServer("libvirtd", 0)) {
            AdmServerClientLimits before = srv.getClientLimits(0);
            int max = before.max().orElseThrow();
            int unauthMax = before.unauthMax().orElseThrow();
            assertThat(before.current().orElseThrow()).isBetween(0, max);
            assertThat(before.unauthCurrent()).isPresent();
            try {
                srv.setClientLimits(AdmServerClientLimits.builder().max(max + 5).unauthMax(unauthMax + 1).build(), 0);
                AdmServerClientLimits after = srv.getClientLimits(0);
                assertThat(after.max()).hasValue(max + 5);
                assertThat(after.unauthMax()).hasValue(unauthMax + 1);
            } finally {
                srv.setClientLimits(AdmServerClientLimits.builder().max(max).unauthMax(unauthMax).build(), 0);
            }
            assertThat(srv.getClientLimits(0).max()).hasValue(max);
        }
    }

    /**
     * Fails when a client connection is not among the server's clients with the right transport,
     * time and identity, or when disconnecting it through the admin API does not close it.
     *
     * <p>The client is libvirt's own {@code virsh}, in a process of its own: the native backends
     * cannot hold a libvirt.so connection in the JVM that uses the admin API
     * ({@link org.libvirt4j.spi.NativeLibraryUse}). virsh's close callback reports the
     * disconnection on its standard error, with the reason.
     */
    @Test
    @DisplayName("A virsh connection is listed as a unix client with its pid, and closing that client fires virsh's close callback")
    void clients() throws Exception {
        PrivateLibvirtd daemon = PrivateLibvirtd.shared();
        try (AdmConnect adm = openAdmin(); AdmServer srv = adm.lookupServer("libvirtd", 0)) {
            long start = System.currentTimeMillis() / 1000;
            String uri = daemon.testUnixUri(Fixtures.path(Fixtures.NODE));
            // interactive virsh: it stays connected, reading commands from its standard input
            Process virsh = new ProcessBuilder("virsh", "-c", uri).start();
            BlockingQueue<String> errors = lines(virsh.getErrorStream(), "virsh-stderr");
            BlockingQueue<String> output = lines(virsh.getInputStream(), "virsh-stdout");
            try {
                // virsh registers its close callback as it connects: once a command has answered,
                // the callback is in place and a disconnection can only be reported through it
                virsh.getOutputStream().write("uri\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                virsh.getOutputStream().flush();
                String answer;
                do {
                    answer = output.poll(30, TimeUnit.SECONDS);
                } while (answer != null && !answer.equals(uri));
                assertThat(answer).as("virsh's answer to 'uri'").isEqualTo(uri);
                AdmClient mine = awaitClient(srv, virsh.pid());
                try {
                    assertThat(mine.getTransport()).isEqualTo(ClientTransport.UNIX);
                    assertThat(mine.getTimestamp()).isBetween(start - 5, System.currentTimeMillis() / 1000 + 5);
                    AdmClientInfo info = mine.getInfo(0);
                    assertThat(info.unixProcessId()).hasValue((int) virsh.pid());
                    assertThat(info.unixUserId()).isPresent();
                    assertThat(info.readonly()).contains(false);
                    assertThat(info.raw()).extracting(p -> p.field()).contains("readonly", "unix_process_id");
                    try (AdmClient found = srv.lookupClient(mine.getID(), 0)) {
                        assertThat(found.getID()).isEqualTo(mine.getID());
                        assertThat(found.getTransport()).isEqualTo(ClientTransport.UNIX);
                        assertThat(found.getTimestamp()).isEqualTo(mine.getTimestamp());
                        found.close(0);
                    }
                    String expected = "error: Disconnected from " + uri + " due to end of file";
                    String line;
                    do {
                        line = errors.poll(30, TimeUnit.SECONDS);
                    } while (line != null && !line.equals(expected));
                    assertThat(line).as("virsh's close callback").isEqualTo(expected);
                    long gone = mine.getID();
                    LibvirtException e = expectError(ErrorNumber.ERR_NO_CLIENT, () -> srv.lookupClient(gone, 0));
                    assertThat(e.domain()).isEqualTo(ErrorDomain.RPC);
                    assertThat(e.getMessage()).isEqualTo("Client not found: No client with matching ID '" + gone + "'");
                    // the handle outlives the client: it answers from what it holds, the daemon refuses the rest
                    assertThat(mine.getID()).isEqualTo(gone);
                    expectError(ErrorNumber.ERR_NO_CLIENT, () -> mine.getInfo(0));
                } finally {
                    mine.close();
                }
            } finally {
                virsh.destroy();
                virsh.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Collects a process's output lines as they come, on a daemon thread of their own. */
    private static BlockingQueue<String> lines(java.io.InputStream in, String name) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(in,
                    java.nio.charset.StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    lines.add(line);
                }
            } catch (java.io.IOException e) {
                lines.add("(unreadable: " + e + ")");
            }
        }, name);
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    /**
     * @return the client's process id, or -1 while the daemon has no identity for it yet (a client
     *         that has connected but not opened) or once it has gone
     */
    private static long pidOf(AdmClient c) {
        try {
            return c.getInfo(0).unixProcessId().orElse(-1);
        } catch (LibvirtException e) {
            if (e.code() == ErrorNumber.ERR_INTERNAL_ERROR || e.code() == ErrorNumber.ERR_NO_CLIENT) {
                return -1;
            }
            throw e;
        }
    }

    /** @return the client of {@code srv} whose process is {@code pid}, once it has connected */
    private static AdmClient awaitClient(AdmServer srv, long pid) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            AdmClient match = null;
            for (AdmClient c : srv.listClients(0)) {
                if (match == null && pidOf(c) == pid) {
                    match = c;
                } else {
                    c.close();
                }
            }
            if (match != null) {
                return match;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no client of pid " + pid + " connected to the libvirtd server within 20 s");
    }

    /**
     * Fails when an admin connection's close callback is not told that the daemon disconnected it
     * (through another admin connection), or when its registration rules differ from libvirt's.
     */
    @Test
    @DisplayName("An admin connection disconnected by another one hears it in its close callback; one callback at a time")
    void adminCloseCallback() throws Exception {
        tck().connector().eventRegisterDefaultImpl();
        try (AdmConnect watcher = openAdmin(); AdmServer srv = watcher.lookupServer("admin", 0)) {
            List<AdmClient> before = srv.listClients(0);
            Set<Long> earlier = before.stream().map(AdmClient::getID).collect(Collectors.toSet());
            before.forEach(AdmClient::close);
            AdmConnect victim = openAdmin();
            try {
                BlockingQueue<Integer> reasons = new LinkedBlockingQueue<>();
                victim.registerCloseCallback((conn, reason) -> reasons.add(conn == victim ? reason : -100 - reason));
                LibvirtException e = expectError(ErrorNumber.ERR_OPERATION_INVALID,
                        () -> victim.registerCloseCallback((conn, reason) -> { }));
                assertThat(e.domain()).isEqualTo(ErrorDomain.ADMIN);
                assertThat(e.getMessage()).isEqualTo("Requested operation is not valid: A close callback is already registered");
                victim.unregisterCloseCallback();
                e = expectError(ErrorNumber.ERR_OPERATION_INVALID, victim::unregisterCloseCallback);
                assertThat(e.domain()).isEqualTo(ErrorDomain.NONE);
                assertThat(e.getMessage()).isEqualTo("Requested operation is not valid: A different callback was requested");
                victim.registerCloseCallback((conn, reason) -> reasons.add(conn == victim ? reason : -100 - reason));
                List<AdmClient> after = srv.listClients(0);
                try {
                    List<AdmClient> fresh = after.stream().filter(c -> !earlier.contains(c.getID())).toList();
                    assertThat(fresh).as("the second admin connection among the admin server's clients").hasSize(1);
                    fresh.get(0).close(0);
                } finally {
                    after.forEach(AdmClient::close);
                }
                assertThat(reasons.poll(30, TimeUnit.SECONDS)).as("the close callback's reason")
                        .isEqualTo(org.libvirt4j.ConnectCloseReason.EOF.value());
                assertThat(victim.isAlive()).isFalse();
                assertThat(reasons.poll(1, TimeUnit.SECONDS)).as("told once").isNull();
            } finally {
                victim.close();
            }
        }
    }

    /** Fails when logging settings do not round-trip, or the daemon's refusal of a bad filter differs. */
    @Test
    @DisplayName("Logging outputs and filters set read back (then restored); a malformed filter is refused alike")
    void logging() {
        PrivateLibvirtd daemon = PrivateLibvirtd.shared();
        try (AdmConnect adm = openAdmin()) {
            String outputs = adm.getLoggingOutputs(0);
            String filters = adm.getLoggingFilters(0);
            assertThat(outputs).contains(daemon.logFile().toString());
            String extra = "1:file:" + daemon.logFile().resolveSibling("admin-tck.log");
            try {
                adm.setLoggingOutputs(outputs.strip() + " " + extra, 0);
                assertThat(adm.getLoggingOutputs(0)).contains(extra).contains(daemon.logFile().toString());
                adm.setLoggingFilters("3:remote 4:event", 0);
                // libvirt keeps a filter as a glob: a plain name matches anywhere in a source file's name
                assertThat(adm.getLoggingFilters(0).strip()).isEqualTo("3:*remote* 4:*event*");
                LibvirtException e = expectError(ErrorNumber.ERR_INVALID_ARG, () -> adm.setLoggingFilters("9:bogus", 0));
                assertThat(e.domain()).isEqualTo(ErrorDomain.NONE);
                assertThat(e.getMessage()).isEqualTo("invalid argument: Invalid priority '9' for filter '9:bogus'");
            } finally {
                adm.setLoggingFilters(filters, 0);
                adm.setLoggingOutputs(outputs, 0);
            }
            assertThat(adm.getLoggingFilters(0)).isEqualTo(filters);
            assertThat(adm.getLoggingOutputs(0)).isEqualTo(outputs);
        }
    }

    /** Fails when the TLS reload does not reach the daemon's TLS-enabled server. */
    @Test
    @DisplayName("updateTlsFiles reloads the TLS-enabled libvirtd server's certificates")
    void updateTlsFiles() {
        try (AdmConnect adm = openAdmin(); AdmServer srv = adm.lookupServer("libvirtd", 0)) {
            srv.updateTlsFiles(0);
        }
    }

    /** Fails when a refusal differs from libvirt's code, domain or message. */
    @Test
    @DisplayName("Lookups of a missing server or client, and a bad admin URI, fail with libvirt's exact errors")
    void errors() {
        try (AdmConnect adm = openAdmin()) {
            LibvirtException e = expectError(ErrorNumber.ERR_NO_SERVER, () -> adm.lookupServer("nosuch", 0));
            assertThat(e.domain()).isEqualTo(ErrorDomain.RPC);
            assertThat(e.getMessage()).isEqualTo("Server not found: No server named 'nosuch'");
            try (AdmServer srv = adm.lookupServer("libvirtd", 0)) {
                e = expectError(ErrorNumber.ERR_NO_CLIENT, () -> srv.lookupClient(987654321L, 0));
                assertThat(e.domain()).isEqualTo(ErrorDomain.RPC);
                assertThat(e.getMessage()).isEqualTo("Client not found: No client with matching ID '987654321'");
            }
        }
        try (AdmConnect adm = openAdmin()) {
            // 0 turns the idle timeout off, as this daemon runs anyway
            adm.setDaemonTimeout(0, 0);
            LibvirtException e = expectError(ErrorNumber.ERR_INVALID_ARG, () -> adm.setDaemonTimeout(0, 1));
            assertThat(e.domain()).isEqualTo(ErrorDomain.ADMIN);
            assertThat(e.getMessage()).isEqualTo("unsupported flags (0x1) in function adminConnectSetDaemonTimeout");
        }
        String socket = PrivateLibvirtd.shared().adminSocket().toString();
        LibvirtException e = expectError(ErrorNumber.ERR_CONFIG_UNSUPPORTED,
                () -> tck().connector().newAdmConnect("libvirtd:///system?socket=" + socket + "&bogus=1"));
        assertThat(e.domain()).isEqualTo(ErrorDomain.ADMIN);
        assertThat(e.getMessage()).isEqualTo("unsupported configuration: Unknown URI parameter 'bogus'");
        String missing = socket + ".missing";
        e = expectError(ErrorNumber.ERR_SYSTEM_ERROR,
                () -> tck().connector().newAdmConnect("libvirtd:///system?socket=" + missing));
        assertThat(e.domain()).isEqualTo(ErrorDomain.RPC);
        assertThat(e.getMessage()).isEqualTo("Failed to connect socket to '" + missing + "': No such file or directory");
    }

    /** Fails when closed admin handles are not refused with the invalid-object error, or null gets past the API. */
    @Test
    @DisplayName("Admin handles refuse calls once closed, close twice harmlessly, and refuse null arguments")
    void handles() {
        AdmConnect adm = openAdmin();
        // this admin connection is itself a client of the admin server
        AdmServer srv = adm.lookupServer("admin", 0);
        List<AdmClient> clients = srv.listClients(0);
        assertThat(clients).isNotEmpty();
        AdmClient client = clients.get(0);
        clients.stream().skip(1).forEach(AdmClient::close);
        expectNpe(() -> adm.lookupServer(null, 0));
        expectNpe(() -> adm.setLoggingFilters(null, 0));
        expectNpe(() -> adm.registerCloseCallback(null));
        expectNpe(() -> srv.setThreadPoolParameters(null, 0));
        expectNpe(() -> srv.setClientLimits(null, 0));
        expectNpe(() -> tck().connector().newAdmConnect(null));
        adm.close();
        adm.close();
        // the server and client keep the connection alive, as libvirt's references do
        assertThat(srv.getName()).isEqualTo("admin");
        assertThat(srv.getThreadPoolParameters(0).workersMax()).isPresent();
        LibvirtException e = expectError(ErrorNumber.ERR_INVALID_CONN, adm::getURI);
        assertThat(e.getMessage()).isEqualTo("invalid admin connection pointer in virAdmConnectGetURI");
        srv.close();
        srv.close();
        e = expectError(ErrorNumber.ERR_INVALID_ARG, srv::getName);
        assertThat(e.getMessage()).isEqualTo("invalid admin server pointer in virAdmServerGetName");
        assertThat(client.getInfo(0).raw()).isNotEmpty();
        client.close();
        client.close();
        e = expectError(ErrorNumber.ERR_INVALID_ARG, client::getID);
        assertThat(e.getMessage()).isEqualTo("invalid admin client pointer in virAdmClientGetID");
        expectError(ErrorNumber.ERR_INVALID_ARG, () -> client.close(0));
    }
}

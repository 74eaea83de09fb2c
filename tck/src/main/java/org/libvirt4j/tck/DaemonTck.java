package org.libvirt4j.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.libvirt4j.Connect;
import org.libvirt4j.Domain;
import org.libvirt4j.DomainDeviceModifyFlags;
import org.libvirt4j.DomainEventResumedDetailType;
import org.libvirt4j.DomainEventStartedDetailType;
import org.libvirt4j.DomainEventStoppedDetailType;
import org.libvirt4j.DomainEventSuspendedDetailType;
import org.libvirt4j.DomainEventType;
import org.libvirt4j.DomainEventUndefinedDetailType;
import org.libvirt4j.DomainState;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.NWFilter;
import org.libvirt4j.NWFilterBinding;
import org.libvirt4j.Network;
import org.libvirt4j.NetworkPort;
import org.libvirt4j.Secret;
import org.libvirt4j.SecretUsageType;
import org.libvirt4j.StoragePool;
import org.libvirt4j.StorageVol;
import org.libvirt4j.Stream;

/**
 * Drivers the test driver lacks, on the {@link PrivateLibvirtd}'s privileged connection:
 * secrets, network filters and a real QEMU/TCG guest. The daemon is shared by the whole run,
 * so each test removes what it creates.
 */
public abstract class DaemonTck extends TckArea {
    DaemonTck() {
    }

    static String tinyGuestXml(String name, UUID uuid) {
        return "<domain type='qemu'><name>" + name + "</name><uuid>" + uuid + "</uuid>"
                + "<memory unit='MiB'>64</memory><vcpu>1</vcpu>"
                + "<os><type arch='x86_64' machine='pc'>hvm</type></os>"
                + "<devices><graphics type='vnc' autoport='yes' listen='127.0.0.1'/>"
                + "<video><model type='vga'/></video></devices></domain>";
    }

    /** Fails when the backend cannot reach the daemon's QEMU driver, or its facts are misread. */
    @Test
    @DisplayName("The daemon's QEMU connection reports type QEMU, x86_64 guests and free memory")
    void qemuConnection() {
        try (Connect c = tck().openQemu()) {
            assertThat(c.getType()).isEqualTo("QEMU");
            assertThat(c.getVersion()).isGreaterThanOrEqualTo(7_000_000L);
            assertThat(xpath(c.getCapabilities(), "/capabilities/guest/arch[@name='x86_64']/@name")).isEqualTo("x86_64");
            assertThat(c.getFreeMemory()).isPositive();
            assertThat(c.getNodeInfo().cpus()).isPositive();
        }
    }

    /** Fails when the backend cannot speak to the daemon over loopback TCP, or misreports that plain TCP is insecure. */
    @Test
    @DisplayName("Over the daemon's TCP port, test and QEMU connections work and report themselves insecure")
    void overTcp() {
        require(TckCapability.PRIVATE_DAEMON);
        PrivateLibvirtd daemon = PrivateLibvirtd.shared();
        try (Connect t = tck().connector().newConnect(daemon.testTcpUri(Fixtures.path(Fixtures.NODE)));
                Domain d = t.lookupDomainByName(NodeFixture.RUNNING);
                Connect q = tck().connector().newConnect(daemon.qemuTcpUri())) {
            assertThat(t.getType()).isEqualTo("TEST");
            assertThat(d.getUUID()).isEqualTo(NodeFixture.RUNNING_UUID);
            assertThat(t.isSecure()).isFalse();
            assertThat(t.isEncrypted()).isFalse();
            assertThat(q.getType()).isEqualTo("QEMU");
            assertThat(q.isSecure()).isFalse();
        }
    }

    /** Fails when the backend cannot speak TLS to libvirt's GnuTLS, or misreports the transport's security. */
    @Test
    @DisplayName("Over the daemon's TLS port, with the client certificate of pkipath, a connection works and "
            + "reports itself encrypted and secure")
    void overTls() {
        require(TckCapability.PRIVATE_DAEMON);
        PrivateLibvirtd daemon = PrivateLibvirtd.shared();
        try (Connect t = tck().connector().newConnect(daemon.testTlsUri(Fixtures.path(Fixtures.NODE)));
                Domain d = t.lookupDomainByName(NodeFixture.RUNNING)) {
            assertThat(t.getType()).isEqualTo("TEST");
            assertThat(d.getUUID()).isEqualTo(NodeFixture.RUNNING_UUID);
            assertThat(t.isEncrypted()).isTrue();
            assertThat(t.isSecure()).isTrue();
            assertThat(t.listAllDomains()).hasSize(2).allSatisfy(Domain::close);
        }
    }

    /** Fails when missing credentials, an untrusted daemon or a refused client is not a clear error. */
    @Test
    @DisplayName("TLS refuses a missing CA file, a daemon of an unknown authority, and (with no_verify) a client "
            + "the daemon does not trust")
    void tlsRefusals() throws IOException {
        require(TckCapability.PRIVATE_DAEMON);
        PrivateLibvirtd daemon = PrivateLibvirtd.shared();
        String base = "test+tls://127.0.0.1:" + daemon.tlsPort() + Fixtures.path(Fixtures.NODE);
        Path empty = Files.createTempDirectory("libvirt4j-tck-nopki-");
        Path stranger = Files.createTempDirectory("libvirt4j-tck-otherpki-");
        try {
            LibvirtException missing = expectError(ErrorNumber.ERR_SYSTEM_ERROR,
                    () -> tck().connector().newConnect(base + "?pkipath=" + empty).close());
            assertThat(missing.getMessage()).contains("Cannot read CA certificate").contains("cacert.pem");
            TlsPki other = TlsPki.create(stranger);
            // the daemon's certificate is not of this client's authority
            LibvirtException untrusted = expectError(ErrorNumber.ERR_AUTH_FAILED,
                    () -> tck().connector().newConnect(base + "?pkipath=" + other.clientDir()).close());
            assertThat(untrusted.getMessage()).isEqualTo("authentication failed: Failed to verify peer's certificate");
            // no_verify skips that check; then the daemon refuses this client's certificate and hangs up
            LibvirtException refused = expectError(ErrorNumber.ERR_SYSTEM_ERROR,
                    () -> tck().connector().newConnect(base + "?pkipath=" + other.clientDir() + "&no_verify=1").close());
            assertThat(refused.getMessage()).isEqualTo("Unable to read TLS confirmation: Input/output error");
            assertThat(List.of(missing, untrusted, refused)).extracting(LibvirtException::domain)
                    .containsOnly(ErrorDomain.RPC);
        } finally {
            deleteTree(empty);
            deleteTree(stranger);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (java.util.stream.Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Fails when a daemon that hangs or goes away is not reported to the close callback, with libvirt's reasons. */
    @Test
    @Timeout(120)
    @DisplayName("The close callback hears KEEPALIVE when the daemon stops answering and EOF when it exits, "
            + "may close its connection; one callback per connection")
    void closeCallback() throws Exception {
        require(TckCapability.PRIVATE_DAEMON);
        tck().connector().eventRegisterDefaultImpl();
        java.util.concurrent.BlockingQueue<Integer> reasons = new java.util.concurrent.LinkedBlockingQueue<>();
        PrivateLibvirtd own = PrivateLibvirtd.start();
        try {
            String uri = own.testUnixUri(Fixtures.path(Fixtures.NODE));
            Connect hung = tck().connector().newConnect(uri);
            try {
                hung.registerCloseCallback((conn, reason) -> reasons.add(conn == hung ? reason : -100 - reason));
                assertThat(expectError(ErrorNumber.ERR_OPERATION_INVALID,
                        () -> hung.registerCloseCallback((conn, reason) -> { })).getMessage())
                        .contains("A close callback is already registered");
                hung.unregisterCloseCallback();
                expectError(ErrorNumber.ERR_OPERATION_INVALID, hung::unregisterCloseCallback);
                hung.registerCloseCallback((conn, reason) -> reasons.add(conn == hung ? reason : -100 - reason));
                hung.setKeepAlive(1, 1);
                signal(own.pid(), "STOP");
                try {
                    assertThat(reasons.poll(60, java.util.concurrent.TimeUnit.SECONDS))
                            .isEqualTo(org.libvirt4j.ConnectCloseReason.KEEPALIVE.value());
                } finally {
                    signal(own.pid(), "CONT");
                }
                assertThat(hung.isAlive()).isFalse();
            } finally {
                hung.close();
            }
            Connect orphan = tck().connector().newConnect(uri);
            try {
                // inside its close callback the connection refuses to (un)register one, where libvirt's
                // own lock would hang the native client, and closing it must not wait on that lock
                java.util.List<ErrorNumber> insideErrors = new java.util.concurrent.CopyOnWriteArrayList<>();
                orphan.registerCloseCallback((conn, reason) -> {
                    for (Runnable r : List.<Runnable>of(() -> conn.registerCloseCallback((x, y) -> { }),
                            conn::unregisterCloseCallback)) {
                        try {
                            r.run();
                            insideErrors.add(null);
                        } catch (LibvirtException e) {
                            insideErrors.add(e.code());
                        }
                    }
                    conn.close();
                    reasons.add(conn == orphan ? reason : -100 - reason);
                });
                assertThat(orphan.getType()).isEqualTo("TEST");
                own.close();
                assertThat(reasons.poll(60, java.util.concurrent.TimeUnit.SECONDS))
                        .isEqualTo(org.libvirt4j.ConnectCloseReason.EOF.value());
                // the callback closed the handle
                expectError(ErrorNumber.ERR_INVALID_CONN, orphan::isAlive);
                assertThat(insideErrors).containsExactly(ErrorNumber.ERR_OPERATION_INVALID,
                        ErrorNumber.ERR_OPERATION_INVALID);
            } finally {
                orphan.close();
            }
            assertThat(reasons).as("nothing more, and nothing for a connection closed by its owner").isEmpty();
        } finally {
            own.close();
        }
    }

    /**
     * Fails when aborting a stream whose daemon has died returns silently: libvirt's C client
     * (the JNA and JNI backends) reports the lost connection, and so must the remote backend.
     */
    @Test
    @Timeout(120)
    @DisplayName("After the daemon dies, Stream.abort fails with the lost connection's error, as libvirt's C client does")
    void abortAfterDaemonDied() throws Exception {
        require(TckCapability.PRIVATE_DAEMON);
        tck().connector().eventRegisterDefaultImpl();
        PrivateLibvirtd own = PrivateLibvirtd.start();
        try (Connect c = tck().connector().newConnect(own.testUnixUri(Fixtures.path(Fixtures.NODE)));
                Domain d = c.lookupDomainByName(NodeFixture.RUNNING); Stream s = c.newStream()) {
            assertThat(d.screenshot(s, 0)).isEqualTo("image/png");
            assertThat(s.recv(new byte[1])).isEqualTo(1);
            own.close();
            // both clients have seen the socket close (the C client through its event loop)
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            while (c.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(c.isAlive()).as("the connection to a stopped daemon").isFalse();
            LibvirtException e = expectError(ErrorNumber.ERR_INTERNAL_ERROR, s::abort);
            assertThat(e.domain()).isEqualTo(ErrorDomain.RPC);
            assertThat(e.getMessage()).isEqualTo("internal error: client socket is closed");
        } finally {
            own.close();
        }
    }

    /**
     * Fails when closing a stream interrupts another thread's recv or makes it fail otherwise
     * than libvirt's C client: {@code virStreamFree} waits for the call in flight (NativeHandle),
     * which ends as it would have (here with the lost connection's error when the daemon stops),
     * and the next call fails with ERR_INVALID_STREAM.
     */
    @Test
    @Timeout(120)
    @DisplayName("Closing a stream while another thread is blocked in recv lets that recv end on its own; "
            + "the next call fails with ERR_INVALID_STREAM")
    void closeWhileRecvBlocked() throws Exception {
        require(TckCapability.PRIVATE_DAEMON);
        PrivateLibvirtd own = PrivateLibvirtd.start();
        Path dir = Files.createTempDirectory("libvirt4j-tck-pool-");
        java.util.concurrent.ExecutorService reader = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (Connect c = tck().connector().newConnect(own.qemuUri());
                StoragePool pool = c.storagePoolCreateXML("<pool type='dir'><name>" + unique("tck-pool")
                        + "</name><target><path>" + dir + "</path></target></pool>");
                StorageVol vol = pool.storageVolCreateXML("<volume><name>v.img</name><capacity unit='bytes'>4096"
                        + "</capacity><allocation>0</allocation><target><format type='raw'/></target></volume>")) {
            Stream s = c.newStream();
            // an upload stream: the daemon never sends data on it, so recv blocks
            vol.upload(s, 0, 4096);
            java.util.concurrent.Future<Object> blocked = reader.submit(() -> {
                try {
                    return s.recv(new byte[16]);
                } catch (LibvirtException e) {
                    return e;
                }
            });
            Thread.sleep(500);
            assertThat(blocked).as("recv on an upload stream").isNotDone();
            s.close();
            Thread.sleep(500);
            assertThat(blocked).as("recv in flight when its stream was closed").isNotDone();
            own.close();
            Object outcome = blocked.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(outcome).as("the blocked recv, once the daemon stopped").isInstanceOfSatisfying(
                    LibvirtException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorNumber.ERR_SYSTEM_ERROR);
                        assertThat(e.domain()).isEqualTo(ErrorDomain.RPC);
                        assertThat(e.getMessage()).startsWith("End of file while reading data");
                    });
            expectError(ErrorNumber.ERR_INVALID_STREAM, () -> s.recv(new byte[16]));
        } finally {
            reader.shutdownNow();
            own.close();
            try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
                for (Path f : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    /** Sends a signal to a daemon this test started, by its pid. */
    private static void signal(long pid, String name) throws IOException, InterruptedException {
        assertThat(new ProcessBuilder("kill", "-" + name, Long.toString(pid)).start().waitFor()).isZero();
    }

    /** Fails when a secret's identity, usage, XML or value do not round-trip. */
    @Test
    @DisplayName("A defined secret round-trips its UUID, usage and value, and undefine removes it")
    void secretRoundTrip() {
        UUID uuid = UUID.randomUUID();
        String usage = "/tck/" + uuid + ".img";
        String xml = "<secret ephemeral='no' private='no'><uuid>" + uuid + "</uuid>"
                + "<usage type='volume'><volume>" + usage + "</volume></usage></secret>";
        try (Connect c = tck().openQemu()) {
            try (Secret s = c.secretDefineXML(xml)) {
                try {
                    assertThat(s.getUUID()).isEqualTo(uuid);
                    assertThat(s.getUUIDString()).isEqualTo(uuid.toString());
                    assertThat(s.getUsageType()).isEqualTo(SecretUsageType.VOLUME.value());
                    assertThat(s.getUsageID()).isEqualTo(usage);
                    assertThat(xpath(s.getXMLDesc(), "/secret/usage/volume")).isEqualTo(usage);
                    byte[] value = "s3cr\u00e9t\0bytes".getBytes(StandardCharsets.UTF_8);
                    s.setValue(value);
                    assertThat(s.getValue()).isEqualTo(value);
                    try (Secret byUuid = c.lookupSecretByUUIDString(uuid.toString());
                            Secret byUsage = c.lookupSecretByUsage(SecretUsageType.VOLUME, usage)) {
                        assertThat(byUuid.getUsageID()).isEqualTo(usage);
                        assertThat(byUsage.getUUID()).isEqualTo(uuid);
                    }
                    List<UUID> listed = new ArrayList<>();
                    for (Secret each : c.listAllSecrets()) {
                        try (each) {
                            listed.add(each.getUUID());
                        }
                    }
                    assertThat(listed).contains(uuid);
                } finally {
                    s.undefine();
                }
            }
            expectError(ErrorNumber.ERR_NO_SECRET, () -> c.lookupSecretByUUIDString(uuid.toString()));
            expectError(ErrorNumber.ERR_NO_SECRET, () -> c.lookupSecretByUsage(SecretUsageType.VOLUME, usage));
        }
    }

    /** Fails when a private secret's value can be read (libvirt denies it with ERR_INVALID_SECRET). */
    @Test
    @DisplayName("Reading the value of a private secret fails with ERR_INVALID_SECRET")
    void privateSecret() {
        UUID uuid = UUID.randomUUID();
        String xml = "<secret ephemeral='no' private='yes'><uuid>" + uuid + "</uuid>"
                + "<usage type='ceph'><name>tck-" + uuid + "</name></usage></secret>";
        try (Connect c = tck().openQemu(); Secret s = c.secretDefineXML(xml)) {
            try {
                s.setValue(new byte[] {1, 2, 3});
                expectError(ErrorNumber.ERR_INVALID_SECRET, s::getValue);
            } finally {
                s.undefine();
            }
        }
    }

    /** Fails when an nwfilter's name, UUID or XML do not round-trip, or undefine does not remove it. */
    @Test
    @DisplayName("A defined nwfilter is found by name and UUID, and undefine removes it")
    void nwfilterRoundTrip() {
        String name = unique("tck-filter");
        UUID uuid = UUID.randomUUID();
        String xml = "<filter name='" + name + "' chain='ipv4'><uuid>" + uuid + "</uuid>"
                + "<rule action='accept' direction='out' priority='500'><ip/></rule></filter>";
        try (Connect c = tck().openQemu()) {
            try (NWFilter f = c.nwfilterDefineXML(xml)) {
                try {
                    assertThat(f.getName()).isEqualTo(name);
                    assertThat(f.getUUID()).isEqualTo(uuid);
                    assertThat(f.getUUIDString()).isEqualTo(uuid.toString());
                    assertThat(xpath(f.getXMLDesc(), "/filter/@chain")).isEqualTo("ipv4");
                    try (NWFilter byName = c.lookupNWFilterByName(name);
                            NWFilter byUuid = c.lookupNWFilterByUUIDString(uuid.toString())) {
                        assertThat(byName.getUUID()).isEqualTo(uuid);
                        assertThat(byUuid.getName()).isEqualTo(name);
                    }
                    List<String> names = new ArrayList<>();
                    for (NWFilter each : c.listAllNWFilters()) {
                        try (each) {
                            names.add(each.getName());
                        }
                    }
                    assertThat(names).contains(name);
                } finally {
                    f.undefine();
                }
            }
            expectError(ErrorNumber.ERR_NO_NWFILTER, () -> c.lookupNWFilterByName(name));
        }
    }

    /** Fails when nwfilter bindings cannot be listed, or an unknown port is not ERR_NO_NWFILTER_BINDING. */
    @Test
    @DisplayName("nwfilter bindings are listed, and an unknown port device gives ERR_NO_NWFILTER_BINDING")
    void nwfilterBindings() {
        try (Connect c = tck().openQemu()) {
            List<NWFilterBinding> bindings = c.listAllNWFilterBindings();
            bindings.forEach(NWFilterBinding::close);
            expectError(ErrorNumber.ERR_NO_NWFILTER_BINDING, () -> c.lookupNWFilterBindingByPortDev("tck-no-such-tap"));
        }
    }

    /** Fails when a network port cannot be created, listed, found, read or deleted through the network driver. */
    @Test
    @DisplayName("A port on a bridged network is created, listed, found by UUID, and deleted")
    void networkPorts() {
        String name = unique("tck-bridged");
        String bridge = "tckb" + name.substring(name.length() - 8);
        UUID portUuid = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        try (Connect c = tck().openQemu();
                Network n = c.networkDefineXML("<network><name>" + name + "</name><forward mode='bridge'/>"
                        + "<bridge name='" + bridge + "'/></network>")) {
            try {
                n.create();
                try (NetworkPort p = n.portCreateXML("<networkport><uuid>" + portUuid + "</uuid><owner><name>tck-vm</name>"
                        + "<uuid>" + owner + "</uuid></owner><mac address='52:54:00:12:34:56'/></networkport>")) {
                    assertThat(p.getUUID()).isEqualTo(portUuid);
                    assertThat(p.getUUIDString()).isEqualTo(portUuid.toString());
                    assertThat(xpath(p.getXMLDesc(), "/networkport/owner/uuid")).isEqualTo(owner.toString());
                    List<UUID> listed = new ArrayList<>();
                    for (NetworkPort each : n.listAllPorts()) {
                        try (each) {
                            listed.add(each.getUUID());
                        }
                    }
                    assertThat(listed).containsExactly(portUuid);
                    try (NetworkPort found = n.lookupNetworkPortByUUIDString(portUuid.toString())) {
                        assertThat(xpath(found.getXMLDesc(), "/networkport/mac/@address")).isEqualTo("52:54:00:12:34:56");
                    }
                    p.delete();
                }
                expectError(ErrorNumber.ERR_NO_NETWORK_PORT, () -> n.lookupNetworkPortByUUIDString(portUuid.toString()));
            } finally {
                if (n.isActive()) {
                    n.destroy();
                }
                n.undefine();
            }
        }
    }

    /** Fails when an nwfilter binding cannot be created, found by port device, read or deleted. */
    @Test
    @DisplayName("An nwfilter binding is created, found by port device, read, and deleted")
    void nwfilterBindingLifecycle() {
        String filter = unique("tck-bf");
        String portDev = "tckt" + filter.substring(filter.length() - 8);
        try (Connect c = tck().openQemu();
                NWFilter f = c.nwfilterDefineXML("<filter name='" + filter + "' chain='root'>"
                        + "<rule action='accept' direction='out'><all/></rule></filter>")) {
            try {
                try (NWFilterBinding b = c.nwfilterBindingCreateXML("<filterbinding><owner><name>tck-vm</name><uuid>"
                        + UUID.randomUUID() + "</uuid></owner><portdev name='" + portDev + "'/>"
                        + "<mac address='52:54:00:12:34:57'/><filterref filter='" + filter + "'/></filterbinding>")) {
                    assertThat(b.getPortDev()).isEqualTo(portDev);
                    assertThat(b.getFilterName()).isEqualTo(filter);
                    assertThat(xpath(b.getXMLDesc(), "/filterbinding/mac/@address")).isEqualTo("52:54:00:12:34:57");
                    List<String> devs = new ArrayList<>();
                    for (NWFilterBinding each : c.listAllNWFilterBindings()) {
                        try (each) {
                            devs.add(each.getPortDev());
                        }
                    }
                    assertThat(devs).contains(portDev);
                    try (NWFilterBinding found = c.lookupNWFilterBindingByPortDev(portDev)) {
                        assertThat(found.getFilterName()).isEqualTo(filter);
                    }
                    b.delete();
                }
                expectError(ErrorNumber.ERR_NO_NWFILTER_BINDING, () -> c.lookupNWFilterBindingByPortDev(portDev));
            } finally {
                f.undefine();
            }
        }
    }

    /** Fails when the QEMU driver's lifecycle events for a real guest do not reach a callback filtered on it. */
    @Test
    @Timeout(180)
    @DisplayName("A callback filtered on a tiny TCG guest sees it start, pause, resume, stop and go away")
    void qemuGuestEvents() throws InterruptedException {
        require(TckCapability.QEMU_GUEST);
        tck().connector().eventRegisterDefaultImpl();
        String name = unique("tck-events");
        java.util.concurrent.BlockingQueue<EventTck.Seen> events = new java.util.concurrent.LinkedBlockingQueue<>();
        try (Connect c = tck().openQemu(); Domain d = c.domainDefineXML(tinyGuestXml(name, UUID.randomUUID()))) {
            int id;
            try {
                id = c.domainEventLifecycleRegister(d, EventTck.recorder(events));
                d.create();
                try {
                    awaitEvent(events, name, DomainEventType.STARTED, DomainEventStartedDetailType.BOOTED);
                    d.suspend();
                    awaitEvent(events, name, DomainEventType.SUSPENDED, DomainEventSuspendedDetailType.PAUSED);
                    d.resume();
                    awaitEvent(events, name, DomainEventType.RESUMED, DomainEventResumedDetailType.UNPAUSED);
                } finally {
                    d.destroy();
                }
                awaitEvent(events, name, DomainEventType.STOPPED, DomainEventStoppedDetailType.DESTROYED);
            } finally {
                d.undefine();
            }
            awaitEvent(events, name, DomainEventType.UNDEFINED, DomainEventUndefinedDetailType.REMOVED);
            c.domainEventDeregister(id);
        }
    }

    /**
     * Waits for one event, passing over others the QEMU driver may add in between (it reports
     * what QEMU itself says, too): the order of the awaited ones is still checked.
     */
    private static void awaitEvent(java.util.concurrent.BlockingQueue<EventTck.Seen> events, String domain,
            DomainEventType type, org.libvirt4j.LibvirtEnum detail) throws InterruptedException {
        List<EventTck.Seen> passed = new ArrayList<>();
        while (true) {
            EventTck.Seen s = events.poll(60, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(s).as("%s %s of %s within 60 s; passed over %s", type, detail, domain, passed).isNotNull();
            assertThat(s.domain()).as("the filter lets only %s through", domain).isEqualTo(domain);
            if (s.event() == type && s.detail() == detail.value()) {
                return;
            }
            passed.add(s);
        }
    }

    /** Fails when a real guest cannot be driven through its lifecycle; check the daemon log named in the error. */
    @Test
    @Timeout(180)
    @DisplayName("A tiny TCG guest is defined, started, measured, paused, resumed, screenshotted, destroyed and undefined")
    void qemuGuest() {
        require(TckCapability.QEMU_GUEST);
        String name = unique("tck-guest");
        UUID uuid = UUID.randomUUID();
        try (Connect c = tck().openQemu(); Domain d = c.domainDefineXML(tinyGuestXml(name, uuid))) {
            try {
                assertThat(d.getUUID()).isEqualTo(uuid);
                assertThat(d.getState().state()).isEqualTo(DomainState.SHUTOFF);
                d.create();
                try {
                    assertThat(d.getInfo().state()).isEqualTo(DomainState.RUNNING);
                    assertThat(d.getID()).isPositive();
                    assertThat(d.getOSType()).isEqualTo("hvm");
                    assertThat(d.getInfo().maxMem()).isEqualTo(65_536L);
                    java.util.Map<org.libvirt4j.DomainMemoryStatTags, Long> mem = new java.util.HashMap<>();
                    d.memoryStats().forEach(m -> mem.put(m.tag(), m.value()));
                    assertThat(mem).containsEntry(org.libvirt4j.DomainMemoryStatTags.ACTUAL_BALLOON, 65_536L);
                    assertThat(mem.get(org.libvirt4j.DomainMemoryStatTags.RSS)).as("the QEMU process's RSS").isPositive();
                    List<org.libvirt4j.DomainStats> stats = c.getAllDomainStats(List.of(d), java.util.Set.of());
                    try (org.libvirt4j.DomainStats st = stats.get(0)) {
                        assertThat(stats).hasSize(1);
                        assertThat(st.state().orElseThrow().state()).hasValue(DomainState.RUNNING.value());
                        assertThat(st.cpu().orElseThrow().time().orElseThrow()).as("cpu.time").isPositive();
                        assertThat(st.balloon().orElseThrow().current()).hasValue(65_536L);
                        assertThat(st.balloon().orElseThrow().maximum()).hasValue(65_536L);
                        assertThat(st.vcpu()).as("one vCPU, running").singleElement()
                                .satisfies(v -> assertThat(v.state()).hasValue(1));
                    }
                    d.suspend();
                    assertThat(d.getState().state()).isEqualTo(DomainState.PAUSED);
                    d.resume();
                    assertThat(d.getState().state()).isEqualTo(DomainState.RUNNING);
                    try (Stream s = c.newStream()) {
                        String mime = d.screenshot(s, 0);
                        byte[] image = StreamTck.drain(s);
                        s.finish();
                        assertThat(mime).startsWith("image/");
                        assertThat(image).isNotEmpty();
                    }
                } finally {
                    d.destroy();
                }
                assertThat(d.getState().state()).isEqualTo(DomainState.SHUTOFF);
            } finally {
                d.undefine();
            }
            expectError(ErrorNumber.ERR_NO_DOMAIN, () -> c.lookupDomainByName(name));
        }
    }

    /** Fails when a volume's bytes do not survive an upload and a ranged download, or a foreign stream is accepted. */
    @Test
    @Timeout(120)
    @DisplayName("A volume in a directory pool takes 1 MiB through an upload stream and gives a range of the same "
            + "bytes back through a download; a stream of another connection is refused")
    void volumeUploadDownload() throws IOException {
        Path dir = Files.createTempDirectory("libvirt4j-tck-pool-");
        byte[] data = new byte[1 << 20];
        new Random(42).nextBytes(data);
        String poolXml = "<pool type='dir'><name>" + unique("tck-pool") + "</name><target><path>" + dir
                + "</path></target></pool>";
        String volXml = "<volume><name>v.img</name><capacity unit='bytes'>" + data.length
                + "</capacity><allocation>0</allocation><target><format type='raw'/></target></volume>";
        try (Connect c = tck().openQemu(); StoragePool pool = c.storagePoolCreateXML(poolXml)) {
            try (StorageVol vol = pool.storageVolCreateXML(volXml)) {
                try (Stream up = c.newStream()) {
                    vol.upload(up, 0, data.length);
                    for (int off = 0; off < data.length;) {
                        // odd-sized pieces, so no chunk boundary of any layer lines up with them
                        byte[] piece = Arrays.copyOfRange(data, off, Math.min(data.length, off + 100_003));
                        int sent = up.send(piece);
                        assertThat(sent).as("send on a blocking stream").isPositive().isLessThanOrEqualTo(piece.length);
                        off += sent;
                    }
                    up.finish();
                }
                assertThat(Files.readAllBytes(Path.of(vol.getPath()))).as("the volume's file").isEqualTo(data);
                try (Stream down = c.newStream()) {
                    vol.download(down, 4096, data.length - 8192);
                    byte[] got = StreamTck.drain(down);
                    down.finish();
                    assertThat(got).isEqualTo(Arrays.copyOfRange(data, 4096, data.length - 4096));
                }
                try (Connect other = tck().openQemu(); Stream foreign = other.newStream()) {
                    LibvirtException e = expectError(ErrorNumber.ERR_INVALID_ARG, () -> vol.upload(foreign, 0, 1));
                    assertThat(e.getMessage())
                            .isEqualTo("stream in virStorageVolUpload must match connection of volume 'v.img'");
                    assertThat(e.domain()).isEqualTo(ErrorDomain.STORAGE);
                }
                vol.delete();
            } finally {
                pool.destroy();
            }
        } finally {
            try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
                for (Path f : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    /** Fails when device XML does not reach the persistent definition, or live changes to a stopped guest pass. */
    @Test
    @Timeout(60)
    @DisplayName("A CD-ROM is attached to, changed in and detached from a stopped QEMU guest's definition; "
            + "hot-plugging into the stopped guest is refused")
    void deviceAttachDetach() throws IOException {
        Path iso = Files.createTempFile("libvirt4j-tck-", ".iso");
        String empty = "<disk type='file' device='cdrom'><target dev='hdc' bus='ide'/><readonly/></disk>";
        String loaded = "<disk type='file' device='cdrom'><source file='" + iso + "'/>"
                + "<target dev='hdc' bus='ide'/><readonly/></disk>";
        try (Connect c = tck().openQemu();
                Domain d = c.domainDefineXML(tinyGuestXml(unique("tck-dev"), UUID.randomUUID()))) {
            try {
                expectError(ErrorNumber.ERR_OPERATION_INVALID, () -> d.attachDevice(empty));
                d.attachDeviceFlags(empty, DomainDeviceModifyFlags.CONFIG);
                assertThat(xpath(d.getXMLDesc(), "/domain/devices/disk[@device='cdrom']/target/@dev")).isEqualTo("hdc");
                d.updateDeviceFlags(loaded, DomainDeviceModifyFlags.CONFIG);
                assertThat(xpath(d.getXMLDesc(), "/domain/devices/disk[@device='cdrom']/source/@file"))
                        .isEqualTo(iso.toString());
                d.detachDeviceFlags(loaded, DomainDeviceModifyFlags.CONFIG);
                assertThat(d.getXMLDesc()).doesNotContain("cdrom");
                expectError(ErrorNumber.ERR_DEVICE_MISSING,
                        () -> d.detachDeviceFlags(loaded, DomainDeviceModifyFlags.CONFIG));
                expectError(ErrorNumber.ERR_XML_DETAIL, () -> d.attachDeviceFlags("<disk", DomainDeviceModifyFlags.CONFIG));
            } finally {
                d.undefine();
            }
        } finally {
            Files.deleteIfExists(iso);
        }
    }
}

package org.libvirt4j.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.libvirt4j.Connect;
import org.libvirt4j.Domain;
import org.libvirt4j.DomainQemuAgentCommandTimeout;
import org.libvirt4j.DomainQemuMonitorCommandFlags;
import org.libvirt4j.DomainQemuMonitorCommandWithFilesResult;
import org.libvirt4j.DomainQemuMonitorEvent;
import org.libvirt4j.DomainQemuMonitorEventFlags;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.EventRegistration;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.NodeSecurityModel;
import org.libvirt4j.SecurityLabel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The QEMU and LXC APIs ({@code libvirt-qemu}, {@code libvirt-lxc}): monitor and agent commands
 * and monitor events on one real QEMU guest, and the refusals of drivers and backends that cannot
 * do them, each pinned to libvirt's code, domain and message so that every backend gives the same.
 */
public abstract class QemuApiTck extends TckArea {

    /** An event and the name of the domain it came from, copied on the event thread. */
    record Got(String domain, DomainQemuMonitorEvent event) {
    }

    /** Events need the native backends' loop; idempotent. */
    @BeforeEach
    void eventLoop() {
        tck().connector().eventRegisterDefaultImpl();
    }

    /**
     * Fails when a QMP or HMP command does not reach the guest's monitor, a monitor event is
     * missing, filtered wrongly, or still arrives after deregistration, or a refusal differs from
     * libvirt's. Every guest-bound check shares one boot.
     */
    @Test
    @Timeout(240)
    @DisplayName("On a QEMU guest: QMP and HMP commands, the agent's refusal, monitor events with filters, and the LXC refusals")
    void onGuest() throws Exception {
        require(TckCapability.QEMU_GUEST);
        String name = unique("tck-qemuapi");
        try (Connect c = tck().openQemu(); Domain d = c.domainDefineXML(DaemonTck.tinyGuestXml(name, UUID.randomUUID()))) {
            d.create();
            try {
                monitorCommands(d);
                agentRefused(d);
                monitorEvents(c, d, name);
                lxcRefused(d);
                attachRefused(c);
            } finally {
                try {
                    d.destroy();
                } finally {
                    d.undefine();
                }
            }
        }
    }

    private static void monitorCommands(Domain d) {
        String qmp = d.qemuMonitorCommand("{\"execute\":\"query-status\"}", DomainQemuMonitorCommandFlags.DEFAULT);
        assertThat(qmp).as("query-status").containsPattern("\"status\"\\s*:\\s*\"running\"")
                .containsPattern("\"running\"\\s*:\\s*true");
        String hmp = d.qemuMonitorCommand("info status", DomainQemuMonitorCommandFlags.HMP);
        assertThat(hmp).as("info status").contains("VM status: running");
        DomainQemuMonitorCommandWithFilesResult withFiles = d.qemuMonitorCommandWithFiles(
                "{\"execute\":\"query-status\"}", new int[0]);
        try (var files = withFiles.files()) {
            assertThat(withFiles.result()).containsPattern("\"status\"\\s*:\\s*\"running\"");
            assertThat(files.size()).as("descriptors returned by query-status").isZero();
        }
        // libvirt hands QMP's own error back as the reply, not as a failure
        assertThat(d.qemuMonitorCommand("{\"execute\":\"tck-no-such-command\"}", 0))
                .contains("CommandNotFound").contains("tck-no-such-command");
    }

    /** The guest has no agent channel: libvirt's refusal, the same everywhere. */
    private static void agentRefused(Domain d) {
        LibvirtException e = expectError(ErrorNumber.ERR_ARGUMENT_UNSUPPORTED,
                () -> d.qemuAgentCommand("{\"execute\":\"guest-info\"}", DomainQemuAgentCommandTimeout.DEFAULT, 0));
        assertThat(e.domain()).isEqualTo(ErrorDomain.QEMU);
        assertThat(e.getMessage()).isEqualTo("argument unsupported: QEMU guest agent is not configured");
    }

    private void monitorEvents(Connect c, Domain d, String name) throws InterruptedException {
        BlockingQueue<Got> all = new LinkedBlockingQueue<>();
        BlockingQueue<Got> stops = new LinkedBlockingQueue<>();
        BlockingQueue<Got> resumes = new LinkedBlockingQueue<>();
        int allId;
        int stopId;
        // two callbacks with the same domain filter and different names: libvirt's client gives
        // each its own registration in the daemon, so each hears only its own name
        try (EventRegistration a = EventRegistration.of(
                c.domainQemuMonitorEventRegister(null, null, (conn, dom, e) -> all.add(new Got(dom.getName(), e))),
                c::domainQemuEventDeregister);
                EventRegistration s = EventRegistration.of(
                c.domainQemuMonitorEventRegister(d, "stop", (conn, dom, e) -> stops.add(new Got(dom.getName(), e)),
                        DomainQemuMonitorEventFlags.NOCASE),
                c::domainQemuEventDeregister);
                EventRegistration r = EventRegistration.of(
                c.domainQemuMonitorEventRegister(d, "^RES.ME$", (conn, dom, e) -> resumes.add(new Got(dom.getName(), e)),
                        DomainQemuMonitorEventFlags.REGEX),
                c::domainQemuEventDeregister)) {
            allId = a.callbackId();
            stopId = s.callbackId();
            assertThat(java.util.Set.of(allId, stopId, r.callbackId())).as("callback ids").hasSize(3);
            long before = System.currentTimeMillis() / 1000;
            d.suspend();
            DomainQemuMonitorEvent stop = await(all, name, "STOP");
            assertThat(stop.seconds()).as("STOP's seconds").isBetween(before - 5, before + 60);
            assertThat(Integer.toUnsignedLong(stop.micros())).as("STOP's microseconds").isLessThan(1_000_000L);
            assertThat(stop.toString()).startsWith("QEMU monitor event=STOP seconds=" + stop.seconds()
                    + " micros=" + stop.micros() + " details=");
            d.resume();
            DomainQemuMonitorEvent resume = await(all, name, "RESUME");
            assertThat(resume.seconds() * 1_000_000L + resume.micros())
                    .as("RESUME after STOP").isGreaterThanOrEqualTo(stop.seconds() * 1_000_000L + stop.micros());
            for (DomainQemuMonitorEvent e : new DomainQemuMonitorEvent[] {stop, resume}) {
                if (e.details() != null) {
                    assertThat(e.details()).as("details of %s", e.event()).startsWith("{").endsWith("}");
                }
            }
            DomainQemuMonitorEvent filtered = await(stops, name, "STOP");
            assertThat(filtered.seconds()).isEqualTo(stop.seconds());
            assertThat(filtered.micros()).isEqualTo(stop.micros());
            DomainQemuMonitorEvent resumed = await(resumes, name, "RESUME");
            assertThat(resumed.seconds()).isEqualTo(resume.seconds());
            // the name filters ("stop", NOCASE; "^RES.ME$", REGEX) let their own event through, nothing else
            Got extra = stops.poll(1, TimeUnit.SECONDS);
            assertThat(extra).as("the filtered callback hears only STOP").isNull();
            assertThat(resumes.poll(0, TimeUnit.SECONDS)).as("the regex callback hears only RESUME").isNull();
        }
        all.clear();
        stops.clear();
        d.suspend();
        d.resume();
        assertThat(all.poll(2, TimeUnit.SECONDS)).as("an event after deregistration").isNull();
        assertThat(stops.poll(0, TimeUnit.SECONDS)).isNull();
        assertThat(resumes.poll(0, TimeUnit.SECONDS)).isNull();
        LibvirtException twice = expectError(ErrorNumber.ERR_INVALID_ARG, () -> c.domainQemuEventDeregister(allId));
        assertThat(twice.domain()).isEqualTo(ErrorDomain.NONE);
        assertThat(twice.getMessage()).isEqualTo("invalid argument: event callback id " + allId + " not registered");
        try (Connect other = tck().openQemu()) {
            LibvirtException regex = expectError(ErrorNumber.ERR_INVALID_ARG,
                    () -> other.domainQemuMonitorEventRegister(null, "(", (conn, dom, e) -> { },
                            DomainQemuMonitorEventFlags.REGEX));
            assertThat(regex.domain()).isEqualTo(ErrorDomain.NONE);
            assertThat(regex.getMessage()).startsWith("invalid argument: failed to compile regex '(': ");
        }
    }

    private static DomainQemuMonitorEvent await(BlockingQueue<Got> q, String domain, String event)
            throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < end) {
            Got g = q.poll(100, TimeUnit.MILLISECONDS);
            if (g != null && g.domain().equals(domain) && g.event().event().equals(event)) {
                return g.event();
            }
        }
        throw new AssertionError("no " + event + " event of " + domain + " within 30 s");
    }

    /** The QEMU driver has no LXC calls; the ones that act on the caller check their flags first. */
    private void lxcRefused(Domain d) {
        LibvirtException open = expectError(ErrorNumber.ERR_NO_SUPPORT, () -> d.lxcOpenNamespace(0));
        assertThat(open.domain()).isEqualTo(ErrorDomain.NONE);
        assertThat(open.getMessage()).isEqualTo("this function is not supported by the connection driver: "
                + "virDomainLxcOpenNamespace");
        lxcFlagsRefused(d);
    }

    private void attachRefused(Connect c) {
        // this JVM is no QEMU process, and libvirt 9's QEMU driver attaches to none
        LibvirtException e = expectError(ErrorNumber.ERR_NO_SUPPORT,
                () -> c.domainQemuAttach((int) ProcessHandle.current().pid(), 0));
        assertThat(e.domain()).isEqualTo(ErrorDomain.NONE);
        assertThat(e.getMessage()).isEqualTo("this function is not supported by the connection driver: virDomainQemuAttach");
    }

    /**
     * The flag checks libvirt's C library makes before acting on the calling process; with flags
     * 0 a native backend would really move this JVM, so only the remote refusal is checked there.
     */
    private void lxcFlagsRefused(Domain d) {
        for (Map.Entry<String, org.assertj.core.api.ThrowableAssert.ThrowingCallable> e : Map.<String,
                org.assertj.core.api.ThrowableAssert.ThrowingCallable>of(
                "virDomainLxcEnterNamespace", () -> d.lxcEnterNamespace(new int[0], 1),
                "virDomainLxcEnterCGroup", () -> d.lxcEnterCGroup(1)).entrySet()) {
            LibvirtException x = expectError(ErrorNumber.ERR_INVALID_ARG, e.getValue());
            assertThat(x.domain()).isEqualTo(ErrorDomain.NONE);
            assertThat(x.getMessage()).isEqualTo("unsupported flags (0x1) in function " + e.getKey());
        }
        if (tck().backendName().equals("remote")) {
            for (Map.Entry<String, org.assertj.core.api.ThrowableAssert.ThrowingCallable> e : Map.<String,
                    org.assertj.core.api.ThrowableAssert.ThrowingCallable>of(
                    "virDomainLxcEnterNamespace", () -> d.lxcEnterNamespace(new int[0], 0),
                    "virDomainLxcEnterCGroup", () -> d.lxcEnterCGroup(0)).entrySet()) {
                LibvirtException x = expectError(ErrorNumber.ERR_NO_SUPPORT, e.getValue());
                assertThat(x.getMessage()).startsWith("this function is not supported by the connection driver: "
                        + e.getKey() + " (");
            }
        }
    }

    /** Fails when a call of the QEMU or LXC API reaches a driver that lacks it as anything but its own refusal. */
    @Test
    @DisplayName("The test driver refuses every QEMU and LXC call, each naming its own C function; bad arguments are refused first")
    void testDriverRefuses() {
        try (Connect c = open(); Domain d = c.lookupDomainByName("tck-running")) {
            expectNoSupportNamingEach(Map.of(
                    "virDomainQemuMonitorCommand", () -> d.qemuMonitorCommand("{\"execute\":\"query-status\"}", 0),
                    "virDomainQemuAgentCommand", () -> d.qemuAgentCommand("{}", 5, 0),
                    "virDomainLxcOpenNamespace", () -> d.lxcOpenNamespace(0),
                    "virDomainQemuAttach", () -> c.domainQemuAttach(1, 0),
                    "virConnectDomainQemuMonitorEventRegister",
                    () -> c.domainQemuMonitorEventRegister(d, "STOP", (conn, dom, e) -> { }, 0)));
            lxcFlagsRefused(d);
            if (viaDaemon() && FdPassingTck.passesFds(tck().fixtureUri(Fixtures.path(Fixtures.NODE)))) {
                // the descriptor reaches the daemon, whose test driver has no QEMU calls
                LibvirtException files = expectError(ErrorNumber.ERR_NO_SUPPORT,
                        () -> d.qemuMonitorCommandWithFiles("{}", new int[] {0}));
                assertThat(files.domain()).isEqualTo(ErrorDomain.NONE);
                assertThat(files.getMessage()).isEqualTo("this function is not supported by the connection driver: "
                        + "virDomainQemuMonitorCommandWithFiles");
            } else if (viaDaemon()) {
                try (Connect own = open(); Domain od = own.lookupDomainByName("tck-running")) {
                    FdPassingTck.expectTransportRefusal(own, () -> od.qemuMonitorCommandWithFiles("{}", new int[] {0}));
                }
            }
            try (Connect other = open()) {
                LibvirtException foreign = expectError(ErrorNumber.ERR_INVALID_ARG,
                        () -> other.domainQemuMonitorEventRegister(d, null, (conn, dom, e) -> { }, 0));
                assertThat(foreign.domain()).isEqualTo(ErrorDomain.NONE);
                assertThat(foreign.getMessage()).isEqualTo(
                        "domain 'tck-running' in virConnectDomainQemuMonitorEventRegister must match connection");
            }
            LibvirtException negative = expectError(ErrorNumber.ERR_INVALID_ARG, () -> c.domainQemuEventDeregister(-1));
            assertThat(negative.domain()).isEqualTo(ErrorDomain.NONE);
            assertThat(negative.getMessage()).isEqualTo(
                    "callbackID in virConnectDomainQemuMonitorEventDeregister must be zero or greater");
        }
    }

    /**
     * Fails when entering a security model differs from libvirt's C library: model {@code none}
     * changes nothing, an unknown model and flags are refused with libvirt's words.
     */
    @Test
    @DisplayName("domainLxcEnterSecurityLabel: model none is a no-op, an unknown model and flags are refused")
    void enterSecurityLabel() {
        var connector = tck().connector();
        SecurityLabel label = new SecurityLabel("tck-label", true);
        assertThat(connector.domainLxcEnterSecurityLabel(new NodeSecurityModel("none", "0"), label, 0))
                .isEqualTo(new SecurityLabel("", false));
        LibvirtException unknown = expectError(ErrorNumber.ERR_ARGUMENT_UNSUPPORTED,
                () -> connector.domainLxcEnterSecurityLabel(new NodeSecurityModel("tck-model", "0"), label, 0));
        assertThat(unknown.domain()).isEqualTo(ErrorDomain.NONE);
        assertThat(unknown.getMessage()).isEqualTo("argument unsupported: Security model tck-model cannot be entered");
        LibvirtException flags = expectError(ErrorNumber.ERR_INVALID_ARG,
                () -> connector.domainLxcEnterSecurityLabel(new NodeSecurityModel("none", "0"), label, 2));
        assertThat(flags.domain()).isEqualTo(ErrorDomain.NONE);
        assertThat(flags.getMessage()).isEqualTo(
                "unsupported flags (0x2) in function virDomainLxcEnterSecurityLabel");
        expectNpe(() -> connector.domainLxcEnterSecurityLabel(null, label, 0));
        expectNpe(() -> connector.domainLxcEnterSecurityLabel(new NodeSecurityModel("none", "0"), null, 0));
    }

    /** Fails when a null argument reaches libvirt instead of failing first. */
    @Test
    @DisplayName("Null arguments of the QEMU and LXC calls give NullPointerException before libvirt is touched")
    void nulls() {
        try (Connect c = open(); Domain d = c.lookupDomainByName("tck-running")) {
            expectNpe(() -> d.qemuMonitorCommand(null, 0));
            expectNpe(() -> d.qemuMonitorCommandWithFiles("{}", null, 0));
            expectNpe(() -> d.qemuMonitorCommandWithFiles(null, new int[0], 0));
            expectNpe(() -> d.qemuAgentCommand(null, 0, 0));
            expectNpe(() -> d.qemuAgentCommand("{}", (DomainQemuAgentCommandTimeout) null, 0));
            expectNpe(() -> d.lxcEnterNamespace(null, 0));
            expectNpe(() -> c.domainQemuMonitorEventRegister(d, "STOP", null, 0));
        }
    }
}

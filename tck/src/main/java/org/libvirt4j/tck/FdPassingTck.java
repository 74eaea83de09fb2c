package org.libvirt4j.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.libvirt4j.Connect;
import org.libvirt4j.Domain;
import org.libvirt4j.DomainFDAssociateFlags;
import org.libvirt4j.DomainOpenGraphicsFlags;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.FileDescriptors;
import org.libvirt4j.LibvirtException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The calls that pass file descriptors ({@code virDomainCreateWithFiles},
 * {@code virDomainCreateXMLWithFiles}, {@code virDomainFDAssociate}, {@code virDomainOpenGraphics},
 * {@code virDomainOpenGraphicsFD}) on the test driver. Descriptors cross a unix socket to the
 * daemon ({@code SCM_RIGHTS}) and reach a local driver directly, so there every backend gives the
 * driver's own result; over TCP, TLS or SSH libvirt's client refuses to send them, and closes the
 * connection, which every backend pins alike ({@link #expectTransportRefusal}).
 */
@Tag("fd-passing")
public abstract class FdPassingTck extends TckArea {

    /** Standard input: a descriptor every process has, and not a socket. */
    private static final int STDIN = 0;

    private static String testDomainXml(String name) {
        return "<domain type='test'><name>" + name + "</name><uuid>" + UUID.randomUUID()
                + "</uuid><memory>1024</memory><os><type>hvm</type></os></domain>";
    }

    /** {@return whether the fixtures' connections pass descriptors}: a local driver or a unix socket */
    private boolean passesFds() {
        return passesFds(tck().fixtureUri(Fixtures.path(Fixtures.NODE)));
    }

    /**
     * @param uri a connection URI
     * @return whether libvirt passes descriptors on it: to a local driver, or over a unix socket
     *         (its transport, after the {@code +}, is none or {@code unix})
     */
    static boolean passesFds(String uri) {
        String scheme = uri.substring(0, Math.max(0, uri.indexOf(':')));
        int plus = scheme.indexOf('+');
        return plus < 0 || scheme.substring(plus + 1).equals("unix");
    }

    /**
     * libvirt's client over a transport without descriptor passing: it writes the call, fails at
     * its first descriptor and closes the connection; the call is not made.
     */
    static void expectTransportRefusal(Connect c, ThrowingCallable call) {
        LibvirtException x = expectError(ErrorNumber.ERR_INTERNAL_ERROR, call);
        assertThat(x.domain()).isEqualTo(ErrorDomain.RPC);
        assertThat(x.getMessage()).isEqualTo("internal error: Sending file descriptors is not supported on this socket");
        assertThat(c.isAlive()).as("connection after the refusal").isFalse();
    }

    /**
     * Fails when starting with no descriptors does not start the domain on some backend, or when
     * descriptors are not handed over (local driver, unix socket) or not refused as libvirt's
     * client refuses them (TCP, TLS, SSH).
     */
    @Test
    @DisplayName("createWithFiles and domainCreateXMLWithFiles start domains, with files where descriptors cross the transport")
    void createWithFiles() {
        try (Connect c = open()) {
            String defined = unique("tck-fd-defined");
            try (Domain d = c.domainDefineXML(testDomainXml(defined))) {
                d.createWithFiles(new int[0], 0);
                assertThat(d.isActive()).isTrue();
                assertThat(d.getID()).isPositive();
                LibvirtException again = expectError(ErrorNumber.ERR_INTERNAL_ERROR,
                        () -> d.createWithFiles(new int[0]));
                assertThat(again.getMessage()).isEqualTo("internal error: Domain '" + defined + "' is already running");
                d.destroy();
                if (passesFds()) {
                    // the test driver takes the descriptors and starts the domain
                    d.createWithFiles(new int[] {STDIN}, 0);
                    assertThat(d.isActive()).isTrue();
                }
            }
            String transient1 = unique("tck-fd-xml");
            try (Domain d = c.domainCreateXMLWithFiles(testDomainXml(transient1), new int[0], 0)) {
                assertThat(d.getName()).isEqualTo(transient1);
                assertThat(d.isActive()).isTrue();
                assertThat(d.isPersistent()).isFalse();
            }
            String transient2 = unique("tck-fd-xml");
            if (passesFds()) {
                try (Domain d = c.domainCreateXMLWithFiles(testDomainXml(transient2), new int[] {STDIN})) {
                    assertThat(d.isActive()).isTrue();
                }
            }
        }
        if (!passesFds()) {
            try (Connect c = open(); Domain d = c.domainDefineXML(testDomainXml(unique("tck-fd-defined")))) {
                expectTransportRefusal(c, () -> d.createWithFiles(new int[] {STDIN}, 0));
            }
            try (Connect c = open()) {
                expectTransportRefusal(c, () -> c.domainCreateXMLWithFiles(testDomainXml(unique("tck-fd-xml")),
                        new int[] {STDIN}));
            }
        }
    }

    /**
     * Fails when a call the test driver lacks gives anything but {@code ERR_NO_SUPPORT} naming its
     * function, or when libvirt's argument checks are not made alike on every backend.
     */
    @Test
    @DisplayName("fdAssociate, openGraphics, openGraphicsFD: the test driver's refusal, libvirt's argument checks on every backend")
    void refusals() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(NodeFixture.RUNNING)) {
            Map<String, ThrowingCallable> unsupported = passesFds()
                    ? Map.of("virDomainFDAssociate", () -> d.fdAssociate("tck-fds", new int[] {STDIN},
                            DomainFDAssociateFlags.RESTORE),
                    "virDomainOpenGraphicsFD", () -> d.openGraphicsFD(0, DomainOpenGraphicsFlags.SKIPAUTH))
                    // nothing to send: the call reaches the driver on any transport
                    : Map.of("virDomainOpenGraphicsFD", () -> d.openGraphicsFD(0, DomainOpenGraphicsFlags.SKIPAUTH));
            for (Map.Entry<String, ThrowingCallable> e : unsupported.entrySet()) {
                LibvirtException x = expectError(ErrorNumber.ERR_NO_SUPPORT, e.getValue());
                assertThat(x.domain()).isEqualTo(ErrorDomain.DOMAIN);
                assertThat(x.getMessage()).isEqualTo(
                        "this function is not supported by the connection driver: " + e.getKey());
            }
            // libvirt checks the descriptor before any driver sees it
            LibvirtException x = expectError(ErrorNumber.ERR_INVALID_ARG, () -> d.openGraphics(0, STDIN, 0));
            assertThat(x.domain()).isEqualTo(ErrorDomain.DOMAIN);
            assertThat(x.getMessage()).isEqualTo("fd 0 must be a socket");
            LibvirtException none = expectError(ErrorNumber.ERR_INVALID_ARG,
                    () -> d.fdAssociate("tck-fds", new int[0], 0));
            assertThat(none.domain()).isEqualTo(ErrorDomain.DOMAIN);
            assertThat(none.getMessage()).isEqualTo("nfds in virDomainFDAssociate must not be zero");
            LibvirtException negative = expectError(ErrorNumber.ERR_INVALID_ARG, () -> d.openGraphics(0, -1, 0));
            assertThat(negative.domain()).isEqualTo(ErrorDomain.DOMAIN);
            assertThat(negative.getMessage()).isEqualTo("fd in virDomainOpenGraphics must be zero or greater");
        }
        if (!passesFds()) {
            try (Connect c = open(); Domain d = c.lookupDomainByName(NodeFixture.RUNNING)) {
                expectTransportRefusal(c, () -> d.fdAssociate("tck-fds", new int[] {STDIN}, 0));
            }
        }
    }

    /** Fails when a null argument reaches libvirt instead of failing first. */
    @Test
    @DisplayName("Null arguments of the descriptor-passing calls give NullPointerException")
    void nulls() {
        try (Connect c = open(); Domain d = c.lookupDomainByName(NodeFixture.RUNNING)) {
            expectNpe(() -> d.createWithFiles(null, 0));
            expectNpe(() -> c.domainCreateXMLWithFiles(null, new int[0], 0));
            expectNpe(() -> c.domainCreateXMLWithFiles(testDomainXml("tck-fd-null"), null, 0));
            expectNpe(() -> d.fdAssociate(null, new int[] {STDIN}, 0));
            expectNpe(() -> d.fdAssociate("tck-fds", null, 0));
        }
    }

    /**
     * Fails when libvirt does not hand back a socket connected to the guest's VNC server (the
     * descriptor must be a socket, owned by the holder until closed). Java 17 cannot read a raw
     * descriptor, and a socket cannot be reopened through {@code /proc/self/fd}, so the link's
     * target is what is checked (the remote backend's tests also read the VNC banner from it).
     */
    @Test
    @Timeout(240)
    @DisplayName("On a QEMU guest with VNC: openGraphicsFD hands back a socket")
    void openGraphicsFdOnGuest() throws Exception {
        require(TckCapability.QEMU_GUEST);
        String name = unique("tck-fd-vnc");
        try (Connect c = tck().openQemu(); Domain d = c.domainDefineXML(DaemonTck.tinyGuestXml(name, UUID.randomUUID()))) {
            d.create();
            try {
                Path link;
                String target;
                try (FileDescriptors fds = d.openGraphicsFD(0, DomainOpenGraphicsFlags.SKIPAUTH)) {
                    assertThat(fds.size()).isEqualTo(1);
                    link = Path.of("/proc/self/fd/" + fds.fds()[0]);
                    target = Files.readSymbolicLink(link).toString();
                    assertThat(target).startsWith("socket:[");
                }
                // closed by the holder: the number is gone, or reused by something else
                String after = Files.exists(link, LinkOption.NOFOLLOW_LINKS) ? Files.readSymbolicLink(link).toString() : "";
                assertThat(after).isNotEqualTo(target);
                LibvirtException noDevice = expectError(ErrorNumber.ERR_INTERNAL_ERROR, () -> d.openGraphicsFD(5, 0));
                assertThat(noDevice.getMessage()).contains("5");
            } finally {
                d.destroy();
                d.undefine();
            }
        }
    }
}

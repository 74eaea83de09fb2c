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
 * {@code virDomainOpenGraphicsFD}) on the test driver. The native backends hand the descriptors to
 * libvirt; the remote backend cannot send them over the socket yet, so where descriptors would
 * cross it each backend's documented result is pinned separately.
 */
@Tag("fd-passing")
public abstract class FdPassingTck extends TckArea {

    /** Standard input: a descriptor every process has, and not a socket. */
    private static final int STDIN = 0;

    private static String testDomainXml(String name) {
        return "<domain type='test'><name>" + name + "</name><uuid>" + UUID.randomUUID()
                + "</uuid><memory>1024</memory><os><type>hvm</type></os></domain>";
    }

    private boolean remote() {
        return tck().backendName().equals("remote");
    }

    /** The remote backend's refusal of a call that would pass descriptors. */
    private static void expectRemoteRefusal(String fn, ThrowingCallable call) {
        LibvirtException x = expectError(ErrorNumber.ERR_NO_SUPPORT, call);
        assertThat(x.domain()).isEqualTo(ErrorDomain.NONE);
        assertThat(x.getMessage()).isEqualTo("this function is not supported by the connection driver: " + fn
                + " (the remote backend cannot pass file descriptors yet (SCM_RIGHTS))");
    }

    /**
     * Fails when starting with no descriptors does not start the domain on some backend, or when
     * descriptors are not handed over (native) or not refused (remote).
     */
    @Test
    @DisplayName("createWithFiles and domainCreateXMLWithFiles start domains; with files only the native backends can")
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
                if (remote()) {
                    expectRemoteRefusal("virDomainCreateWithFiles", () -> d.createWithFiles(new int[] {STDIN}, 0));
                    assertThat(d.isActive()).isFalse();
                } else {
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
            if (remote()) {
                expectRemoteRefusal("virDomainCreateXMLWithFiles",
                        () -> c.domainCreateXMLWithFiles(testDomainXml(transient2), new int[] {STDIN}));
                expectError(ErrorNumber.ERR_NO_DOMAIN, () -> c.lookupDomainByName(transient2));
            } else {
                try (Domain d = c.domainCreateXMLWithFiles(testDomainXml(transient2), new int[] {STDIN})) {
                    assertThat(d.isActive()).isTrue();
                }
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
            Map<String, ThrowingCallable> unsupported = Map.of(
                    "virDomainFDAssociate", () -> d.fdAssociate("tck-fds", new int[] {STDIN},
                            DomainFDAssociateFlags.RESTORE),
                    "virDomainOpenGraphicsFD", () -> d.openGraphicsFD(0, DomainOpenGraphicsFlags.SKIPAUTH));
            for (Map.Entry<String, ThrowingCallable> e : unsupported.entrySet()) {
                if (remote()) {
                    expectRemoteRefusal(e.getKey(), e.getValue());
                } else {
                    LibvirtException x = expectError(ErrorNumber.ERR_NO_SUPPORT, e.getValue());
                    assertThat(x.domain()).isEqualTo(ErrorDomain.DOMAIN);
                    assertThat(x.getMessage()).isEqualTo(
                            "this function is not supported by the connection driver: " + e.getKey());
                }
            }
            if (remote()) {
                expectRemoteRefusal("virDomainOpenGraphics", () -> d.openGraphics(0, STDIN, 0));
            } else {
                // libvirt checks the descriptor before any driver sees it
                LibvirtException x = expectError(ErrorNumber.ERR_INVALID_ARG, () -> d.openGraphics(0, STDIN, 0));
                assertThat(x.domain()).isEqualTo(ErrorDomain.DOMAIN);
                assertThat(x.getMessage()).isEqualTo("fd 0 must be a socket");
            }
            LibvirtException none = expectError(ErrorNumber.ERR_INVALID_ARG,
                    () -> d.fdAssociate("tck-fds", new int[0], 0));
            assertThat(none.domain()).isEqualTo(ErrorDomain.DOMAIN);
            assertThat(none.getMessage()).isEqualTo("nfds in virDomainFDAssociate must not be zero");
            LibvirtException negative = expectError(ErrorNumber.ERR_INVALID_ARG, () -> d.openGraphics(0, -1, 0));
            assertThat(negative.domain()).isEqualTo(ErrorDomain.DOMAIN);
            assertThat(negative.getMessage()).isEqualTo("fd in virDomainOpenGraphics must be zero or greater");
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
     * Fails when libvirt does not hand back a socket connected to the guest's VNC server on the
     * native backends (the descriptor must be a socket, owned by the holder until closed), or when
     * the remote backend does not refuse it. Java 17 cannot read a raw descriptor, and a socket
     * cannot be reopened through {@code /proc/self/fd}, so the link's target is what is checked.
     */
    @Test
    @Timeout(240)
    @DisplayName("On a QEMU guest with VNC: openGraphicsFD hands back a socket (native), or is refused (remote)")
    void openGraphicsFdOnGuest() throws Exception {
        require(TckCapability.QEMU_GUEST);
        String name = unique("tck-fd-vnc");
        try (Connect c = tck().openQemu(); Domain d = c.domainDefineXML(DaemonTck.tinyGuestXml(name, UUID.randomUUID()))) {
            d.create();
            try {
                if (remote()) {
                    expectRemoteRefusal("virDomainOpenGraphicsFD", () -> d.openGraphicsFD(0, 0));
                    return;
                }
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

package org.libvirt4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Timeout;
import org.libvirt4j.Connect;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;
import org.w3c.dom.Document;

/**
 * What every area of the TCK shares: the backend under test, fixture connections, and the
 * assertions libvirt's semantics call for. Areas are abstract; {@link LibvirtTck} binds each one
 * to the backend through a {@code @Nested} inner class.
 *
 * <p>Every test has a time limit (inherited {@link Timeout}), so a backend that hangs fails
 * the test instead of the build.
 */
@Timeout(60)
public abstract class TckArea {
    /** Package-private: only the TCK's own areas extend this. */
    TckArea() {
    }

    /** @return the enclosing kit, which knows the backend */
    abstract LibvirtTck tck();

    /** @return a read-write connection to a fresh copy of {@link Fixtures#NODE} */
    final Connect open() {
        return tck().openFixture(Fixtures.NODE);
    }

    /** @return the node fixture on {@code daemon}, over the transport of the backend's fixture URI */
    final String testUri(PrivateLibvirtd daemon) {
        String own = tck().fixtureUri(Fixtures.path(Fixtures.NODE));
        Path node = Fixtures.path(Fixtures.NODE);
        if (own.startsWith("test+tcp:")) {
            return daemon.testTcpUri(node);
        }
        if (own.startsWith("test+tls:")) {
            return daemon.testTlsUri(node);
        }
        if (own.startsWith("test+ssh:")) {
            return PrivateSshd.shared().testSshUri(node, daemon);
        }
        if (own.startsWith("test+libssh:")) {
            return PrivateSshd.shared().testLibsshUri(node, daemon);
        }
        return daemon.testUnixUri(node);
    }

    /** @return whether the backend reaches the test driver through a daemon ({@code test+unix:}, {@code test+tcp:}) */
    final boolean viaDaemon() {
        return tck().fixtureUri(Fixtures.path(Fixtures.NODE)).startsWith("test+");
    }

    /** Skips the calling test, with the backend's reason, when it declares it lacks {@code capability}. */
    final void require(TckCapability capability) {
        tck().require(capability);
    }

    /**
     * Runs {@code call}, expecting a {@link LibvirtException} with exactly {@code code}.
     *
     * @return the exception, for further checks
     */
    static LibvirtException expectError(ErrorNumber code, ThrowingCallable call) {
        LibvirtException e = catchThrowableOfType(LibvirtException.class, call);
        assertThat(e).as("expected a LibvirtException with code %s", code).isNotNull();
        assertThat(e.code()).as("libvirt error code of %s", e).isEqualTo(code);
        assertThat(e.getMessage()).as("libvirt's message").isNotBlank();
        return e;
    }

    /**
     * Runs each call, expecting libvirt's {@code ERR_NO_SUPPORT} naming exactly the C function it
     * is keyed by: proof that a binding reaches its own function (or procedure), not another.
     *
     * @param calls C function name to a call that stands for it, on a driver that lacks it
     */
    static void expectNoSupportNamingEach(Map<String, ThrowingCallable> calls) {
        for (Map.Entry<String, ThrowingCallable> e : calls.entrySet()) {
            LibvirtException x = expectError(ErrorNumber.ERR_NO_SUPPORT, e.getValue());
            assertThat(x.getMessage()).as(e.getKey()).endsWith(": " + e.getKey());
        }
    }

    /** Runs {@code call}, expecting {@link NullPointerException} (the API's null check, before libvirt is touched). */
    static void expectNpe(ThrowingCallable call) {
        assertThat(catchThrowableOfType(NullPointerException.class, call))
                .as("a null argument must give NullPointerException").isNotNull();
    }

    /** @return {@code xml} parsed, failing the test when it is not well-formed */
    static Document parse(String xml) {
        assertThat(xml).as("XML").isNotBlank();
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e + "\n" + xml, e);
        }
    }

    /** @return the text of the XPath {@code expr} in {@code xml}, {@code ""} when absent */
    static String xpath(String xml, String expr) {
        try {
            return (String) XPathFactory.newInstance().newXPath().evaluate(expr, parse(xml), XPathConstants.STRING);
        } catch (Exception e) {
            throw new AssertionError("cannot evaluate " + expr + ": " + e, e);
        }
    }

    /** @return a fresh, unique name with a prefix saying which test made it */
    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** @return XML for a minimal test-driver domain */
    static String testDomainXml(String name, UUID uuid) {
        return "<domain type='test'><name>" + name + "</name><uuid>" + uuid + "</uuid>"
                + "<memory unit='KiB'>65536</memory><currentMemory unit='KiB'>65536</currentMemory>"
                + "<vcpu placement='static'>2</vcpu>"
                + "<os><type arch='x86_64'>hvm</type></os></domain>";
    }
}

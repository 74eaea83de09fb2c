package org.libvirt4j.jna;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.libvirt4j.Connect;
import org.libvirt4j.ConnectAuth;
import org.libvirt4j.ConnectCredential;
import org.libvirt4j.ConnectCredentialType;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.jna.internal.Errors;

/** The JNA-specific edges: the auth callback's native side and symbols an older libvirt lacks. */
class JnaNativeEdgesTest {
    private static final String AUTH_FIXTURE = "<?xml version='1.0' encoding='UTF-8'?><node><auth><user password='s3crët'>alice</user></auth></node>";

    @TempDir
    Path dir;

    private final JnaBackend backend = new JnaBackend();

    private String authUri() throws IOException {
        Path xml = dir.resolve("auth.xml");
        Files.writeString(xml, AUTH_FIXTURE);
        return "test://" + xml.toAbsolutePath();
    }

    private static ConnectAuth answering(String user, String password, List<ConnectCredential> seen) {
        return new ConnectAuth(List.of(ConnectCredentialType.AUTHNAME, ConnectCredentialType.PASSPHRASE), creds -> {
            assertThatThrownBy(() -> creds.add(null)).isInstanceOf(UnsupportedOperationException.class);
            seen.addAll(creds);
            for (ConnectCredential c : creds) {
                c.setResult(c.type() == ConnectCredentialType.AUTHNAME ? user : password);
            }
        });
    }

    @Test
    @DisplayName("The auth callback sees libvirt's prompts, and its UTF-8 answers reach libvirt")
    void authAnswers() throws IOException {
        List<ConnectCredential> seen = new CopyOnWriteArrayList<>();
        try (Connect c = backend.open(authUri(), answering("alice", "s3crët", seen))) {
            assertThat(c.getType()).isEqualTo("TEST");
        }
        // The test driver asks one credential per callback: the user name, then the password.
        assertThat(seen).extracting(ConnectCredential::type)
                .containsExactly(ConnectCredentialType.AUTHNAME, ConnectCredentialType.PASSPHRASE);
        assertThat(seen).allSatisfy(cred -> assertThat(cred.prompt()).isNotEmpty());
    }

    @Test
    @DisplayName("A wrong answer fails the open with libvirt's ERR_AUTH_FAILED")
    void authWrongPassword() throws IOException {
        String uri = authUri();
        assertThatThrownBy(() -> backend.open(uri, answering("alice", "wrong", new CopyOnWriteArrayList<>())).close())
                .isInstanceOfSatisfying(LibvirtException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorNumber.ERR_AUTH_FAILED));
    }

    @Test
    @DisplayName("A callback that throws refuses the open; the exception is kept as the cause")
    void authCallbackThrows() throws IOException {
        String uri = authUri();
        IllegalStateException boom = new IllegalStateException("no terminal");
        ConnectAuth auth = new ConnectAuth(List.of(ConnectCredentialType.AUTHNAME), creds -> {
            throw boom;
        });
        assertThatThrownBy(() -> backend.open(uri, auth).close())
                .isInstanceOfSatisfying(LibvirtException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorNumber.ERR_AUTH_FAILED);
                    assertThat(e.getCause()).isSameAs(boom);
                });
        // Repeated failing opens leave the backend healthy.
        for (int i = 0; i < 50; i++) {
            assertThatThrownBy(() -> backend.open(uri, auth)).isInstanceOf(LibvirtException.class);
        }
        try (Connect c = backend.open("test:///default", (ConnectAuth) null)) {
            assertThat(c.isAlive()).isTrue();
        }
    }

    @Test
    @DisplayName("A JVM Error thrown by the callback is rethrown as itself once libvirt has returned")
    void authCallbackError() throws IOException {
        String uri = authUri();
        AssertionError boom = new AssertionError("callback bug");
        ConnectAuth auth = new ConnectAuth(List.of(ConnectCredentialType.AUTHNAME), creds -> {
            throw boom;
        });
        assertThatThrownBy(() -> backend.open(uri, auth).close()).isSameAs(boom);
        assertThat(boom.getSuppressed()).singleElement().isInstanceOfSatisfying(LibvirtException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorNumber.ERR_AUTH_FAILED));
    }

    @Test
    @DisplayName("An unanswered prompt (no result set) is sent as NULL and libvirt refuses the open")
    void authUnanswered() throws IOException {
        String uri = authUri();
        ConnectAuth auth = new ConnectAuth(List.of(ConnectCredentialType.AUTHNAME, ConnectCredentialType.PASSPHRASE),
                creds -> { });
        assertThatThrownBy(() -> backend.open(uri, auth).close()).isInstanceOfSatisfying(LibvirtException.class,
                // libvirt 9.0's test driver fails without a specific error here, so libvirt's
                // dispatcher reports its generic one.
                e -> assertThat(e).hasMessage("An error occurred, but the cause is unknown"));
    }

    /** A group of natives whose symbol no libvirt has, registered as the optional groups are. */
    static final class Missing {
        static native long virNoSuchFunctionForLibvirt4j(long conn);
    }

    @Test
    @DisplayName("A symbol the installed libvirt lacks becomes ERR_NO_SUPPORT naming it, not a crash")
    void missingSymbol() {
        assertThat(backend.unavailabilityCause()).isEmpty();
        NativeLibrary lib = NativeLibrary.getInstance("libvirt.so.0");
        assertThatThrownBy(() -> Native.register(Missing.class, lib)).isInstanceOf(UnsatisfiedLinkError.class);
        // What every optional call site does: the unregistered native throws, and is converted.
        LibvirtException e = null;
        try {
            Missing.virNoSuchFunctionForLibvirt4j(0);
        } catch (UnsatisfiedLinkError link) {
            e = Errors.noSupport("virNoSuchFunctionForLibvirt4j", link);
        }
        assertThat(e).isNotNull();
        assertThat(e.code()).isEqualTo(ErrorNumber.ERR_NO_SUPPORT);
        assertThat(e.getMessage()).contains("virNoSuchFunctionForLibvirt4j");
    }
}

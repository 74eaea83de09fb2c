package org.libvirt4j.jni;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.libvirt4j.ConnectAuth;
import org.libvirt4j.ConnectCredentialType;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.Libvirt;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.tck.Fixtures;

/** The C-to-Java credential callback inside virConnectOpenAuth: refusals and Java errors. */
class JniAuthTest {
    private static final List<ConnectCredentialType> TYPES =
            List.of(ConnectCredentialType.AUTHNAME, ConnectCredentialType.PASSPHRASE);

    private static String uri() {
        return "test://" + Fixtures.path(Fixtures.AUTH).toAbsolutePath();
    }

    @Test
    @DisplayName("A callback that refuses by throwing makes the open fail with libvirt's ERR_AUTH_FAILED")
    void refusal() {
        ConnectAuth auth = new ConnectAuth(TYPES, creds -> {
            throw new IllegalStateException("no");
        });
        assertThatThrownBy(() -> Libvirt.using("jni").newConnectWithAuth(uri(), auth).close())
                .isInstanceOfSatisfying(LibvirtException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorNumber.ERR_AUTH_FAILED));
    }

    @Test
    @DisplayName("A Java Error thrown in the callback is not swallowed: it reaches the caller after libvirt returns")
    void errorPropagates() {
        ConnectAuth auth = new ConnectAuth(TYPES, creds -> {
            throw new AssertionError("callback broke");
        });
        assertThatThrownBy(() -> Libvirt.using("jni").newConnectWithAuth(uri(), auth).close())
                .isInstanceOf(AssertionError.class).hasMessage("callback broke");
        // The thread is clean afterwards: the next call works.
        assertThat(Libvirt.using("jni").newConnect("test:///default")).satisfies(c -> c.close());
    }

    @Test
    @DisplayName("Unanswered prompts (null results) are passed as no answer and libvirt rejects them")
    void noAnswers() {
        ConnectAuth auth = new ConnectAuth(TYPES, creds -> { });
        assertThatThrownBy(() -> Libvirt.using("jni").newConnectWithAuth(uri(), auth).close())
                .isInstanceOf(LibvirtException.class);
    }
}

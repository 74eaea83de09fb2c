package org.libvirt4j.remote.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.libvirt4j.ConnectAuth;
import org.libvirt4j.ConnectCredentialType;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;

/**
 * A daemon whose SASL exchange misbehaves must fail the open promptly with ERR_AUTH_FAILED: no
 * endless step loop, no hang. The fake offers DIGEST-MD5 over plain TCP (what libvirt's rules
 * allow there) and never says the exchange is complete.
 */
class HostileSaslTest {
    private static final Duration LIMIT = Duration.ofSeconds(20);
    private static final byte[] CHALLENGE = ("nonce=\"abc\",realm=\"r\",qop=\"auth-conf\",cipher=\"rc4\",maxbuf=65536,"
            + "charset=utf-8,algorithm=md5-sess").getBytes(StandardCharsets.US_ASCII);

    /** XDR of {@code remote_auth_sasl_start_ret} / {@code step_ret}: complete, nil, {@code char data<>} (a word per char). */
    private static byte[] saslRet(int complete, byte[] data) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(12 + 4 * data.length);
        b.putInt(complete).putInt(0).putInt(data.length);
        for (byte d : data) {
            b.putInt(d);
        }
        return b.array();
    }

    private static byte[] string(String s) {
        byte[] v = s.getBytes(StandardCharsets.US_ASCII);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 + (v.length + 3) / 4 * 4);
        b.putInt(v.length).put(v);
        return b.array();
    }

    @Test
    @DisplayName("A daemon that answers every SASL step with another challenge is refused, not followed forever")
    void neverCompletes() {
        AtomicInteger steps = new AtomicInteger();
        LibvirtException e = assertTimeoutPreemptively(LIMIT, () -> {
            try (FakeDaemon fake = new FakeDaemon((c, out, s) -> {
                switch (c.proc()) {
                    case 67 -> FakeDaemon.reply(out, c, 0, string("DIGEST-MD5")); // AUTH_SASL_INIT
                    case 68, 69 -> { // AUTH_SASL_START, AUTH_SASL_STEP: always another challenge
                        steps.incrementAndGet();
                        FakeDaemon.reply(out, c, 0, saslRet(0, CHALLENGE));
                    }
                    default -> s.close();
                }
            })) {
                fake.authList = FakeDaemon.ints(1, 1); // AUTH_LIST: [sasl]
                ConnectAuth auth = new ConnectAuth(List.of(ConnectCredentialType.AUTHNAME,
                        ConnectCredentialType.PASSPHRASE), creds -> creds.forEach(cr -> cr.setResult("x")));
                return catchThrowableOfType(LibvirtException.class, () -> RemoteConnect.open(fake.uri(), auth).close());
            }
        });
        assertThat(e).isNotNull();
        assertThat(e.code()).as("%s", e).isEqualTo(ErrorNumber.ERR_AUTH_FAILED);
        assertThat(e.getMessage()).startsWith("authentication failed: Failed to step SASL negotiation");
        assertThat(steps.get()).isLessThanOrEqualTo(SaslAuth.MAX_STEPS + 1);
    }
}

package org.libvirt4j.remote.internal.sasl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SCRAM's client side against the RFCs' worked examples, and its refusals of hostile server messages. */
class ScramClientTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String s(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("SCRAM-SHA-1 reproduces RFC 5802's example exchange")
    void rfc5802() throws Exception {
        ScramClient c = new ScramClient(ScramClient.Hash.SHA_1, "user", null, "pencil", "fyko+d2lbbFgONRv9qkxdawL");
        assertThat(s(c.first())).isEqualTo("n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL");
        assertThat(s(c.step(b("r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096"))))
                .isEqualTo("c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=");
        assertThat(c.isComplete()).isFalse();
        assertThat(c.step(b("v=rmF9pqV8S7suAoZWja4dJRkFsKQ="))).isNull();
        assertThat(c.isComplete()).isTrue();
    }

    @Test
    @DisplayName("SCRAM-SHA-256 reproduces RFC 7677's example exchange")
    void rfc7677() throws Exception {
        ScramClient c = new ScramClient(ScramClient.Hash.SHA_256, "user", "", "pencil", "rOprNGfwEbeRWgbNEkqO");
        assertThat(s(c.first())).isEqualTo("n,,n=user,r=rOprNGfwEbeRWgbNEkqO");
        assertThat(s(c.step(b("r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"))))
                .isEqualTo("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                        + "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=");
        assertThat(c.step(b("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="))).isNull();
        assertThat(c.isComplete()).isTrue();
    }

    @Test
    @DisplayName("An authorization name goes into the gs2 header, names are escaped")
    void authzidAndEscaping() {
        ScramClient c = new ScramClient(ScramClient.Hash.SHA_256, "a=b,c", "ad,min", "pw", "nonce");
        assertThat(s(c.first())).isEqualTo("n,a=ad=2Cmin,n=a=3Db=2Cc,r=nonce");
    }

    @Test
    @DisplayName("A wrong server signature, a foreign nonce and a hostile iteration count are refused")
    void refusals() throws Exception {
        ScramClient c = new ScramClient(ScramClient.Hash.SHA_1, "user", null, "pencil", "fyko+d2lbbFgONRv9qkxdawL");
        c.first();
        c.step(b("r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096"));
        assertThatThrownBy(() -> c.step(b("v=AAAApqV8S7suAoZWja4dJRkFsKQ="))).hasMessageContaining("signature");
        assertThat(c.isComplete()).isFalse();

        for (String hostile : new String[] {"r=other3rfc,s=QSXCR+Q6sek8bf92,i=4096", "r=n0nce,s=QSXCR+Q6sek8bf92,i=2147483647",
                "r=n0nce,s=QSXCR+Q6sek8bf92,i=1", "r=n0nce,s=!!!,i=4096", "garbage", "m=ext,r=n0nce,s=QQ==,i=4096"}) {
            ScramClient d = new ScramClient(ScramClient.Hash.SHA_256, "user", null, "pencil", "n0");
            d.first();
            assertThatThrownBy(() -> d.step(b(hostile))).as(hostile).isInstanceOf(ScramClient.ScramException.class);
        }
        ScramClient e = new ScramClient(ScramClient.Hash.SHA_256, "user", null, "pencil", "n0");
        e.first();
        e.step(b("r=n0nce,s=QSXCR+Q6sek8bf92,i=4096"));
        assertThatThrownBy(() -> e.step(b("e=invalid-proof"))).hasMessageContaining("invalid-proof");
    }
}

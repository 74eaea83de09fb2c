package org.libvirt4j.remote.internal.sasl;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Supplier;
import javax.security.sasl.SaslException;

/**
 * The obsolete {@code LOGIN} mechanism as Cyrus's client speaks it (the JDK has none): the server
 * asks {@code Username:} and {@code Password:} in turn and the client answers each in the clear.
 * No security layer; libvirt allows it only on a unix socket or under TLS.
 */
final class LoginMechanism implements SaslMechanism {
    private final Supplier<String> authname;
    private final Supplier<String> password;
    private boolean complete;

    LoginMechanism(Supplier<String> authname, Supplier<String> password) {
        this.authname = authname;
        this.password = password;
    }

    @Override
    public String name() {
        return "LOGIN";
    }

    @Override
    public byte[] start() {
        return null; // the server speaks first
    }

    @Override
    public byte[] step(byte[] challenge) throws SaslException {
        if (complete) {
            return null; // the server's closing message carries nothing to answer
        }
        // Cyrus's client matches the prompts without case, with or without the colon
        String prompt = challenge == null ? "" : new String(challenge, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        if (prompt.startsWith("username") || prompt.startsWith("user name")) {
            return authname.get().getBytes(StandardCharsets.UTF_8);
        }
        if (prompt.startsWith("password")) {
            byte[] answer = password.get().getBytes(StandardCharsets.UTF_8);
            complete = true;
            return answer;
        }
        throw new SaslException("unexpected server challenge");
    }

    @Override
    public boolean isComplete() {
        return complete;
    }

    @Override
    public int ssf() {
        return 0;
    }

    @Override
    public SaslLayer layer() {
        throw new IllegalStateException("LOGIN has no security layer");
    }
}

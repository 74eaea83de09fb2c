package org.libvirt4j.remote.internal.sasl;

import javax.security.sasl.SaslException;

/** {@link ScramClient} as a {@link SaslMechanism}: no security layer. */
final class ScramMechanism implements SaslMechanism {
    private final ScramClient.Hash hash;
    private final ScramClient scram;

    ScramMechanism(ScramClient.Hash hash, SaslCredentials creds) {
        this.hash = hash;
        this.scram = new ScramClient(hash, creds.authcid(), creds.authzid(), creds.password());
    }

    @Override
    public String name() {
        return hash.mechanism();
    }

    @Override
    public byte[] start() {
        return scram.first();
    }

    @Override
    public byte[] step(byte[] challenge) throws SaslException {
        if (challenge == null) {
            throw new SaslException("the server sent no data");
        }
        try {
            byte[] out = scram.step(challenge);
            // after the server-final message Cyrus answers with an empty, not a missing, response
            return out == null ? new byte[0] : out;
        } catch (ScramClient.ScramException e) {
            throw new SaslException(e.getMessage());
        }
    }

    @Override
    public boolean isComplete() {
        return scram.isComplete();
    }

    @Override
    public int ssf() {
        return 0;
    }

    @Override
    public SaslLayer layer() {
        throw new IllegalStateException("SCRAM negotiates no security layer");
    }
}

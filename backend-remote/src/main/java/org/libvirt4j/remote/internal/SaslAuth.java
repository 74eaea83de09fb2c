package org.libvirt4j.remote.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.libvirt4j.ConnectAuth;
import org.libvirt4j.ConnectCredential;
import org.libvirt4j.ConnectCredentialType;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.remote.generated.RemoteAuthSaslInitRet;
import org.libvirt4j.remote.generated.RemoteAuthSaslStartArgs;
import org.libvirt4j.remote.generated.RemoteAuthSaslStartRet;
import org.libvirt4j.remote.generated.RemoteAuthSaslStepArgs;
import org.libvirt4j.remote.generated.RemoteAuthSaslStepRet;
import org.libvirt4j.remote.generated.RemoteProcedure;
import org.libvirt4j.remote.generated.RemoteProtocol;
import org.libvirt4j.remote.internal.auth.AuthFile;
import org.libvirt4j.remote.internal.rpc.RpcConnection;
import org.libvirt4j.remote.internal.sasl.Mechanisms;
import org.libvirt4j.remote.internal.sasl.SaslCredentials;
import org.libvirt4j.remote.internal.sasl.SaslMechanism;

/**
 * SASL authentication as libvirt's remote driver does it ({@code remoteAuthSASL}):
 * {@code AUTH_SASL_INIT} for the server's mechanisms, Cyrus's choice among them under libvirt's
 * security properties (no minimum SSF on a secure transport, 56 otherwise), the credentials
 * asked through the connection's {@link ConnectAuth} exactly as libvirt maps Cyrus's prompts,
 * then {@code AUTH_SASL_START} and {@code AUTH_SASL_STEP} until both sides are complete (at most
 * {@link #MAX_STEPS} steps, so a server that never completes cannot loop us forever), the SSF
 * check, and the security layer if one was negotiated.
 */
final class SaslAuth {
    /** Round trips after {@code AUTH_SASL_START} before giving up: real mechanisms need at most a few. */
    static final int MAX_STEPS = 32;

    private SaslAuth() {
    }

    /**
     * @param wantMech the mechanism the URI's {@code auth=sasl.MECH} asks for, or {@code null}
     * @param secure whether the transport is secure (unix socket, TLS): no minimum SSF then
     * @param authfile the URI's {@code authfile} parameter, or {@code null}
     * @return whether a security layer was installed
     */
    static boolean authenticate(RpcConnection rpc, long deadline, String host, ConnectAuth auth, String wantMech,
            boolean secure, String authfile) {
        String mechlist = rpc.callBefore(deadline, RemoteProcedure.REMOTE_PROC_AUTH_SASL_INIT.value(), null,
                RemoteAuthSaslInitRet::decode).mechlist();
        if (wantMech != null) {
            // libvirt looks for the name as a plain (case-sensitive) substring of the list
            if (!mechlist.contains(wantMech)) {
                throw LibvirtException.of(ErrorNumber.ERR_AUTH_FAILED, ErrorDomain.REMOTE,
                        "authentication failed: SASL mechanism " + wantMech + " not supported by server");
            }
            mechlist = wantMech;
        }
        int minSsf = secure ? 0 : Mechanisms.MIN_SSF_INSECURE;
        boolean password = auth != null && auth.credTypes().contains(ConnectCredentialType.PASSPHRASE);
        Optional<String> chosen = Mechanisms.choose(mechlist, password, minSsf);
        if (chosen.isEmpty()) {
            throw saslError("start", -4, "no mechanism available", "No worthy mechs found");
        }
        String mech = chosen.get();
        // Cyrus asks for the credentials in the step where the mechanism first needs them: at
        // start when the client speaks first (SCRAM), at the first step when the server does.
        String phase = Mechanisms.serverFirst(mech) ? "step" : "start";
        SaslMechanism m;
        byte[] out;
        try {
            if (mech.equals("LOGIN")) {
                // Cyrus's LOGIN asks for each credential when the server's prompt for it arrives
                m = Mechanisms.login(() -> ask(auth, phase, host, authfile, true, false).authcid(),
                        () -> ask(auth, phase, host, authfile, false, true).password());
            } else {
                SaslCredentials creds = Mechanisms.needsPassword(mech) ? ask(auth, phase, host, authfile, true, true)
                        : null;
                m = Mechanisms.create(mech, creds, host, !secure);
            }
            out = m.start();
        } catch (javax.security.sasl.SaslException e) {
            throw saslError("start", -1, "generic failure", detail(e));
        }
        RemoteAuthSaslStartRet started = rpc.callBefore(deadline, RemoteProcedure.REMOTE_PROC_AUTH_SASL_START.value(),
                new RemoteAuthSaslStartArgs(mech, out == null ? 1 : 0, out == null ? new byte[0] : checkSize(out))::encode,
                RemoteAuthSaslStartRet::decode);
        boolean complete = started.complete() != 0;
        byte[] in = started.nil() != 0 ? null : started.data();
        for (int steps = 0; ; steps++) {
            try {
                out = m.step(in);
            } catch (javax.security.sasl.SaslException e) {
                throw saslError("step", -1, "generic failure", detail(e));
            }
            if (complete && m.isComplete()) {
                break;
            }
            if (steps == MAX_STEPS) {
                throw saslError("step", -1, "generic failure", "the server did not complete in " + MAX_STEPS + " steps");
            }
            RemoteAuthSaslStepRet stepped = rpc.callBefore(deadline, RemoteProcedure.REMOTE_PROC_AUTH_SASL_STEP.value(),
                    new RemoteAuthSaslStepArgs(out == null ? 1 : 0, out == null ? new byte[0] : checkSize(out))::encode,
                    RemoteAuthSaslStepRet::decode);
            complete = stepped.complete() != 0;
            in = stepped.nil() != 0 ? null : stepped.data();
            if (complete && m.isComplete()) {
                break;
            }
        }
        int ssf = m.ssf();
        if (!secure && ssf < Mechanisms.MIN_SSF_INSECURE) {
            throw LibvirtException.of(ErrorNumber.ERR_AUTH_FAILED, ErrorDomain.REMOTE,
                    "authentication failed: negotiation SSF " + ssf + " was not strong enough");
        }
        if (ssf > 0) {
            rpc.startSaslLayer(m.layer());
            return true;
        }
        return false;
    }

    /**
     * Gathers what Cyrus's password mechanisms prompt for (the names, the password, or both: one
     * interaction of Cyrus's), in Cyrus's order (authorization name,
     * authentication name, password), each only if the application declared its credential type,
     * as libvirt registers a Cyrus callback only for those. As libvirt's
     * {@code remoteAuthInteract}, the auth file's {@code [auth-libvirt-HOST]} answers first
     * ({@code username}, {@code authname}, {@code password}); the callback is asked for the rest,
     * and not at all when the file answered everything.
     */
    private static SaslCredentials ask(ConnectAuth auth, String phase, String host, String authfile, boolean names,
            boolean withPassword) {
        List<ConnectCredentialType> types = auth.credTypes();
        String envName = null;
        if (names && !types.contains(ConnectCredentialType.AUTHNAME)) {
            // without the application's callback Cyrus takes the login name from the environment,
            // and fails before asking anything when there is none
            envName = System.getenv("USER") != null ? System.getenv("USER") : System.getenv("USERNAME");
            if (envName == null) {
                throw saslError(phase, -1, "generic failure", "");
            }
        }
        List<Prompt> prompts = new ArrayList<>();
        if (names && types.contains(ConnectCredentialType.USERNAME)) {
            prompts.add(new Prompt(ConnectCredentialType.USERNAME, "username", "Please enter your authorization name",
                    "Authorization Name"));
        }
        if (names && envName == null) {
            prompts.add(new Prompt(ConnectCredentialType.AUTHNAME, "authname", "Please enter your authentication name",
                    "Authentication Name"));
        }
        if (withPassword) {
            prompts.add(new Prompt(ConnectCredentialType.PASSPHRASE, "password", "Please enter your password",
                    "Password"));
        }
        Optional<AuthFile> file = AuthFile.find(authfile);
        List<ConnectCredential> asked = new ArrayList<>();
        for (Prompt p : prompts) {
            p.result = file.flatMap(f -> f.lookup("libvirt", host, p.credname)).orElse(null);
            if (p.result == null) {
                p.credential = new ConnectCredential(p.type.value(), p.prompt, p.challenge, null);
                asked.add(p.credential);
            }
        }
        if (!asked.isEmpty()) {
            try {
                auth.callback().authenticate(List.copyOf(asked));
            } catch (RuntimeException e) {
                throw LibvirtException.of(ErrorNumber.ERR_AUTH_FAILED, ErrorDomain.REMOTE,
                        "authentication failed: Failed to collect auth credentials");
            }
            for (Prompt p : prompts) {
                if (p.credential != null) {
                    p.result = p.credential.result();
                }
            }
        }
        String authzid = null;
        String authcid = envName;
        String password = null;
        for (Prompt p : prompts) {
            switch (p.type) {
                case USERNAME -> authzid = p.result;
                case AUTHNAME -> authcid = p.result;
                default -> password = p.result;
            }
        }
        if (names && authcid == null) {
            throw saslError(phase, -7, "invalid parameter supplied",
                    "Unexpectedly missing a prompt result in _plug_get_simple");
        }
        if (withPassword && password == null) {
            throw saslError(phase, -7, "invalid parameter supplied",
                    "Unexpectedly missing a prompt result in _plug_get_password");
        }
        return new SaslCredentials(authzid, authcid, password);
    }

    /** One of Cyrus's prompts: the credential type it maps to, the auth file's name for it, its answer. */
    private static final class Prompt {
        final ConnectCredentialType type;
        final String credname;
        final String prompt;
        final String challenge;
        String result;
        ConnectCredential credential;

        Prompt(ConnectCredentialType type, String credname, String prompt, String challenge) {
            this.type = type;
            this.credname = credname;
            this.prompt = prompt;
            this.challenge = challenge;
        }
    }

    private static byte[] checkSize(byte[] out) {
        if (out.length > RemoteProtocol.REMOTE_AUTH_SASL_DATA_MAX) {
            throw LibvirtException.of(ErrorNumber.ERR_AUTH_FAILED, ErrorDomain.REMOTE,
                    "authentication failed: SASL negotiation data too long: " + out.length + " bytes");
        }
        return out;
    }

    private static String detail(Exception e) {
        return e.getMessage() == null ? "" : e.getMessage();
    }

    /** libvirt's wording of a Cyrus failure ({@code virNetSASLSession*}, domain RPC). */
    private static LibvirtException saslError(String phase, int code, String what, String detail) {
        return LibvirtException.of(ErrorNumber.ERR_AUTH_FAILED, ErrorDomain.RPC, "authentication failed: Failed to "
                + phase + " SASL negotiation: " + code + " (SASL(" + code + "): " + what + ": " + detail + ")");
    }
}

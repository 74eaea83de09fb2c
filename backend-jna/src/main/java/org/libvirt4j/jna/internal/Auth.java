package org.libvirt4j.jna.internal;

import com.sun.jna.Callback;
import com.sun.jna.CallbackReference;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.List;
import org.libvirt4j.ConnectAuth;
import org.libvirt4j.ConnectCredential;
import org.libvirt4j.ConnectCredentialType;

/**
 * A {@code virConnectAuth} built for one {@code virConnectOpenAuth} call: the credential types
 * and a native callback that asks the Java {@link org.libvirt4j.ConnectAuthCallback}.
 * Keep it reachable until the call returns, then close it.
 */
public final class Auth implements AutoCloseable {
    // struct _virConnectAuth on LP64: int *credtype; unsigned int ncredtype; cb; void *cbdata.
    private static final int AUTH_SIZE = 32;
    private static final int AUTH_NCREDTYPE = 8;
    private static final int AUTH_CB = 16;
    // struct _virConnectCredential on LP64: int type; 4 pointers; unsigned int resultlen.
    private static final int CRED_SIZE = 48;
    private static final int CRED_PROMPT = 8;
    private static final int CRED_CHALLENGE = 16;
    private static final int CRED_DEFRESULT = 24;
    private static final int CRED_RESULT = 32;
    private static final int CRED_RESULTLEN = 40;

    private final Memory struct;
    private final Memory credTypes;
    private final Handler handler;

    /** The C callback type {@code virConnectAuthCallbackPtr}. */
    public interface AuthCallback extends Callback {
        /**
         * @param cred the credentials to fill in
         * @param ncred how many
         * @param cbdata unused
         * @return 0 when all were filled, -1 to refuse
         */
        int invoke(Pointer cred, int ncred, Pointer cbdata);
    }

    /** Calls the Java callback and copies its answers into memory libvirt frees. */
    public static final class Handler implements AuthCallback {
        private final ConnectAuth auth;
        private volatile Throwable failure;

        Handler(ConnectAuth auth) {
            this.auth = auth;
        }

        @Override
        public int invoke(Pointer cred, int ncred, Pointer cbdata) {
            try {
                List<ConnectCredential> creds = new ArrayList<>(ncred);
                for (int i = 0; i < ncred; i++) {
                    long base = (long) i * CRED_SIZE;
                    creds.add(new ConnectCredential(cred.getInt(base),
                            CStrings.read(cred.getLong(base + CRED_PROMPT)),
                            CStrings.read(cred.getLong(base + CRED_CHALLENGE)),
                            CStrings.read(cred.getLong(base + CRED_DEFRESULT))));
                }
                auth.callback().authenticate(List.copyOf(creds));
                for (int i = 0; i < ncred; i++) {
                    long base = (long) i * CRED_SIZE;
                    String result = creds.get(i).result();
                    if (result == null) {
                        cred.setLong(base + CRED_RESULT, 0);
                        cred.setInt(base + CRED_RESULTLEN, 0);
                    } else {
                        // libvirt frees result with free() once it has used it.
                        byte[] c = CStrings.of(result);
                        cred.setLong(base + CRED_RESULT, CStrings.mallocCopy(c));
                        cred.setInt(base + CRED_RESULTLEN, c.length - 1);
                    }
                }
                return 0;
            } catch (Throwable t) {
                // Nothing may unwind through libvirt's C frames: refuse, and keep the reason.
                failure = t;
                return -1;
            }
        }
    }

    /** @param auth the Java side */
    public Auth(ConnectAuth auth) {
        this.handler = new Handler(auth);
        List<ConnectCredentialType> types = auth.credTypes();
        this.credTypes = types.isEmpty() ? null : new Memory(4L * types.size());
        for (int i = 0; i < types.size(); i++) {
            credTypes.setInt(4L * i, types.get(i).value());
        }
        this.struct = new Memory(AUTH_SIZE);
        struct.clear();
        struct.setPointer(0, credTypes);
        struct.setInt(AUTH_NCREDTYPE, types.size());
        struct.setPointer(AUTH_CB, CallbackReference.getFunctionPointer(handler));
    }

    /** @return the address of the {@code virConnectAuth} */
    public long address() {
        return Pointer.nativeValue(struct);
    }

    /** @return what the Java callback threw, or {@code null} */
    public Throwable failure() {
        return handler.failure;
    }

    @Override
    public void close() {
        struct.close();
        if (credTypes != null) {
            credTypes.close();
        }
    }
}

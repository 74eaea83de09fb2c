package org.libvirt4j;

/**
 * Told when an admin connection closes under the application ({@code virAdmConnectCloseFunc}):
 * the daemon went away or an error ended it. Closing the connection yourself does not call it.
 */
@FunctionalInterface
public interface AdmCloseCallback {
    /**
     * @param conn the connection that closed; every further call on it fails
     * @param reasonValue the raw {@code virConnectCloseReason}; decode with {@link ConnectCloseReason#fromValue(int)}
     */
    void onClose(AdmConnect conn, int reasonValue);
}
